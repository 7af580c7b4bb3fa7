/**
 * Stemming with both Snowball-family stemmers of @orama/stemmers (German: Snowball German; English:
 * Porter), a few KB together. Questions carry no language tag and mix languages ("Gibt es die Slides?"),
 * so every word gets both stems as match keys: two words match when any key agrees. Each stemmer is only
 * asked about a form it can read: German gets the umlaut form ("fuer" → "für"), English the plain word.
 * Keys are folded (no umlauts), so "Häuser" and "Haeuser" both give "haus".
 */
import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemGerman } from '@orama/stemmers/german';
import { foldDiacritics, toUmlautForm } from './normalize.js';


/**
 * Match keys of one lower-case word: its surface form, its German stem, its English stem, and for a German
 * participle the stem without "ge" (deduplicated, surface first).
 */
export function stemKeys(word: string): readonly string[] {
  const umlaut = toUmlautForm(word);
  const surface = foldDiacritics(umlaut);
  const keys = new Set<string>([surface]);
  if (!/^\d+$/.test(word)) {
    keys.add(foldDiacritics(stemGerman(umlaut)));
    keys.add(stemEnglish(foldDiacritics(word)));
    // German participles: "gemessen" also as "messen", "gefragt" as "fragt" (stem of the rest)
    if (umlaut.length >= 7 && umlaut.startsWith('ge') && /(?:t|en)$/.test(umlaut)) keys.add(foldDiacritics(stemGerman(umlaut.slice(2))));
  }
  return [...keys].filter((k) => k.length > 0);
}

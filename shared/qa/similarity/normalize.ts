/**
 * Text normalisation for duplicate detection. Pure, runs in the browser and on the server.
 *
 * Two forms per word:
 * - the "umlaut form" keeps ä/ö/ü and also turns the digraphs ae/oe/ue into them (German2 rule of the
 *   Snowball project: not for "ue" after "q"), so "fuer", "Foerderung" and "für", "Förderung" agree;
 *   this is what the German stemmer sees;
 * - the folded form ("surface") maps ä/ö/ü to a/o/u on top of that; it is what typo tolerance and the
 *   index compare. ß is always "ss".
 * Digits are kept; every other non-letter is a separator. Hyphenated words come out as their parts,
 * each also carrying the joined word (see tokenize).
 */

/** Lower case, NFC, ß → ss, and every run of non letters/digits (hyphens aside) → one space. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/['’`´]/g, '') // "what's" → "whats", "participants'" → "participants"
    .replace(/[^\p{L}\p{N}-]+/gu, ' ')
    .replace(/(^|\s)-+|-+(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** German2 digraphs → umlauts ("fuer" → "für"), not "ue" after "q" ("quelle", "question"). */
export function toUmlautForm(word: string): string {
  return word.replace(/ae/g, 'ä').replace(/oe/g, 'ö').replace(/(^|[^q])ue/g, '$1ü');
}

const FOLD: Record<string, string> = { ä: 'a', ö: 'o', ü: 'u' };

/** Umlauts and other diacritics to their base letters ("fördermittel" → "fordermittel", "café" → "cafe"). */
export function foldDiacritics(word: string): string {
  return word
    .replace(/[äöü]/g, (c) => FOLD[c]!)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

/** The form typo tolerance and the stop-word list compare: umlaut form, then folded. */
export function surfaceForm(word: string): string {
  return foldDiacritics(toUmlautForm(word));
}

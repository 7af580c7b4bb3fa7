/**
 * A small table of words attendees use interchangeably at events, German and English together, so that
 * "Wann fängt … an?" meets "Wann beginnt …?" and "Folien" meets "Slides". Each group becomes one extra
 * match key ("~" + the group's first word) on every word whose stem is in the group. Kept short on
 * purpose: general event vocabulary, not a thesaurus; a wrong entry merges different questions.
 * Words are given as spoken; they are stemmed with both stemmers when the table is built.
 */
import { stemKeys } from './stem.js';

const GROUPS = `
beginnen anfangen starten start begin beginning starts
enden aufhören end ending finish
folien slides slide präsentation presentation foliensatz deck
aufzeichnung aufnahme mitschnitt recording recorded aufgezeichnet record
kosten preis gebühr cost price fee
teilnehmer teilnehmende teilnehmerinnen participant attendee attendees
firma unternehmen betrieb company business
mitarbeiter mitarbeitende beschäftigte employee staff
anmelden registrieren anmeldung registrierung register registration sign-up signup
zertifikat bescheinigung bestätigung certificate
herunterladen download runterladen
teilen verschicken senden share send
pause break
vortrag talk vorträge
fragen questions question
raum saal room hall
`;

function build(): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of GROUPS.split('\n')) {
    const words = line.split(/\s+/).filter(Boolean);
    if (words.length < 2) continue;
    const tag = `~${words[0]}`;
    for (const w of words) for (const k of stemKeys(w.replace(/-/g, ''))) if (!map.has(k)) map.set(k, tag);
  }
  return map;
}

let table: Map<string, string> | undefined;

/** The synonym keys ("~group") of a word's match keys, usually none. */
export function synonymKeys(keys: readonly string[]): string[] {
  table ??= build();
  const out: string[] = [];
  for (const k of keys) {
    const tag = table.get(k);
    if (tag && !out.includes(tag)) out.push(tag);
  }
  return out;
}

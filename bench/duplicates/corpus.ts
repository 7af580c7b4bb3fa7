/**
 * A synthetic event of N questions in German and English for timing the similarity index: templates ×
 * subjects × details, deterministic for a seed. Many share words (as real events do: one topic, many
 * askers), some are near copies.
 */
const DE_TEMPLATES = [
  'Wie funktioniert {s} {d}?',
  'Gibt es {s} auch {d}?',
  'Wann wird {s} {d} veröffentlicht?',
  'Welche Erfahrungen habt ihr mit {s} {d} gemacht?',
  'Was kostet {s} {d}?',
  'Kann man {s} {d} nutzen?',
  'Wie sicher ist {s} {d}?',
  'Wer ist für {s} {d} zuständig?',
];
const EN_TEMPLATES = [
  'How does {s} work {d}?',
  'Is {s} also available {d}?',
  'When will {s} be published {d}?',
  'What experience do you have with {s} {d}?',
  'How much does {s} cost {d}?',
  'Can we use {s} {d}?',
  'How secure is {s} {d}?',
  'Who is responsible for {s} {d}?',
];
const DE_SUBJECTS = ['die Förderung', 'der Workshop', 'die Aufzeichnung', 'die Cloud-Lösung', 'das Netzwerktreffen', 'die KI-Plattform', 'der Datenschutz', 'die Schnittstelle', 'das Förderprogramm', 'die Präsentation', 'der Wasserstoff', 'die Photovoltaik', 'das Homeoffice', 'die Anmeldung', 'die Zertifizierung', 'das Mentoring', 'die Digitalisierung', 'der Onlineshop', 'die Buchhaltung', 'das Recruiting'];
const EN_SUBJECTS = ['the funding', 'the workshop', 'the recording', 'the cloud solution', 'the networking event', 'the AI platform', 'data protection', 'the interface', 'the grant programme', 'the presentation', 'hydrogen', 'solar power', 'remote work', 'registration', 'the certification', 'mentoring', 'digitalisation', 'the online shop', 'accounting', 'recruiting'];
const DE_DETAILS = ['für kleine Unternehmen', 'im Handwerk', 'in Bayern', 'nach der Veranstaltung', 'für Studierende', 'im Mittelstand', 'für Vereine', 'in der Praxis', 'im nächsten Jahr', 'für Kommunen', 'ohne Vorkenntnisse', 'auf Englisch'];
const EN_DETAILS = ['for small businesses', 'in crafts', 'in Bavaria', 'after the event', 'for students', 'for SMEs', 'for associations', 'in practice', 'next year', 'for municipalities', 'without prior knowledge', 'in German'];

export function syntheticQuestions(n: number, seed = 1): { id: string; text: string }[] {
  let state = seed >>> 0 || 1;
  const pick = <T>(list: readonly T[]): T => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return list[(state >>> 8) % list.length]!;
  };
  const out: { id: string; text: string }[] = [];
  for (let i = 0; i < n; i++) {
    const de = i % 3 !== 2;
    const text = (de ? pick(DE_TEMPLATES) : pick(EN_TEMPLATES))
      .replace('{s}', de ? pick(DE_SUBJECTS) : pick(EN_SUBJECTS))
      .replace('{d}', de ? pick(DE_DETAILS) : pick(EN_DETAILS));
    out.push({ id: `q${i + 1}`, text });
  }
  return out;
}

/** Drafts typed letter by letter in the timing: each prefix is one lookup. */
export const DRAFTS = [
  'Wird die Präsentation nach dem Vortrag aufgezeichnet und verschickt?',
  'How many people can register for the workshop on hydrogen in small companies?',
  'Gibt es vegetarisches Essen in der Mittagspause für Teilnehmer?',
  'Welche Förderprogramme gibt es für kleine Handwerksbetriebe in Bayern?',
  'Is the AI platform also available for students without prior knowledge?',
];

export interface LookupTiming {
  questions: number;
  lookups: number;
  buildMs: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

/** Builds an index of `n` synthetic questions and times findSimilar for every prefix of every draft. */
export function timeLookups(
  createIndex: () => { add(id: string, text: string): void; findSimilar(text: string, o?: { limit?: number }): unknown },
  now: () => number,
  n = 1000,
): LookupTiming {
  const questions = syntheticQuestions(n);
  const index = createIndex();
  const t0 = now();
  for (const q of questions) index.add(q.id, q.text);
  const buildMs = now() - t0;
  const times: number[] = [];
  for (const draft of DRAFTS) {
    for (let len = 1; len <= draft.length; len++) {
      const t = now();
      index.findSimilar(draft.slice(0, len), { limit: 3 });
      times.push(now() - t);
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number): number => times[Math.min(times.length - 1, Math.floor(times.length * q))]!;
  return {
    questions: n,
    lookups: times.length,
    buildMs,
    meanMs: times.reduce((a, b) => a + b, 0) / times.length,
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    maxMs: times[times.length - 1]!,
  };
}

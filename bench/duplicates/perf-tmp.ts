import { createSimilarityIndex } from '../../shared/qa/similarity/index.js';
import { loadPairs } from './metrics.js';
const base = loadPairs().flatMap((p) => [p.a, p.b]);
const extra = ['heute', 'morgen', 'im Team', 'für Startups', 'in Bayern', 'bei Kunden', 'für Schulen', 'in der Praxis', 'next year', 'for SMEs', 'in Europe', 'with AI', 'Region', 'Kosten', 'Datenschutz', 'Nachhaltigkeit'];
let seed = 7; const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const questions: string[] = [];
for (let i = 0; i < 1000; i++) { const q = base[i % base.length]!; questions.push(i < base.length ? q : `${q.replace(/[?!.]+$/, '')} ${extra[Math.floor(rnd() * extra.length)]} ${extra[Math.floor(rnd() * extra.length)]}?`); }
const index = createSimilarityIndex();
let t = performance.now();
questions.forEach((q, i) => index.add(`q${i}`, q));
console.log('build ms', (performance.now() - t).toFixed(1));
const drafts = ['Wird die Präsentation nach dem Vortrag aufgezeichnet und verschickt?', 'How many people can register for the workshop on hydrogen in small companies?', 'Gibt es vegetarisches Essen in der Mittagspause für Teilnehmer?'];
const times: number[] = [];
for (let rep = 0; rep < 3; rep++) for (const d of drafts) for (let n = 1; n <= d.length; n++) { const s = performance.now(); index.findSimilar(d.slice(0, n)); times.push(performance.now() - s); }
times.sort((a, b) => a - b);
console.log('keystrokes', times.length, 'mean', (times.reduce((a, b) => a + b) / times.length).toFixed(3), 'p50', times[times.length >> 1]!.toFixed(3), 'p95', times[Math.floor(times.length * 0.95)]!.toFixed(3), 'max', times.at(-1)!.toFixed(3));

/**
 * All results of a round in one file, made from the staff snapshot in the browser (no extra route): Markdown
 * for reading and pasting into minutes, CSV (RFC 4180, `;`-free quoting) for spreadsheets. Pure.
 */
import type { RoundView } from '../../../shared/breakouts/schemas.js';

export interface ExportLabels {
  round: string;
  group: string;
  topic: string;
  members: string;
  result: string;
  noResult: string;
}

const memberNames = (g: RoundView['groups'][number]) => g.members.map((m) => m.name ?? '?').join(', ');

export function resultsMarkdown(round: RoundView, l: ExportLabels): string {
  const out = [`# ${l.round}`, ''];
  for (const g of round.groups) {
    out.push(`## ${g.name}`, '');
    if (g.topic) out.push(`**${l.topic}:** ${g.topic}`, '');
    out.push(`**${l.members}:** ${memberNames(g) || '–'}`, '');
    out.push(g.result.trim() ? g.result.trim() : `_${l.noResult}_`, '');
  }
  return out.join('\n');
}

function cell(text: string): string {
  // Quote every cell: results hold commas, quotes and line breaks; a leading = + - @ would be a formula.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function resultsCsv(round: RoundView, l: ExportLabels): string {
  const rows = [[l.group, l.topic, l.members, l.result]];
  for (const g of round.groups) rows.push([g.name, g.topic, memberNames(g), g.result]);
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Offers a text as a download (the shell part; the browser names the file). */
export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

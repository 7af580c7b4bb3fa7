/**
 * The roster CSV a facilitator imports before the event: a `name` column, optionally `email`, and any
 * other column becomes an attribute (company, role …). Comma, semicolon (German Excel) or tab separated,
 * with or without a BOM. Everything is checked before anything is stored; the first problem is reported
 * with its line. Pure.
 */
import { parse } from 'csv-parse/sync';
import { Email } from '../../../shared/api.js';
import { DomainError } from '../../../shared/errors.js';

export interface RosterRow {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  name: string;
  email: string | null;
  attributes: Record<string, string>;
}

export const MAX_ROSTER_ROWS = 5000;
const EMAIL_HEADERS = new Set(['email', 'e-mail', 'mail']);

function bad(message: string): DomainError {
  return new DomainError('invalid_payload', message, { fields: ['(body)'] });
}

function delimiterOf(headerLine: string): string {
  let best = ',';
  let most = 0;
  for (const d of [',', ';', '\t']) {
    const count = headerLine.split(d).length - 1;
    if (count > most) [best, most] = [d, count];
  }
  return best;
}

/** An attribute key as stored: lower case, spaces to _, at most 30 characters (like the profile keys). */
export function attributeKey(header: string): string {
  return header.trim().toLowerCase().replace(/\s+/g, '_').slice(0, 30);
}

export function parseRoster(text: string): RosterRow[] {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) throw bad('the file is empty; the first line must name the columns, e.g. "name,email,company"');
  const headerLine = body.split(/\r?\n/, 1)[0] ?? '';
  let records: string[][];
  try {
    records = parse(body, { delimiter: delimiterOf(headerLine), skip_empty_lines: true, relax_quotes: false, bom: true, trim: true }) as string[][];
  } catch (err) {
    const e = err as { message?: string; lines?: number };
    throw bad(`the file is not valid CSV${e.lines ? ` (line ${e.lines})` : ''}: ${e.message ?? 'parse error'}`);
  }
  const [header, ...rows] = records;
  if (!header) throw bad('the file is empty');
  const keys = header.map((h) => attributeKey(h));
  const nameAt = keys.indexOf('name');
  if (nameAt < 0) throw bad('the first line must contain a "name" column');
  const emailAt = keys.findIndex((k) => EMAIL_HEADERS.has(k));
  const seen = new Set<string>();
  keys.forEach((k, i) => {
    if (!k) throw bad(`column ${i + 1} has no name in the first line`);
    if (seen.has(k)) throw bad(`the column "${header[i]}" appears twice`);
    seen.add(k);
  });
  if (rows.length > MAX_ROSTER_ROWS) throw bad(`at most ${MAX_ROSTER_ROWS} people per import (got ${rows.length})`);

  const out: RosterRow[] = [];
  const emails = new Map<string, number>();
  const names = new Map<string, number>();
  rows.forEach((cells, r) => {
    const line = r + 2;
    const name = (cells[nameAt] ?? '').trim();
    if (!name) throw bad(`line ${line}: the name is empty`);
    if (name.length > 60) throw bad(`line ${line}: the name is longer than 60 characters`);
    let email: string | null = null;
    const rawEmail = emailAt >= 0 ? (cells[emailAt] ?? '').trim() : '';
    if (rawEmail) {
      const parsed = Email.safeParse(rawEmail);
      if (!parsed.success) throw bad(`line ${line}: "${rawEmail}" is not an email address`);
      email = parsed.data;
      if (emails.has(email)) throw bad(`line ${line}: ${email} is already on line ${emails.get(email)}`);
      emails.set(email, line);
    } else {
      // Without an email the name is what tells people apart (and what a re-import matches on).
      const key = name.toLowerCase();
      if (names.has(key)) throw bad(`line ${line}: "${name}" is already on line ${names.get(key)}; add an email to tell them apart`);
      names.set(key, line);
    }
    const attributes: Record<string, string> = {};
    keys.forEach((key, i) => {
      if (i === nameAt || i === emailAt) return;
      const value = (cells[i] ?? '').trim();
      if (value.length > 100) throw bad(`line ${line}: the value of "${header[i]}" is longer than 100 characters`);
      if (value) attributes[key] = value;
    });
    out.push({ line, name, email, attributes });
  });
  return out;
}

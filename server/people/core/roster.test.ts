import { describe, expect, it } from 'vitest';
import type { DomainError } from '../../../shared/errors.js';
import { parseRoster } from './roster.js';

function message(text: string): string {
  try {
    parseRoster(text);
  } catch (err) {
    return (err as DomainError).message;
  }
  return 'no error';
}

describe('roster CSV', () => {
  it('reads name, email and attribute columns (comma, BOM, quotes, CRLF)', () => {
    const rows = parseRoster('\uFEFFName,E-Mail,Company,Team Role\r\n"Müller, Anna",ANNA@example.org,ACME,Lead\r\nBen,,Globex,\r\n\r\n');
    expect(rows).toEqual([
      { line: 2, name: 'Müller, Anna', email: 'anna@example.org', attributes: { company: 'ACME', team_role: 'Lead' } },
      { line: 3, name: 'Ben', email: null, attributes: { company: 'Globex' } },
    ]);
  });

  it('reads semicolon and tab separated files (German Excel)', () => {
    expect(parseRoster('name;email;firma\nÖzlem;oz@example.org;Süd AG\n')[0]).toMatchObject({ name: 'Özlem', attributes: { firma: 'Süd AG' } });
    expect(parseRoster('name\tabteilung\nJo\tIT\n')[0]).toMatchObject({ name: 'Jo', attributes: { abteilung: 'IT' } });
  });

  it('explains what is wrong, with the line', () => {
    expect(message('')).toContain('empty');
    expect(message('email,company\na@example.org,ACME\n')).toContain('"name" column');
    expect(message('name,email\nAnna,keine-mail\n')).toContain('line 2');
    expect(message('name,email\nAnna,a@example.org\nAnne,A@example.org\n')).toContain('line 3');
    expect(message('name\nAnna\nanna\n')).toContain('already on line 2');
    expect(message('name,company\nAnna,ACME,extra\n')).toContain('not valid CSV');
    expect(message('name,company\n,ACME\n')).toContain('line 2: the name is empty');
    expect(message('name,Company,company\nA,x,y\n')).toContain('twice');
  });
});

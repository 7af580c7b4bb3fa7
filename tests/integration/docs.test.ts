/** The protocol and API docs name every command (with its roles), every server event and every route. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands, serverEvents, type CommandName } from '../../shared/socket.js';

const root = resolve(import.meta.dirname, '../..');
const protocol = readFileSync(resolve(root, 'docs/protocol.md'), 'utf8');
const apiDoc = readFileSync(resolve(root, 'docs/api.md'), 'utf8');

function section(doc: string, heading: string): string {
  const start = doc.indexOf(`\n### \`${heading}\``);
  if (start < 0) return '';
  const next = doc.indexOf('\n##', start + 5);
  return doc.slice(start, next < 0 ? undefined : next);
}

describe('docs/protocol.md', () => {
  it.each(Object.keys(commands) as CommandName[])('documents %s with exactly its roles', (name) => {
    const text = section(protocol, name);
    expect(text, `a "### \`${name}\`" section`).not.toBe('');
    const who = /- Who: (.+)/.exec(text)?.[1];
    expect(who?.split(',').map((r) => r.trim()).sort()).toEqual([...commands[name].roles].sort());
  });

  it.each(Object.keys(serverEvents))('documents the server event %s', (name) => {
    expect(section(protocol, name)).not.toBe('');
  });
});

describe('docs/api.md', () => {
  const routes = [
    'GET /healthz', 'GET /metrics', 'GET /api/setup', 'POST /api/setup', 'POST /api/auth/login', 'POST /api/auth/logout', 'GET /api/auth/me',
    'POST /api/events', 'GET /api/events', 'GET /api/events/:id', 'PATCH /api/events/:id', 'DELETE /api/events/:id',
    'POST /api/events/:id/links/:role/rotate', 'GET /api/events/:id/questions.csv', 'GET /api/join/:code',
    'POST /api/join/:code/attendees', 'POST /api/events/:id/roster', 'GET /api/events/:id/roster',
    'POST /api/events/:id/questions',
    'GET /api/events/:id/polls.csv', 'GET /api/events/:id/polls.json', 'GET /api/events/:id/polls/:pollId.csv',
    'GET /api/events/:id/polls/:pollId.json', 'GET /api/events/:id/polls/:pollId/leaderboard.csv',
  ];
  it.each(routes)('documents %s', (route) => {
    expect(apiDoc).toContain(`### \`${route}\``);
  });
});

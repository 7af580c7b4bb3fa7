import { describe, expect, it } from 'vitest';
import { commands, type CommandName } from '../../shared/socket.js';
import { collectHandlers } from './dispatch.js';

const handler = { serial: false, run: async () => ({ result: {} }) };
const all = Object.fromEntries((Object.keys(commands) as CommandName[]).map((c) => [c, handler]));

describe('collectHandlers', () => {
  it('takes every command of shared/socket.ts from exactly one module', () => {
    const [first, ...rest] = Object.keys(all);
    const handlers = collectHandlers([
      { name: 'kernel', handlers: { [first!]: handler } },
      { name: 'feature', handlers: Object.fromEntries(rest.map((c) => [c, handler])) },
    ]);
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(commands).sort());
  });

  it('refuses a command handled twice, an unknown command and a missing handler', () => {
    expect(() => collectHandlers([{ name: 'a', handlers: all }, { name: 'b', handlers: { 'qa:ask': handler } }])).toThrow(/qa:ask is handled twice \(a and b\)/);
    expect(() => collectHandlers([{ name: 'a', handlers: { ...all, 'qa:nope': handler } as never }])).toThrow(/qa:nope/);
    const { 'qa:vote': _missing, ...rest } = all;
    expect(() => collectHandlers([{ name: 'a', handlers: rest }])).toThrow(/no handler for qa:vote/);
  });
});

/** Rounds for the unit tests of the breakout core. */
import type { GroupState, RoundState } from './types.js';

export function group(index: number, members: string[], extra: Partial<GroupState> = {}): GroupState {
  return { index, name: `Gruppe ${index + 1}`, topic: '', videoUrl: null, capacity: null, members, result: '', resultVersion: 0, ...extra };
}

export function round(groups: string[][], extra: Partial<RoundState> = {}): RoundState {
  return {
    id: 'r1',
    eventId: 'e1',
    number: 1,
    status: 'draft',
    mode: 'mix',
    durationSec: 600,
    startedAt: null,
    endsAt: null,
    closingEndsAt: null,
    closedAt: null,
    showResults: false,
    settings: { capacity: null, constraints: {}, videoTemplate: null, seed: 1, engine: null },
    groups: groups.map((members, i) => group(i, members)),
    locked: [],
    report: null,
    ...extra,
  };
}

export const T0 = new Date('2026-03-01T10:00:00.000Z');
export const at = (sec: number) => new Date(T0.getTime() + sec * 1000);

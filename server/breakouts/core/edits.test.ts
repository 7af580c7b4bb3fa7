import { describe, expect, it } from 'vitest';
import { assertMayAskHelp, assertMayEditResult, choose, editGroup, lock, move, swap } from './edits.js';
import { round } from './test-fixtures.js';
import { thrownCode as code } from '../../testing/thrown-code.js';

const members = (r: { groups: { members: string[] }[] }) => r.groups.map((g) => g.members);

describe('moving people by hand', () => {
  const r = round([['a', 'b', 'c'], ['d', 'e']]);

  it('move takes a person out of their group into another, or adds someone new', () => {
    expect(members(move(r, 'a', 1))).toEqual([['b', 'c'], ['d', 'e', 'a']]);
    expect(members(move(r, 'z', 0))).toEqual([['a', 'b', 'c', 'z'], ['d', 'e']]);
    expect(move(r, 'a', 0)).toBe(r);
    expect(code(() => move(r, 'a', 2))).toBe('not_found');
    expect(members(r)).toEqual([['a', 'b', 'c'], ['d', 'e']]);
  });

  it('swap trades places; both must be in the round', () => {
    expect(members(swap(r, 'b', 'e'))).toEqual([['a', 'e', 'c'], ['d', 'b']]);
    expect(swap(r, 'a', 'b')).toBe(r);
    expect(code(() => swap(r, 'a', 'z'))).toBe('not_found');
  });

  it('lock pins members only, and only in draft or running rounds', () => {
    expect(lock(lock(r, 'c', true), 'a', true).locked).toEqual(['a', 'c']);
    expect(lock(lock(r, 'c', true), 'c', false).locked).toEqual([]);
    expect(code(() => lock(r, 'z', true))).toBe('not_found');
    for (const status of ['closing', 'closed'] as const) {
      const other = { ...r, status };
      expect(code(() => move(other, 'a', 1))).toBe('invalid_state');
      expect(code(() => swap(other, 'a', 'd'))).toBe('invalid_state');
      expect(code(() => lock(other, 'a', true))).toBe('invalid_state');
    }
    expect(members(move({ ...r, status: 'running' }, 'a', 1))).toEqual([['b', 'c'], ['d', 'e', 'a']]);
  });

  it('editGroup changes name, topic, link (empty clears it) and capacity', () => {
    const edited = editGroup(r, 1, { name: 'Team B', topic: 'Ideen', videoUrl: 'https://meet.example/x', capacity: 4 });
    expect(edited.groups[1]).toMatchObject({ name: 'Team B', topic: 'Ideen', videoUrl: 'https://meet.example/x', capacity: 4, members: ['d', 'e'] });
    expect(editGroup(edited, 1, { videoUrl: '' }).groups[1]!.videoUrl).toBeNull();
    expect(code(() => editGroup(r, 5, { name: 'x' }))).toBe('not_found');
    expect(code(() => editGroup(r, 0, { videoUrl: 'javascript:alert(1)' }))).toBe('invalid_payload');
    expect(code(() => editGroup({ ...r, status: 'closed' }, 0, { name: 'x' }))).toBe('invalid_state');
  });
});

describe('self-select', () => {
  const r = round([['a'], []], { mode: 'self', status: 'running' });
  r.groups[0]!.capacity = 2;
  r.groups[1]!.capacity = 1;

  it('an attendee joins a group with room and leaves the previous one', () => {
    expect(members(choose(r, 'b', 0))).toEqual([['a', 'b'], []]);
    expect(members(choose(r, 'a', 1))).toEqual([[], ['a']]);
    expect(choose(r, 'a', 0)).toBe(r);
  });

  it('a full group, another mode or a round that is not running refuse', () => {
    const full = choose(r, 'b', 1);
    expect(code(() => choose(full, 'c', 1))).toBe('invalid_state');
    expect(code(() => choose({ ...r, mode: 'mix' }, 'b', 0))).toBe('invalid_state');
    expect(code(() => choose({ ...r, status: 'draft' }, 'b', 0))).toBe('invalid_state');
    expect(code(() => choose({ ...r, status: 'closing' }, 'b', 0))).toBe('invalid_state');
    expect(code(() => choose(r, 'b', 9))).toBe('not_found');
  });
});

describe('who may edit results and ask for help', () => {
  const r = round([['a', 'b'], ['c']], { status: 'running' });
  it('members of the group while it runs or closes; facilitators always after the start', () => {
    expect(assertMayEditResult(r, 0, { staff: false, attendeeId: 'a' }).index).toBe(0);
    expect(code(() => assertMayEditResult(r, 0, { staff: false, attendeeId: 'c' }))).toBe('forbidden');
    expect(code(() => assertMayEditResult({ ...r, status: 'closed' }, 0, { staff: false, attendeeId: 'a' }))).toBe('invalid_state');
    expect(assertMayEditResult({ ...r, status: 'closing' }, 0, { staff: false, attendeeId: 'a' }).index).toBe(0);
    expect(assertMayEditResult({ ...r, status: 'closed' }, 1, { staff: true, attendeeId: null }).index).toBe(1);
    expect(code(() => assertMayEditResult({ ...r, status: 'draft' }, 0, { staff: true, attendeeId: null }))).toBe('invalid_state');
    expect(code(() => assertMayEditResult(r, 3, { staff: true, attendeeId: null }))).toBe('not_found');
  });
  it('help only from one’s own group of a running or closing round', () => {
    expect(assertMayAskHelp(r, 'c').index).toBe(1);
    expect(code(() => assertMayAskHelp(r, 'z'))).toBe('forbidden');
    expect(code(() => assertMayAskHelp({ ...r, status: 'closed' }, 'a'))).toBe('invalid_state');
  });
});

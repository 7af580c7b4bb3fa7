import { describe, expect, it } from 'vitest';
import { group, helpRequest, round, snapshot } from '../testing/fixtures.js';
import { applyDelta, applyResultAck, applySnapshot, initialSyncState, type SyncedState } from '../testing/sync.js';

function ready(seq = 1): SyncedState {
  return applySnapshot(
    initialSyncState(),
    snapshot({
      seq,
      breakouts: {
        rounds: [round('r1', { status: 'running', groups: [group(0, ['a', 'b']), group(1, ['c', 'd'], { result: 'start', resultVersion: 2 })] })],
        help: [helpRequest('h1')],
      },
    }),
  );
}

describe('breakouts slice', () => {
  it('takes rounds and help from the snapshot', () => {
    const s = ready();
    expect(Object.keys(s.breakouts.rounds)).toEqual(['r1']);
    expect(s.breakouts.help.h1?.groupName).toBe('Gruppe 1');
  });

  it('upserts and removes rounds in order', () => {
    let s = ready(1);
    s = applyDelta(s, { seq: 2, changes: [{ type: 'breakouts:round', round: round('r2', { number: 2 }) }] });
    s = applyDelta(s, { seq: 3, changes: [{ type: 'breakouts:round', round: round('r1', { status: 'closing', groups: ready().breakouts.rounds.r1!.groups }) }] });
    expect(s.breakouts.rounds.r1?.status).toBe('closing');
    expect(s.breakouts.rounds.r2?.number).toBe(2);
    s = applyDelta(s, { seq: 4, changes: [{ type: 'breakouts:roundRemove', id: 'r2' }] });
    expect(Object.keys(s.breakouts.rounds)).toEqual(['r1']);
    expect(s.seq).toBe(4);
  });

  it('applies a newer result text and ignores older or repeated versions', () => {
    let s = ready(1);
    s = applyDelta(s, { seq: 2, changes: [{ type: 'breakouts:result', roundId: 'r1', index: 1, text: 'newer', version: 3 }] });
    expect(s.breakouts.rounds.r1?.groups[1]?.result).toBe('newer');
    s = applyDelta(s, { seq: 3, changes: [{ type: 'breakouts:result', roundId: 'r1', index: 1, text: 'stale', version: 3 }] });
    expect(s.breakouts.rounds.r1?.groups[1]?.result).toBe('newer');
    // the ack of an own edit arrives before its delta: the delta is then a no-op
    s = applyResultAck(s, { roundId: 'r1', index: 1, text: 'mine', version: 4 });
    const before = s;
    s = applyDelta(s, { seq: 4, changes: [{ type: 'breakouts:result', roundId: 'r1', index: 1, text: 'mine', version: 4 }] });
    expect(s.breakouts).toBe(before.breakouts);
    expect(s.breakouts.rounds.r1?.groups[0]?.result).toBe('');
  });

  it('keeps a newer result when a round update carrying an older one arrives after it', () => {
    let s = ready(1);
    s = applyDelta(s, { seq: 2, changes: [{ type: 'breakouts:result', roundId: 'r1', index: 1, text: 'typed', version: 5 }] });
    const old = ready().breakouts.rounds.r1!;
    s = applyDelta(s, { seq: 3, changes: [{ type: 'breakouts:round', round: { ...old, messages: [{ id: 'm', text: 'Hi', at: '2025-01-01T10:01:00.000Z' }] } }] });
    expect(s.breakouts.rounds.r1?.messages).toHaveLength(1);
    expect(s.breakouts.rounds.r1?.groups[1]).toMatchObject({ result: 'typed', resultVersion: 5 });
  });

  it('upserts help requests', () => {
    let s = ready(1);
    s = applyDelta(s, {
      seq: 2,
      changes: [
        { type: 'breakouts:help', request: helpRequest('h1', { resolvedAt: '2025-01-01T10:06:00.000Z' }) },
        { type: 'breakouts:help', request: helpRequest('h2', { groupIndex: 1 }) },
      ],
    });
    expect(s.breakouts.help.h1?.resolvedAt).not.toBeNull();
    expect(Object.keys(s.breakouts.help).sort()).toEqual(['h1', 'h2']);
  });

  it('buffers breakout changes until the snapshot and replays the newer ones', () => {
    let s = initialSyncState();
    s = applyDelta(s, { seq: 2, changes: [{ type: 'breakouts:round', round: round('late', { number: 2 }) }] });
    s = applySnapshot(s, snapshot({ seq: 1, breakouts: { rounds: [round('r1')] } }));
    expect(Object.keys(s.breakouts.rounds).sort()).toEqual(['late', 'r1']);
  });

  it('estimates the server clock offset from the snapshot, at the midpoint of the round trip', () => {
    const server = Date.parse('2025-01-01T10:00:00.000Z');
    const s = applySnapshot(initialSyncState(), snapshot({ serverTime: '2025-01-01T10:00:00.000Z' }), {
      sentAt: server - 5000,
      receivedAt: server - 4000,
    });
    expect(s.clockOffsetMs).toBe(4500);
    // a snapshot without timing keeps the previous estimate
    expect(applySnapshot(s, snapshot()).clockOffsetMs).toBe(4500);
  });
});

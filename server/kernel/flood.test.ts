import { describe, expect, it } from 'vitest';
import { countRefusal, DEFAULT_FLOOD_POLICY as P, overBuffered } from './flood.js';

describe('flood policy', () => {
  it('drops after more than refusalsBeforeDrop refusals within the window, not before', () => {
    let state;
    const drops: boolean[] = [];
    for (let i = 0; i <= P.refusalsBeforeDrop; i++) {
      const r = countRefusal(state, 1000 + i, P);
      state = r.state;
      drops.push(r.drop);
    }
    expect(drops.slice(0, P.refusalsBeforeDrop).every((d) => !d)).toBe(true);
    expect(drops[P.refusalsBeforeDrop]).toBe(true);
  });

  it('starts counting afresh after a quiet window (a client that is refused now and then is never dropped)', () => {
    let state;
    let dropped = false;
    for (let i = 0; i < 1000; i++) {
      const r = countRefusal(state, i * 1000, P); // one refusal a second, for 1000 s
      state = r.state;
      dropped ||= r.drop;
    }
    expect(dropped).toBe(false);
  });

  it('caps the outgoing buffer by packets and by bytes', () => {
    expect(overBuffered(P.maxBufferedPackets, P.maxBufferedBytes, P)).toBe(false);
    expect(overBuffered(P.maxBufferedPackets + 1, 0, P)).toBe(true);
    expect(overBuffered(0, P.maxBufferedBytes + 1, P)).toBe(true);
  });
});

describe('the documented figures (docs/protocol.md, Limits)', () => {
  it('are the defaults', () => {
    expect(P).toEqual({ refusalsBeforeDrop: 50, windowMs: 10_000, cooldownMs: 30_000, maxBufferedPackets: 2_000, maxBufferedBytes: 8 * 1024 * 1024, checkEveryMs: 1_000 });
  });
});

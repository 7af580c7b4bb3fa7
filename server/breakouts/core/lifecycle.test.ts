import { describe, expect, it } from 'vitest';
import { advance, close, extend, nextDeadline, start } from './lifecycle.js';
import { T0, at, round } from './test-fixtures.js';
import { thrownCode as code } from '../../testing/thrown-code.js';


describe('round state machine', () => {
  const draft = round([['a', 'b'], ['c', 'd']]);

  it('starts a draft with the planned or the given duration', () => {
    const r = start(draft, [draft], undefined, T0);
    expect(r).toMatchObject({ status: 'running', startedAt: T0.toISOString(), endsAt: at(600).toISOString(), durationSec: 600 });
    expect(start(draft, [], 120, T0)).toMatchObject({ endsAt: at(120).toISOString(), durationSec: 120 });
  });

  it('starts only from draft, and only while no other round runs or closes', () => {
    const running = start(draft, [], undefined, T0);
    expect(code(() => start(running, [], undefined, T0))).toBe('invalid_state');
    const other = { ...draft, id: 'r2', number: 2 };
    expect(code(() => start(other, [draft, running, other], undefined, T0))).toBe('invalid_state');
    const closing = close(running, 30, at(10));
    expect(code(() => start(other, [closing], undefined, T0))).toBe('invalid_state');
    const closed = close(running, 0, at(10));
    expect(start(other, [closed, other], undefined, at(20)).status).toBe('running');
  });

  it('extends while running, and shortening past now ends the discussion now', () => {
    const running = start(draft, [], 600, T0);
    expect(extend(running, 120, at(10))).toMatchObject({ endsAt: at(720).toISOString(), durationSec: 720 });
    expect(extend(running, -3600, at(100))).toMatchObject({ endsAt: at(100).toISOString(), durationSec: 100 });
    expect(code(() => extend(draft, 60, T0))).toBe('invalid_state');
    expect(code(() => extend(close(running, 30, at(5)), 60, at(6)))).toBe('invalid_state');
  });

  it('closes with a countdown, or at once with 0; closing again only brings the end closer', () => {
    const running = start(draft, [], 600, T0);
    const closing = close(running, 30, at(100));
    expect(closing).toMatchObject({ status: 'closing', endsAt: at(100).toISOString(), closingEndsAt: at(130).toISOString(), closedAt: null });
    expect(close(closing, 60, at(101)).closingEndsAt).toBe(at(130).toISOString());
    expect(close(closing, 5, at(101)).closingEndsAt).toBe(at(106).toISOString());
    expect(close(closing, 0, at(101))).toMatchObject({ status: 'closed', closedAt: at(101).toISOString() });
    expect(close(running, 0, at(50))).toMatchObject({ status: 'closed', closedAt: at(50).toISOString(), endsAt: at(50).toISOString() });
    expect(code(() => close(draft, 30, T0))).toBe('invalid_state');
    expect(code(() => close(close(running, 0, at(1)), 30, at(2)))).toBe('invalid_state');
  });

  it('advance: running past endsAt → closing (closingSec after endsAt) → closed, from the deadlines not from now', () => {
    const running = start(draft, [], 60, T0);
    expect(advance(running, at(59), 30)).toBe(running);
    expect(nextDeadline(running)).toBe(at(60).getTime());
    const closing = advance(running, at(61), 30);
    expect(closing).toMatchObject({ status: 'closing', closingEndsAt: at(90).toISOString() });
    expect(nextDeadline(closing)).toBe(at(90).getTime());
    expect(advance(closing, at(90), 30)).toMatchObject({ status: 'closed', closedAt: at(90).toISOString() });
    // A server that was down through both deadlines lands on the same end state.
    expect(advance(running, at(5000), 30)).toMatchObject({ status: 'closed', closingEndsAt: at(90).toISOString(), closedAt: at(90).toISOString() });
    // closingSec 0: closed right at endsAt.
    expect(advance(running, at(60), 0)).toMatchObject({ status: 'closed', closedAt: at(60).toISOString() });
    expect(nextDeadline(draft)).toBeNull();
    expect(nextDeadline(advance(running, at(5000), 30))).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { AlertPace, STANDING_ALERT_EVERY_MS } from './vote-alerts.js';

describe('AlertPace: a standing vote alert is decided again at most every STANDING_ALERT_EVERY_MS per question', () => {
  it('is due at first, not again within the interval, due once it passed; questions are apart', () => {
    const pace = new AlertPace();
    expect(pace.due('q1', 10_000)).toBe(true);
    expect(pace.due('q1', 10_000 + STANDING_ALERT_EVERY_MS - 1)).toBe(false);
    expect(pace.due('q2', 10_001)).toBe(true);
    expect(pace.due('q1', 10_000 + STANDING_ALERT_EVERY_MS)).toBe(true);
    expect(pace.due('q1', 10_000 + STANDING_ALERT_EVERY_MS + 1)).toBe(false);
  });
});

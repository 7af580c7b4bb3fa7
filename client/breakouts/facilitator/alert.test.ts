import { describe, expect, it } from 'vitest';
import { alertTitle, beep } from './alert.js';

describe('help alert', () => {
  it('counts unseen requests in front of the title and gives the plain title back', () => {
    expect(alertTitle('Plenum – Breakouts', 2, 'Hilfe angefordert')).toBe('(2) Hilfe angefordert – Plenum – Breakouts');
    expect(alertTitle('Plenum – Breakouts', 0, 'Hilfe angefordert')).toBe('Plenum – Breakouts');
  });

  it('beeps nothing (and throws nothing) without WebAudio', () => {
    expect(beep({})).toBe(false);
  });
});

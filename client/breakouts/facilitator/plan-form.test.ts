import { describe, expect, it } from 'vitest';
import { PlanCommand } from '../../../shared/breakouts/schemas.js';
import { defaultPlanValues, planPayload } from './plan-form.js';

describe('planPayload', () => {
  it('builds a payload the server schema accepts', () => {
    const check = planPayload({
      ...defaultPlanValues,
      shape: 'groups',
      count: '3',
      mode: 'spread',
      spread: 'company',
      rounds: '2',
      minutes: '20',
      names: 'Rot\nGrün\n\n',
      topics: '\nVerkehr',
      videoTemplate: ' https://meet.jit.si/x-{event}-{round}-{group} ',
      apart: [['a', 'b'], ['c']],
      together: [['d', 'e']],
    });
    expect(check).toEqual({
      ok: true,
      payload: {
        rounds: 2,
        groups: 3,
        mode: 'spread',
        durationSec: 1200,
        constraints: { apart: [['a', 'b']], together: [['d', 'e']], spread: ['company'] },
        names: ['Rot', 'Grün'],
        topics: ['', 'Verkehr'],
        videoTemplate: 'https://meet.jit.si/x-{event}-{round}-{group}',
      },
    });
    expect(PlanCommand.safeParse(check.ok && check.payload).success).toBe(true);
  });

  it('sends a size, and a capacity only for self-select', () => {
    expect(planPayload({ ...defaultPlanValues, count: '5', capacity: '9' })).toEqual({
      ok: true,
      payload: { rounds: 1, size: 5, mode: 'mix', durationSec: 900 },
    });
    const self = planPayload({ ...defaultPlanValues, mode: 'self', capacity: '6' });
    expect(self.ok && self.payload).toMatchObject({ mode: 'self', capacity: 6 });
  });

  it('names every field that cannot be sent', () => {
    expect(planPayload({ ...defaultPlanValues, count: '0', rounds: '21', minutes: '1.5', mode: 'spread', videoTemplate: 'meet/{group}' })).toEqual({
      ok: false,
      problems: { count: 'wholeNumber', rounds: 'rounds', minutes: 'minutes', spread: 'spread', videoTemplate: 'template' },
    });
  });
});

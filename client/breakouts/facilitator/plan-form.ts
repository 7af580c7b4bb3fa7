/**
 * The "new round" form as plain values, and the `breakouts:plan` payload made from them. Checks what the
 * form can know (whole numbers, ranges, a spread attribute chosen); whether the people fit the groups
 * is the engine's call, answered with a translated `plan_failed`. Pure.
 */
import type { PlanSettings } from '../../../shared/breakouts/schemas.js';
import type { CommandPayload } from '../../../shared/socket.js';

/** The form's values are the plan settings the server keeps per event (types flow from shared/). */
export type PlanFormValues = PlanSettings;

export const defaultPlanValues: PlanFormValues = {
  shape: 'size',
  count: '4',
  mode: 'mix',
  spread: '',
  capacity: '',
  rounds: '1',
  minutes: '15',
  names: '',
  topics: '',
  videoTemplate: '',
  apart: [],
  together: [],
  includeAbsent: true,
};

export type PlanField = 'count' | 'spread' | 'capacity' | 'rounds' | 'minutes' | 'videoTemplate';
/** A field's problem, as an i18n key below `breakouts.plan.invalid`. */
export type PlanProblem = 'wholeNumber' | 'rounds' | 'minutes' | 'spread' | 'template';

export type PlanCheck =
  | { ok: true; payload: CommandPayload<'breakouts:plan'> }
  | { ok: false; problems: Partial<Record<PlanField, PlanProblem>> };

function wholeNumber(text: string, min: number, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= min && n <= max ? n : null;
}

export function lines(text: string): string[] {
  return text.split('\n').map((l) => l.trim());
}

/** Trailing empty lines do not count; an empty line in between keeps the default for that group. */
function listOf(text: string): string[] | undefined {
  const out = lines(text);
  while (out.length && out.at(-1) === '') out.pop();
  return out.length ? out : undefined;
}

export function checkTemplate(template: string): boolean {
  const probe = template.trim().replace(/\{(event|round|group)\}/g, '1');
  try {
    const url = new URL(probe);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export function planPayload(v: PlanFormValues): PlanCheck {
  const problems: Partial<Record<PlanField, PlanProblem>> = {};
  const count = wholeNumber(v.count, 1, 2000);
  if (count === null) problems.count = 'wholeNumber';
  const rounds = wholeNumber(v.rounds, 1, 20);
  if (rounds === null) problems.rounds = 'rounds';
  const minutes = wholeNumber(v.minutes, 1, 240);
  if (minutes === null) problems.minutes = 'minutes';
  const capacity = v.mode === 'self' && v.capacity.trim() ? wholeNumber(v.capacity, 1, 2000) : undefined;
  if (capacity === null) problems.capacity = 'wholeNumber';
  if (v.mode === 'spread' && !v.spread) problems.spread = 'spread';
  const template = v.videoTemplate.trim();
  if (template && !checkTemplate(template)) problems.videoTemplate = 'template';
  if (Object.keys(problems).length > 0 || count === null || rounds === null || minutes === null || capacity === null) {
    return { ok: false, problems };
  }

  const apart = v.apart.filter((set) => set.length >= 2);
  const together = v.together.filter((set) => set.length >= 2);
  const spread = v.mode === 'spread' ? [v.spread] : [];
  const constraints = {
    ...(apart.length ? { apart } : {}),
    ...(together.length ? { together } : {}),
    ...(spread.length ? { spread } : {}),
  };
  const names = listOf(v.names);
  const topics = listOf(v.topics);
  return {
    ok: true,
    payload: {
      rounds,
      ...(v.shape === 'groups' ? { groups: count } : { size: count }),
      mode: v.mode,
      durationSec: minutes * 60,
      ...(Object.keys(constraints).length ? { constraints } : {}),
      ...(names ? { names } : {}),
      ...(topics ? { topics } : {}),
      ...(template ? { videoTemplate: template } : {}),
      ...(capacity !== undefined ? { capacity } : {}),
      // On is the server's default: only "off" needs saying.
      ...(v.includeAbsent ? {} : { includeAbsent: false }),
    },
  };
}

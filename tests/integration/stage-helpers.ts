/** Helpers of the stage integration tests: an event with every role connected, the stage part of deltas. */
import type { Screen, ScreenState } from '../../shared/stage/schemas.js';
import type { Change } from '../../shared/socket.js';
import { connect, createEvent, joinAttendee, until, type Client, type TestEvent, type TestServer } from './helpers.js';

export interface StageSetup {
  ev: TestEvent;
  mod: Client;
  fac: Client;
  stage: Client;
  overlay: Client;
  speaker: Client;
  att: Client;
  attendeeId: string;
  closeAll(): void;
}

export async function stageSetup(t: TestServer, cookie: string, settings: Record<string, unknown> = {}): Promise<StageSetup> {
  const ev = await createEvent(t, cookie, { settings });
  const joined = await joinAttendee(t, ev.code, 'Ida');
  const all = {
    mod: await connect(t, { code: ev.code, token: ev.tokens.moderator }),
    fac: await connect(t, { code: ev.code, token: ev.tokens.facilitator }),
    stage: await connect(t, { code: ev.code, token: ev.tokens.stage }),
    // The overlay page holds the stage link too.
    overlay: await connect(t, { code: ev.code, token: ev.tokens.stage }),
    speaker: await connect(t, { code: ev.code, token: ev.tokens.speaker }),
    att: await connect(t, { code: ev.code, token: joined.token }),
  };
  return { ev, ...all, attendeeId: joined.attendeeId, closeAll: () => Object.values(all).forEach((c) => c.close()) };
}

/** Every stage change a client received, in order. */
export function stageChanges(c: Client): Change[] {
  return c.deltas.flatMap((d) => d.changes).filter((ch) => ch.type.startsWith('stage:'));
}

/** The last state of a screen a client received in a delta (undefined: none yet). */
export function lastScreen(c: Client, screen: Screen): ScreenState | undefined {
  const found = stageChanges(c).filter((ch): ch is Extract<Change, { type: 'stage:screen' }> => ch.type === 'stage:screen' && ch.screen === screen);
  return found[found.length - 1]?.state;
}

/** Waits until the client's last received state of the screen matches. */
export function untilScreen(c: Client, screen: Screen, check: (s: ScreenState | undefined) => boolean, what: string, timeoutMs = 3000) {
  return until(() => check(lastScreen(c, screen)), timeoutMs, what);
}

export const question = (questionId: string) => ({ kind: 'question', questionId }) as const;

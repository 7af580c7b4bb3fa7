/**
 * The stage feature on the wire: what the presenter screen and the stream overlay show ("on air"), the
 * queue of next items, and the speaker's one command. Moderators choose anything; facilitators may put
 * breakout rounds and the join screen on air (the server refuses them other kinds with `forbidden`).
 */
import { z } from 'zod';
import { defineFeature } from '../kernel/contract.js';
import type { Role } from '../kernel/roles.js';
import {
  ClearCommand, DequeueCommand, EnqueueCommand, NextCommand, NextResult, QueueResult, ReorderQueueCommand, ScreensResult,
  ShowCommand, SpeakerDoneCommand, STAGE_ERROR_STATUS, StageChanges, StageSettings, StageSettingsPatch, StageSnapshot,
} from './schemas.js';
import { QuestionId } from '../qa/index.js';

export * from './schemas.js';

const onAirDeciders = ['organizer', 'moderator', 'facilitator'] as const satisfies readonly Role[];
const speakers = ['speaker'] as const satisfies readonly Role[];

export const stageFeature = defineFeature({
  commands: {
    'stage:show': { payload: ShowCommand, result: ScreensResult, roles: onAirDeciders },
    'stage:clear': { payload: ClearCommand, result: ScreensResult, roles: onAirDeciders },
    'stage:enqueue': { payload: EnqueueCommand, result: QueueResult, roles: onAirDeciders },
    'stage:dequeue': { payload: DequeueCommand, result: QueueResult, roles: onAirDeciders },
    'stage:reorder': { payload: ReorderQueueCommand, result: QueueResult, roles: onAirDeciders },
    'stage:next': { payload: NextCommand, result: NextResult, roles: onAirDeciders },
    'stage:speakerDone': { payload: SpeakerDoneCommand, result: z.object({ questionId: QuestionId }), roles: speakers },
  },
  changes: StageChanges,
  personal: [],
  snapshot: StageSnapshot,
  errorCodes: STAGE_ERROR_STATUS,
  settings: {
    key: 'stage',
    schema: StageSettings.default(StageSettings.parse({})),
    patch: StageSettingsPatch,
    merge: 'object',
  },
});

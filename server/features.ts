/**
 * The one list of feature modules on the server. Adding a feature: its folder server/<name>/ with an
 * index.ts that exports `create<Name>Module(kernel, …)`, and one line here (docs/architecture.md).
 * Order matters: people first (the others read people through its API), then the rest; presence and
 * lifecycle hooks run in this order.
 */
import { createBreakoutsModule } from './breakouts/index.js';
import { createChatModule } from './chat/index.js';
import type { FeatureModule, Kernel } from './kernel/feature.js';
import { createPeopleModule } from './people/index.js';
import { createPollsModule } from './polls/index.js';
import { createQaModule } from './qa/index.js';
import { createStageModule } from './stage/index.js';

export function createFeatures(kernel: Kernel): FeatureModule[] {
  const people = createPeopleModule(kernel);
  const qa = createQaModule(kernel, people.api);
  const breakouts = createBreakoutsModule(kernel, people.api);
  const polls = createPollsModule(kernel, people.api);
  return [
    people,
    qa,
    breakouts,
    createChatModule(kernel, qa.imports),
    polls,
    // After the features it puts on air: it reads them through their APIs and follows their changes.
    createStageModule(kernel, { qa: qa.api, polls: polls.api, breakouts: breakouts.api }),
  ];
}

/** The handler of every command in shared/socket.ts; the type makes a missing one a compile error. */
import * as breakouts from './breakouts/handlers.js';
import * as eventHandlers from './events/handlers.js';
import * as qa from './qa/handlers.js';
import type { Handlers } from './sync/dispatch.js';

export const handlers: Handlers = {
  'sync:snapshot': eventHandlers.snapshot,
  'attendee:rename': eventHandlers.rename,
  'attendee:profile': eventHandlers.profile,
  'qa:ask': qa.ask,
  'qa:editOwn': qa.editOwn,
  'qa:withdraw': qa.withdraw,
  'qa:vote': qa.vote,
  'qa:approve': qa.approve,
  'qa:reject': qa.reject,
  'qa:answer': qa.answer,
  'qa:restore': qa.restore,
  'qa:highlight': qa.highlight,
  'qa:queue': qa.queue,
  'qa:star': qa.star,
  'qa:label': qa.label,
  'qa:reply': qa.reply,
  'qa:edit': qa.edit,
  'qa:delete': qa.remove,
  'qa:bulk': qa.bulk,
  'breakouts:plan': breakouts.plan,
  'breakouts:reshuffle': breakouts.reshuffle,
  'breakouts:move': breakouts.move,
  'breakouts:swap': breakouts.swap,
  'breakouts:lock': breakouts.lock,
  'breakouts:group': breakouts.group,
  'breakouts:start': breakouts.start,
  'breakouts:extend': breakouts.extend,
  'breakouts:message': breakouts.message,
  'breakouts:close': breakouts.close,
  'breakouts:discard': breakouts.discard,
  'breakouts:showResults': breakouts.showResults,
  'breakouts:resolveHelp': breakouts.resolveHelp,
  'breakouts:help': breakouts.help,
  'breakouts:choose': breakouts.choose,
  'breakouts:editResult': breakouts.editResult,
  'event:settings': eventHandlers.settings,
};

/** The handler of every command in shared/socket.ts; the type makes a missing one a compile error. */
import * as eventHandlers from './events/handlers.js';
import * as qa from './qa/handlers.js';
import type { Handlers } from './sync/dispatch.js';

export const handlers: Handlers = {
  'sync:snapshot': eventHandlers.snapshot,
  'attendee:rename': eventHandlers.rename,
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
  'event:settings': eventHandlers.settings,
};

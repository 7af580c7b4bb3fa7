/**
 * Generic command dispatch, registered from the `commands` table of shared/socket.ts: ack check → role
 * check → rate limit → schema → (event queue) handler → ack → publish. Whatever a client sends, the
 * outcome is an ack and never a crash or a hang.
 */
import { DomainError, type WireError } from '../../shared/errors.js';
import { commands, type CommandName, type CommandResult, type ParsedPayload } from '../../shared/socket.js';
import { invalidPayload } from '../http/errors.js';
import type { Services } from '../services.js';
import type { PlenumSocket, SocketData } from './socket-types.js';

export interface HandlerContext {
  services: Services;
  socket: PlenumSocket;
  actor: SocketData;
  now: Date;
}

export interface HandlerOutcome<R> {
  result: R;
  /** Emits the deltas; called right after the ack, still inside the event's queue. */
  publish?: () => void;
}

export interface Handler<K extends CommandName> {
  /** Runs inside the event's serial queue (every mutation does). */
  serial: boolean;
  /** A per-attendee limit on top of the general one. */
  limit?: 'question' | 'vote';
  run(ctx: HandlerContext, payload: ParsedPayload<K>): Promise<HandlerOutcome<CommandResult<K>>>;
}

export type Handlers = { [K in CommandName]: Handler<K> };

type AnyAck = (response: unknown) => void;
type LooseSocket = { on(event: string, listener: (...args: unknown[]) => void): void };

function toWire(err: unknown): WireError | null {
  return err instanceof DomainError ? err.toWire() : null;
}

function rateLimited(retryAfterMs: number, what: string): DomainError {
  return new DomainError('rate_limited', `too many ${what}; try again in ${Math.ceil(retryAfterMs / 1000)} s`, { retryAfterMs });
}

export function limitKey(socket: PlenumSocket): string {
  const { attendeeId } = socket.data;
  return attendeeId ? `att:${attendeeId}` : `sock:${socket.id}`;
}

export async function dispatch<K extends CommandName>(
  services: Services,
  handlers: Handlers,
  socket: PlenumSocket,
  name: K,
  args: unknown[],
): Promise<void> {
  const last = args[args.length - 1];
  // Without an ack function there is nobody to answer; doing nothing is the safe reading of such a message.
  if (typeof last !== 'function') return;
  let answered = false;
  const ack = (response: unknown) => {
    if (answered) return;
    answered = true;
    (last as AnyAck)(response);
  };
  const payload = args.length >= 2 ? args[0] : undefined;
  const actor = socket.data;
  const spec = commands[name];
  const handler = handlers[name] as Handler<K>;

  try {
    if (!(spec.roles as readonly string[]).includes(actor.role)) {
      throw new DomainError('forbidden', `the ${actor.role} role may not send ${name}`);
    }
    const nowMs = services.now().getTime();
    const wait = services.limiter.hit('command', limitKey(socket), nowMs);
    if (wait > 0) throw rateLimited(wait, 'messages');
    const parsed = spec.payload.safeParse(payload);
    if (!parsed.success) throw invalidPayload(parsed.error);
    if (handler.limit) {
      const specific = services.limiter.hit(handler.limit, limitKey(socket), nowMs);
      if (specific > 0) throw rateLimited(specific, handler.limit === 'question' ? 'questions' : 'votes');
    }
    const run = async () => {
      const outcome = await handler.run({ services, socket, actor, now: services.now() }, parsed.data as ParsedPayload<K>);
      ack({ ok: true, ...outcome.result });
      try {
        outcome.publish?.();
      } catch (err) {
        services.logger.error({ err, command: name }, 'publish failed after commit');
      }
    };
    if (handler.serial) await services.queues.run(actor.eventId, run);
    else await run();
  } catch (err) {
    const wire = toWire(err);
    if (!wire) services.logger.error({ err, command: name, role: actor.role }, 'command failed');
    ack({ ok: false, error: wire ?? { code: 'internal', message: 'internal error; nothing was changed' } });
  }
}

export function registerCommands(services: Services, handlers: Handlers, socket: PlenumSocket): void {
  for (const name of Object.keys(commands) as CommandName[]) {
    (socket as unknown as LooseSocket).on(name, (...args) => {
      void dispatch(services, handlers, socket, name, args);
    });
  }
}

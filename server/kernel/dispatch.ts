/**
 * Generic command dispatch, registered from the `commands` table of shared/socket.ts: ack check → role
 * check → rate limit → schema → (event queue) handler → ack → publish. Whatever a client sends, the
 * outcome is an ack and never a crash or a hang.
 */
import { performance } from 'node:perf_hooks';
import { DomainError, type WireError } from '../../shared/errors.js';
import { commands, type CommandName, type CommandResult, type ParsedPayload } from '../../shared/socket.js';
import { isStaffRole } from '../../shared/kernel/roles.js';
import { invalidPayload } from '../http/errors.js';
import type { Handler, Handlers, Kernel } from './feature.js';
import type { PlenumSocket } from './socket-types.js';

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

export async function dispatch<K extends CommandName>(kernel: Kernel, handlers: Handlers, socket: PlenumSocket, name: K, args: unknown[]): Promise<void> {
  const last = args[args.length - 1];
  // Without an ack function there is nobody to answer; doing nothing is the safe reading of such a message.
  // It still counts against the sender's general limit, and a refusal counts towards dropping the socket:
  // else a flood without acks would cost the server its decoding forever and never be dropped.
  if (typeof last !== 'function') {
    if (kernel.limiter.hit('command', limitKey(socket), kernel.now().getTime()) > 0) kernel.flood.refused(socket);
    return;
  }
  let answered = false;
  const startedAt = performance.now();
  const ack = (response: unknown) => {
    if (answered) return;
    answered = true;
    const send = () => {
      (last as AnyAck)(response);
      const r = response as { ok: boolean; error?: { code: string } };
      kernel.metrics.command(name, r.ok ? 'ok' : (r.error?.code ?? 'unknown'), startedAt);
    };
    // An attendee tick going out in parts: the ack follows its last part (see Delivery).
    const fanout = isStaffRole(socket.data.role) ? null : kernel.delivery.afterFanout(socket.data.eventId);
    if (fanout) void fanout.then(send);
    else send();
  };
  const payload = args.length >= 2 ? args[0] : undefined;
  const actor = socket.data;
  const spec = commands[name];
  const handler = handlers[name] as Handler<K>;

  try {
    if (!(spec.roles as readonly string[]).includes(actor.role)) {
      throw new DomainError('forbidden', `the ${actor.role} role may not send ${name}`);
    }
    const nowMs = kernel.now().getTime();
    const wait = kernel.limiter.hit('command', limitKey(socket), nowMs);
    if (wait > 0) throw rateLimited(wait, 'messages');
    const parsed = spec.payload.safeParse(payload);
    if (!parsed.success) throw invalidPayload(parsed.error);
    if (handler.limit) {
      const specific = kernel.limiter.hit(handler.limit.kind, limitKey(socket), nowMs);
      if (specific > 0) throw rateLimited(specific, handler.limit.what);
    }
    const run = async () => {
      const outcome = await handler.run({ socket, actor, now: kernel.now() }, parsed.data as ParsedPayload<K>);
      ack({ ok: true, ...(outcome.result as CommandResult<K>) });
      try {
        outcome.publish?.();
      } catch (err) {
        kernel.logger.error({ err, command: name }, 'publish failed after commit');
      }
    };
    if (handler.serial) await kernel.queues.run(actor.eventId, run);
    else await run();
  } catch (err) {
    const wire = toWire(err);
    // Past its limit again and again: drop the socket instead of paying an ack for every message.
    if (wire?.code === 'rate_limited' && kernel.flood.refused(socket)) return;
    if (!wire) kernel.logger.error({ err, command: name, role: actor.role }, 'command failed');
    ack({ ok: false, error: wire ?? { code: 'internal', message: 'internal error; nothing was changed' } });
  }
}

export function registerCommands(kernel: Kernel, handlers: Handlers, socket: PlenumSocket): void {
  for (const name of Object.keys(commands) as CommandName[]) {
    (socket as unknown as LooseSocket).on(name, (...args) => {
      void dispatch(kernel, handlers, socket, name, args);
    });
  }
}

/** Every command of shared/socket.ts gets exactly one handler from the kernel and the modules. */
export function collectHandlers(sources: ReadonlyArray<{ name: string; handlers: Partial<Handlers> }>): Handlers {
  const out: Partial<Record<CommandName, { owner: string; handler: unknown }>> = {};
  for (const { name, handlers } of sources) {
    for (const [command, handler] of Object.entries(handlers) as Array<[CommandName, unknown]>) {
      if (!(command in commands)) throw new Error(`${name} handles ${command}, which shared/socket.ts does not define`);
      const seen = out[command];
      if (seen) throw new Error(`${command} is handled twice (${seen.owner} and ${name})`);
      out[command] = { owner: name, handler };
    }
  }
  const missing = (Object.keys(commands) as CommandName[]).filter((c) => !out[c]);
  if (missing.length) throw new Error(`no handler for ${missing.join(', ')}`);
  return Object.fromEntries(Object.entries(out).map(([c, v]) => [c, v!.handler])) as Handlers;
}

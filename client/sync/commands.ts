/**
 * How the UI sends commands: an injectable function, so components never touch the socket and tests pass
 * a fake. Errors the client detects itself (`offline`, `timeout`) share the wire error shape.
 */
import type { AckOk, WireError } from '../../shared/errors.js';
import type { CommandName, CommandPayload, CommandResult } from '../../shared/socket.js';
import type { EventStore } from './store.js';

export type ClientErrorCode = WireError['code'] | 'offline' | 'timeout';
export interface ClientError {
  code: ClientErrorCode;
  message: string;
  retryAfterMs?: number;
  fields?: string[];
  /** plan_failed: the engine's reason and its values, for a translated message. */
  params?: Record<string, string | number>;
}
export type ClientAck<K extends CommandName> = AckOk<CommandResult<K>> | { ok: false; error: ClientError };
export type SendCommand = <K extends CommandName>(name: K, payload: CommandPayload<K>) => Promise<ClientAck<K>>;

export function offlineAck(): { ok: false; error: ClientError } {
  return { ok: false, error: { code: 'offline', message: 'not connected' } };
}

/**
 * Acks that carry personal state (own question, own vote, own name and profile) or a versioned text (a
 * group result) update the store at once, so the author sees the result even before the matching push
 * arrives; the reducer makes the push idempotent.
 */
export function withPersonalAcks(send: SendCommand, store: EventStore): SendCommand {
  return async (name, payload) => {
    const ack = await send(name, payload);
    if (!ack.ok) return ack;
    const state = store.getState();
    const result: unknown = ack;
    switch (name) {
      case 'qa:ask':
      case 'qa:editOwn':
        state.receiveOwn((result as CommandResult<'qa:ask'>).question);
        break;
      case 'qa:vote':
        state.receiveMyVote(result as CommandResult<'qa:vote'>);
        break;
      case 'attendee:rename':
        state.receiveMyName((result as CommandResult<'attendee:rename'>).name);
        break;
      case 'attendee:profile':
        state.receiveMyAttributes((result as CommandResult<'attendee:profile'>).attributes);
        break;
      case 'breakouts:editResult': {
        const { roundId, index } = payload as CommandPayload<'breakouts:editResult'>;
        const { text, version } = result as CommandResult<'breakouts:editResult'>;
        state.receiveResultAck({ roundId, index, text, version });
        break;
      }
      default:
        break;
    }
    return ack;
  };
}

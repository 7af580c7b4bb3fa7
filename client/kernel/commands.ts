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
 * Acks that carry state (own question, own vote, own name and profile, a merged group result …) update
 * the store at once, so the author sees the result even before the matching push arrives; which slice
 * takes which ack is the features' business (FeatureSlice.onAck), and the reducer makes the push idempotent.
 */
export function withAcks(send: SendCommand, store: EventStore): SendCommand {
  return async (name, payload) => {
    const ack = await send(name, payload);
    if (ack.ok) store.getState().receiveAck(name, payload, ack);
    return ack;
  };
}

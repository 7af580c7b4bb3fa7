/**
 * A stand-in for a socket.io-client Socket with just what connection.ts uses: the test plays the server
 * by firing events (`serverEmit`) and answering commands (`emitted` holds every command with its ack).
 */
import type { PlenumSocket } from '../kernel/connection.js';

type Listener = (...args: unknown[]) => void;

export interface EmittedCommand {
  name: string;
  payload: unknown;
  reply(res: unknown): void;
  fail(err: Error): void;
}

export class FakeSocket {
  connected = false;
  active = true;
  disconnectCalls = 0;
  readonly emitted: EmittedCommand[] = [];
  private listeners = new Map<string, Listener[]>();

  on(event: string, fn: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return this;
  }

  removeAllListeners(): this {
    this.listeners.clear();
    return this;
  }

  timeout(_ms: number): { emit: (name: string, payload: unknown, cb: (err: Error | null, res?: unknown) => void) => void } {
    return {
      emit: (name, payload, cb) => {
        this.emitted.push({ name, payload, reply: (res) => cb(null, res), fail: (err) => cb(err) });
      },
    };
  }

  disconnect(): this {
    this.disconnectCalls += 1;
    this.connected = false;
    this.active = false;
    return this;
  }

  /** Fires a server→client event (or a built-in one like connect / connect_error) at the client. */
  serverEmit(event: string, ...args: unknown[]): void {
    if (event === 'connect') this.connected = true;
    if (event === 'disconnect') this.connected = false;
    for (const fn of this.listeners.get(event) ?? []) fn(...args);
  }

  commands(name: string): EmittedCommand[] {
    return this.emitted.filter((c) => c.name === name);
  }

  asSocket(): PlenumSocket {
    return this as unknown as PlenumSocket;
  }
}

/**
 * "Lite" Socket.IO client: one raw WebSocket speaking Engine.IO v4 / Socket.IO v5 by hand (open → CONNECT
 * with auth, ping → pong, events, acks). Clients that do not parse only count frames, so one load-generator
 * process can hold thousands of them and the server stays the bottleneck.
 */
import { performance } from 'node:perf_hooks';
import type WebSocket from 'ws';
import { decodeFrame, encodeConnect, encodeEmit } from './core.js';

export type WsCtor = typeof WebSocket;

/** Shared by all clients of the process. */
export interface Counters {
  eventFrames: number;
  ackFrames: number;
  disconnects: number;
  lastRecv: number;
}

export interface LiteOptions {
  url: string;
  auth?: unknown;
  /** Decode event frames and hand them to onEvent (probes and senders); the others only count them. */
  parse: boolean | (() => boolean);
  onEvent?: (name: string, data: unknown, now: number) => void;
}

type AckCallback = (data: unknown, now: number) => void;

export class LiteClient {
  connected = false;
  private closing = false;
  private nextAck = 1;
  private readonly acks = new Map<number, AckCallback | null>();
  private readonly ws: WebSocket;
  /** A binary ack (the snapshot's shared part) waiting for its attachments, which follow as binary frames. */
  private binaryAck: { id: number; count: number; json: string; buffers: Buffer[] } | null = null;

  /** `ready` is called once: with no argument when connected, else with the reason. */
  constructor(WS: WsCtor, private readonly opts: LiteOptions, private readonly counters: Counters, ready: (err?: string) => void) {
    let settled = false;
    const settle = (err?: string) => {
      if (settled) return;
      settled = true;
      ready(err);
    };
    this.ws = new WS(opts.url.replace(/^http/, 'ws') + '/socket.io/?EIO=4&transport=websocket', { perMessageDeflate: false });
    this.ws.on('message', (data: Buffer, isBinary: boolean) => {
      const now = performance.now();
      counters.lastRecv = now;
      if (isBinary && this.binaryAck) {
        const pending = this.binaryAck;
        pending.buffers.push(data);
        if (pending.buffers.length === pending.count) {
          this.binaryAck = null;
          this.ackArrived(pending.id, () => withAttachments((JSON.parse(pending.json) as unknown[])[0], pending.buffers), now);
        }
        return;
      }
      const b0 = data[0];
      const b1 = data[1];
      if (b0 === 0x34 && b1 === 0x36) {
        // BINARY_ACK: 46<attachments>-<id>[…] with {"_placeholder":true,"num":n} where the buffers go.
        counters.ackFrames++;
        const text = data.toString('utf8');
        const dash = text.indexOf('-');
        let end = dash + 1;
        while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
        this.binaryAck = { count: Number(text.slice(2, dash)), id: Number(text.slice(dash + 1, end)), json: text.slice(end), buffers: [] };
        return;
      }
      if (b0 === 0x34 && b1 === 0x32) {
        counters.eventFrames++;
        if (opts.parse === false || (opts.parse !== true && !opts.parse())) return;
        const f = decodeFrame(data.toString('utf8'));
        if (f.kind === 'event') opts.onEvent?.(f.name, f.data, now);
        return;
      }
      if (b0 === 0x34 && b1 === 0x33) {
        counters.ackFrames++;
        const text = data.toString('utf8');
        let end = 2;
        while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
        const id = Number(text.slice(2, end));
        const cb = this.acks.get(id);
        this.acks.delete(id);
        // A null callback asked for the arrival only: skip decoding (snapshots of thousands of clients).
        if (cb === null) return;
        if (cb) {
          const f = decodeFrame(text);
          cb(f.kind === 'ack' ? f.data : undefined, now);
        }
        return;
      }
      if (b0 === 0x32) {
        this.ws.send('3');
        return;
      }
      const f = decodeFrame(data.toString('utf8'));
      if (f.kind === 'open') this.ws.send(encodeConnect(opts.auth));
      else if (f.kind === 'connect') {
        this.connected = true;
        settle();
      } else if (f.kind === 'connect_error') settle(f.message);
      else if (f.kind === 'disconnect' || f.kind === 'close') this.ws.close();
    });
    this.ws.on('error', (err: Error) => settle(err.message));
    this.ws.on('close', () => {
      if (this.connected && !this.closing) counters.disconnects++;
      this.connected = false;
      settle('closed');
    });
  }

  private ackArrived(id: number, decode: () => unknown, now: number): void {
    const cb = this.acks.get(id);
    this.acks.delete(id);
    if (cb) cb(decode(), now);
  }

  emit(name: string, data: unknown): void {
    this.ws.send(encodeEmit(name, data));
  }

  /** Emits with an ack id; `cb` null means "count the ack frame, do not decode it". */
  request(name: string, data: unknown, cb: AckCallback | null): void {
    const id = this.nextAck++;
    this.acks.set(id, cb);
    this.ws.send(encodeEmit(name, data, id));
  }

  get pendingAcks(): number {
    return this.acks.size;
  }

  close(): void {
    this.closing = true;
    this.ws.close();
  }

  /** For bounded shutdown: drop the TCP connection without the closing handshake. */
  terminate(): void {
    this.closing = true;
    this.ws.terminate();
  }
}

/** Puts the binary attachments of a Socket.IO packet where its placeholders are. */
function withAttachments(value: unknown, buffers: readonly Buffer[]): unknown {
  if (Array.isArray(value)) return value.map((v) => withAttachments(v, buffers));
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o._placeholder === true && typeof o.num === 'number') return buffers[o.num];
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, withAttachments(v, buffers)]));
  }
  return value;
}

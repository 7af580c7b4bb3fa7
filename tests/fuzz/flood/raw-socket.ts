/**
 * A Socket.IO client done by hand over a raw WebSocket (the `ws` package): the Engine.IO open packet, the
 * namespace CONNECT with the auth object, pings answered, events and acks as the protocol's text frames
 * (`42<id>["name",payload]` → `43<id>[answer]`, or `46<n>-<id>[answer]` followed by n binary frames when
 * the answer carries bytes, as a snapshot's shared part does). An attacker's script looks like this: no client library,
 * no backoff, and it may stop reading its TCP socket (`pause()`). Answers are handed over raw (a Buffer),
 * so reading a 500 KB snapshot ack costs no JSON parse.
 */
import WebSocket from 'ws';
import { PROTOCOL_VERSION } from '../../../shared/version.js';

export type Opened = { ok: true; socket: RawSocket } | { ok: false; reason: string };

type TcpSocket = { pause(): void; resume(): void };

export class RawSocket {
  private nextId = 0;
  private readonly acks = new Map<number, (raw: Buffer) => void>();
  /** A binary ack whose attachments are still arriving. */
  private binaryAck: { id: number; parts: Buffer[]; missing: number } | null = null;
  closed = false;
  /** Called once when the connection ends (server drop, error or close()). */
  onClose: (() => void) | undefined;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer, isBinary: boolean) => (isBinary ? this.onAttachment(data) : this.onMessage(data)));
    ws.on('close', () => this.ended());
    ws.on('error', () => this.ended());
  }

  /** Opens a connection and does the Socket.IO handshake; `{ ok: false, reason }` when it is refused. */
  static open(url: string, auth: Record<string, unknown>, timeoutMs = 10_000): Promise<Opened> {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, { perMessageDeflate: false });
    return new Promise((resolve) => {
      let done = false;
      const finish = (result: Opened) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        ws.off('message', onMessage);
        if (!result.ok) ws.terminate();
        resolve(result);
      };
      const timer = setTimeout(() => finish({ ok: false, reason: 'timeout' }), timeoutMs);
      const onMessage = (data: Buffer) => {
        const text = data.toString();
        if (text.startsWith('0')) ws.send(`40${JSON.stringify({ protocol: PROTOCOL_VERSION, ...auth })}`);
        else if (text.startsWith('40')) finish({ ok: true, socket: new RawSocket(ws) });
        else if (text.startsWith('44')) {
          let reason = 'refused';
          try {
            reason = (JSON.parse(text.slice(2)) as { message?: string }).message ?? reason;
          } catch {
            /* keep 'refused' */
          }
          finish({ ok: false, reason });
        }
      };
      ws.on('message', onMessage);
      ws.on('error', (err) => finish({ ok: false, reason: `error: ${(err as Error).message}` }));
      ws.on('close', () => finish({ ok: false, reason: 'closed' }));
    });
  }

  private onMessage(data: Buffer): void {
    const first = data[0];
    if (first === 0x32 /* '2' ping */ && data.length === 1) {
      this.send('3');
      return;
    }
    // '43<id>[...]': an ack.
    if (first === 0x34 && data[1] === 0x33) {
      let i = 2;
      let id = 0;
      while (i < data.length && data[i]! >= 0x30 && data[i]! <= 0x39) id = id * 10 + (data[i++]! - 0x30);
      const ack = this.acks.get(id);
      if (ack) {
        this.acks.delete(id);
        ack(data.subarray(i));
      }
    } else if (first === 0x34 && data[1] === 0x36) {
      // '46<n>-<id>[...]': an ack with n binary attachments to follow.
      let i = 2;
      let n = 0;
      while (i < data.length && data[i] !== 0x2d /* '-' */) n = n * 10 + (data[i++]! - 0x30);
      i++;
      let id = 0;
      while (i < data.length && data[i]! >= 0x30 && data[i]! <= 0x39) id = id * 10 + (data[i++]! - 0x30);
      this.binaryAck = { id, parts: [data.subarray(i)], missing: n };
      if (n === 0) this.finishBinaryAck();
    } else if (first === 0x34 && data[1] === 0x31) this.ended(); // '41': the server disconnected us
  }

  private onAttachment(data: Buffer): void {
    const b = this.binaryAck;
    if (!b) return;
    b.parts.push(data);
    if (--b.missing === 0) this.finishBinaryAck();
  }

  /** The answer's JSON text followed by its attachments (ackOutcome reads the text's start; sizes count all). */
  private finishBinaryAck(): void {
    const b = this.binaryAck!;
    this.binaryAck = null;
    const ack = this.acks.get(b.id);
    if (ack) {
      this.acks.delete(b.id);
      ack(Buffer.concat(b.parts));
    }
  }

  private ended(): void {
    if (this.closed) return;
    this.closed = true;
    this.ws.terminate();
    this.onClose?.();
    this.acks.clear();
  }

  /** Acks still outstanding (lost when the connection ends). */
  get pendingAcks(): number {
    return this.acks.size;
  }

  /** Bytes `ws` holds that the kernel has not taken yet. */
  get buffered(): number {
    return this.ws.bufferedAmount;
  }

  private send(text: string): boolean {
    if (this.closed || this.ws.readyState !== WebSocket.OPEN) return false;
    this.ws.send(text);
    return true;
  }

  /** `payload` is the JSON text of the payload. Returns false when the connection is gone. */
  emit(name: string, payload: string, ack?: (raw: Buffer) => void): boolean {
    if (!ack) return this.send(`42["${name}",${payload}]`);
    const id = this.nextId++;
    if (!this.send(`42${id}["${name}",${payload}]`)) return false;
    this.acks.set(id, ack);
    return true;
  }

  /** Stops reading: what the server sends piles up in the TCP window, then in the server's buffers. */
  pauseReading(): void {
    (this.ws as unknown as { _socket: TcpSocket })._socket.pause();
  }

  close(): void {
    this.ended();
  }
}

/** Reads an ack's answer `[{"ok":…` cheaply: ok, or the error code. */
export function ackOutcome(raw: Buffer): string {
  // '[{"ok":true' → ok; else the error code from the (small) refusal.
  if (raw.subarray(0, 11).toString() === '[{"ok":true') return 'ok';
  try {
    const [answer] = JSON.parse(raw.toString()) as Array<{ ok: boolean; error?: { code?: string } }>;
    return answer?.error?.code ?? 'unknown';
  } catch {
    return 'unparsable';
  }
}

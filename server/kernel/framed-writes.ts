/**
 * One write per socket. Socket.IO's adapter encodes a broadcast once and frames it once for WebSocket
 * (`wsPreEncodedFrame`), but each socket of the room then still goes through engine.io's packet queue, its
 * events and callbacks, and ws's sender (a cork and two writes). Measured here at 5,000 sockets: 28-31 µs
 * of CPU per socket, 14-17 of them JavaScript; with the frame written straight to the connection, 19-21 µs
 * (see docs/performance.md "One write per socket"). Emits to one socket and acks (a voter's, 2,000 a
 * second under load) are framed here, once each, and go the same way.
 *
 * The frame goes straight to the connection only when that is what engine.io would do next anyway: the
 * socket is open on WebSocket without compression, and nothing of engine.io waits to go out before it (a
 * queued packet would be overtaken). Otherwise, and for binary packets, volatile emits and polling clients,
 * engine.io's own path runs. A write still in flight is no reason to wait: it is already in the
 * connection's stream, ahead of this one.
 *
 * These are internals of engine.io 6 and ws 8 (the very ones engine.io's own pre-framed path uses); each is
 * checked before use, so a version that changes them falls back to the regular path, and a test
 * (framed-writes.test.ts) fails when the fast path stops being taken.
 */
import type { PlenumSocket } from './socket-types.js';

/** What this file reads of engine.io's socket, its WebSocket transport and ws's sender. */
interface EngineConn {
  readyState: string;
  writeBuffer: unknown[];
  transport: {
    name: string;
    perMessageDeflate?: unknown;
    socket?: { readyState: number; _sender?: { sendFrame?: (list: Buffer[], cb?: () => void) => void } };
  };
}

interface EngineClient {
  conn: EngineConn;
  writeToEngine: (encodedPackets: unknown, opts: PacketOpts) => void;
}

interface PacketOpts {
  volatile?: boolean;
  /** ws's frame of the broadcast: header and payload, made once by the adapter. */
  wsPreEncodedFrame?: Buffer[];
}

const WS_OPEN = 1;

/** Frames written straight to the connection, and frames that had to take engine.io's path (for the tests). */
export const framedWriteStats = { direct: 0, queued: 0 };

// A broadcast writes the same frame to every socket of its rooms in one synchronous loop: one entry suffices.
let lastFrame: Buffer[] | null = null;
let lastJoined: Buffer | null = null;

function joined(frame: Buffer[]): Buffer {
  if (frame !== lastFrame) {
    lastFrame = frame;
    lastJoined = frame.length === 1 ? frame[0]! : Buffer.concat(frame);
  }
  return lastJoined!;
}

/** ws's sender when a frame may be written straight to this connection now (see above), else null. */
function directSender(conn: EngineConn) {
  const t = conn.transport;
  if (conn.readyState !== 'open' || conn.writeBuffer.length !== 0 || t.name !== 'websocket' || t.perMessageDeflate) return null;
  const ws = t.socket;
  if (!ws || ws.readyState !== WS_OPEN || typeof ws._sender?.sendFrame !== 'function') return null;
  return ws._sender;
}

/**
 * An engine.io message packet ('4' and the Socket.IO packet) as one unmasked, final WebSocket text frame
 * (RFC 6455, section 5.2): what ws would send for it, in one buffer.
 */
export function textFrame(socketIoPacket: string): Buffer {
  const size = 1 + Buffer.byteLength(socketIoPacket);
  const head = size < 126 ? 2 : size < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(head + size);
  frame[0] = 0x81; // FIN, text
  if (head === 2) frame[1] = size;
  else if (head === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(size, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(size), 2);
  }
  frame[head] = 0x34; // '4': engine.io message
  frame.write(socketIoPacket, head + 1, 'utf8');
  return frame;
}

/** The one text packet of a plain emit or ack (binary ones have attachments and take engine.io's path). */
function singleText(encodedPackets: unknown): string | null {
  if (typeof encodedPackets === 'string') return encodedPackets;
  if (Array.isArray(encodedPackets) && encodedPackets.length === 1 && typeof encodedPackets[0] === 'string') return encodedPackets[0];
  return null;
}

/** Called once per connection (a Socket.IO client is one engine.io connection, whatever its namespaces). */
export function useFramedWrites(socket: PlenumSocket): void {
  const client = socket.client as unknown as EngineClient;
  if (typeof client.writeToEngine !== 'function' || !client.conn) return;
  const regular = client.writeToEngine.bind(client);
  client.writeToEngine = (encodedPackets, opts) => {
    if (!opts.volatile) {
      const frame = opts.wsPreEncodedFrame;
      const text = frame === undefined ? singleText(encodedPackets) : null;
      if (frame !== undefined || text !== null) {
        const sender = directSender(client.conn);
        if (sender) {
          framedWriteStats.direct++;
          sender.sendFrame!([frame !== undefined ? joined(frame) : textFrame(text!)]);
          return;
        }
        framedWriteStats.queued++;
      }
    }
    regular(encodedPackets, opts);
  };
}

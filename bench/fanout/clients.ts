/**
 * The fan-out benchmark's clients (run.ts): N lite clients of the Q&A benchmark (bench/qa/lite.ts) that only
 * count frames, in a process of their own. Tells the parent over IPC when all are connected, and on request
 * how many event frames arrived since the last request.
 */
import { createRequire } from 'node:module';
import { LiteClient, type Counters, type WsCtor } from '../qa/lite.js';

const WS = createRequire(import.meta.url)('ws') as WsCtor;
const [url, n] = [process.argv[2]!, Number(process.argv[3])];
const counters: Counters = { eventFrames: 0, ackFrames: 0, disconnects: 0, lastRecv: 0 };
const clients: LiteClient[] = [];
let connected = 0;
let next = 0;

// At most 500 handshakes in flight.
function pump(): void {
  while (next < n && next - connected < 500) {
    next++;
    clients.push(
      new LiteClient(WS, { url, parse: false }, counters, (err) => {
        if (err) process.send!({ error: err });
        else if (++connected === n) process.send!({ connected });
        else pump();
      }),
    );
  }
}

pump();
process.on('message', (m) => {
  if (m === 'count') {
    process.send!({ frames: counters.eventFrames });
    counters.eventFrames = 0;
  } else if (m === 'close') {
    for (const c of clients) c.terminate();
    process.exit(0);
  }
});

// The fan-out benchmark's clients (bench/fanout/run.ts): N raw WebSockets speaking just enough Engine.IO /
// Socket.IO to join, answer pings and count frames, in a process of their own. Tells the parent over IPC
// when all are connected, and on request how many frames arrived since the last request.
import { createRequire } from 'node:module';

const WebSocket = createRequire(import.meta.url)('ws');
const [url, n] = [process.argv[2], Number(process.argv[3])];
const sockets = [];
let connected = 0;
let frames = 0;
let next = 0;

function open() {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, { perMessageDeflate: false });
  sockets.push(ws);
  ws.on('message', (d) => {
    if (d[0] === 0x30) ws.send('40'); // engine.io open: connect the main namespace
    else if (d[0] === 0x34 && d[1] === 0x30) {
      connected++;
      if (connected === n) process.send({ connected });
      else pump();
    } else if (d[0] === 0x32) ws.send('3');
    else frames++;
  });
  ws.on('error', (err) => process.send({ error: String(err) }));
}

// At most 500 handshakes in flight.
function pump() {
  while (next < n && next - connected < 500) {
    next++;
    open();
  }
}

pump();
process.on('message', (m) => {
  if (m === 'count') {
    process.send({ frames });
    frames = 0;
  } else if (m === 'close') {
    for (const ws of sockets) ws.terminate();
    process.exit(0);
  }
});

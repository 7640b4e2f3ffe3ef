// Opens N websocket clients against the platform, puts ROOM_SIZE of them in one room, broadcasts to it, and
// prints connect time, server heap per connection (through jcmd on SERVER_PID) and broadcast latency p50/p99.
// Bounded: every wait has a timeout, and the process exits when done. Started by run.sh.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';

const BASE = process.env.BASE_URL;
const PID = process.env.SERVER_PID;
const N = Number(process.env.CONNECTIONS ?? 10000);
const ROOM_SIZE = Math.min(N, Number(process.env.ROOM_SIZE ?? 1000));
const BROADCASTS = Number(process.env.BROADCASTS ?? 20);
const BATCH = 250;

function heapUsedKiB() {
  execFileSync('jcmd', [PID, 'GC.run']);
  const info = execFileSync('jcmd', [PID, 'GC.heap_info']).toString();
  return Number(/used (\d+)K/.exec(info)[1]);
}

function open() {
  return new Promise((resolve, reject) => {
    const socket = io(BASE, { transports: ['websocket'], forceNew: true, reconnection: false, timeout: 20000,
      auth: { entityId: randomUUID() } });
    const timer = setTimeout(() => reject(new Error('connect timeout')), 30000);
    socket.once('connection_established', () => { clearTimeout(timer); resolve(socket); });
    socket.once('connect_error', (e) => { clearTimeout(timer); reject(e); });
  });
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

const before = heapUsedKiB();
const sockets = [];
const started = performance.now();
for (let i = 0; i < N; i += BATCH) {
  sockets.push(...await Promise.all(Array.from({ length: Math.min(BATCH, N - i) }, open)));
}
const connectMs = performance.now() - started;
const after = heapUsedKiB();

const members = sockets.slice(0, ROOM_SIZE);
for (let i = 0; i < members.length; i += BATCH) {
  await Promise.all(members.slice(i, i + BATCH).map((s) => s.timeout(20000).emitWithAck('probe:join', 'bench-room')));
}
const samples = [];
for (let round = 0; round < BROADCASTS; round++) {
  let pending = members.length;
  const done = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`round ${round}: ${pending} members never heard`)), 20000);
    for (const member of members) {
      member.once('probe:shouted', (payload) => {
        samples.push(performance.now() - Number(payload.text));
        if (--pending === 0) { clearTimeout(timer); resolve(); }
      });
    }
  });
  await members[0].timeout(20000).emitWithAck('probe:shout', { room: 'bench-room', text: String(performance.now()) });
  await done;
}
samples.sort((a, b) => a - b);
console.log(JSON.stringify({
  connections: sockets.length,
  connectSeconds: +(connectMs / 1000).toFixed(1),
  connectsPerSecond: Math.round(sockets.length / (connectMs / 1000)),
  heapBeforeMiB: +(before / 1024).toFixed(1),
  heapAfterMiB: +(after / 1024).toFixed(1),
  heapPerConnectionKiB: +((after - before) / sockets.length).toFixed(2),
  roomSize: members.length,
  broadcasts: BROADCASTS,
  broadcastP50ms: +percentile(samples, 0.5).toFixed(2),
  broadcastP99ms: +percentile(samples, 0.99).toFixed(2),
}));
sockets.forEach((s) => s.close());
process.exit(0);

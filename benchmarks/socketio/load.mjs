// Opens CONNECTIONS websocket clients against the platform, spread over WORKERS Node processes so that one
// client process does not serialise the fan-out it measures; puts ROOM_SIZE of them in one room; broadcasts to it
// BROADCASTS times; prints connect time, server heap per connection (jcmd on SERVER_PID) and broadcast latency
// p50/p99 (send and receipt times on the shared wall clock: performance.timeOrigin + performance.now()).
// Bounded: every wait has a timeout; the processes exit when done. Started by run.sh.
import { execFileSync, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { io } from 'socket.io-client';

const BASE = process.env.BASE_URL;
const BATCH = 250;
const now = () => performance.timeOrigin + performance.now();

function open() {
  return new Promise((resolve, reject) => {
    const socket = io(BASE, { transports: ['websocket'], forceNew: true, reconnection: false, timeout: 20000,
      auth: { entityId: randomUUID() } });
    const timer = setTimeout(() => reject(new Error('connect timeout')), 30000);
    socket.once('connection_established', () => { clearTimeout(timer); resolve(socket); });
    socket.once('connect_error', (e) => { clearTimeout(timer); reject(e); });
  });
}

async function openMany(count) {
  const sockets = [];
  for (let i = 0; i < count; i += BATCH) {
    sockets.push(...await Promise.all(Array.from({ length: Math.min(BATCH, count - i) }, open)));
  }
  return sockets;
}

async function worker() {
  const connections = Number(process.env.WORKER_CONNECTIONS);
  const roomMembers = Number(process.env.WORKER_MEMBERS);
  const sockets = await openMany(connections);
  const members = sockets.slice(0, roomMembers);
  for (let i = 0; i < members.length; i += BATCH) {
    await Promise.all(members.slice(i, i + BATCH).map((s) => s.timeout(20000).emitWithAck('probe:join', 'bench-room')));
  }
  let round = [];
  for (const member of members) {
    member.on('probe:shouted', (payload) => {
      round.push(now() - Number(payload.text));
      if (round.length === members.length) {
        process.send({ latencies: round });
        round = [];
      }
    });
  }
  process.send({ ready: true });
  process.on('message', (message) => {
    if (message.close) { sockets.forEach((s) => s.close()); process.exit(0); }
  });
}

// The heap's used KiB after a full GC: the sum over its generations ("def new" and "tenured" for the launcher's
// serial collector, one "garbage-first heap" line for G1); the first line alone is the serial young generation.
function heapUsedKiB(pid) {
  execFileSync('jcmd', [pid, 'GC.run']);
  const info = execFileSync('jcmd', [pid, 'GC.heap_info']).toString();
  return [...info.matchAll(/total \d+K, used (\d+)K/g)].reduce((sum, m) => sum + Number(m[1]), 0);
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

async function main() {
  const total = Number(process.env.CONNECTIONS ?? 10000);
  const roomSize = Math.min(total, Number(process.env.ROOM_SIZE ?? 1000));
  const broadcasts = Number(process.env.BROADCASTS ?? 20);
  const workers = Number(process.env.WORKERS ?? 2);
  const before = heapUsedKiB(process.env.SERVER_PID);
  const samples = [];
  const started = performance.now();
  const children = await Promise.all(Array.from({ length: workers }, (_, w) => new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, ROLE: 'worker',
      WORKER_CONNECTIONS: String(Math.floor(total / workers) + (w < total % workers ? 1 : 0)),
      WORKER_MEMBERS: String(Math.floor(roomSize / workers) + (w < roomSize % workers ? 1 : 0)) } });
    const timer = setTimeout(() => reject(new Error(`worker ${w} not ready`)), 300000);
    child.on('message', (message) => {
      if (message.ready) { clearTimeout(timer); resolve(child); }
      if (message.latencies) samples.push(...message.latencies);
    });
    child.on('exit', (code) => code !== 0 && reject(new Error(`worker ${w} exited ${code}`)));
  })));
  const connectMs = performance.now() - started;
  const after = heapUsedKiB(process.env.SERVER_PID);
  const [sender] = await openMany(1);
  for (let round = 1; round <= broadcasts; round++) {
    await sender.timeout(20000).emitWithAck('probe:shout', { room: 'bench-room', text: String(now()) });
    const deadline = Date.now() + 20000;
    while (samples.length < round * roomSize && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  }
  const heard = samples.length;
  samples.sort((a, b) => a - b);
  console.log(JSON.stringify({
    connections: total, workers,
    connectSeconds: +(connectMs / 1000).toFixed(1),
    heapBeforeMiB: +(before / 1024).toFixed(1), heapAfterMiB: +(after / 1024).toFixed(1),
    heapPerConnectionKiB: +((after - before) / total).toFixed(2),
    roomSize, broadcasts, deliveries: `${heard}/${broadcasts * roomSize}`,
    broadcastP50ms: +percentile(samples, 0.5).toFixed(2), broadcastP99ms: +percentile(samples, 0.99).toFixed(2),
  }));
  sender.close();
  children.forEach((child) => child.send({ close: true }));
}

if (process.env.ROLE === 'worker') await worker(); else await main();

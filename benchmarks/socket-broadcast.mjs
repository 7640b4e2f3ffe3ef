// One room of MEMBERS Socket.IO clients (default 1,000, npm socket.io-client over websocket) spread over WORKERS
// Node processes; a separate sender emits probe:shout BROADCASTS times (after WARMUP unmeasured rounds); the
// server fans each out to the room as one event. Every member records receive time minus send time (the send
// time travels in the payload; all processes read the same wall clock: performance.timeOrigin + performance.now()).
// Prints p50/p90/p99/max over all deliveries. Bounded: every wait has a timeout. Started by socket-broadcast.sh.
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(process.env.CLIENT_MODULES + '/');
const { io } = require('socket.io-client');
const BASE = process.env.BASE_URL;
const ROOM = 'broadcast-bench';
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

async function worker() {
  const count = Number(process.env.WORKER_MEMBERS);
  const sockets = [];
  for (let i = 0; i < count; i += 100) {
    sockets.push(...await Promise.all(Array.from({ length: Math.min(100, count - i) }, open)));
  }
  await Promise.all(sockets.map((s) => s.timeout(20000).emitWithAck('probe:join', ROOM)));
  let round = [];
  for (const socket of sockets) {
    socket.on('probe:shouted', (payload) => {
      round.push(now() - Number(payload.text));
      if (round.length === sockets.length) { process.send({ latencies: round }); round = []; }
    });
  }
  process.send({ ready: true });
  process.on('message', (m) => { if (m.close) { sockets.forEach((s) => s.close()); process.exit(0); } });
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

async function main() {
  const members = Number(process.env.MEMBERS ?? 1000);
  const workers = Number(process.env.WORKERS ?? 2);
  const broadcasts = Number(process.env.BROADCASTS ?? 50);
  const warmup = Number(process.env.WARMUP ?? 10);
  let rounds = [];
  const children = await Promise.all(Array.from({ length: workers }, (_, w) => new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, ROLE: 'worker',
      WORKER_MEMBERS: String(Math.floor(members / workers) + (w < members % workers ? 1 : 0)) } });
    const timer = setTimeout(() => reject(new Error(`worker ${w} not ready`)), 120000);
    child.on('message', (m) => {
      if (m.ready) { clearTimeout(timer); resolve(child); }
      if (m.latencies) rounds.push(m.latencies);
    });
    child.on('exit', (code) => code !== 0 && reject(new Error(`worker ${w} exited ${code}`)));
  })));
  const sender = await open();
  const samples = [];
  for (let round = 0; round < warmup + broadcasts; round++) {
    rounds = [];
    await sender.timeout(20000).emitWithAck('probe:shout', { room: ROOM, text: String(now()) });
    const deadline = Date.now() + 20000;
    while (rounds.length < workers && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
    if (round >= warmup) rounds.forEach((r) => samples.push(...r));
    await new Promise((r) => setTimeout(r, 50)); // let the clients settle so rounds do not overlap
  }
  samples.sort((a, b) => a - b);
  console.log(JSON.stringify({
    label: process.env.LABEL ?? '', members, workers, broadcasts, warmup,
    deliveries: `${samples.length}/${broadcasts * members}`,
    p50ms: +percentile(samples, 0.5).toFixed(2), p90ms: +percentile(samples, 0.9).toFixed(2),
    p99ms: +percentile(samples, 0.99).toFixed(2), maxMs: +samples[samples.length - 1].toFixed(2),
  }));
  sender.close();
  children.forEach((child) => child.send({ close: true }));
}

if (process.env.ROLE === 'worker') await worker(); else await main();

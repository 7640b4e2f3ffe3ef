// Agent round trip with the offline provider: socket "2" send -> the agent's messageBroadcast
// (source "agent_response"). Creates AGENTS agents over REST and starts them (start times), gives CHANNELS of them a
// channel each with one user joined over Socket.IO, sends at each rate of RATES (msg/s) for SECONDS seconds, spread
// round-robin over the channels, and prints p50/p99 latency and replies/s per rate. The server's idle CPU with all
// AGENTS active is measured before the load and again after it (then it includes any backlog still being
// answered); the heap with all of them active before the load (SERVER_PID, jcmd). Replies are matched to sends in order per channel: the
// runtime answers one channel's messages in order. Every wait is bounded. Started by agent-roundtrip.sh.
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';

const require = createRequire(`${process.env.NODE_DIR}/`);
const { io } = require('socket.io-client');

const BASE = process.env.BASE_URL;
const SERVER = '00000000-0000-0000-0000-000000000000';
const AGENTS = Number(process.env.AGENTS ?? 100);
const CHANNELS = Number(process.env.CHANNELS ?? 20);
const RATES = (process.env.RATES ?? '200,500,800').split(',').map(Number);
const SECONDS = Number(process.env.SECONDS ?? 10);
const IDLE_SECONDS = Number(process.env.IDLE_SECONDS ?? 30);
const HEADERS = { 'Content-Type': 'application/json',
  ...(process.env.ELIZA_SERVER_AUTH_TOKEN ? { 'X-API-KEY': process.env.ELIZA_SERVER_AUTH_TOKEN } : {}) };

async function rest(method, path, body) {
  const response = await fetch(`${BASE}/api${path}`, { method, headers: HEADERS,
    body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(20000) });
  const json = await response.json();
  if (!response.ok || json.success === false) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json.data;
}

const quantile = (sorted, q) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
const ms = (v) => v.toFixed(1);
const sleep = (t) => new Promise((r) => setTimeout(r, t));

function heapUsedMiB(pid) {
  execFileSync('jcmd', [pid, 'GC.run']);
  const info = execFileSync('jcmd', [pid, 'GC.heap_info']).toString();
  const used = [...info.matchAll(/used (\d+)K/g)].map((m) => Number(m[1]));
  return used.reduce((a, b) => a + b, 0) / 1024;
}

function cpuTicks(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks (USER_HZ, 100 on Linux)
}

async function joined(userId, channelId) {
  const socket = io(BASE, { transports: ['websocket'], forceNew: true, reconnection: false, timeout: 20000,
    auth: { entityId: userId, ...(process.env.ELIZA_SERVER_AUTH_TOKEN ? { token: process.env.ELIZA_SERVER_AUTH_TOKEN } : {}) } });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('connect timeout')), 20000);
    socket.once('connection_established', () => { clearTimeout(timer); resolve(); });
    socket.once('connect_error', (e) => { clearTimeout(timer); reject(e); });
  });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('join timeout')), 20000);
    socket.once('channel_joined', () => { clearTimeout(timer); resolve(); });
    socket.emit('1', { channelId, roomId: channelId, entityId: userId, messageServerId: SERVER });
  });
  return socket;
}

async function main() {
  const pid = process.env.SERVER_PID;
  const heapBefore = heapUsedMiB(pid);
  const agents = [];
  const starts = [];
  for (let i = 0; i < AGENTS; i++) {
    const agent = await rest('POST', '/agents', { characterJson: { name: `Bench${i}`, bio: ['A benchmark agent.'] } });
    const began = performance.now();
    const started = await rest('POST', `/agents/${agent.id}/start`);
    starts.push(performance.now() - began);
    if (started.status !== 'active') throw new Error(`agent ${agent.id} is ${started.status}`);
    agents.push(agent.id);
  }
  starts.sort((a, b) => a - b);
  console.log(`agent start (POST /start round trip, ${AGENTS} agents): p50 ${ms(quantile(starts, 0.5))} ms, `
    + `p99 ${ms(quantile(starts, 0.99))} ms, max ${ms(starts.at(-1))} ms`);

  const channels = [];
  for (let i = 0; i < Math.min(CHANNELS, agents.length); i++) {
    const userId = randomUUID();
    const channel = await rest('POST', '/messaging/channels', { name: `bench-${i}`, message_server_id: SERVER,
      participantCentralUserIds: [userId, agents[i]], type: 'GROUP', metadata: { bench: true } });
    await rest('POST', `/messaging/channels/${channel.id}/agents`, { agentId: agents[i] });
    const socket = await joined(userId, channel.id);
    const entry = { id: channel.id, agentId: agents[i], userId, socket, sent: [], latencies: null, errors: 0 };
    socket.on('messageBroadcast', (m) => {
      if (m.source !== 'agent_response' || m.senderId !== entry.agentId) return;
      const sentAt = entry.sent.shift();
      if (sentAt !== undefined && entry.latencies) entry.latencies.push(performance.now() - sentAt);
    });
    socket.on('messageError', () => { entry.errors++; });
    channels.push(entry);
  }

  // measured before any load: what 100 active agents cost at rest, with the benchmark's sockets connected
  await idle(pid, 'before the load');
  const heapAfter = heapUsedMiB(pid);
  console.log(`heap used after GC with ${AGENTS} active agents: ${ms(heapAfter)} MiB `
    + `(${ms(heapAfter - heapBefore)} MiB more than before the agents)`);

  for (const rate of RATES) {
    channels.forEach((c) => { c.sent = []; c.latencies = []; c.errors = 0; });
    const total = rate * SECONDS;
    const began = performance.now();
    for (let n = 0; n < total; n++) {
      const due = began + (n * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      const c = channels[n % channels.length];
      c.sent.push(performance.now());
      c.socket.emit('2', { channelId: c.id, roomId: c.id, senderId: c.userId, senderName: 'bench', message: `hello ${n}`,
        messageServerId: SERVER, source: 'client_chat', messageId: randomUUID() });
    }
    const deadline = performance.now() + 30000;
    const received = () => channels.reduce((s, c) => s + c.latencies.length, 0);
    while (received() < total && performance.now() < deadline) await sleep(20);
    const elapsed = (performance.now() - began) / 1000;
    const all = channels.flatMap((c) => c.latencies).sort((a, b) => a - b);
    const errors = channels.reduce((s, c) => s + c.errors, 0);
    console.log(`rate ${rate} msg/s over ${channels.length} channels: ${all.length}/${total} replies, `
      + `${(all.length / elapsed).toFixed(0)} replies/s, p50 ${ms(quantile(all, 0.5))} ms, `
      + `p99 ${ms(quantile(all, 0.99))} ms, max ${ms(all.at(-1) ?? NaN)} ms, messageError ${errors}`);
  }
  channels.forEach((c) => c.socket.close());
  await idle(pid, 'after the load (backlog included)');
}

/** The server's CPU over IDLE_SECONDS with nothing sent, after 5 s for the JIT and the last writes to settle. */
async function idle(pid, when) {
  await sleep(5000);
  const t0 = cpuTicks(pid);
  const w0 = performance.now();
  await sleep(IDLE_SECONDS * 1000);
  const seconds = (performance.now() - w0) / 1000;
  const cpu = ((cpuTicks(pid) - t0) / 100) / seconds * 100;
  console.log(`idle with ${AGENTS} active agents ${when}, over ${IDLE_SECONDS} s: CPU ${cpu.toFixed(2)} % of one core`);
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });

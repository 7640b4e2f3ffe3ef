// One round of benchmarks/cluster.sh: CHANNELS agents, each with a channel whose one user is connected over
// Socket.IO to node (channel index mod the number of nodes) of BASE_URLS; agents are created and started through
// node 1 (the others start them when told). Sends RATE msg/s for SECONDS seconds round-robin over the channels,
// waits (bounded) for the replies, and prints replies/s and latency. Also checks that no message got two replies.
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';

const require = createRequire(`${process.env.NODE_DIR}/`);
const { io } = require('socket.io-client');

const NODES = process.env.BASE_URLS.split(',');
const SERVER = '00000000-0000-0000-0000-000000000000';
const CHANNELS = Number(process.env.CHANNELS ?? 30);
const RATE = Number(process.env.RATE ?? 600);
const SECONDS = Number(process.env.SECONDS ?? 10);
const HEADERS = { 'Content-Type': 'application/json' };

async function rest(base, method, path, body) {
  const response = await fetch(`${base}/api${path}`, { method, headers: HEADERS,
    body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(20000) });
  const json = await response.json();
  if (!response.ok || json.success === false) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json.data;
}

const quantile = (sorted, q) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
const sleep = (t) => new Promise((r) => setTimeout(r, t));

async function until(what, condition, ms = 20000) {
  const deadline = performance.now() + ms;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

async function joined(base, userId, channelId) {
  const socket = io(base, { transports: ['websocket'], forceNew: true, reconnection: false, timeout: 20000,
    auth: { entityId: userId } });
  await new Promise((resolve, reject) => {
    socket.once('connection_established', resolve);
    socket.once('connect_error', reject);
  });
  await new Promise((resolve) => {
    socket.once('channel_joined', resolve);
    socket.emit('1', { channelId, roomId: channelId, entityId: userId, messageServerId: SERVER });
  });
  return socket;
}

async function main() {
  const first = NODES[0];
  const channels = [];
  for (let i = 0; i < CHANNELS; i++) {
    const agent = await rest(first, 'POST', '/agents', { characterJson: { name: `Node${NODES.length}-${i}`, bio: ['A benchmark agent.'] } });
    await rest(first, 'POST', `/agents/${agent.id}/start`);
    const base = NODES[i % NODES.length];
    await until(`agent active on ${base}`, async () => (await rest(base, 'GET', `/agents/${agent.id}`)).status === 'active');
    const userId = randomUUID();
    const channel = await rest(first, 'POST', '/messaging/channels', { name: `bench-${i}`, message_server_id: SERVER,
      participantCentralUserIds: [userId, agent.id], type: 'GROUP', metadata: {} });
    await rest(first, 'POST', `/messaging/channels/${channel.id}/agents`, { agentId: agent.id });
    const socket = await joined(base, userId, channel.id);
    const entry = { id: channel.id, agentId: agent.id, userId, socket, sent: [], latencies: [], repliedTo: new Map() };
    socket.on('messageBroadcast', (m) => {
      if (m.source !== 'agent_response' || m.senderId !== entry.agentId) return;
      const sentAt = entry.sent.shift();
      if (sentAt !== undefined) entry.latencies.push(performance.now() - sentAt);
    });
    channels.push(entry);
  }
  const total = RATE * SECONDS;
  const began = performance.now();
  for (let n = 0; n < total; n++) {
    const wait = began + (n * 1000) / RATE - performance.now();
    if (wait > 1) await sleep(wait);
    const c = channels[n % channels.length];
    c.sent.push(performance.now());
    c.socket.emit('2', { channelId: c.id, roomId: c.id, senderId: c.userId, senderName: 'bench', message: `hello ${n}`,
      messageServerId: SERVER, source: 'client_chat', messageId: randomUUID() });
  }
  const received = () => channels.reduce((s, c) => s + c.latencies.length, 0);
  const deadline = performance.now() + 60000;
  while (received() < total && performance.now() < deadline) await sleep(20);
  const elapsed = (performance.now() - began) / 1000;
  const all = channels.flatMap((c) => c.latencies).sort((a, b) => a - b);
  let duplicates = 0;
  for (const c of channels) {
    const messages = await rest(first, 'GET', `/messaging/central-channels/${c.id}/messages?limit=100`);
    const parents = (messages.messages ?? []).filter((m) => m.authorId === c.agentId).map((m) => m.inReplyToRootMessageId);
    duplicates += parents.length - new Set(parents).size;
  }
  console.log(`${NODES.length} node(s): ${all.length}/${total} replies at ${RATE} msg/s offered, `
    + `${(all.length / elapsed).toFixed(0)} replies/s, p50 ${quantile(all, 0.5).toFixed(0)} ms, `
    + `p99 ${quantile(all, 0.99).toFixed(0)} ms, messages with two replies in the last 100 of each channel: ${duplicates}`);
  channels.forEach((c) => c.socket.close());
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });

// The load of benchmarks/soak.sh for SECONDS_TO_RUN seconds: 5 agents each with a channel and a Socket.IO user
// sending 4 msg/s in all, a session created (and sent one message) every 2 s, and REST reads at ~40/s. Clients
// reconnect after a swap closes them; every failure is counted, not fatal, and the counts are printed at the end.
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';

const require = createRequire(`${process.env.NODE_DIR}/`);
const { io } = require('socket.io-client');

const BASE = process.env.BASE_URL;
const SERVER = '00000000-0000-0000-0000-000000000000';
const END = Date.now() + Number(process.env.SECONDS_TO_RUN ?? 1800) * 1000;
const counts = { rest: 0, restFailed: 0, sessions: 0, sessionsFailed: 0, sent: 0, replies: 0 };
const sleep = (t) => new Promise((r) => setTimeout(r, t));

async function rest(method, path, body) {
  const response = await fetch(`${BASE}/api${path}`, { method, headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(20000) });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
  return json.data ?? json; // the sessions routes answer without the envelope
}

async function every(ms, task) {
  while (Date.now() < END) {
    const began = Date.now();
    await task().catch(() => {});
    await sleep(Math.max(0, ms - (Date.now() - began)));
  }
}

async function main() {
  const agents = [];
  for (let i = 0; i < 5; i++) {
    const agent = await rest('POST', '/agents', { characterJson: { name: `Soak${i}`, bio: ['A soak agent.'] } });
    await rest('POST', `/agents/${agent.id}/start`);
    const userId = randomUUID();
    const channel = await rest('POST', '/messaging/channels', { name: `soak-${i}`, message_server_id: SERVER,
      participantCentralUserIds: [userId, agent.id], type: 'GROUP', metadata: {} });
    await rest('POST', `/messaging/channels/${channel.id}/agents`, { agentId: agent.id });
    const socket = io(BASE, { transports: ['polling', 'websocket'], auth: { entityId: userId } });
    socket.on('connect', () => socket.emit('1', { channelId: channel.id, roomId: channel.id, entityId: userId,
      messageServerId: SERVER }));
    socket.on('messageBroadcast', (m) => { if (m.source === 'agent_response') counts.replies++; });
    agents.push({ id: agent.id, userId, channel: channel.id, socket });
  }
  let n = 0;
  await Promise.all([
    every(250, async () => {
      const a = agents[n++ % agents.length];
      if (!a.socket.connected) return;
      counts.sent++;
      a.socket.emit('2', { channelId: a.channel, roomId: a.channel, senderId: a.userId, senderName: 'soak',
        message: `soak ${n}`, messageServerId: SERVER, source: 'client_chat', messageId: randomUUID() });
    }),
    every(2000, async () => {
      try {
        const a = agents[n % agents.length];
        const session = await rest('POST', '/messaging/sessions', { agentId: a.id, userId: randomUUID() });
        await rest('POST', `/messaging/sessions/${session.sessionId}/messages`, { content: 'hello' });
        counts.sessions++;
      } catch (e) { counts.sessionsFailed++; }
    }),
    every(25, async () => {
      try {
        await rest('GET', n % 2 ? '/agents' : '/server/ping');
        counts.rest++;
      } catch (e) { counts.restFailed++; }
    }),
  ]);
  agents.forEach((a) => a.socket.close());
  console.log(`soak load: ${JSON.stringify(counts)}`);
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });

// An ElizaOS user's first chat, with the real @elizaos/api-client 1.7.2 and socket.io-client 4.8.4. Run by ChatIT:
//   BASE_URL=http://127.0.0.1:PORT STAGE=first|after-restart [AGENT_ID=…] [CHANNEL_ID=…] node --test chat.test.mjs
// Prints `AGENT_ID=…` and `CHANNEL_ID=…` so the IT can restart the server and come back to the same conversation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { ElizaClient } from '@elizaos/api-client';

const BASE = process.env.BASE_URL;
const STAGE = process.env.STAGE ?? 'first';
const SERVER = '00000000-0000-0000-0000-000000000000';
const client = ElizaClient.create({ baseUrl: BASE });
const user = randomUUID();
const sockets = [];
let agentId = process.env.AGENT_ID;
let channelId = process.env.CHANNEL_ID;

test.after(() => sockets.forEach((s) => s.close()));

function until(socket, event, matches, ms = 15000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no matching ${event} within ${ms} ms`)), ms);
    const listener = (payload) => {
      if (matches(payload)) {
        clearTimeout(timer);
        socket.off(event, listener);
        resolve(payload);
      }
    };
    socket.on(event, listener);
  });
}

async function joined() {
  const socket = io(BASE, { forceNew: true, reconnection: false, auth: { entityId: user } });
  sockets.push(socket);
  await until(socket, 'connection_established', () => true);
  const join = until(socket, 'channel_joined', (p) => p.channelId === channelId);
  // The web client joins twice; the second join must be harmless.
  for (let i = 0; i < 2; i++) {
    socket.emit('message', { type: 1, payload: { channelId, roomId: channelId, entityId: user, messageServerId: SERVER } });
  }
  await join;
  return socket;
}

async function ask(socket, text) {
  const clientMessageId = randomUUID();
  const chunks = [];
  socket.on('messageStreamChunk', (c) => { if (c.agentId === agentId) chunks.push(c); });
  const echo = until(socket, 'messageBroadcast', (m) => m.clientMessageId === clientMessageId);
  const reply = until(socket, 'messageBroadcast', (m) => m.senderId === agentId);
  const complete = until(socket, 'messageComplete', (m) => m.channelId === channelId);
  socket.emit('message', { type: 2, payload: {
    channelId, senderId: user, senderName: 'Tester', message: text, messageServerId: SERVER,
    source: 'client_chat', messageId: clientMessageId } });
  const [mine, answer] = await Promise.all([echo, reply]);
  await complete;
  socket.off('messageStreamChunk');
  return { mine, answer, chunks };
}

if (STAGE === 'first') {
  test('an agent created and started with the api-client is active', async () => {
    const created = await client.agents.createAgent({ agent: {
      name: 'Chatty', bio: ['A patient listener.'], system: 'You are Chatty.', plugins: [] } });
    agentId = created.id ?? created.character?.id;
    assert.match(agentId, /^[0-9a-f-]{36}$/);
    const started = await client.agents.startAgent(agentId);
    assert.equal(started.status, 'active');
    const again = await client.agents.startAgent(agentId);
    assert.equal(again.status, 'active', 'start is idempotent');
    // ready means every route is mounted; the agents that were active are resumed right after, on their own
    const deadline = Date.now() + 30000;
    let agent = await client.agents.getAgent(agentId);
    while (agent.status !== 'active' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      agent = await client.agents.getAgent(agentId);
    }
    assert.equal(agent.status, 'active');
  });

  test('a DM channel with the agent is found again, not duplicated', async () => {
    const dm = await client.messaging.getOrCreateDmChannel({ participantIds: [user, agentId] });
    const again = await client.messaging.getOrCreateDmChannel({ participantIds: [user, agentId] });
    assert.equal(again.id, dm.id);
    channelId = dm.id;
    console.log(`AGENT_ID=${agentId}`);
    console.log(`CHANNEL_ID=${channelId}`);
  });

  test('a socket message is echoed with its clientMessageId, acknowledged, streamed, answered and completed', async () => {
    const socket = await joined();
    const ack = until(socket, 'messageAck', () => true);
    const { mine, answer, chunks } = await ask(socket, 'Hello there, I feel a little worried about my exams.');
    assert.equal(mine.senderId, user);
    assert.equal((await ack).clientMessageId, mine.clientMessageId);
    assert.equal(answer.source, 'agent_response');
    assert.ok(answer.text.trim().length > 0, 'the reply has text');
    assert.ok(chunks.length > 0, 'the reply was streamed');
    assert.ok(chunks.every((c) => c.messageId === answer.id), 'every chunk names the reply');
    assert.equal(chunks.map((c) => c.chunk).join('').trim(), answer.text.trim(), 'the chunks make the reply');
  });

  test('the conversation is stored: the reply follows the question in the channel history', async () => {
    const page = await client.messaging.getChannelMessages(channelId, { limit: 10 });
    const messages = page.messages ?? page;
    assert.ok(messages.length >= 2);
    assert.equal(messages[0].authorId ?? messages[0].senderId, agentId, 'newest first: the reply');
  });

  test('every handled message is a run in the agent runs', async () => {
    // the run's end is recorded just after the reply is complete: poll a moment for it
    const deadline = Date.now() + 15000;
    let runs = [];
    do {
      const response = await fetch(`${BASE}/api/agents/${agentId}/runs?limit=5`);
      assert.equal(response.status, 200);
      runs = (await response.json()).data.runs;
      if (runs.some((r) => r.status === 'completed' && r.counts.modelCalls >= 1)) return;
      await new Promise((r) => setTimeout(r, 100));
    } while (Date.now() < deadline);
    assert.fail(`no completed run with a model call in 15 s: ${JSON.stringify(runs)}`);
  });

  test('a REST post with transport http answers with the agent response', async () => {
    const response = await fetch(`${BASE}/api/messaging/channels/${channelId}/messages`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ author_id: user, content: 'Can you help me?', message_server_id: SERVER,
        transport: 'http' }) });
    const body = await response.json();
    assert.equal(response.status, 201);
    assert.equal(body.success, true);
    assert.equal(body.userMessage.content, 'Can you help me?');
    assert.ok(body.agentResponse?.text, JSON.stringify(body));
  });
} else {
  test('after a restart the agent is active again and answers in the same channel', async () => {
    // ready means every route is mounted; the agents that were active are resumed right after, on their own
    const deadline = Date.now() + 30000;
    let agent = await client.agents.getAgent(agentId);
    while (agent.status !== 'active' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      agent = await client.agents.getAgent(agentId);
    }
    assert.equal(agent.status, 'active');
    const socket = await joined();
    const { answer } = await ask(socket, 'I am back. Do you remember my exams?');
    assert.equal(answer.source, 'agent_response');
  });

  test('a stopped agent does not answer, and stopping it twice is a 404 as in 1.7.2', async () => {
    await client.agents.stopAgent(agentId);
    await assert.rejects(client.agents.stopAgent(agentId), (e) => e.status === 404);
    const agent = await client.agents.getAgent(agentId);
    assert.equal(agent.status, 'inactive');
  });
}

// The memory routes with the real @elizaos/api-client 1.7.2 `memory` service. Run by MemoryIT:
//   BASE_URL=http://127.0.0.1:PORT node --test memory.test.mjs
// Memories are created through POST /api/memory/:agentId/memories (the documents' route; the client has no method
// for it), then read, changed and cleared through the client exactly as the ElizaOS web client does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ElizaClient } from '@elizaos/api-client';

const BASE = process.env.BASE_URL;
const client = ElizaClient.create({ baseUrl: BASE });
const room = randomUUID();
const otherRoom = randomUUID();

async function createMemory(agentId, text, roomId, createdAt) {
  const response = await fetch(`${BASE}/api/memory/${agentId}/memories`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ content: { text, source: 'memory.test' }, roomId, createdAt, metadata: { type: 'message' } }),
  });
  assert.equal(response.status, 201);
  return (await response.json()).data;
}

async function until(what, check) {
  const deadline = Date.now() + 60000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('the memory service reads, updates, deletes and clears what was remembered', async () => {
  const created = await client.agents.createAgent({ agent: { name: 'Rememberer', bio: ['Remembers things.'] } });
  const agentId = created.id ?? created.character?.id;
  const first = await createMemory(agentId, 'the user prefers green tea', room, 1000);
  await createMemory(agentId, 'the user walks a dog called Rex', room, 2000);
  await createMemory(agentId, 'a note in another room', otherRoom, 3000);
  assert.deepEqual(Object.keys(first), ['id', 'type', 'createdAt', 'content', 'entityId', 'agentId', 'roomId',
    'unique', 'metadata']);

  const all = await client.memory.getAgentMemories(agentId);
  assert.deepEqual(all.memories.map((m) => m.content.text), ['a note in another room',
    'the user walks a dog called Rex', 'the user prefers green tea']);
  assert.equal(all.memories[0].embedding, undefined);
  const inRoom = await client.memory.getRoomMemories(agentId, room, { limit: 1 });
  assert.deepEqual(inRoom.memories.map((m) => m.content.text), ['the user walks a dog called Rex']);
  const byRoomParam = await client.memory.getAgentMemories(agentId, { roomId: otherRoom });
  assert.equal(byRoomParam.memories.length, 1);

  await until('the memories are embedded by the built-in model', async () => {
    const stats = await (await fetch(`${BASE}/api/memory/${agentId}/stats`)).json();
    return stats.data.embedded === 3;
  });
  const internal = await client.memory.getAgentInternalMemories(agentId, room, true);
  assert.equal(internal.memories[0].embedding.length, 384);

  const updated = await client.memory.updateMemory(agentId, first.id, { content: { text: 'the user prefers coffee' } });
  assert.deepEqual(updated, { id: first.id, message: 'Memory updated successfully' });
  await until('the changed text is embedded again', async () => {
    const found = await (await fetch(`${BASE}/api/memory/${agentId}/memories/search?q=${encodeURIComponent(
      'what does the user like to drink?')}&limit=1`)).json();
    return found.data.memories[0]?.content.text === 'the user prefers coffee';
  });

  const deleted = await client.memory.deleteMemory(agentId, first.id);
  assert.deepEqual(deleted, { message: 'Memory deleted successfully' });
  assert.deepEqual(await client.memory.clearRoomMemories(agentId, room), { success: true });
  assert.deepEqual((await client.memory.getRoomMemories(agentId, room)).memories, []);
  const cleared = await client.memory.clearAgentMemories(agentId);
  assert.deepEqual(cleared, { deleted: 1, message: 'All agent memories cleared successfully' });
  assert.deepEqual((await client.memory.getAgentMemories(agentId)).memories, []);
});

test('errors come as 1.7.2 sends them', async () => {
  await assert.rejects(client.memory.getAgentMemories(randomUUID()),
    (e) => e.code === 'NOT_FOUND' && e.message === 'Agent not found' && e.status === 404);
  const agents = await client.agents.listAgents();
  const agentId = agents.agents[0].id;
  await assert.rejects(client.memory.updateMemory(agentId, 'nope', { content: { text: 'x' } }),
    (e) => e.code === 'INVALID_ID' && e.message === 'Invalid agent ID or memory ID format' && e.status === 400);
  await assert.rejects(client.memory.getAgentMemories(agentId, { channelId: 'nope' }),
    (e) => e.code === 'INVALID_ID' && e.message === 'Invalid channel ID format');
});

test('what a started agent hears and says becomes memories of its room, found by meaning', async () => {
  const created = await client.agents.createAgent({ agent: { name: 'Listener', bio: ['Listens.'], plugins: [] } });
  const agentId = created.id ?? created.character?.id;
  assert.equal((await client.agents.startAgent(agentId)).status, 'active');
  const post = async (path, body) => (await fetch(`${BASE}/api/messaging/sessions${path}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).json();
  const session = await post('', { agentId, userId: randomUUID() });
  const question = 'My grandmother grows orchids in her greenhouse.';
  const sent = await post(`/${session.sessionId}/messages`, { content: question, transport: 'http' });
  assert.ok(sent.agentResponse?.text, JSON.stringify(sent));
  let texts = [];
  await until('the question and the reply are memories of the channel', async () => {
    const found = await client.memory.getAgentMemories(agentId, { channelId: session.channelId });
    texts = found.memories.map((m) => m.content.text);
    return texts.length >= 2;
  });
  assert.ok(texts.includes(question), JSON.stringify(texts));
  assert.ok(texts.includes(sent.agentResponse.text), JSON.stringify(texts));
  await until('the question is found by meaning', async () => {
    const found = await (await fetch(`${BASE}/api/memory/${agentId}/memories/search?q=${encodeURIComponent(
      'Which flowers does my family raise?')}&limit=1`)).json();
    return found.data.memories[0]?.content.text === question;
  });
});

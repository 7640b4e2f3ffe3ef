// Rooms and groups driven by the real @elizaos/api-client 1.7.2 `memory` service. Run by RoomsIT:
//   BASE_URL=http://127.0.0.1:PORT node --test rooms.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ElizaClient } from '@elizaos/api-client';

const client = ElizaClient.create({ baseUrl: process.env.BASE_URL });
const memory = client.memory;
const DEFAULT_SERVER = '00000000-0000-0000-0000-000000000000';
let agentId;
let roomId;

test('an agent lists its own room first', async () => {
  const created = await client.agents.createAgent({ agent: { name: 'Roomkeeper', bio: ['Keeps rooms.'], plugins: [] } });
  agentId = created.id ?? created.character?.id;
  const { rooms } = await memory.listAgentRooms(agentId);
  assert.equal(rooms.length, 1);
  assert.deepEqual(rooms[0], { id: agentId, name: 'Roomkeeper', channelId: agentId, agentId, messageServerId: agentId,
    worldId: agentId, type: 'SELF', source: 'elizaos', metadata: null, serverId: agentId });
});

test('createRoom answers the 1.7.2 shape and getRoom reads it back with its world', async () => {
  const room = await memory.createRoom(agentId, { name: 'Client room', type: 'GROUP', source: 'api-client', metadata: { k: 'v' } });
  assert.deepEqual(Object.keys(room), ['id', 'name', 'agentId', 'createdAt', 'source', 'type', 'worldId', 'metadata']);
  assert.equal(typeof room.createdAt, 'number');
  roomId = room.id;
  const got = await memory.getRoom(agentId, roomId);
  assert.equal(got.channelId, roomId);
  assert.equal(got.worldName, 'World for Client room');
  assert.deepEqual(got.metadata, { k: 'v' });
  const { rooms } = await memory.listAgentRooms(agentId);
  assert.deepEqual(rooms.map((r) => r.id), [agentId, roomId]);
});

test('errors arrive as typed ApiErrors', async () => {
  await assert.rejects(memory.createRoom(agentId, {}), (e) => e.code === 'MISSING_PARAM' && e.status === 400
    && e.message === 'Room name is required');
  await assert.rejects(memory.getRoom(agentId, randomUUID()), (e) => e.code === 'NOT_FOUND' && e.status === 404
    && e.message === 'Room not found');
  await assert.rejects(memory.getRoom('nope', roomId), (e) => e.code === 'INVALID_ID' && e.status === 400);
  await assert.rejects(memory.listAgentRooms(randomUUID()), (e) => e.code === 'NOT_FOUND' && e.status === 404);
  await assert.rejects(memory.createWorldFromMessageServer(DEFAULT_SERVER, { name: 'x' }),
    (e) => e.code === 'BAD_REQUEST' && e.message === 'agentIds must be a non-empty array');
});

test('createWorldFromMessageServer makes the group room, deleteWorld removes it', async () => {
  const worldId = randomUUID();
  const created = await memory.createWorldFromMessageServer(DEFAULT_SERVER, { agentIds: [agentId], name: 'Client group', worldId });
  assert.equal(created.length, 1);
  assert.deepEqual(Object.keys(created[0]), ['id', 'name', 'source', 'worldId', 'type']);
  assert.equal(created[0].type, 'API');
  assert.equal(created[0].worldId, worldId);
  const group = await memory.getRoom(agentId, created[0].id);
  assert.equal(group.worldName, 'Client group');
  assert.deepEqual(await memory.deleteWorld(worldId), { success: true });
  await assert.rejects(memory.getRoom(agentId, created[0].id), (e) => e.status === 404);
});

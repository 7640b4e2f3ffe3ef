// The messaging REST routes driven by the real @elizaos/api-client 1.7.2. Run by MessagingIT:
//   BASE_URL=http://127.0.0.1:PORT node --test messaging.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ElizaClient, ApiError } from '@elizaos/api-client';

const client = ElizaClient.create({ baseUrl: process.env.BASE_URL });
const messaging = client.messaging;
const DEFAULT_SERVER = '00000000-0000-0000-0000-000000000000';

test('message servers: current, list, create, its channels, delete', async () => {
  assert.deepEqual(await messaging.getCurrentMessageServer(), { messageServerId: DEFAULT_SERVER });
  const created = await messaging.createMessageServer({ name: 'Node server', sourceType: 'node_test', metadata: { k: 'v' } });
  assert.equal(created.server.name, 'Node server');
  assert.deepEqual(created.server.metadata, { k: 'v' });
  const { messageServers } = await messaging.listMessageServers();
  assert.deepEqual(messageServers.map((s) => s.id).slice(0, 1), [DEFAULT_SERVER]);
  assert.ok(messageServers.some((s) => s.id === created.server.id));
  assert.deepEqual(await messaging.getMessageServerChannels(created.server.id), { channels: [] });
  const synced = await messaging.syncMessageServerChannels(created.server.id,
    { channels: [{ name: 'general', type: 'GROUP', sourceId: 'g-1' }] });
  assert.equal(synced.synced, 1);
  assert.equal((await messaging.getMessageServerChannels(created.server.id)).channels[0].name, 'general');
  await messaging.deleteMessageServer(created.server.id);
  const after = await messaging.listMessageServers();
  assert.ok(!after.messageServers.some((s) => s.id === created.server.id));
});

test('a group channel keeps its metadata exactly as sent', async () => {
  const user = randomUUID();
  const metadata = { topic: 'wire', zeta: 1, alpha: { b: [1, 2], a: null } };
  const channel = await messaging.createGroupChannel({ name: 'Node group', participantIds: [user], metadata });
  assert.equal(channel.messageServerId, DEFAULT_SERVER);
  assert.equal(JSON.stringify(channel.metadata), JSON.stringify(metadata));
  const details = await messaging.getChannelDetails(channel.id);
  assert.equal(JSON.stringify(details.metadata), JSON.stringify(metadata));
  assert.deepEqual(await messaging.getChannelParticipants(channel.id), [user]);
  const updated = await messaging.updateChannel(channel.id, { name: 'Renamed', metadata: { topic: 'renamed' } });
  assert.equal(updated.name, 'Renamed');
  await messaging.deleteChannel(channel.id);
  await assert.rejects(messaging.getChannelDetails(channel.id), (e) => e instanceof ApiError && e.status === 404);
});

test('the DM channel of two people is one channel, whoever asks', async () => {
  const [a, b] = [randomUUID(), randomUUID()];
  const first = await messaging.getOrCreateDmChannel({ participantIds: [a, b] });
  const again = await messaging.getOrCreateDmChannel({ participantIds: [a, b] });
  const reversed = await messaging.getOrCreateDmChannel({ participantIds: [b, a] });
  assert.equal(first.type, 'DM');
  assert.equal(again.id, first.id);
  assert.equal(reversed.id, first.id);
  const [low, high] = [a, b].sort();
  assert.deepEqual(first.metadata, { user1: low, user2: high });
});

test('post, page with cursors, get, search, delete one, clear', async () => {
  const author = randomUUID();
  const channel = await messaging.createGroupChannel({ name: 'Node messages', participantIds: [author] });
  const texts = ['one apple', 'two bananas', 'three cherries', 'four bananas ripe', 'five dates'];
  const posted = [];
  for (const text of texts) {
    posted.push(await messaging.postMessage(channel.id, text, { author_id: author }));
  }
  assert.ok(posted.every((p) => p === undefined || typeof p === 'object'));

  const all = (await messaging.getChannelMessages(channel.id, { limit: 50 })).messages;
  assert.deepEqual(all.map((m) => m.content), [...texts].reverse());
  const newest = (await messaging.getChannelMessages(channel.id, { limit: 2 })).messages;
  assert.deepEqual(newest.map((m) => m.content), ['five dates', 'four bananas ripe']);
  const next = (await messaging.getChannelMessages(channel.id, { limit: 2, before: newest[1].id })).messages;
  assert.deepEqual(next.map((m) => m.content), ['three cherries', 'two bananas']);
  const byTime = (await messaging.getChannelMessages(channel.id, { limit: 50, after: all[2].created_at })).messages;
  assert.ok(byTime.every((m) => m.created_at > all[2].created_at));

  const one = await messaging.getMessage(all[0].id);
  assert.equal(one.content, 'five dates');
  assert.equal(one.authorId, author);
  assert.deepEqual(one.deliveries, []);

  const found = (await messaging.searchMessages({ query: 'banana', channelId: channel.id })).messages;
  assert.deepEqual(found.map((m) => m.content).sort(), ['four bananas ripe', 'two bananas']);

  await messaging.deleteMessage(channel.id, all[0].id);
  await assert.rejects(messaging.getMessage(all[0].id), (e) => e instanceof ApiError && e.status === 404);
  assert.equal((await messaging.getChannelMessages(channel.id)).messages.length, 4);

  await messaging.clearChannelHistory(channel.id);
  assert.deepEqual((await messaging.getChannelMessages(channel.id)).messages, []);
});

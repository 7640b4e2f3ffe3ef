// The real @elizaos/api-client 1.7.2 `media` service against the server, with an API key. Run by MediaIT:
//   BASE_URL=http://127.0.0.1:PORT API_KEY=… node --test media.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ElizaClient } from '@elizaos/api-client';

const BASE = process.env.BASE_URL;
const KEY = process.env.API_KEY;
const client = ElizaClient.create({ baseUrl: BASE, apiKey: KEY });
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

async function download(url, key = KEY) {
  return fetch(BASE + url, { headers: key ? { 'X-API-KEY': key } : {} });
}

test('uploadAgentMedia stores an image for an agent, served back with the key only', async () => {
  const agent = await client.agents.createAgent({ agent: { name: 'Painter', bio: ['Draws.'] } });
  const media = await client.media.uploadAgentMedia(agent.id, {
    file: new Blob([PNG], { type: 'image/png' }), filename: 'pixel.png',
  });
  assert.equal(media.type, 'image');
  assert.equal(media.originalName, 'pixel.png');
  assert.equal(media.size, PNG.length);
  assert.match(media.url, new RegExp(`^/media/uploads/agents/${agent.id}/\\d{13}-\\d{9}\\.png$`));
  const served = await download(media.url);
  assert.equal(served.status, 200);
  assert.equal(served.headers.get('content-type'), 'image/png');
  assert.deepEqual(new Uint8Array(await served.arrayBuffer()), PNG);
  assert.equal((await download(media.url, null)).status, 401);
});

test('uploadChannelMedia goes through the messaging alias and the channel file downloads', async () => {
  const channel = await client.messaging.createGroupChannel({ name: 'shared', participantIds: [randomUUID()] });
  const text = 'notes for the channel';
  const media = await client.media.uploadChannelMedia(channel.id, new File([text], 'notes.txt', { type: 'text/plain' }));
  assert.equal(media.type, 'text/plain');
  assert.equal(media.originalName, 'notes.txt');
  const served = await download(media.url);
  assert.equal(served.status, 200);
  assert.equal(await served.text(), text);
  assert.match(served.headers.get('content-disposition'), /^attachment/);
});

test('a refused upload reaches the client as an ApiError with the status', async () => {
  const agent = await client.agents.createAgent({ agent: { name: 'Picky', bio: ['Refuses pages.'] } });
  await assert.rejects(client.media.uploadAgentMedia(agent.id, {
    file: new Blob(['<script>alert(1)</script>'], { type: 'text/html' }), filename: 'page.html',
  }), (e) => e.status === 415 && e.code === 'UNSUPPORTED_MEDIA_TYPE');
  await assert.rejects(client.media.uploadAgentMedia(randomUUID(), {
    file: new Blob([PNG], { type: 'image/png' }), filename: 'pixel.png',
  }), (e) => e.status === 404);
});

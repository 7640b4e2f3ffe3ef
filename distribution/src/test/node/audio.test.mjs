// The real @elizaos/api-client 1.7.2 audio service against our /api/audio routes. Run by AudioIT:
//   BASE_URL=http://127.0.0.1:PORT AGENT_ID=<a started agent> node --test audio.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ElizaClient } from '@elizaos/api-client';

const client = ElizaClient.create({ baseUrl: process.env.BASE_URL, timeout: 60000 });
const agentId = process.env.AGENT_ID;
const DIGITS = 'one two three four five six seven eight nine ten';

function words(text) {
  return new Set(text.split(/\s+/).filter((w) => DIGITS.split(' ').includes(w)));
}

async function speak(text) {
  const { audio } = await client.audio.generateSpeech(agentId, { text });
  return Buffer.from(audio, 'base64');
}

test('generateSpeech returns the spoken sentence as audio', async () => {
  const wav = await speak(DIGITS);
  assert.equal(wav.subarray(0, 4).toString('ascii'), 'RIFF');
  assert.equal(wav.subarray(8, 12).toString('ascii'), 'WAVE');
  assert.ok(wav.length > 10000, `only ${wav.length} bytes`);
});

test('transcribe hears the sentence back, from a Buffer and from a base64 data URL', async () => {
  const wav = await speak(DIGITS);
  const fromBuffer = await client.audio.transcribe(agentId, { audio: wav, format: 'wav', language: 'en' });
  assert.ok(words(fromBuffer.text).size >= 8, `heard "${fromBuffer.text}"`);
  const fromUrl = await client.audio.transcribe(agentId, { audio: `data:audio/wav;base64,${wav.toString('base64')}` });
  assert.equal(fromUrl.text, fromBuffer.text);
});

test('speechConversation and processSpeech answer the agent reply, spoken', async () => {
  const question = await speak('hello world how are you today');
  for (const answer of [await client.audio.speechConversation(agentId, { audio: question, format: 'wav' }),
    await client.audio.processSpeech(agentId, question, { source: 'node' })]) {
    assert.match(answer.transcription, /how are you/);
    assert.ok(answer.text.length > 0);
    assert.equal(Buffer.from(answer.audio, 'base64').subarray(0, 4).toString('ascii'), 'RIFF');
    assert.ok(answer.metadata.replyId);
  }
});

test('synthesizeAudioMessage speaks a stored message by its id', async () => {
  const answer = await client.audio.speechConversation(agentId, { audio: await speak('hello world') });
  const spoken = await client.audio.synthesizeAudioMessage(agentId, { messageId: answer.metadata.replyId, format: 'wav' });
  assert.equal(spoken.format, 'wav');
  assert.equal(Buffer.from(spoken.audio, 'base64').subarray(0, 4).toString('ascii'), 'RIFF');
});

test('errors arrive as ApiError with the route family codes', async () => {
  await assert.rejects(client.audio.transcribe('nope', { audio: Buffer.from('RIFF0000WAVE') }),
    (e) => e.code === 'INVALID_ID' && e.status === 400);
  await assert.rejects(client.audio.transcribe(agentId, { audio: new Blob(['plain words'], { type: 'text/plain' }) }),
    (e) => e.code === 'INVALID_FILE_TYPE' && e.status === 415);
  await assert.rejects(client.audio.generateSpeech(agentId, { text: '' }), /status: 400/);
});

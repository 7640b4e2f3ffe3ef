// The sessions API driven by the real @elizaos/api-client 1.7.2 `sessions` service. Run by SessionsIT:
//   BASE_URL=http://127.0.0.1:PORT STAGE=first|after-restart [AGENT_ID=…] [SESSION_ID=…] node --test sessions.test.mjs
// Prints `AGENT_ID=…` and `SESSION_ID=…` so the IT can kill the server and come back to the same session.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ElizaClient } from '@elizaos/api-client';

const BASE = process.env.BASE_URL;
const STAGE = process.env.STAGE ?? 'first';
const client = ElizaClient.create({ baseUrl: BASE });
const sessions = client.sessions;
let agentId = process.env.AGENT_ID;
let sessionId = process.env.SESSION_ID;
const user = randomUUID();

async function raw(method, path, body) {
  const response = await fetch(`${BASE}/api/messaging/sessions${path}`, {
    method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

if (STAGE === 'first') {
  test('a started agent to talk to', async () => {
    const created = await client.agents.createAgent({ agent: { name: 'Sessionist', bio: ['Talks in sessions.'], plugins: [] } });
    agentId = created.id ?? created.character?.id;
    assert.equal((await client.agents.startAgent(agentId)).status, 'active');
    console.log(`AGENT_ID=${agentId}`);
  });

  test('health, then a session with the defaults', async () => {
    const health = await sessions.checkHealth();
    assert.equal(health.status, 'healthy');
    const session = await sessions.createSession({ agentId, userId: user, metadata: { platform: 'it' } });
    assert.match(session.sessionId, /^[0-9a-f-]{36}$/);
    assert.deepEqual(session.timeoutConfig, { timeoutMinutes: 30, autoRenew: true, maxDurationMinutes: 720, warningThresholdMinutes: 5 });
    sessionId = session.sessionId;
    console.log(`SESSION_ID=${sessionId}`);
    const info = await sessions.getSession(sessionId);
    assert.equal(info.renewalCount, 0);
    assert.ok(info.timeRemaining > 29 * 60000 && info.timeRemaining <= 30 * 60000);
    assert.equal(info.isNearExpiration, false);
  });

  test('the client reports typed errors with the 1.7.2 codes', async () => {
    await assert.rejects(sessions.createSession({ agentId: 'not-a-uuid', userId: user }),
      (e) => e.code === 'VALIDATION_ERROR' && e.status === 400);
    await assert.rejects(sessions.createSession({ agentId: randomUUID(), userId: user }),
      (e) => e.code === 'AGENT_NOT_FOUND' && e.status === 404);
    await assert.rejects(sessions.getSession(randomUUID()), (e) => e.code === 'SESSION_NOT_FOUND' && e.status === 404);
  });

  test('a websocket-transport message, then a synchronous one answered by the agent', async () => {
    // 1.7.2's client unwraps `data` from any body with `success`, so sendMessage resolves to undefined.
    assert.equal(await sessions.sendMessage(sessionId, { content: 'Hello, I am new here.' }), undefined);
    const sync = await raw('POST', `/${sessionId}/messages`, { content: 'What can you do?', transport: 'http' });
    assert.equal(sync.status, 201);
    assert.ok(sync.body.agentResponse?.text, JSON.stringify(sync.body));
    assert.equal(sync.body.sessionStatus.wasRenewed, true);
    assert.equal(await sessions.sendMessageSync(sessionId, { content: 'Thank you.' }), undefined);
  });

  test('the history pages newest first with cursors', async () => {
    const page = await sessions.getMessages(sessionId, { limit: 2 });
    assert.equal(page.messages.length, 2);
    assert.equal(page.hasMore, true);
    const older = await sessions.getMessages(sessionId, { limit: 50, before: new Date(page.cursors.before) });
    const texts = older.messages.map((m) => m.content);
    assert.ok(texts.includes('Hello, I am new here.'), JSON.stringify(texts));
    assert.ok(older.messages.some((m) => m.isAgent));
  });

  test('renew, heartbeat and a timeout change', async () => {
    const renewed = await raw('POST', `/${sessionId}/renew`);
    assert.equal(renewed.status, 200);
    const beat = await raw('POST', `/${sessionId}/heartbeat`);
    assert.equal(beat.body.renewalCount, renewed.body.renewalCount + 1);
    const changed = await raw('PATCH', `/${sessionId}/timeout`, { timeoutMinutes: 60 });
    assert.equal(changed.body.timeoutConfig.timeoutMinutes, 60);
    const list = await sessions.listSessions();
    assert.ok(list.sessions.some((s) => s.sessionId === sessionId));
    assert.equal(list.total, list.sessions.length);
  });
} else {
  test('after a hard kill the session, its timeouts and its messages are still there', async () => {
    const info = await sessions.getSession(sessionId);
    assert.equal(info.timeoutConfig.timeoutMinutes, 60);
    assert.ok(info.renewalCount >= 4, JSON.stringify(info));
    const page = await sessions.getMessages(sessionId, { limit: 100 });
    assert.ok(page.messages.some((m) => m.content === 'Hello, I am new here.'));
  });

  test('the conversation continues in the same session, then the session is deleted', async () => {
    const sync = await raw('POST', `/${sessionId}/messages`, { content: 'I am back.', transport: 'http' });
    assert.equal(sync.status, 201);
    assert.ok(sync.body.agentResponse?.text, JSON.stringify(sync.body));
    await sessions.deleteSession(sessionId);
    await assert.rejects(sessions.getSession(sessionId), (e) => e.status === 404);
  });
}

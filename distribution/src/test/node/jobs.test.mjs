// The Jobs API with the real @elizaos/api-client 1.7.2 `jobs` service. Run by JobsIT:
//   BASE_URL=http://127.0.0.1:PORT STAGE=first|after-restart [AGENT_ID=…] [JOB_ID=…] [PENDING_JOB_ID=…] node --test jobs.test.mjs
// The first stage prints `AGENT_ID=…` and `JOB_ID=…` (a completed job) for the IT to find them after a restart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ElizaClient } from '@elizaos/api-client';

const BASE = process.env.BASE_URL;
const STAGE = process.env.STAGE ?? 'first';
const client = ElizaClient.create({ baseUrl: BASE });
const user = randomUUID();
let agentId = process.env.AGENT_ID;

function completedWithAnAnswer(result, prompt) {
  assert.equal(result.success, true, JSON.stringify(result.job));
  const { job } = result;
  assert.equal(job.status, 'completed');
  assert.equal(job.agentId, agentId);
  assert.equal(job.prompt, prompt);
  const message = job.result.message;
  assert.match(message.id, /^[0-9a-f-]{36}$/);
  assert.equal(message.authorId, agentId);
  assert.ok(message.content.trim().length > 0, 'the offline provider answered');
  assert.ok(message.createdAt >= job.createdAt && message.createdAt <= job.expiresAt);
  assert.equal(job.result.processingTimeMs, message.createdAt - job.createdAt);
}

if (STAGE === 'first') {
  test('a started agent answers a job created with its id', async () => {
    const created = await client.agents.createAgent({ agent: { name: 'Jobber', bio: ['Answers one-off questions.'] } });
    agentId = created.id ?? created.character?.id;
    assert.equal((await client.agents.startAgent(agentId)).status, 'active');

    const job = await client.jobs.create({ agentId, userId: user, content: 'job question', timeoutMs: 20000,
      metadata: { source: 'jobs.test' } });
    assert.deepEqual(Object.keys(job), ['jobId', 'status', 'createdAt', 'expiresAt']);
    assert.equal(job.status, 'processing');
    assert.equal(job.expiresAt - job.createdAt, 20000);
    const result = await client.jobs.poll(job.jobId, { interval: 100, timeout: 20000 });
    completedWithAnAnswer(result, 'job question');
    assert.deepEqual(result.job.metadata, { source: 'jobs.test' });
    console.log(`AGENT_ID=${agentId}`);
    console.log(`JOB_ID=${job.jobId}`);
  });

  test('without agentId the first active agent answers', async () => {
    const result = await client.jobs.createAndPoll({ userId: user, content: 'job without agentId' },
      { interval: 100, timeout: 20000 });
    completedWithAnAnswer(result, 'job without agentId');
    assert.equal((await client.jobs.getJob(result.job.jobId)).status, 'completed');
  });

  test('ask returns the answer', async () => {
    const answer = await client.jobs.ask(user, 'a quick one', agentId, { interval: 100, timeout: 20000 });
    assert.ok(answer.trim().length > 0);
  });

  test('errors come as 1.7.2 sends them', async () => {
    // The client reads error.message, which a plain-string error (1.7.2's jobs envelope) does not have.
    await assert.rejects(client.jobs.create({ userId: user, content: 'x', timeoutMs: 10 }),
      (e) => e.status === 400 && e.message === 'Unknown error');
    const raw = await fetch(`${BASE}/api/messaging/jobs`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: user, content: 'x', timeoutMs: 10 }) });
    assert.equal(raw.status, 400);
    assert.equal(await raw.text(), '{"success":false,"error":"timeoutMs must be at least 1000ms"}');
    await assert.rejects(client.jobs.getJob('no-such-job'), (e) => e.status === 404);
  });

  test('the list and health count the jobs', async () => {
    const list = await client.jobs.list({ limit: 2 });
    assert.equal(list.jobs.length, 2);
    assert.equal(list.filtered, 2);
    assert.ok(list.total >= 3);
    assert.ok(list.jobs[0].createdAt >= list.jobs[1].createdAt, 'newest first');
    const completed = await client.jobs.list({ status: 'completed' });
    assert.ok(completed.jobs.every((j) => j.status === 'completed'));
    const health = await client.jobs.health();
    assert.equal(health.healthy, true);
    assert.equal(health.maxJobs, 10000);
    assert.equal(health.totalJobs, list.total);
    assert.ok(health.statusCounts.completed >= 3);
    assert.equal(health.metrics.successRate, 1);
    assert.ok(health.metrics.averageProcessingTimeMs >= 0);
  });
} else {
  test('a completed job is still there after the restart', async () => {
    const job = await client.jobs.getJob(process.env.JOB_ID);
    assert.equal(job.status, 'completed');
    assert.equal(job.prompt, 'job question');
    assert.ok(job.result.message.content.trim().length > 0);
  });

  test('a job left processing across the restart completes with its answer', async () => {
    const result = await client.jobs.poll(process.env.PENDING_JOB_ID, { interval: 200, timeout: 60000 });
    completedWithAnAnswer(result, 'asked while the runtime was stopped');
  });
}

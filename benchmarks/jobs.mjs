// Jobs throughput: JOBS jobs created at once (CONCURRENCY requests in flight) against one started agent answered by
// the offline provider, then polled until every one ended. Prints creation and completion rates and latencies.
// Run by benchmarks/jobs.sh (BASE_URL set).
import { randomUUID } from 'node:crypto';

const BASE = process.env.BASE_URL;
const JOBS = Number(process.env.JOBS ?? 500);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 20);

async function call(method, path, body) {
  const res = await fetch(BASE + path, { method, headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

const agent = await call('POST', '/api/agents', { agent: { name: 'Bench', bio: ['Answers jobs.'] } });
const agentId = agent.body.data.id;
await call('POST', `/api/agents/${agentId}/start`);
const user = randomUUID();

const created = [];
const createLatencies = [];
const started = performance.now();
let next = 0;
await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
  while (next < JOBS) {
    const i = next++;
    const t = performance.now();
    const res = await call('POST', '/api/messaging/jobs', { agentId, userId: user, content: `question ${i}`, timeoutMs: 120000 });
    createLatencies.push(performance.now() - t);
    if (res.status !== 201) throw new Error(`create ${res.status} ${JSON.stringify(res.body)}`);
    created.push(res.body.jobId);
  }
}));
const createdMs = performance.now() - started;

const pending = new Set(created);
const statuses = {};
while (pending.size > 0) {
  const list = await call('GET', `/api/messaging/jobs?status=processing&limit=${JOBS}`);
  const still = new Set(list.body.jobs.map((j) => j.jobId));
  for (const id of [...pending]) if (!still.has(id)) pending.delete(id);
  if (pending.size > 0) await new Promise((r) => setTimeout(r, 50));
}
const doneMs = performance.now() - started;
const all = await call('GET', `/api/messaging/jobs?limit=${JOBS}`);
const processing = [];
for (const job of all.body.jobs) {
  statuses[job.status] = (statuses[job.status] ?? 0) + 1;
  if (job.result) processing.push(job.result.processingTimeMs);
}
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
console.log(JSON.stringify({
  jobs: JOBS, concurrency: CONCURRENCY,
  createPerSecond: Math.round(JOBS / (createdMs / 1000)),
  createMs: { p50: Math.round(pct(createLatencies, 0.5)), p99: Math.round(pct(createLatencies, 0.99)) },
  allEndedAfterMs: Math.round(doneMs),
  statuses,
  processingTimeMs: { p50: pct(processing, 0.5), p99: pct(processing, 0.99) },
  health: (await call('GET', '/api/messaging/jobs/health')).body.metrics,
}));

// The memory benchmark's load client (run by benchmarks/memory.sh with BASE_URL set):
//   node load.mjs import AGENT N      N memories of random 384-dimension unit vectors, imported 1,000 at a time with
//                                     their embeddings (model all-minilm-l6-v2-q), so the model makes none of them
//   node load.mjs search AGENT COUNT  COUNT searches (one at a time, varied questions); prints p50/p99/max in ms
//   node load.mjs write AGENT N C     N memories posted with C in flight, embedded by the built-in model; prints
//                                     the post rate and the rate at which all of them were embedded
const BASE = process.env.BASE_URL;
const MODEL = 'all-minilm-l6-v2-q';
const DIMS = 384;
const [mode, agentId, countText, concurrencyText] = process.argv.slice(2);
const count = Number(countText);

async function call(method, path, body) {
  const res = await fetch(BASE + path, { method, headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))].toFixed(2);
}

function unitVector() {
  const v = new Array(DIMS);
  let sum = 0;
  for (let i = 0; i < DIMS; i++) {
    v[i] = Math.random() * 2 - 1;
    sum += v[i] * v[i];
  }
  const scale = 1 / Math.sqrt(sum);
  return v.map((x) => Number((x * scale).toFixed(5)));
}

const TOPICS = ['coffee', 'the weather in Lisbon', 'my dog', 'a trip to Japan', 'the budget report', 'jazz records',
  'running on Sunday', 'learning Spanish', 'a dentist appointment', 'the new car'];

if (mode === 'import') {
  const started = performance.now();
  const rooms = Array.from({ length: 20 }, () => crypto.randomUUID());
  for (let done = 0; done < count; done += 1000) {
    const memories = [];
    for (let i = done; i < Math.min(count, done + 1000); i++) {
      memories.push({ id: crypto.randomUUID(), content: { text: `memory ${i} about ${TOPICS[i % TOPICS.length]}` },
        roomId: rooms[i % rooms.length], createdAt: 1795452565709 + i, embedding: unitVector(), embeddingModel: MODEL });
    }
    const result = await call('POST', `/api/memory/${agentId}/import`, { memories });
    if (result.data.reembedding !== 0) throw new Error(`embeddings were not kept: ${JSON.stringify(result.data)}`);
  }
  console.log(`imported ${count} memories with their embeddings in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} else if (mode === 'search') {
  const latencies = [];
  for (let i = 0; i < count + 50; i++) {
    const q = encodeURIComponent(`what did I say about ${TOPICS[i % TOPICS.length]}? (${i})`);
    const t = performance.now();
    const result = await call('GET', `/api/memory/${agentId}/memories/search?q=${q}&limit=10&threshold=-1`);
    if (i >= 50) latencies.push(performance.now() - t);
    if (result.data.memories.length === 0) throw new Error('a search found nothing');
  }
  latencies.sort((a, b) => a - b);
  console.log(`p50 ${percentile(latencies, 0.5)} ms  p99 ${percentile(latencies, 0.99)} ms  max ${
    latencies[latencies.length - 1].toFixed(2)} ms (${count} searches, top-10)`);
} else if (mode === 'write') {
  const concurrency = Number(concurrencyText ?? 16);
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) {
      const i = next++;
      await call('POST', `/api/memory/${agentId}/memories`, { content: { text: `note ${i}: remember ${
        TOPICS[i % TOPICS.length]} and what was said about it on day ${i % 31}` } });
    }
  }));
  const posted = performance.now();
  for (;;) {
    const stats = await call('GET', `/api/memory/${agentId}/stats`);
    if (stats.data.embedded >= count) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const embedded = performance.now();
  console.log(`posted ${count} in ${((posted - started) / 1000).toFixed(1)} s (${(count * 1000 / (posted - started))
    .toFixed(0)}/s); all embedded after ${((embedded - started) / 1000).toFixed(1)} s (${(count * 1000
    / (embedded - started)).toFixed(0)} memories/s with the built-in model)`);
} else {
  throw new Error(`unknown mode ${mode}`);
}

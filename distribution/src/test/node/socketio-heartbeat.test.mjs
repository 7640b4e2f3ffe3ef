// Engine.IO heartbeat of the platform, run by SocketIoHeartbeatIT with short SOCKETIO_PING_* settings:
//   BASE_URL=http://127.0.0.1:PORT PING_INTERVAL=400 PING_TIMEOUT=2000 node --test socketio-heartbeat.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { io } from 'socket.io-client';

const BASE = process.env.BASE_URL;
const INTERVAL = Number(process.env.PING_INTERVAL);
const TIMEOUT = Number(process.env.PING_TIMEOUT);

test('the handshake advertises the configured heartbeat', async () => {
  const text = await (await fetch(`${BASE}/socket.io/?EIO=4&transport=polling`)).text();
  const open = JSON.parse(text.slice(1));
  assert.deepEqual([open.pingInterval, open.pingTimeout], [INTERVAL, TIMEOUT]);
});

test('a client that never answers pings is disconnected', async () => {
  const socket = new WebSocket(`${BASE.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
  const frames = [];
  socket.on('message', (data) => frames.push(data.toString()));
  const started = Date.now();
  const closedAfter = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('still open after 10 s')), 10000);
    socket.on('close', () => { clearTimeout(timer); resolve(Date.now() - started); });
  });
  assert.ok(frames[0].startsWith('0{'), `open packet first, got ${frames[0]}`);
  assert.ok(frames.includes('2'), 'the server pinged');
  assert.ok(closedAfter >= INTERVAL + TIMEOUT - 50, `closed after ${closedAfter} ms`);
});

test('a live client stays connected across several heartbeats', async () => {
  const socket = io(BASE, { transports: ['websocket'], forceNew: true, reconnection: false,
    auth: { entityId: randomUUID() } });
  await new Promise((resolve) => socket.once('connection_established', resolve));
  let pings = 0;
  socket.io.engine.on('ping', () => { pings += 1; });
  let disconnected = null;
  socket.on('disconnect', (reason) => { disconnected = reason; });
  const deadline = Date.now() + 20000;
  while (pings < 3 && disconnected === null && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(disconnected, null, 'disconnected while answering pings');
  assert.ok(pings >= 3, `only ${pings} pings in 20 s`);
  assert.equal(socket.connected, true);
  socket.close();
});

// Socket.IO compatibility of the platform, with the real npm socket.io-client 4.x. Run by SocketIoClientIT:
//   BASE_URL=http://127.0.0.1:PORT [API_KEY=...] node --test socketio.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';

const BASE = process.env.BASE_URL;
// what a reply or an event may take on a busy, shared 2-core machine (conditions are awaited, so a pass stays quick)
const WAIT = 20000;
const API_KEY = process.env.API_KEY;
const sockets = [];

function connect(options = {}) {
  const auth = { entityId: randomUUID(), ...(API_KEY ? { apiKey: API_KEY } : {}), ...(options.auth ?? {}) };
  const socket = io(BASE, { forceNew: true, reconnection: false, timeout: WAIT, ...options, auth });
  sockets.push(socket);
  return socket;
}

function once(socket, event, ms = WAIT) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    socket.once(event, (...args) => { clearTimeout(timer); resolve(args); });
  });
}

async function connected(options) {
  const socket = connect(options);
  const greetings = [once(socket, 'authenticated'), once(socket, 'connection_established')];
  const [[authenticated], [established]] = await Promise.all(greetings);
  assert.equal(socket.connected, true);
  return { socket, authenticated, established };
}

test.after(() => sockets.forEach((s) => s.close()));

if (API_KEY) {
  test('a handshake without the key is refused as ElizaOS refuses it', async () => {
    const socket = connect({ auth: { apiKey: undefined } });
    const [error] = await once(socket, 'connect_error');
    assert.equal(error.message, 'Invalid or missing API Key');
    assert.equal(socket.connected, false);
  });

  test('a handshake with the key connects', async () => {
    const { socket } = await connected({ transports: ['websocket'] });
    assert.ok(socket.id);
  });
} else {
  for (const transports of [['websocket'], ['polling']]) {
    test(`connects over ${transports[0]} only and is greeted`, async () => {
      const { socket, authenticated, established } = await connected({ transports });
      assert.equal(socket.io.engine.transport.name, transports[0]);
      assert.match(authenticated.entityId, /^[0-9a-f-]{36}$/);
      assert.equal(established.socketId, socket.id);
      assert.equal(established.message, 'Connected to Eliza Socket.IO server');
    });
  }

  test('upgrades from polling to websocket', async () => {
    const { socket } = await connected();
    const engine = socket.io.engine;
    if (engine.transport.name !== 'websocket') {
      await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no upgrade within ${WAIT} ms`)), WAIT);
        engine.once('upgrade', () => { clearTimeout(timer); resolve(); });
      });
    }
    assert.equal(engine.transport.name, 'websocket');
    assert.equal(await socket.timeout(WAIT).emitWithAck('probe:join', 'after-upgrade'), 'joined');
  });

  test('polling answers cross-origin requests under the REST API\'s CORS policy', async () => {
    const response = await fetch(`${BASE}/socket.io/?EIO=4&transport=polling`, { headers: { Origin: 'http://web.test' } });
    assert.equal(response.status, 200);
    assert.ok(['*', 'http://web.test'].includes(response.headers.get('access-control-allow-origin')));
    const text = await response.text();
    assert.equal(text[0], '0');
    const open = JSON.parse(text.slice(1));
    assert.deepEqual([open.upgrades, open.pingInterval, open.pingTimeout], [['websocket'], 25000, 20000]);
  });

  test('a handshake without a valid entityId is refused', async () => {
    for (const auth of [{ entityId: undefined }, { entityId: 'not-a-uuid' }]) {
      const socket = connect({ auth, transports: ['websocket'] });
      const [error] = await once(socket, 'connect_error');
      assert.equal(error.message, 'Valid entityId required');
    }
  });

  test('acknowledgements and room broadcasts reach exactly the room', async () => {
    const a = (await connected({ transports: ['websocket'] })).socket;
    const b = (await connected({ transports: ['polling'] })).socket;
    const c = (await connected({ transports: ['websocket'] })).socket;
    assert.equal(await a.timeout(WAIT).emitWithAck('probe:join', 'room-x'), 'joined');
    assert.equal(await b.timeout(WAIT).emitWithAck('probe:join', 'room-x'), 'joined');
    assert.equal(await c.timeout(WAIT).emitWithAck('probe:join', 'room-y'), 'joined');
    let outsider = 0;
    c.on('probe:shouted', () => { outsider += 1; });
    const heardA = once(a, 'probe:shouted');
    const heardB = once(b, 'probe:shouted');
    assert.equal(await a.timeout(WAIT).emitWithAck('probe:shout', { room: 'room-x', text: 'hello room' }), 'sent');
    assert.equal((await heardA)[0].text, 'hello room');
    assert.equal((await heardB)[0].text, 'hello room');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(outsider, 0);
  });

  test('a failing handler answers messageError and the socket stays up', async () => {
    const { socket } = await connected({ transports: ['websocket'] });
    const error = once(socket, 'messageError');
    socket.emit('probe:fail', {});
    assert.equal((await error)[0].error, 'probe failure');
    socket.emit('no-such-event', 1);
    assert.equal(await socket.timeout(WAIT).emitWithAck('probe:join', 'still-here'), 'joined');
  });

  test('handlers go away with their bundle while connections stay up', async () => {
    const { socket } = await connected({ transports: ['websocket'] });
    const modules = (action) => fetch(`${BASE}/api/server/modules/it.echo/${action}`, { method: 'POST' });
    assert.equal((await modules('stop')).status, 200);
    await assert.rejects(socket.timeout(700).emitWithAck('probe:join', 'while-stopped'));
    assert.equal(socket.connected, true);
    assert.equal((await modules('start')).status, 200);
    assert.equal(await socket.timeout(WAIT).emitWithAck('probe:join', 'after-start'), 'joined');
  });
}

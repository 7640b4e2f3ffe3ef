// The ElizaOS Socket.IO message protocol with the real npm socket.io-client 4.x, against the real MessageService.
// Run by SocketIoMessagingIT (which deploys the probe bundle, whose failing handler writes a WARN log record):
//   BASE_URL=http://127.0.0.1:PORT node --test socketio-messaging.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';

const BASE = process.env.BASE_URL;
// what a reply or an event may take on a busy, shared 2-core machine (conditions are awaited, so a pass stays quick)
const WAIT = 20000;
const SERVER = '00000000-0000-0000-0000-000000000000';
const CHANNEL = randomUUID();
const sockets = [];

function once(socket, event, ms = WAIT) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    socket.once(event, (...args) => { clearTimeout(timer); resolve(args[0]); });
  });
}

function until(socket, event, predicate, ms = WAIT) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no matching ${event} within ${ms} ms`)), ms);
    const listener = (payload) => {
      if (predicate(payload)) { clearTimeout(timer); socket.off(event, listener); resolve(payload); }
    };
    socket.on(event, listener);
  });
}

async function connected(transports) {
  const entityId = randomUUID();
  const socket = io(BASE, { forceNew: true, reconnection: false, timeout: WAIT, transports, auth: { entityId } });
  sockets.push(socket);
  await once(socket, 'connection_established');
  return { socket, entityId };
}

function recorded(socket) {
  const events = [];
  socket.onAny((event, payload) => events.push({ event, payload }));
  return events;
}

test.after(() => sockets.forEach((s) => s.close()));

let user;
let peer;
let sentMessageId;

test('joining twice over "1" answers channel_joined and room_joined each time', async () => {
  user = await connected(['websocket']);
  const seen = recorded(user.socket);
  const join = { channelId: CHANNEL, entityId: user.entityId, messageServerId: SERVER };
  const second = until(user.socket, 'room_joined', () => seen.filter((e) => e.event === 'room_joined').length === 2);
  user.socket.emit('1', join);
  user.socket.emit('1', join);
  await second;
  const names = seen.map((e) => e.event).filter((e) => e.endsWith('_joined'));
  assert.deepEqual(names, ['channel_joined', 'room_joined', 'channel_joined', 'room_joined']);
  const joined = seen.find((e) => e.event === 'channel_joined').payload;
  assert.equal(joined.channelId, CHANNEL);
  assert.equal(joined.roomId, CHANNEL);
  assert.equal(joined.message, `Socket ${user.socket.id} successfully joined channel ${CHANNEL}.`);
});

test('a peer joins through the "message" envelope (over polling, then websocket)', async () => {
  peer = await connected(undefined);
  const joined = once(peer.socket, 'room_joined');
  peer.socket.emit('message', { type: 1, payload: { channelId: CHANNEL, entityId: peer.entityId } });
  assert.equal((await joined).channelId, CHANNEL);
});

test('a send reaches the sender with clientMessageId and messageAck, and the peer', async () => {
  const clientId = randomUUID();
  const mine = until(user.socket, 'messageBroadcast', (m) => m.clientMessageId === clientId);
  const ack = once(user.socket, 'messageAck');
  const theirs = until(peer.socket, 'messageBroadcast', (m) => m.text === 'hello over the socket');
  user.socket.emit('2', { channelId: CHANNEL, senderId: user.entityId, senderName: 'Socket User',
    message: 'hello over the socket', messageServerId: SERVER, source: 'socketio_test', messageId: clientId,
    metadata: { channelType: 'GROUP' } });
  const [broadcast, acknowledged, heard] = await Promise.all([mine, ack, theirs]);
  assert.equal(broadcast.text, 'hello over the socket');
  assert.equal(broadcast.senderId, user.entityId);
  assert.equal(broadcast.channelId, CHANNEL);
  assert.match(broadcast.id, /^[0-9a-f-]{36}$/);
  assert.deepEqual(acknowledged, { clientMessageId: clientId, messageId: broadcast.id,
    status: 'received_by_server_and_processing', channelId: CHANNEL, roomId: CHANNEL });
  assert.equal(heard.id, broadcast.id);
  sentMessageId = broadcast.id;
});

test('a REST delete of the message fans out to the room as messageDeleted', async () => {
  const mine = once(user.socket, 'messageDeleted');
  const theirs = once(peer.socket, 'messageDeleted');
  const response = await fetch(`${BASE}/api/messaging/channels/${CHANNEL}/messages/${sentMessageId}`,
    { method: 'DELETE' });
  assert.equal(response.status, 204);
  for (const deleted of await Promise.all([mine, theirs])) {
    assert.deepEqual(deleted, { messageId: sentMessageId, channelId: CHANNEL });
  }
});

test('bad sends are answered with messageError and the socket lives on', async () => {
  const error = once(user.socket, 'messageError');
  user.socket.emit('2', { channelId: 'nope', message: '' });
  assert.equal((await error).error, 'For SEND_MESSAGE: channelId, messageServerId (message_server_id), '
    + 'senderId (author_id), and message are required.');
  const tooLong = once(user.socket, 'messageError');
  user.socket.emit('message', { type: 2, payload: { channelId: CHANNEL, senderId: user.entityId,
    messageServerId: SERVER, message: 'x'.repeat(4001) } });
  assert.ok((await tooLong).error);
  assert.equal(user.socket.connected, true);
  const rejoined = once(user.socket, 'channel_joined');
  user.socket.emit('1', { channelId: CHANNEL });
  assert.equal((await rejoined).channelId, CHANNEL);
});

test('a log subscriber receives log_stream records, filtered, until it unsubscribes', async () => {
  const { socket } = await connected(['websocket']);
  const confirmed = once(socket, 'log_subscription_confirmed');
  socket.emit('subscribe_logs');
  assert.deepEqual(await confirmed, { subscribed: true, message: 'Successfully subscribed to log stream' });
  const filtered = once(socket, 'log_filters_updated');
  socket.emit('update_log_filters', { level: 'warn', agentName: 'all' });
  assert.deepEqual(await filtered, { success: true, filters: { level: 'warn', agentName: 'all' } });
  const streamed = until(socket, 'log_stream', (r) => r.payload.msg.includes('probe:fail'));
  socket.emit('probe:fail'); // the probe's handler throws; the dispatcher logs it at WARN
  const record = await streamed;
  assert.equal(record.type, 'log_entry');
  assert.ok(record.payload.level >= 40);
  assert.equal(typeof record.payload.time, 'number');
  const unsubscribed = once(socket, 'log_subscription_confirmed');
  socket.emit('unsubscribe_logs');
  assert.deepEqual(await unsubscribed, { subscribed: false, message: 'Successfully unsubscribed from log stream' });
});

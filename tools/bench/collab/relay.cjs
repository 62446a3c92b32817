// A bare relay for the collab hop bench (hop-floor.ts): what carrying an edit
// from one client of a room to the other costs with nothing else in the way.
// No Yjs, no auth, no persistence: a ws server on 127.0.0.1:PORT where
// clients join room <id> at /<id>, and every binary message is sent to the
// room's other clients here. With REDIS_URL set it also publishes each
// message on `<RELAY_CHANNEL_PREFIX><id>` and sends what the other relays
// publish to its own clients: the path an edit takes between two
// collaboration-service replicas. Prints "ready" on stdout once it listens.
// Plain CommonJS: started with node alone, pinned with taskset.
const { Redis } = require('ioredis');
const { WebSocketServer } = require('ws');

const port = Number(process.env.PORT);
const redisUrl = process.env.REDIS_URL;
const channelPrefix = process.env.RELAY_CHANNEL_PREFIX ?? 'relay:';
/** This relay's id, in front of what it publishes, so it skips its own messages. */
const self = Buffer.from(`${process.pid}:`);

/** Room id → its sockets here. */
const rooms = new Map();
const publisher = redisUrl ? new Redis(redisUrl) : undefined;
const subscriber = redisUrl ? new Redis(redisUrl) : undefined;

function forward(room, data, except) {
  for (const peer of room) if (peer !== except) peer.send(data);
}

subscriber?.on('messageBuffer', (channel, message) => {
  if (message.subarray(0, self.length).equals(self)) return;
  const room = rooms.get(channel.toString().slice(channelPrefix.length));
  if (room) forward(room, message.subarray(message.indexOf(0x3a) + 1));
});

const connected = [publisher, subscriber].filter(Boolean).map((client) => new Promise((resolve) => client.once('ready', resolve)));
let wss;
Promise.all(connected).then(() => {
  wss = new WebSocketServer({ host: '127.0.0.1', port, clientTracking: false });
  wss.on('connection', join);
  wss.on('listening', () => process.stdout.write('ready\n'));
});

function join(ws, req) {
  const id = (req.url ?? '/').slice(1);
  let room = rooms.get(id);
  if (!room) {
    room = new Set();
    rooms.set(id, room);
    subscriber?.subscribe(`${channelPrefix}${id}`);
  }
  room.add(ws);
  ws.on('message', (data) => {
    if (publisher) publisher.publish(`${channelPrefix}${id}`, Buffer.concat([self, data]));
    forward(room, data, ws);
  });
  ws.on('close', () => room.delete(ws));
}

process.on('SIGTERM', () => {
  wss?.close();
  publisher?.disconnect();
  subscriber?.disconnect();
  process.exit(0);
});

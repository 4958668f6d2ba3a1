/**
 * The floor of `npm run bench:subscriptions`: a bare `ws` server speaking just enough of
 * graphql-ws (ack, subscribe) that the bench's clients connect to it as to the gateway, and
 * broadcasting one pre-serialized frame per event to the clients of its pool. Nothing is
 * resolved, authorized or queued: no gateway can deliver faster on this machine.
 *
 *   node --import tsx bench/lib/floorServer.ts   (the bench forks it; events come over IPC)
 */
import { WebSocketServer, type WebSocket } from 'ws';

const subscribers = new Map<string, Array<{ socket: WebSocket; id: string }>>();
const server = new WebSocketServer({ port: 0, host: '127.0.0.1', backlog: 4096 });

server.on('connection', (socket) => {
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as {
      type: string;
      id?: string;
      payload?: { variables?: { poolId?: string } };
    };
    if (message.type === 'connection_init') socket.send('{"type":"connection_ack"}');
    if (message.type === 'subscribe' && message.id) {
      const poolId = message.payload?.variables?.poolId ?? '';
      const list = subscribers.get(poolId) ?? [];
      list.push({ socket, id: message.id });
      subscribers.set(poolId, list);
    }
  });
});

/** One event: its frame serialized once, then the same bytes to every subscriber of the pool. */
process.on('message', (event: { poolId: string; payload: unknown }) => {
  const list = subscribers.get(event.poolId) ?? [];
  const payload = JSON.stringify(event.payload);
  let frame: Buffer | undefined;
  let frameId: string | undefined;
  for (const { socket, id } of list) {
    // The bench's clients all use the same subscription id, so this is built once per event.
    if (id !== frameId) {
      frame = Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":${payload}}`);
      frameId = id;
    }
    socket.send(frame!, { binary: false });
  }
});

server.on('listening', () => {
  const address = server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
});

import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * A subgraph's upgraded WebSocket sockets (the gateway's upstream subscriptions to it), for
 * tests that make it look like a dying replica: `cut(true)` destroys them and refuses new
 * upgrades (the replica is unreachable, the gateway keeps retrying) until `cut(false)`.
 */
export function upstreamSockets(server: Server) {
  const sockets = new Set<Socket>();
  let down = false;
  let refused = 0;
  server.on('upgrade', (_request, socket: Socket) => {
    if (down) {
      refused++;
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return {
    /** Upgraded sockets open now. */
    open: () => sockets.size,
    cut(value: boolean) {
      down = value;
      if (down) for (const socket of sockets) socket.destroy();
    },
    /** Upgrades refused while cut. */
    refused: () => refused,
  };
}

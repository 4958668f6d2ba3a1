import type { IncomingMessage } from 'node:http';
import type { WebSocket, WebSocketServer } from 'ws';
import { addressBucket } from '@poolgraph/platform';

/** Close code for "too many connections" (graphql-ws leaves 4400-4499 to applications). */
export const TOO_MANY_CONNECTIONS = 4429;

/** Open sockets per key (an address, a user id), released when each socket closes. */
class ConnectionCounts {
  private readonly counts = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** Counts the socket under `key`, or returns false (not counted) when `key` is at its maximum. */
  admit(key: string, socket: WebSocket): boolean {
    const count = this.counts.get(key) ?? 0;
    if (count >= this.max) return false;
    this.counts.set(key, count + 1);
    socket.once('close', () => {
      const left = (this.counts.get(key) ?? 1) - 1;
      if (left > 0) this.counts.set(key, left);
      else this.counts.delete(key);
    });
    return true;
  }
}

/**
 * Per-process connection limits: by address (TRUSTED_PROXIES resolved) as the socket opens (before graphql-ws sees it),
 * by user once `connection_init` has authenticated it. Each replica counts its own sockets,
 * so the limits are per replica (a load balancer spreads one client's sockets anyway).
 */
export function limitConnections(
  wsServer: WebSocketServer,
  limits: { connectionsPerIp: number; connectionsPerUser: number },
  addressOf: (req: IncomingMessage) => string,
): { admitUser(userId: string, socket: WebSocket): boolean } {
  const byAddress = new ConnectionCounts(limits.connectionsPerIp);
  const byUser = new ConnectionCounts(limits.connectionsPerUser);
  // Registered before useServer's listener, so a refused socket is closed before anything runs.
  wsServer.on('connection', (socket, request) => {
    // IPv6 by /64, as the rate limits count: one subscriber holds a whole /64.
    if (!byAddress.admit(addressBucket(addressOf(request)), socket)) {
      socket.close(TOO_MANY_CONNECTIONS, 'Too many connections from this address');
    }
  });
  return {
    admitUser(userId, socket) {
      if (byUser.admit(userId, socket)) return true;
      socket.close(TOO_MANY_CONNECTIONS, 'Too many connections for this user');
      return false;
    },
  };
}

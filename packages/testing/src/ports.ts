import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * Ports for servers the tests start, chosen below the kernel's ephemeral range: a port from
 * `listen(0)` is released before the server binds it, and in that gap any outgoing connection
 * (hundreds to MariaDB and Redis during a run) could take it as its local port, so a server
 * then failed with EADDRINUSE. Below the range only listeners compete, and each vitest worker
 * (VITEST_POOL_ID) hands out its own slice, so two workers never pick the same port.
 */
const FIRST = 10_000;
const SLICES = 16;

function ephemeralFloor(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').split(/\s+/);
    const floor = Number(low);
    return Number.isInteger(floor) && floor > FIRST + SLICES * 100 ? floor : 32_768;
  } catch {
    return 32_768; // not Linux: the common default floor
  }
}

const sliceSize = Math.floor((ephemeralFloor() - FIRST) / SLICES);
const slice = (Number(process.env.VITEST_POOL_ID ?? process.pid) % SLICES) * sliceSize + FIRST;
let next = Math.floor(Math.random() * sliceSize);

/** Whether a listener could bind `port` on 127.0.0.1 right now. */
export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port free now and handed out once per process; services that call each other need them before listening. */
export async function freePort(): Promise<number> {
  for (let tried = 0; tried < sliceSize; tried += 1) {
    const port = slice + (next++ % sliceSize);
    if (await portFree(port)) return port;
  }
  throw new Error(`no free port in ${slice}–${slice + sliceSize - 1}`);
}

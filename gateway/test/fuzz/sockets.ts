import WebSocket from 'ws';
import type { Random } from '@poolgraph/testing';

/** What a hostile WebSocket session sends; `token` is a valid one, for the cases that need it. */
type Frames = (random: Random, token: string) => Array<string | Buffer | { invalidUtf8: Buffer }>;

const init = (authorization: unknown) =>
  JSON.stringify({ type: 'connection_init', payload: { authorization } });
const subscribe = (query: unknown, variables: unknown = {}) =>
  JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } });

const SESSIONS: Array<[string, Frames]> = [
  ['not json', (random) => [`{"type":${'['.repeat(random.int(0, 49))}`]],
  ['unknown type', () => [JSON.stringify({ type: 'hello' })]],
  ['bad token', (random) => [init(random.pick(['Bearer x', 'x', 42, null, ['Bearer a']]))]],
  ['subscribe before init', () => [subscribe('subscription { alertRaised { id } }')]],
  ['oversized frame', (random) => ['x'.repeat(65_537 + random.int(0, 99_999))]],
  ['oversized init', () => [init(`Bearer ${'x'.repeat(200_000)}`)]],
  [
    'invalid utf-8',
    (random) => [{ invalidUtf8: Buffer.from([0x7b, 0xff, 0xfe, 0xc3, random.int(0, 255)]) }],
  ],
  ['binary frame', (random) => [Buffer.from(Array.from({ length: 64 }, () => random.int(0, 255)))]],
  [
    'garbage subscription',
    (random, token) => [
      init(`Bearer ${token}`),
      subscribe(
        random.pick(['subscription {', '{ pools { id } }', 'subscription { nope }', 42, null]),
      ),
    ],
  ],
  [
    'deep subscription',
    (random, token) => [
      init(`Bearer ${token}`),
      subscribe(`subscription { ${'a { '.repeat(10 + random.int(0, 499))} }`),
    ],
  ],
  [
    'duplicate ids',
    (_random, token) => [
      init(`Bearer ${token}`),
      subscribe('subscription { x }'),
      subscribe('subscription { x }'),
    ],
  ],
  [
    'subscribe/complete churn',
    (random, token) => [
      init(`Bearer ${token}`),
      ...Array.from({ length: 1 + random.int(0, 7) }, (_v, i) => [
        JSON.stringify({
          id: `c${i}`,
          type: 'subscribe',
          payload: { query: 'subscription { alertRaised { id } }' },
        }),
        JSON.stringify({ id: `c${i}`, type: 'complete' }),
      ]).flat(),
    ],
  ],
  [
    'look-alike bearer',
    (random, token) => [
      init(random.pick([`Bearer\u00a0${token}`, `Bearer ${token}\u200b`, `Bearer ${token} x`])),
    ],
  ],
  [
    'hostile variables',
    (random, token) => [
      init(`Bearer ${token}`),
      subscribe('subscription($p: ID!) { alertRaised(poolId: $p) { id } }', {
        p: random.pick(["' OR 1=1", [1], { a: 1 }]),
      }),
    ],
  ],
];

/** Close codes that mean the server broke, not that it refused the client. */
export const SERVER_FAILURE_CODES = new Set([1011, 4500]);

/**
 * Opens a socket, sends one hostile session and returns the close code (0 when the server kept
 * the socket open until we closed it after a short while).
 */
export async function runSocketCase(
  url: string,
  random: Random,
  token: string,
): Promise<{ kind: string; code: number }> {
  const [kind, frames] = random.pick(SESSIONS);
  const socket = new WebSocket(url, 'graphql-transport-ws');
  const code = await new Promise<number>((resolve) => {
    let closedByUs = false;
    socket.on('error', () => {});
    socket.on('close', (closeCode) => resolve(closedByUs ? 0 : closeCode));
    socket.on('open', () => {
      for (const frame of frames(random, token)) {
        if (socket.readyState !== WebSocket.OPEN) break;
        if (typeof frame === 'object' && 'invalidUtf8' in frame) {
          socket.send(frame.invalidUtf8, { binary: false });
        } else {
          socket.send(frame, { binary: Buffer.isBuffer(frame) });
        }
      }
      setTimeout(() => {
        closedByUs = true;
        socket.close();
      }, 30).unref();
    });
  });
  return { kind, code };
}

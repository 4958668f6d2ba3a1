import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectData, graphql, seededRandom } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import { httpCase, type HttpCase } from './fuzz/cases.ts';
import { SERVER_FAILURE_CODES, runSocketCase } from './fuzz/sockets.ts';

// 10,000 hostile requests against the real gateway and the five real subgraphs. The seed is
// printed; FUZZ_SEED=<seed> replays a run.
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const HTTP_CASES = 8_000;
const SOCKET_CASES = 2_000;

let stack: Stack;
let investor: TestUser;
let origin: string;

beforeAll(async () => {
  // Rate limits on, but high: the run comes from one address and must not be cut short.
  stack = await startStack({
    rateLimits: true,
    gatewayLimits: { rate: { perKey: 1_000_000, perUser: 1_000_000, perIp: 1_000_000 } },
  });
  investor = await stack.signUp('INVESTOR');
  origin = new URL(stack.gatewayUrl).origin;
}, 120_000);
afterAll(() => stack?.stop());

/** Runs `count` tasks, `concurrency` at a time. */
async function pool(count: number, concurrency: number, task: (index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

interface Failure {
  kind: string;
  detail: string;
}

async function send(testCase: HttpCase): Promise<{ status: number; body: string }> {
  const response = await request(`${origin}${testCase.path}`, {
    method: testCase.method as 'GET',
    headers: testCase.headers,
    body: testCase.body,
  });
  return { status: response.statusCode, body: await response.body.text() };
}

describe('fuzzing the gateway', () => {
  it(`survives ${HTTP_CASES + SOCKET_CASES} hostile requests without a 5xx and still answers (seed ${SEED})`, async () => {
    const random = seededRandom(SEED);
    const httpCases = Array.from({ length: HTTP_CASES }, () => httpCase(random));
    const failures: Failure[] = [];
    const kinds = new Map<string, number>();

    await pool(HTTP_CASES, 16, async (index) => {
      const testCase = httpCases[index]!;
      kinds.set(testCase.kind, (kinds.get(testCase.kind) ?? 0) + 1);
      try {
        const { status, body } = await send(testCase);
        // A masked bug would be a 200 with INTERNAL_SERVER_ERROR: that counts as a failure too.
        // (/metrics, reached through a `..` path, names the code in its labels.)
        const isMetrics = body.startsWith('# HELP');
        const masked = !isMetrics && body.includes('INTERNAL_SERVER_ERROR');
        if (status >= 500 || masked) {
          failures.push({ kind: testCase.kind, detail: `${status} ${body.slice(0, 300)}` });
        }
      } catch (error) {
        failures.push({ kind: testCase.kind, detail: `no answer: ${(error as Error).message}` });
      }
    });

    const socketUrl = `${origin.replace('http', 'ws')}/graphql`;
    const socketRandom = seededRandom(SEED + 1);
    // Sockets mostly wait (for the 30 ms the server gets to answer): more at once.
    await pool(SOCKET_CASES, 32, async () => {
      const { kind, code } = await runSocketCase(socketUrl, socketRandom, investor.token);
      kinds.set(`ws ${kind}`, (kinds.get(`ws ${kind}`) ?? 0) + 1);
      if (SERVER_FAILURE_CODES.has(code))
        failures.push({ kind: `ws ${kind}`, detail: `closed ${code}` });
    });

    expect(failures.slice(0, 10)).toEqual([]);
    // Every family was drawn.
    expect(kinds.size).toBeGreaterThanOrEqual(30);

    // And the gateway still answers correct operations, through every subgraph they touch.
    const me = await graphql<{ me: { id: string } }>(
      stack.gatewayUrl,
      '{ me { id } }',
      {},
      { token: investor.token },
    );
    expect(expectData(me).me.id).toBe(investor.userId);
    const pools = await graphql(
      stack.gatewayUrl,
      '{ pools { id members { id } } }',
      {},
      { token: investor.token },
    );
    expect(expectData(pools)).toHaveProperty('pools');
    expect((await fetch(`${origin}/readyz`)).status).toBe(200);
    // No made-up operation name became a metrics label (each would be a series of its own).
    const scrape = await (await fetch(`${origin}/metrics`)).text();
    const labels = new Set([...scrape.matchAll(/operation="([^"]*)"/g)].map((m) => m[1]));
    expect([...labels].filter((label) => label?.startsWith('Fuzz'))).toEqual([]);
  }, 180_000);
});

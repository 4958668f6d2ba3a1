import { createConnection } from 'mysql2/promise';
import { randomBytes } from 'node:crypto';
import { expectData, graphql } from '@poolgraph/testing';
import type { BenchStack } from './processStack.ts';

const SIGN_UP =
  'mutation($input: SignUpInput!) { signUp(input: $input) { refreshToken user { id } } }';
const REFRESH =
  'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }';

/** Runs `task` for 0..count-1, `concurrency` at a time. */
async function inBatches(count: number, concurrency: number, task: (n: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let n = next++; n < count; n = next++) await task(n);
    }),
  );
}

/**
 * N distinct ADMIN users (operations dashboards: they see every pool), each with a token of
 * their own. Signed up at the users subgraph directly, each from its own client address (the
 * sign-up throttle allows 100 per address), promoted in the users database (as
 * `npm run admin:create` does, without its password change), then refreshed once so the
 * access token carries the role.
 */
export async function createAdmins(stack: BenchStack, count: number): Promise<string[]> {
  const usersUrl = stack.subgraphUrl('users');
  const created: Array<{ id: string; refreshToken: string }> = [];
  await inBatches(count, 8, async (n) => {
    const input = {
      email: `${randomBytes(6).toString('hex')}@bench.poolgraph.dev`,
      password: `pw-${randomBytes(12).toString('hex')}`,
      name: `watcher ${n}`,
      role: 'INVESTOR',
    };
    const address = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
    const { signUp } = expectData(
      await graphql<{ signUp: { refreshToken: string; user: { id: string } } }>(
        usersUrl,
        SIGN_UP,
        { input },
        { headers: { 'x-forwarded-for': address } },
      ),
    );
    created.push({ id: signUp.user.id, refreshToken: signUp.refreshToken });
  });
  const db = await createConnection({ uri: stack.databaseUrl('users') });
  try {
    await db.query("UPDATE users SET roles = 'ADMIN' WHERE id IN (?)", [created.map((u) => u.id)]);
  } finally {
    await db.end();
  }
  const tokens: string[] = [];
  await inBatches(created.length, 16, async (n) => {
    const { refreshSession } = expectData(
      await graphql<{ refreshSession: { accessToken: string } }>(usersUrl, REFRESH, {
        t: created[n]!.refreshToken,
      }),
    );
    tokens[n] = refreshSession.accessToken;
  });
  return tokens;
}

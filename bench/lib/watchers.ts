import { createConnection } from 'mysql2/promise';
import { createHash, randomBytes } from 'node:crypto';
import { uuidv7 } from '@poolgraph/platform';
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
 * N distinct ADMIN users (operations dashboards: they see every pool), each with a session and
 * a token of their own. One signs up through the users subgraph; the others are written to the
 * users database as `npm run admin:create` would, with that user's password hash and a fresh
 * refresh token each (so thousands of users cost no argon2 time), then each session is
 * refreshed through the users subgraph, which issues an access token carrying the role.
 */
export async function createAdmins(stack: BenchStack, count: number): Promise<string[]> {
  const usersUrl = stack.subgraphUrl('users');
  const { signUp } = expectData(
    await graphql<{ signUp: { refreshToken: string; user: { id: string } } }>(usersUrl, SIGN_UP, {
      input: {
        email: `${randomBytes(6).toString('hex')}@bench.poolgraph.dev`,
        password: `pw-${randomBytes(12).toString('hex')}`,
        name: 'watcher template',
        role: 'INVESTOR',
      },
    }),
  );
  const refreshTokens = Array.from({ length: count }, () => randomBytes(32).toString('base64url'));
  const db = await createConnection({ uri: stack.databaseUrl('users') });
  try {
    const [rows] = await db.query('SELECT password_hash FROM users WHERE id = ?', [signUp.user.id]);
    const passwordHash = (rows as Array<{ password_hash: string }>)[0]!.password_hash;
    const ids = refreshTokens.map(() => uuidv7());
    const expiresAt = new Date(Date.now() + 86_400_000);
    for (let start = 0; start < count; start += 500) {
      const slice = ids.slice(start, start + 500);
      await db.query('INSERT INTO users (id, email, name, password_hash, roles) VALUES ?', [
        slice.map((id, n) => [
          id,
          `watcher-${start + n}-${id}@bench.poolgraph.dev`,
          `watcher ${start + n}`,
          passwordHash,
          'ADMIN',
        ]),
      ]);
      await db.query(
        'INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, expires_at) VALUES ?',
        [
          slice.map((id, n) => [
            uuidv7(),
            uuidv7(),
            id,
            createHash('sha256')
              .update(refreshTokens[start + n]!)
              .digest('hex'),
            expiresAt,
          ]),
        ],
      );
    }
  } finally {
    await db.end();
  }
  const tokens: string[] = [];
  await inBatches(count, 16, async (n) => {
    const { refreshSession } = expectData(
      await graphql<{ refreshSession: { accessToken: string } }>(usersUrl, REFRESH, {
        t: refreshTokens[n]!,
      }),
    );
    tokens[n] = refreshSession.accessToken;
  });
  return tokens;
}

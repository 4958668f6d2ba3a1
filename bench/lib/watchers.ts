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
  const db = await createConnection({ uri: stack.databaseUrl('users') });
  try {
    const [rows] = await db.query('SELECT password_hash FROM users WHERE id = ?', [signUp.user.id]);
    const passwordHash = (rows as Array<{ password_hash: string }>)[0]!.password_hash;
    const ids = Array.from({ length: count }, () => uuidv7());
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
    }
    /** A new session for each user: a refresh token written here, refreshed by the subgraph. */
    const sessionsFor = async (userIds: string[]) => {
      const secrets = userIds.map(() => randomBytes(32).toString('base64url'));
      const expiresAt = new Date(Date.now() + 86_400_000);
      await db.query(
        'INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, expires_at) VALUES ?',
        [
          userIds.map((id, n) => [
            uuidv7(),
            uuidv7(),
            id,
            createHash('sha256').update(secrets[n]!).digest('hex'),
            expiresAt,
          ]),
        ],
      );
      return secrets;
    };
    const secrets: string[] = [];
    for (let start = 0; start < count; start += 500) {
      secrets.push(...(await sessionsFor(ids.slice(start, start + 500))));
    }
    const tokens: string[] = [];
    await inBatches(count, 8, async (n) => {
      // A refresh the subgraph does not answer in time is not retried with the same token (a
      // reused refresh token revokes its session): the user gets a new session instead.
      for (let attempt = 0; ; attempt++) {
        const secret = attempt === 0 ? secrets[n]! : (await sessionsFor([ids[n]!]))[0]!;
        try {
          const response = await fetch(usersUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: REFRESH, variables: { t: secret } }),
            signal: AbortSignal.timeout(15_000),
          });
          const body = (await response.json()) as {
            data?: { refreshSession: { accessToken: string } };
          };
          if (!body.data) throw new Error(JSON.stringify(body));
          tokens[n] = body.data.refreshSession.accessToken;
          return;
        } catch (error) {
          if (attempt >= 3) throw error;
        }
      }
    });
    return tokens;
  } finally {
    await db.end();
  }
}

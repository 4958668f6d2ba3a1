import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeProtectedHeader } from 'jose';
import { createRemoteTokenVerifier } from '@poolgraph/auth';
import { createLogger, type HttpService } from '@poolgraph/platform';
import { composeSupergraph } from '@poolgraph/supergraph';
import {
  createTestDatabase,
  deleteRedisKeys,
  expectData,
  freePort,
  graphql,
  TEST_REDIS_URL,
  uniqueRedisPrefix,
  type TestDatabase,
} from '@poolgraph/testing';
import { createService as createUsers } from '@poolgraph/users';
import { createGateway } from '../src/server.ts';

// `npm run keys:rotate` while requests flow: the new key is published before it signs, the
// users subgraph moves to it without a restart, tokens of the old key keep working until the
// old key retires, and after that the old key is gone. Timings are shortened for the test.
const ROOT = resolve(import.meta.dirname, '../..');
const redisPrefix = uniqueRedisPrefix('rotation');
let database: TestDatabase;
let users: HttpService;
let gateway: HttpService;
let gatewayUrl: string;
let jwksUrl: string;

beforeAll(async () => {
  database = await createTestDatabase('users');
  const port = await freePort();
  jwksUrl = `http://127.0.0.1:${port}/.well-known/jwks.json`;
  users = await createUsers({
    mysqlUrl: database.url,
    redisUrl: TEST_REDIS_URL,
    redisPrefix,
    jwksUrl,
    subgraphUrls: {},
    log: createLogger('users', 'silent'),
    accessTokenTtlSeconds: 60,
    signingKeyReloadMs: 200,
  });
  await users.listen(port);
  const typeDefs = readFileSync(resolve(ROOT, 'subgraphs/users/src/schema.graphql'), 'utf8');
  gateway = createGateway({
    supergraphSdl: composeSupergraph([
      { name: 'users', url: `http://127.0.0.1:${port}/graphql`, typeDefs, file: 'users.graphql' },
    ]),
    // Verifiers re-read the JWKS every 500 ms here (a minute in production).
    verifier: createRemoteTokenVerifier(jwksUrl, { keys: { maxAgeMs: 500, cooldownMs: 100 } }),
    log: createLogger('gateway', 'silent'),
  });
  gatewayUrl = `${await gateway.listen(0)}/graphql`;
});

afterAll(async () => {
  await gateway?.stop();
  await users?.stop();
  await database?.drop();
  await deleteRedisKeys(TEST_REDIS_URL, redisPrefix);
});

type Auth = { accessToken: string; refreshToken: string };
const kidOf = (token: string) => decodeProtectedHeader(token).kid;
const publishedKids = async () =>
  ((await (await fetch(jwksUrl)).json()) as { keys: Array<{ kid: string }> }).keys.map(
    (k) => k.kid,
  );

describe('signing-key rotation', () => {
  it('rotates while requests flow: no request fails, new tokens use the new key, the old key retires', async () => {
    const signUp = expectData(
      await graphql<{ signUp: Auth }>(
        gatewayUrl,
        'mutation($i: SignUpInput!) { signUp(input: $i) { accessToken refreshToken } }',
        {
          i: {
            email: 'rotor@example.com',
            password: 'correct horse battery',
            name: 'R',
            role: 'INVESTOR',
          },
        },
      ),
    ).signUp;
    const oldKid = kidOf(signUp.accessToken);

    let session = signUp;
    const failures: unknown[] = [];
    const minted: string[] = [];
    let running = true;
    const traffic = (async () => {
      while (running) {
        const refreshed = await graphql<{ refreshSession: Auth }>(
          gatewayUrl,
          'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }',
          { t: session.refreshToken },
        );
        if (!refreshed.data) {
          failures.push(refreshed.errors);
          break;
        }
        session = refreshed.data.refreshSession;
        minted.push(session.accessToken);
        const me = await graphql(gatewayUrl, '{ me { id } }', {}, { token: session.accessToken });
        if (me.status !== 200 || me.errors) failures.push(me.errors);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();

    await promisify(execFile)(
      'npx',
      [
        'tsx',
        'subgraphs/users/src/bin/keys-rotate.ts',
        '--publish-ahead-seconds',
        '1.5',
        '--retire-after-seconds',
        '3',
      ],
      { cwd: ROOT, env: { ...process.env, MYSQL_URL: database.url, LOG_LEVEL: 'silent' } },
    );
    const published = await publishedKids();
    expect(published).toHaveLength(2);
    const newKid = published.find((kid) => kid !== oldKid)!;
    // Before it signs, and until it retires, a token of the old key still verifies.
    const old = await graphql(gatewayUrl, '{ me { id } }', {}, { token: signUp.accessToken });
    expect(old.errors).toBeUndefined();

    await new Promise((r) => setTimeout(r, 5_500));
    running = false;
    await traffic;
    expect(failures).toEqual([]);
    expect(kidOf(minted.at(-1)!)).toBe(newKid);
    expect(await publishedKids()).toEqual([newKid]);
    const retired = await graphql(gatewayUrl, '{ me { id } }', {}, { token: signUp.accessToken });
    expect(retired.status).toBe(401);
  });
});

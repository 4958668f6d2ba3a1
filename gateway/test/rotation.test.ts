import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeProtectedHeader } from 'jose';
import { createRemoteTokenVerifier } from '@poolgraph/auth';
import { connectMysql, createLogger, keyringFromEnv, type HttpService } from '@poolgraph/platform';
import { composeSupergraph } from '@poolgraph/supergraph';
import {
  createTestDatabase,
  deleteRedisKeys,
  eventually,
  expectData,
  freePort,
  graphql,
  nodeEntryArgs,
  TEST_REDIS_URL,
  uniqueRedisPrefix,
  type TestDatabase,
} from '@poolgraph/testing';
import { createService as createUsers } from '@poolgraph/users';
import { schema as usersSchema } from '@poolgraph/users/db';
import { rotateSigningKey } from '@poolgraph/users/rotation';
import { createGateway } from '../src/server.ts';

// A rotation (`npm run keys:rotate`) while requests flow: the new key is published before it
// signs, the users subgraph moves to it without a restart, tokens of the old key keep working
// until the old key retires, and after that the old key is gone. Timings are shortened here.
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
  it('rotates while requests flow: no request fails, new tokens use the new key, the old key retires', async ({
    signal,
  }) => {
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
    const oldKid = kidOf(signUp.accessToken)!;

    // Stops with the test, also when it times out, so nothing calls the servers after afterAll.
    let running = true;
    const keepGoing = () => running && !signal.aborted;
    let session = signUp;
    const failures: unknown[] = [];
    const minted: string[] = [];
    const traffic = (async () => {
      while (keepGoing()) {
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

    // The published key sets as they change, and whether a token of the old key verified while
    // both were published: each phase is seen as it happens, not guessed from fixed sleeps.
    const phases: string[][] = [await publishedKids()];
    let oldTokenWhileBothPublished: number | undefined;
    const lookAtPhase = async () => {
      const kids = (await publishedKids()).sort();
      if (JSON.stringify(kids) !== JSON.stringify(phases.at(-1))) phases.push(kids);
      return kids;
    };
    const watching = (async () => {
      while (keepGoing()) {
        const kids = await lookAtPhase();
        if (kids.length === 2 && oldTokenWhileBothPublished === undefined) {
          const old = await graphql(gatewayUrl, '{ me { id } }', {}, { token: signUp.accessToken });
          oldTokenWhileBothPublished = old.errors ? 401 : old.status;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    })();

    // What `npm run keys:rotate -- --publish-ahead-seconds 3 --retire-after-seconds 6` does
    // (the command itself is the next test), here without a process start in the timed window.
    const mysql = connectMysql({ url: database.url }, usersSchema);
    // The service under test seals with the development KEK (no `secrets` given): so does this.
    const ring = keyringFromEnv({ NODE_ENV: 'development' });
    const { kid: newKid } = await rotateSigningKey(mysql.db, ring, {
      publishAheadMs: 3_000,
      retireAfterMs: 6_000,
    }).finally(() => mysql.close());

    // The old key retires 9 s after the rotation (a window a starved poll of the JWKS cannot
    // miss: 4.5 s could, at a load of 28 on 2 cores); the new one then signs and is the only one.
    await eventually(async () => {
      expect(await publishedKids()).toEqual([newKid]);
      expect(kidOf(minted.at(-1)!)).toBe(newKid);
    }, 20_000);
    running = false;
    await Promise.all([traffic, watching]);
    // The watcher may have stopped between the last phase's start and its next look.
    await lookAtPhase();
    expect(failures).toEqual([]);
    expect(phases).toEqual([[oldKid], [oldKid, newKid].sort(), [newKid]]);
    expect(oldTokenWhileBothPublished).toBe(200);
    // The gateway re-reads the JWKS within 500 ms: from then on the old key's tokens are refused.
    await eventually(async () => {
      const retired = await graphql(gatewayUrl, '{ me { id } }', {}, { token: signUp.accessToken });
      expect(retired.status).toBe(401);
    });
  });

  it('is one command: npm run keys:rotate publishes a new key that signs later', async () => {
    const before = await publishedKids();
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        ...(await nodeEntryArgs('subgraphs/users/src/bin/keys-rotate.ts')),
        '--publish-ahead-seconds',
        '600',
        '--retire-after-seconds',
        '600',
      ],
      { cwd: ROOT, env: { ...process.env, MYSQL_URL: database.url, LOG_LEVEL: 'silent' } },
    );
    const kid = /New signing key (\S+):/.exec(stdout)?.[1];
    expect(kid).toBeDefined();
    expect(before).not.toContain(kid);
    // Published at once (the users subgraph reloads its keys every 200 ms here)…
    await eventually(async () =>
      expect((await publishedKids()).sort()).toEqual([...before, kid].sort()),
    );
    // …and not signing yet: a new session's token still carries a key published before.
    const { signUp } = expectData(
      await graphql<{ signUp: Auth }>(
        gatewayUrl,
        'mutation($i: SignUpInput!) { signUp(input: $i) { accessToken refreshToken } }',
        {
          i: {
            email: 'later@example.com',
            password: 'correct horse battery',
            name: 'L',
            role: 'INVESTOR',
          },
        },
      ),
    );
    expect(before).toContain(kidOf(signUp.accessToken));
    // Its own limit: it starts a Node process that loads the users subgraph's modules, which
    // (through tsx) once took over 30 s on the 2-core machine under a full suite. Nothing is timed.
  }, 120_000);
});

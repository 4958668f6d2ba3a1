import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLogger,
  createRedisClient,
  redisMasters,
  trustPeerCa,
  type HttpService,
  type RedisClient,
} from '@poolgraph/platform';
import {
  askRedisOnce,
  createTestDatabase,
  deleteRedisKeys,
  ensureCertificates,
  errorCodes,
  expectData,
  graphql,
  startPrivateRedisCluster,
  uniqueRedisPrefix,
  type CertificateFiles,
  type PrivateRedisCluster,
  type TestDatabase,
} from '@poolgraph/testing';
import { createService as createUsers } from '@poolgraph/users';

// A Redis Cluster that takes TLS only (clients, the cluster bus, replication), reached with
// `rediss-cluster://` by a real service (users: login throttle, sessions, the revocation list)
// that verifies every node against the CA. Plaintext and a client of another CA are refused.
let dir: string;
let certs: CertificateFiles;
let ca: string;
let otherCa: string;
let cluster: PrivateRedisCluster;
let database: TestDatabase;
let users: HttpService;
let url: string;
let redis: RedisClient;
const redisPrefix = uniqueRedisPrefix('cluster-tls');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pgcluster-tls-'));
  certs = ensureCertificates(join(dir, 'ours'), { names: ['redis'] });
  ca = readFileSync(certs.ca, 'utf8');
  otherCa = readFileSync(ensureCertificates(join(dir, 'other'), { names: [] }).ca, 'utf8');
  // As TLS_CA makes a service trust the CA: the launcher's own checks are clients too.
  trustPeerCa(ca);
  [cluster, database] = await Promise.all([
    startPrivateRedisCluster({
      tls: { cert: certs.cert('redis'), key: certs.key('redis'), ca: certs.ca },
    }),
    createTestDatabase('users'),
  ]);
  users = await createUsers({
    mysqlUrl: database.url,
    redisUrl: cluster.url,
    redisPrefix,
    jwksUrl: 'http://unused.invalid',
    subgraphUrls: {},
    log: createLogger('users', 'silent'),
  });
  url = `${await users.listen(0)}/graphql`;
  redis = createRedisClient(cluster.url);
}, 60_000);

afterAll(async () => {
  try {
    await users?.stop();
    await database?.drop();
    if (cluster) await deleteRedisKeys(cluster.url, redisPrefix);
  } finally {
    redis?.disconnect();
    await cluster?.stop();
    trustPeerCa(undefined);
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
});

const portsOf = () => cluster.nodes.map((node) => node.port);

describe('a Redis Cluster on TLS only', () => {
  it('serves a service over rediss-cluster://: throttle, sessions and revocation', async () => {
    expect(cluster.url).toBe(
      `rediss-cluster://${portsOf()
        .map((p) => `127.0.0.1:${p}`)
        .join(',')}`,
    );
    const input = {
      email: `tls-cluster-${Date.now()}@test.poolgraph.dev`,
      password: 'a cluster passphrase',
      name: 'Cleo Cluster',
      role: 'INVESTOR',
    };
    const { signUp } = expectData(
      await graphql<{ signUp: { accessToken: string; refreshToken: string } }>(
        url,
        'mutation($i: SignUpInput!) { signUp(input: $i) { accessToken refreshToken } }',
        { i: input },
      ),
    );
    const logIn = (password: string) =>
      graphql(
        url,
        'mutation($e: String!, $p: String!) { logIn(email: $e, password: $p) { accessToken } }',
        {
          e: input.email,
          p: password,
        },
      );
    // The throttle counts on the cluster: a wrong password is counted, the right one gets in.
    expect(errorCodes(await logIn('not the passphrase'))).toEqual(['UNAUTHENTICATED']);
    expectData(await logIn(input.password));
    const me = () => graphql(url, '{ me { id } }', {}, { token: signUp.accessToken });
    expectData(await me());
    expectData(
      await graphql(url, 'mutation($t: String!) { logOut(refreshToken: $t) }', {
        t: signUp.refreshToken,
      }),
    );
    expect(errorCodes(await me())).toEqual(['UNAUTHENTICATED']);
    // What it wrote is on the cluster's masters, read back over TLS.
    const keys: string[] = [];
    for (const node of await redisMasters(redis)) {
      keys.push(...(await node.keys(`${redisPrefix}*`)));
    }
    expect(keys.some((key) => key.includes('auth:revoked:session:'))).toBe(true);
  });

  it('has no plaintext port: every node refuses a plain connection, and so does a plain cluster client', async () => {
    for (const port of portsOf()) {
      await expect(
        askRedisOnce(`redis://127.0.0.1:${port}`, (client) => client.ping()),
        `node ${port}`,
      ).rejects.toThrow();
      const settings = await askRedisOnce(`rediss://127.0.0.1:${port}`, async (client) => [
        await client.config('GET', 'port'),
        await client.config('GET', 'tls-cluster'),
        await client.config('GET', 'tls-replication'),
      ]);
      expect(settings).toEqual([
        ['port', '0'],
        ['tls-cluster', 'yes'],
        ['tls-replication', 'yes'],
      ]);
    }
    const plain = createRedisClient(cluster.url.replace('rediss-cluster:', 'redis-cluster:'), {
      lazyConnect: true,
      reconnect: false,
    });
    plain.on('error', () => {});
    try {
      await expect(plain.connect()).rejects.toThrow();
    } finally {
      plain.disconnect();
    }
  });

  it('is refused by a service that trusts another CA, node by node and as a cluster', async () => {
    trustPeerCa(otherCa);
    try {
      // The service's own client (createRedisClient): the cluster never becomes ready…
      const stranger = createRedisClient(cluster.url, { lazyConnect: true, reconnect: false });
      stranger.on('error', () => {});
      try {
        await expect(stranger.connect()).rejects.toThrow();
      } finally {
        stranger.disconnect();
      }
      // …because each node's certificate fails verification (ioredis reports the handshake's
      // failure as an error event of the node's connection; connect() only says "closed").
      for (const port of portsOf()) {
        const node = createRedisClient(`rediss://127.0.0.1:${port}`, {
          lazyConnect: true,
          reconnect: false,
        });
        const errors: string[] = [];
        node.on('error', (error: Error) => void errors.push(error.message));
        try {
          await expect(node.connect(), `node ${port}`).rejects.toThrow();
          expect(errors.join('\n')).toMatch(/unable to verify|self.signed|certificate/i);
        } finally {
          node.disconnect();
        }
      }
    } finally {
      trustPeerCa(ca);
    }
  });
});

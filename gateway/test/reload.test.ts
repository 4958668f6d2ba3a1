import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorCodes, expectData, graphql } from '@poolgraph/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  FEDERATION_LINK,
  createTestKeys,
  eventually,
  startGateway,
  startSubgraph,
  supergraphOf,
  type StartedGateway,
  type TestSubgraph,
} from './helpers.ts';

// The running subgraph already serves `greeting`; only the newer supergraph routes to it.
const currentTypeDefs = `${FEDERATION_LINK} type Query { hello: String  greeting(name: String!): String }`;
const olderTypeDefs = `${FEDERATION_LINK} type Query { hello: String }`;
const clockTypeDefs = `${FEDERATION_LINK} type Query { now: String }`;

describe('supergraph file reloads', () => {
  let dir: string;
  let path: string;
  let greeter: TestSubgraph;
  let clock: TestSubgraph;
  let gateway: StartedGateway;

  beforeAll(async () => {
    greeter = await startSubgraph('greeter', currentTypeDefs, {
      Query: {
        hello: () => 'hello',
        greeting: (_: unknown, { name }: { name: string }) => `hi ${name}`,
      },
    });
    clock = await startSubgraph('clock', clockTypeDefs, { Query: { now: () => 'noon' } });
    dir = await mkdtemp(join(tmpdir(), 'poolgraph-gateway-'));
    path = join(dir, 'supergraph.graphql');
    await writeFile(path, supergraphOf(greeter.source(olderTypeDefs)));
    const { verifier } = await createTestKeys();
    gateway = await startGateway({ supergraphPath: path, watch: true }, verifier);
  });

  afterAll(async () => {
    await gateway?.service.stop();
    await greeter?.service.stop();
    await clock?.service.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('serves the schema from the file it started with', async () => {
    expect(expectData(await graphql(gateway.url, '{ hello }'))).toEqual({ hello: 'hello' });
    const response = await graphql(gateway.url, '{ greeting(name: "Ada") }');
    expect(errorCodes(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('swaps in a replaced supergraph without a restart, subgraphs and readiness included', async () => {
    // Written aside and renamed over the old file, as editors and atomic writers do.
    await writeFile(`${path}.tmp`, supergraphOf(greeter.source(), clock.source()));
    await rename(`${path}.tmp`, path);
    const data = await eventually(async () =>
      expectData(await graphql(gateway.url, '{ greeting(name: "Ada") now }')),
    );
    expect(data).toEqual({ greeting: 'hi Ada', now: 'noon' });
    const report = (await (await fetch(`${gateway.url}/readyz`)).json()) as {
      checks: Array<{ name: string }>;
    };
    expect(report.checks.map((c) => c.name).sort()).toEqual(['clock', 'greeter']);
  });

  it('keeps the current schema when the file stops being a valid supergraph', async () => {
    const logged = vi.spyOn(gateway.log, 'error');
    await writeFile(path, 'type Query { this is not a supergraph');
    await eventually(async () => {
      expect(logged).toHaveBeenCalledWith(
        expect.objectContaining({ path }),
        'supergraph reload failed; keeping the current schema',
      );
    });
    const response = await graphql(gateway.url, '{ greeting(name: "Bob") }');
    expect(expectData(response)).toEqual({ greeting: 'hi Bob' });
  });
});

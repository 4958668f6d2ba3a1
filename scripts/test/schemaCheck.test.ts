import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { composeSupergraph, readSupergraphConfig } from '@poolgraph/supergraph';
import {
  apiSchemaOf,
  checkSchemaChange,
  describeChange,
  validateManifests,
} from '@poolgraph/supergraph/schemaCheck';
import { persistedQueryManifest } from '@poolgraph/testing';

const root = resolve(import.meta.dirname, '../..');

describe('the graph against its released contract', () => {
  const current = apiSchemaOf(
    composeSupergraph(readSupergraphConfig(resolve(root, 'supergraph.yaml'))),
  );

  it('breaks nothing the released graph promised (a deprecated field may go), listing dangerous changes', async () => {
    const released = buildSchema(
      readFileSync(resolve(root, 'supergraph.released.graphql'), 'utf8'),
    );
    const check = await checkSchemaChange(released, current);
    // Shown in the test's output: what may change a client's results without failing them.
    for (const change of [...check.dangerous, ...check.retired]) {
      console.log(describeChange(change));
    }
    expect(check.breaking.map(describeChange)).toEqual([]);
  });

  it('keeps every persisted operation of the web app and of partners valid', () => {
    expect(validateManifests(current, resolve(root, 'gateway/persisted-queries'))).toEqual([]);
  });
});

describe('the schema check itself', () => {
  const before = buildSchema(`
    type Query {
      pool(id: ID!): Pool
      pools(first: Int, limit: Int @deprecated(reason: "Use first.")): [Pool!]!
    }
    type Pool { id: ID! name: String! legacyName: String @deprecated(reason: "Use name.") }
    enum Status { OPEN CLOSED OLD @deprecated(reason: "Unused.") }
  `);
  const after = (sdl: string) =>
    buildSchema(`
      type Query { pool(id: ID!): Pool pools(first: Int): [Pool!]! }
      ${sdl}
    `);

  it('fails a removed field that was not deprecated, and allows a deprecated field or argument to go', async () => {
    const check = await checkSchemaChange(
      before,
      after('type Pool { id: ID! } enum Status { OPEN CLOSED }'),
    );
    expect(check.breaking.map((c) => c.path)).toEqual(['Pool.name']);
    expect(check.retired.map((c) => c.path).sort()).toEqual(
      ['Pool.legacyName', 'Query.pools.limit', 'Status.OLD'].sort(),
    );
  });

  it('fails a changed type even where the field was deprecated', async () => {
    const check = await checkSchemaChange(
      before,
      after('type Pool { id: ID! name: String! legacyName: Int } enum Status { OPEN CLOSED OLD }'),
    );
    expect(check.breaking.map((c) => c.path)).toEqual(['Pool.legacyName']);
  });

  it('lists a new enum value as dangerous without failing', async () => {
    const check = await checkSchemaChange(
      before,
      after(`type Pool { id: ID! name: String! legacyName: String @deprecated(reason: "Use name.") }
        enum Status { OPEN CLOSED OLD @deprecated(reason: "Unused.") ARCHIVED }`),
    );
    expect(check.breaking).toEqual([]);
    expect(check.dangerous.map((c) => c.path)).toEqual(['Status.ARCHIVED']);
  });

  it("fails a partner's persisted operation that uses a field the graph no longer has", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'schema-check-'));
    try {
      await writeFile(
        join(dir, 'partner.json'),
        persistedQueryManifest([
          'query PartnerPool($id: ID!) { pool(id: $id) { id name } }',
          'query PartnerPools { pools(first: 5) { id } }',
        ]),
      );
      expect(validateManifests(before, dir)).toEqual([]);
      expect(validateManifests(after('type Pool { id: ID! }'), dir)).toEqual([
        {
          manifest: 'partner.json',
          operation: 'PartnerPool',
          message: 'Cannot query field "name" on type "Pool".',
        },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

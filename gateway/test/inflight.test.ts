import { expectData, graphql } from '@poolgraph/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FEDERATION_LINK,
  createTestKeys,
  startGateway,
  startSubgraph,
  supergraphOf,
  type SeenRequest,
  type StartedGateway,
  type TestSubgraph,
} from './helpers.ts';

// A slow subgraph that counts what it executes: concurrent identical requests overlap in it.
const typeDefs = `${FEDERATION_LINK}
  type Query {
    "Who asked, answered after 150 ms."
    slowWhoAmI: String
  }
  type Mutation {
    "Counts one call, answered after 150 ms."
    bump: Int!
  }`;

describe('identical subgraph queries in flight', () => {
  let keys: Awaited<ReturnType<typeof createTestKeys>>;
  let slow: TestSubgraph;
  let gateway: StartedGateway;
  const executed: string[] = [];
  let bumps = 0;
  const pause = () => new Promise((resolve) => setTimeout(resolve, 150));

  beforeAll(async () => {
    keys = await createTestKeys();
    slow = await startSubgraph('slow', typeDefs, {
      Query: {
        slowWhoAmI: async (_: unknown, __: unknown, ctx: { seen: SeenRequest }) => {
          executed.push(ctx.seen.authorization ?? 'anonymous');
          await pause();
          return ctx.seen.authorization;
        },
      },
      Mutation: {
        bump: async () => {
          await pause();
          return ++bumps;
        },
      },
    });
    gateway = await startGateway({ supergraphSdl: supergraphOf(slow.source()) }, keys.verifier);
  });

  afterAll(async () => {
    await gateway?.service.stop();
    await slow?.service.stop();
  });

  it('are sent once per caller, and each caller gets its own answer', async () => {
    const [alice, bob] = await Promise.all([keys.sign('alice'), keys.sign('bob')]);
    executed.length = 0;
    const ask = (token: string) =>
      graphql<{ slowWhoAmI: string }>(gateway.url, '{ slowWhoAmI }', {}, { token });
    const answers = await Promise.all([
      ...Array.from({ length: 20 }, () => ask(alice)),
      ...Array.from({ length: 20 }, () => ask(bob)),
    ]);
    expect(answers.slice(0, 20).every((a) => expectData(a).slowWhoAmI === `Bearer ${alice}`)).toBe(
      true,
    );
    expect(answers.slice(20).every((a) => expectData(a).slowWhoAmI === `Bearer ${bob}`)).toBe(true);
    // Never one fetch for two callers; far fewer than one per request for each.
    expect(executed.filter((a) => a === `Bearer ${alice}`).length).toBeLessThan(5);
    expect(executed.filter((a) => a === `Bearer ${bob}`).length).toBeLessThan(5);
  });

  it('never merges mutations', async () => {
    const token = await keys.sign('carol');
    const before = bumps;
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        graphql<{ bump: number }>(gateway.url, 'mutation { bump }', {}, { token }),
      ),
    );
    expect(bumps - before).toBe(10);
    expect(new Set(answers.map((a) => expectData(a).bump)).size).toBe(10);
  });

  it('sends the same query again once the first answer is in', async () => {
    const token = await keys.sign('dave');
    executed.length = 0;
    await graphql(gateway.url, '{ slowWhoAmI }', {}, { token });
    await graphql(gateway.url, '{ slowWhoAmI }', {}, { token });
    expect(executed).toHaveLength(2);
  });
});

import { Writable } from 'node:stream';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createLogger,
  createMetrics,
  createSubgraphService,
  type HttpService,
} from '../src/index.ts';

const lines: Array<Record<string, unknown>> = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
    done();
  },
});
const log = createLogger('scoped', 'info', sink);
let service: HttpService;
let url: string;

beforeAll(async () => {
  service = createSubgraphService({
    typeDefs: parse('type Query { work(label: String!): String! }'),
    resolvers: {
      Query: {
        work: async (_: unknown, { label }: { label: string }) => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          log.info({ label }, 'deep inside a resolver');
          return label;
        },
      },
    },
    context: async () => ({}),
    metrics: createMetrics('scoped'),
    log,
    readiness: [],
  });
  url = `${await service.listen(0)}/graphql`;
});
afterAll(() => service.stop());

const work = (label: string, requestId: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': requestId },
    body: JSON.stringify({
      query: 'query($l: String!) { work(label: $l) }',
      variables: { l: label },
    }),
  });

describe('request ids in log lines', () => {
  it('puts the caller’s x-request-id on every line written while serving its request', async () => {
    await Promise.all([work('a', 'req-a'), work('b', 'req-b'), work('c', 'req-c')]);
    const written = lines.filter((l) => l.msg === 'deep inside a resolver');
    expect(written.map((l) => [l.label, l.requestId]).sort()).toEqual([
      ['a', 'req-a'],
      ['b', 'req-b'],
      ['c', 'req-c'],
    ]);
  });

  it('writes no request id outside a request', () => {
    log.info('between requests');
    expect(lines.at(-1)).not.toHaveProperty('requestId');
  });
});

/**
 * Hostile and malformed requests for the fuzz test, drawn from a seeded PRNG so a failure can
 * be replayed (the seed is printed). Each case is cheap to send; most are refused before any
 * subgraph runs, some reach the subgraphs with hostile arguments.
 */

import type { Random } from '@poolgraph/testing';

export interface HttpCase {
  kind: string;
  method: string;
  /** Path and query string. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

const SQLISH = [
  "' OR '1'='1",
  '1; DROP TABLE users; --',
  '" OR ""="',
  "admin'--",
  '1 UNION SELECT password FROM users',
  '%27%20OR%201%3D1',
  '\\x00\\x1a',
  "Robert'); DROP TABLE pools;--",
  'ＡＤＭＩＮ',
  'álice@example.com',
  '\u0000',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '../../etc/passwd',
];

/** Header values a client can send at all (no control characters), hostile all the same. */
const HEADER_VALUES = [
  "' OR '1'='1",
  'Bearer ',
  'Bearer a.b.c',
  `Bearer ${'x'.repeat(4_000)}`,
  'Basic Zm9vOmJhcg==',
  '1; DROP TABLE users; --',
  '10.0.0.1, 127.0.0.1, ::1',
  '${jndi:ldap://x}',
  '../../etc/passwd',
];

const QUERIES = [
  'query($id: ID!) { pool(id: $id) { id name members { id investor { id name } } } }',
  'query($id: ID!) { user(id: $id) { id name } }',
  'query($id: ID!) { transaction(id: $id) { id } }',
  'query($p: ID!, $i: ID!) { position(poolId: $p, investorId: $i) { capital { amount } } }',
  'query($id: ID!) { poolPerformance(poolId: $id) { poolId } }',
  'query($l: Int) { topInvestors(limit: $l) { investor { id } } }',
  'query($f: Int, $a: ID) { alerts(first: $f, after: $a) { id } }',
  'query($f: Int, $a: String) { ledgerHistory(first: $f, after: $a) { hasNextPage } }',
  '{ pools { id name } }',
  '{ me { id } }',
  '{ reportsFreshness { lagSeconds } }',
];

const MUTATIONS = [
  'mutation($p: ID!, $a: Decimal!, $k: String!) { contribute(poolId: $p, amount: $a, idempotencyKey: $k) { id } }',
  'mutation($ids: [ID!]!) { markInboxRead(ids: $ids) }',
  'mutation($id: ID!) { acknowledgeAlert(id: $id) { id } }',
  'mutation($k: String!) { confirmSignUp(token: $k) { accessToken } }',
  'mutation($i: SignUpInput!) { requestSignUp(input: $i) { email expiresAt } }',
];

const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const post = (kind: string, body: Buffer, contentType = 'application/json'): HttpCase => ({
  kind,
  method: 'POST',
  path: '/graphql',
  headers: { 'content-type': contentType },
  body,
});

function hostileValue(random: Random, depth = 0): unknown {
  switch (random.int(0, depth > 3 ? 5 : 8)) {
    case 0:
      return random.pick(SQLISH);
    case 1:
      return random.int(0, 1) ? Number.MAX_SAFE_INTEGER : -random.int(0, 1e9 - 1);
    case 2:
      return 'x'.repeat(random.int(0, 1999));
    case 3:
      return random.next() < 0.5;
    case 4:
      return null;
    case 5:
      return 1.5e300;
    case 6:
      return { [random.pick(SQLISH)]: hostileValue(random, depth + 1) };
    case 7:
      return [hostileValue(random, depth + 1), hostileValue(random, depth + 1)];
    default:
      return `${random.pick(SQLISH)}${random.int(0, 999)}`;
  }
}

function variablesFor(random: Random) {
  const names = ['id', 'p', 'i', 'l', 'f', 'a', 'k', 'ids'];
  return Object.fromEntries(names.map((name) => [name, hostileValue(random)]));
}

/** Builders, each for one family of hostile input. */
const BUILDERS: Array<(random: Random) => HttpCase> = [
  (random) => {
    const text = JSON.stringify({ query: random.pick(QUERIES), variables: variablesFor(random) });
    return post('bad json', Buffer.from(text.slice(0, random.int(0, text.length - 1))));
  },
  (random) =>
    post(
      'random bytes',
      Buffer.from(Array.from({ length: random.int(0, 399) }, () => random.int(0, 255))),
    ),
  (random) =>
    post(
      'hostile variables',
      json({ query: random.pick(QUERIES), variables: variablesFor(random) }),
    ),
  (random) =>
    post(
      'huge string',
      json({ query: `{ pool(id: "${'A'.repeat(50_000 + random.int(0, 299_999))}") { id } }` }),
    ),
  (random) => {
    const levels = 20 + random.int(0, 199);
    return post(
      'deep nesting',
      json({
        query: `{ pools { ${'members { pool { '.repeat(levels)}id${' } }'.repeat(levels)} } }`,
      }),
    );
  },
  (random) => {
    const count = 31 + random.int(0, 1499);
    const aliases = Array.from({ length: count }, (_v, i) => `a${i}: __typename`).join(' ');
    return post('many aliases', json({ query: `{ ${aliases} }` }));
  },
  (random) => {
    const deep = random.int(0, 4999);
    return post(
      'deep json',
      Buffer.from(
        `{"query":"{ me { id } }","variables":{"id":${'['.repeat(deep)}${']'.repeat(deep)}}}`,
      ),
    );
  },
  (random) =>
    post(
      'unknown persisted id',
      json({
        extensions: {
          persistedQuery: {
            version: 1,
            sha256Hash: Array.from(
              { length: 64 },
              () => '0123456789abcdef'[random.int(0, 15)],
            ).join(''),
          },
        },
      }),
    ),
  (random) =>
    post(
      'persisted query hash mismatch',
      json({
        query: random.pick(QUERIES),
        extensions: {
          persistedQuery: { version: random.pick([1, 2, 'x']), sha256Hash: random.pick(SQLISH) },
        },
      }),
    ),
  (random) =>
    post(
      'wrong variable types',
      json({ query: random.pick(QUERIES), variables: random.pick([[1], 'x', 7, null, true]) }),
    ),
  (random) =>
    post(
      'wrong content type',
      json({ query: random.pick(QUERIES) }),
      random.pick([
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/graphql',
        'application/xml',
        '',
      ]),
    ),
  (random) => ({
    kind: 'get mutation',
    method: 'GET',
    path: `/graphql?query=${encodeURIComponent(random.pick(MUTATIONS))}&variables=${encodeURIComponent(JSON.stringify(variablesFor(random)))}`,
    headers: random.int(0, 1) ? { 'apollo-require-preflight': 'true' } : {},
  }),
  (random) => ({
    kind: 'get garbage',
    method: 'GET',
    path: `/graphql?query=${encodeURIComponent(random.pick(SQLISH))}&variables=${random.pick(['%7B', '[', 'null', '%ff%fe'])}&extensions=${random.pick(['{', '%7B%22persistedQuery%22%3A1%7D'])}`,
    headers: { 'apollo-require-preflight': 'true' },
  }),
  (random) => {
    // Invalid UTF-8 inside a JSON string, and a lone surrogate escape.
    const bytes = [
      Buffer.from('{"query":"{ pool(id: \\"'),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28, random.int(0, 255)]),
      Buffer.from('\\ud800\\") { id } }"}'),
    ];
    return post('invalid utf-8', Buffer.concat(bytes));
  },
  (random) =>
    post(
      'batch',
      json(Array.from({ length: 1 + random.int(0, 49) }, () => ({ query: random.pick(QUERIES) }))),
    ),
  (random) =>
    post(
      'mutation with hostile input',
      json({ query: random.pick(MUTATIONS), variables: variablesFor(random) }),
    ),
  (random) => ({
    kind: 'odd method',
    method: random.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS']),
    path: '/graphql',
    headers: {},
  }),
  (random) => ({
    kind: 'odd path',
    method: 'GET',
    path: random.pick([
      '/',
      '/graphql/../metrics',
      '/%00',
      '/graphql?%ff',
      `/${'a'.repeat(2_000)}`,
      '/readyz?x=1',
    ]),
    headers: {},
  }),
  (random) => ({
    kind: 'hostile headers',
    method: 'POST',
    path: '/graphql',
    headers: {
      'content-type': 'application/json',
      authorization: random.pick(HEADER_VALUES),
      'x-api-key': random.pick(HEADER_VALUES),
      'x-request-id': random.pick(HEADER_VALUES),
      'x-forwarded-for': random.pick(HEADER_VALUES),
    },
    body: json({ query: random.pick(QUERIES), variables: variablesFor(random) }),
  }),
  (random) => post('too large', Buffer.alloc(1_050_000 + random.int(0, 49_999), 0x20)),
  // Issue 21's shapes: made-up operation names (metrics labels), operations that cannot be
  // resolved (4xx, not 5xx), forwarded chains (client address), look-alike credentials.
  (random) => {
    const name = randomName(random);
    return post(
      'random operation name',
      json({ query: `query ${name} { pools { id } }`, operationName: random.pick([name, null]) }),
    );
  },
  (random) =>
    post(
      'unresolvable operation',
      json(
        random.pick([
          { query: '{ pools { id } }', operationName: randomName(random) },
          { query: 'query A { me { id } } query B { pools { id } }' },
          { query: '{ me { id } } { pools { id } }' },
          { query: 'fragment F on Pool { id }' },
          { query: 'subscription { alertRaised { id } }' },
          { query: `query A { me { id } }`, operationName: random.pick([42, [], {}, '']) },
        ]),
      ),
    ),
  (random) => ({
    kind: 'forwarded chain',
    method: 'POST',
    path: '/graphql',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': Array.from({ length: random.int(1, 40) }, () =>
        random.pick(FORWARDED_ENTRIES),
      ).join(random.pick([',', ', ', ' ,'])),
    },
    body: json({ query: '{ me { id } }' }),
  }),
  (random) => ({
    kind: 'look-alike credential',
    method: 'POST',
    path: '/graphql',
    headers: {
      'content-type': 'application/json',
      ...(random.int(0, 1)
        ? {
            'x-api-key': `${random.pick(['', '\u00a0'])}pgk_${'A'.repeat(43)}${random.pick(LOOK_ALIKE_TAILS)}`,
          }
        : {
            authorization: `Bearer${random.pick(['\u00a0', ' ', '\t'])}a.b.c${random.pick(LOOK_ALIKE_TAILS)}`,
          }),
    },
    body: json({ query: '{ me { id } }' }),
  }),
  // List sizes the cost limit must see wherever they hide: variable defaults, nulls, fragments,
  // directives, with hostile variable values next to them.
  (random) => {
    const size = random.pick(['1', '500', '100000', '2147483647', 'null', '-1']);
    const where = random.pick([
      `query($n: Int = ${size === 'null' ? 1 : size}) { pools { members(first: $n) { id investor { id } } } }`,
      `query($n: Int) { pools { members(first: $n) @include(if: true) { id } } }`,
      `query($n: Int = ${size === 'null' ? 1 : size}, $s: Boolean = false) { pools { ...M @skip(if: $s) } } fragment M on Pool { members(first: $n) { id } transactions(first: $n) { nodes { id } } }`,
      `{ pools { members(first: ${size}) { id } } }`,
      `query($n: Int) { alerts(first: null, limit: $n) { id } }`,
    ]);
    const variables = random.next() < 0.5 ? {} : { n: hostileValue(random) };
    return post('hidden sizes', json({ query: where, variables }));
  },
];

/** A fresh operation name, as a client inventing names to grow /metrics would send. */
const randomName = (random: Random) =>
  `Fuzz${Array.from({ length: 12 }, () => 'abcdefghijklmnopqrstuvwxyz'[random.int(0, 25)]).join('')}`;

/** Addresses, /64 neighbours and junk, as x-forwarded-for entries. */
const FORWARDED_ENTRIES = [
  '203.0.113.7',
  '::ffff:10.0.0.1',
  '2001:db8::1',
  '2001:db8:0:0:ffff::2',
  '[2001:db8::1]:443',
  '127.0.0.1',
  'unknown',
  '',
  '999.1.1.1',
  '10.0.0.0/8',
  "' OR '1'='1",
];

/** Characters that make a credential look like another: Latin-1, so headers can carry them. */
const LOOK_ALIKE_TAILS = ['', ' ', '\u00a0', '\u0085', '\t', ',', 'x'];

/** Rare families (large bodies) are drawn less often to keep the run cheap. */
export function httpCase(random: Random): HttpCase {
  let builder = random.pick(BUILDERS);
  if ((builder === BUILDERS[3] || builder === BUILDERS[19]) && random.next() < 0.8)
    builder = BUILDERS[0]!;
  return builder(random);
}

/**
 * Reports: import a generated dataset through the importer (rows/s, end to end: users, pools,
 * the ledger's bulk path, then the read model catching up from ledger.events); then a larger
 * dataset folded straight into the read model (as a rebuild does); then topInvestors through
 * the gateway beside the plain SQL a developer would write first, over a flat table holding
 * exactly the read model's contributions, in the same MySQL.
 *
 *   npm run bench:reports -- [--import-rows 100000] [--rows 1000000] [--investors 50000]
 *                            [--pools 2000] [--seed 42] [--calls 200]
 *
 * Why two datasets: the import's speed is the ledger bulk path's (see the subgraph README),
 * and on this machine 1,000,000 rows through it take longer than a benchmark should.
 *
 * Targets (2 cores): import ≥ 10,000 rows/s end to end (until the read model has caught up);
 * topInvestors p99 < 20 ms through the gateway, ≥ 100× faster than the plain SQL without an
 * index and ≥ 10× with a covering one; identical answers.
 */
import { createReadStream, createWriteStream, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { createConnection, type Connection } from 'mysql2/promise';
import { connectMysql } from '@poolgraph/platform';
import { createTestDatabase, expectData } from '@poolgraph/testing';
import { schema as ledgerSchema } from '@poolgraph/ledger/db';
import { schema as usersSchema } from '@poolgraph/users/db';
import { upsertAdmin } from '@poolgraph/users/admin';
import { schema as reportsSchema } from '@poolgraph/reports/db';
import type { LedgerTransaction } from '@poolgraph/reports/readModel';
import { applyLedgerTransactions, FOLD_BATCH } from '@poolgraph/reports/readModel';
import { generateTransactions } from '../scripts/import/generate.ts';
import { parseDate } from '../scripts/import/rows.ts';
import { importTransactions } from '../scripts/import/importer.ts';
import { createGraphQLClient } from './lib/client.ts';
import { startBenchStack } from './lib/processStack.ts';
import { percentile } from './lib/stats.ts';

const { values: args } = parseArgs({
  options: {
    'import-rows': { type: 'string', default: '100000' },
    rows: { type: 'string', default: '1000000' },
    investors: { type: 'string', default: '50000' },
    pools: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '42' },
    calls: { type: 'string', default: '200' },
  },
});
const dataset = {
  rows: Number(args['import-rows']),
  investors: Number(args.investors),
  pools: Number(args.pools),
  seed: Number(args.seed),
};
const CALLS = Number(args.calls);
const YEAR = { from: '2025-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z' };
const ROLLING = { from: '2024-07-01T00:00:00.000Z', to: '2025-07-01T00:00:00.000Z' };
type Answer = Array<[string, number, string]>;

const READ_MODEL_ROWS = Number(args.rows);
console.log(
  `reports bench: import ${JSON.stringify(dataset)}, read model ${READ_MODEL_ROWS} rows, ${CALLS} calls per query`,
);
const file = join(tmpdir(), `poolgraph-bench-${process.pid}.csv`);
const out = createWriteStream(file);
for (const line of generateTransactions(dataset)) {
  if (!out.write(line)) await once(out, 'drain');
}
out.end();
await once(out, 'finish');

const stack = await startBenchStack();
try {
  const users = connectMysql({ url: stack.databaseUrl('users') }, usersSchema);
  const admin = { email: 'bench-admin@bench.poolgraph.dev', password: 'bench-admin-password-2026' };
  await upsertAdmin(users.db, admin);
  await users.close();
  const session = await stack.logIn({ ...admin, token: '', userId: '' });

  // 1. Import through the importer (users + pools through the gateway, the ledger's bulk path).
  const ledger = connectMysql(
    { url: stack.databaseUrl('ledger'), connectionLimit: 4 },
    ledgerSchema,
  );
  const summary = await importTransactions({
    input: createReadStream(file),
    totalBytes: statSync(file).size,
    gatewayUrl: stack.gatewayUrl,
    token: session.token,
    ledgerDb: ledger.db,
  });
  const importRate = summary.rows / summary.seconds;
  console.log(
    `import: ${summary.rows} rows in ${summary.seconds.toFixed(1)} s = ${importRate.toFixed(0)} rows/s (${summary.posted} posted, ${summary.bad} bad; ` +
      `investors and pools ${summary.resolveSeconds.toFixed(1)} s, posting ${summary.postSeconds.toFixed(1)} s, overlapped)`,
  );

  // 2. The read model catches up (relay → ledger.events → reports consumer).
  const client = createGraphQLClient(stack.gatewayUrl, 4);
  const caughtUpStarted = performance.now();
  for (;;) {
    const [rows] = await ledger.pool.query(
      'SELECT COUNT(*) AS n FROM outbox WHERE published_at IS NULL',
    );
    const pending = Number((rows as Array<{ n: unknown }>)[0]!.n);
    const { reportsFreshness } = expectData(
      await client.call<{ reportsFreshness: { lagSeconds: number } }>(
        '{ reportsFreshness { lagSeconds } }',
        {},
        session.token,
      ),
    );
    if (pending === 0 && reportsFreshness.lagSeconds === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const catchUp = (performance.now() - caughtUpStarted) / 1000;
  const endToEnd = summary.rows / (summary.seconds + catchUp);
  console.log(
    `read model caught up ${catchUp.toFixed(1)} s after the import ended: ` +
      `${endToEnd.toFixed(0)} rows/s end to end (the import target's figure)`,
  );

  // 2b. A larger history folded straight into the read model, as reports:rebuild does.
  const reportsDb = connectMysql(
    { url: stack.databaseUrl('reports'), connectionLimit: 2 },
    reportsSchema,
  );
  const applyStarted = performance.now();
  let batch: LedgerTransaction[] = [];
  let applied = 0;
  const flush = async () => {
    const slice = batch;
    batch = [];
    await reportsDb.db.transaction((tx) => applyLedgerTransactions(tx, slice));
    applied += slice.length;
  };
  for (const line of generateTransactions({
    ...dataset,
    rows: READ_MODEL_ROWS,
    seed: dataset.seed + 1,
  })) {
    if (line.startsWith('investor_id')) continue;
    const [investor, pool, amount, date] = line.trimEnd().split(',') as [
      string,
      string,
      string,
      string,
    ];
    batch.push({
      transactionId: `${READ_MODEL_ROWS}-${applied + batch.length}`,
      investorId: investor,
      poolId: pool,
      type: 'CONTRIBUTION',
      tiers: null,
      amountMinor: BigInt(amount.includes('.') ? amount.replace('.', '') : `${amount}00`),
      currency: 'USD',
      occurredAt: parseDate(date) as Date,
      allocations: [],
    });
    if (batch.length >= FOLD_BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  const applySeconds = (performance.now() - applyStarted) / 1000;
  console.log(
    `read model: ${applied} more contributions applied in ${applySeconds.toFixed(1)} s = ${(applied / applySeconds).toFixed(0)} rows/s`,
  );
  // The fold's rate depends on whether its tables fit in memory: past the buffer pool most of
  // its index entries are page reads (the reports README).
  const [[sizes]] = (await reportsDb.pool.query(
    `SELECT @@innodb_buffer_pool_size AS pool, SUM(data_length + index_length) AS tables
     FROM information_schema.tables WHERE table_schema = DATABASE()`,
  )) as unknown as [[{ pool: number | string; tables: number | string }]];
  const mib = (bytes: number | string) => `${(Number(bytes) / 1024 / 1024).toFixed(0)} MiB`;
  console.log(
    `  the read model's tables: about ${mib(sizes.tables)}; MariaDB's buffer pool: ${mib(sizes.pool)}` +
      (Number(sizes.tables) > Number(sizes.pool) ? ' (smaller: the fold waits on page reads)' : ''),
  );
  await reportsDb.close();

  // 3. topInvestors through the gateway.
  const TOP = `query Top($from: DateTime, $to: DateTime) { topInvestors(limit: 5, from: $from, to: $to) {
    investor { id } uniquePools totalInvested { amount } } }`;
  const timeGateway = async (variables: Record<string, unknown>) => {
    const latencies: number[] = [];
    let answer: Answer = [];
    for (let i = 0; i < CALLS + 20; i++) {
      const t = performance.now();
      const response = await client.call<{
        topInvestors: Array<{
          investor: { id: string };
          uniquePools: number;
          totalInvested: { amount: string };
        }>;
      }>(TOP, variables, session.token);
      if (i >= 20) latencies.push(performance.now() - t); // the first 20 warm up
      answer = expectData(response).topInvestors.map((r) => [
        r.investor.id,
        r.uniquePools,
        r.totalInvested.amount.replace('.', '').replace(/^0+(?=\d)/, ''),
      ]);
    }
    return { sorted: latencies.sort((a, b) => a - b), answer };
  };

  // 4. The plain SQL over a flat table of the same rows, same server.
  const scratch = await createTestDatabase('benchflat');
  const sqlConnection: Connection = await createConnection({ uri: scratch.url });
  await sqlConnection.query(
    `CREATE TABLE flat (investor_id CHAR(36) NOT NULL, syndicate_id CHAR(36) NOT NULL,
       amount BIGINT NOT NULL, transaction_date DATETIME(3) NOT NULL)`,
  );
  // Exactly the contributions the read model holds (the imported ones and the folded ones).
  const reportsName = new URL(stack.databaseUrl('reports')).pathname.slice(1);
  await sqlConnection.query(
    `INSERT INTO flat SELECT investor_id, pool_id, amount_minor, occurred_at FROM \`${reportsName}\`.contributions`,
  );
  const [counted] = await sqlConnection.query('SELECT COUNT(*) AS n FROM flat');
  console.log(`flat table: ${(counted as Array<{ n: unknown }>)[0]!.n} rows`);
  const plain = (where: string) =>
    `SELECT investor_id, COUNT(DISTINCT syndicate_id) AS pools, SUM(amount) AS total FROM flat ${where}
     GROUP BY investor_id ORDER BY pools DESC, total DESC, investor_id LIMIT 5`;
  const timeSql = async (query: string, params: unknown[], runs: number) => {
    const latencies: number[] = [];
    let answer: Answer = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const [rows] = await sqlConnection.query(query, params);
      latencies.push(performance.now() - t);
      answer = (rows as Array<{ investor_id: string; pools: number; total: string }>).map((r) => [
        r.investor_id,
        Number(r.pools),
        String(r.total),
      ]);
    }
    return { sorted: latencies.sort((a, b) => a - b), answer };
  };
  const inYear = 'WHERE transaction_date >= ? AND transaction_date < ?';
  const yearParams = [new Date(YEAR.from), new Date(YEAR.to)];
  const rollingParams = [new Date(ROLLING.from), new Date(ROLLING.to)];

  const results = {
    gatewayAll: await timeGateway({}),
    gatewayYear: await timeGateway(YEAR),
    gatewayRolling: await timeGateway(ROLLING),
    sqlAll: await timeSql(plain(''), [], 5),
    sqlYear: await timeSql(plain(inYear), yearParams, 5),
    sqlRolling: await timeSql(plain(inYear), rollingParams, 3),
    sqlAllIndexed: undefined as undefined | Awaited<ReturnType<typeof timeSql>>,
    sqlYearIndexed: undefined as undefined | Awaited<ReturnType<typeof timeSql>>,
  };
  await sqlConnection.query(
    'CREATE INDEX flat_covering ON flat (investor_id, syndicate_id, amount, transaction_date)',
  );
  results.sqlAllIndexed = await timeSql(plain(''), [], 5);
  results.sqlYearIndexed = await timeSql(plain(inYear), yearParams, 5);
  await sqlConnection.end();
  await scratch.drop();

  const p = (r: { sorted: number[] }, q: number) => percentile(r.sorted, q);
  const line = (label: string, r: { sorted: number[] }) =>
    console.log(
      `${label.padEnd(48)} p50 ${p(r, 50).toFixed(1).padStart(8)} ms   p99 ${p(r, 99).toFixed(1).padStart(8)} ms   (${r.sorted.length} runs)`,
    );
  line('topInvestors via gateway, all time', results.gatewayAll);
  line('topInvestors via gateway, calendar year 2025', results.gatewayYear);
  line('topInvestors via gateway, 2024-07-01..2025-07-01', results.gatewayRolling);
  line('plain SQL, all time, no index', results.sqlAll);
  line('plain SQL, year 2025, no index', results.sqlYear);
  line('plain SQL, 2024-07-01..2025-07-01, no index', results.sqlRolling);
  line('plain SQL, all time, covering index', results.sqlAllIndexed);
  line('plain SQL, year 2025, covering index', results.sqlYearIndexed);
  const ratio = (a: { sorted: number[] }, b: { sorted: number[] }) =>
    `${(p(a, 50) / p(b, 50)).toFixed(0)}× (p50)  ${(p(a, 50) / p(b, 99)).toFixed(0)}× (SQL p50 / gateway p99)`;
  console.log(
    `ratio all time, no index / gateway:       ${ratio(results.sqlAll, results.gatewayAll)}`,
  );
  console.log(
    `ratio all time, covering index / gateway: ${ratio(results.sqlAllIndexed, results.gatewayAll)}`,
  );
  console.log(
    `ratio year, no index / gateway:           ${ratio(results.sqlYear, results.gatewayYear)}`,
  );
  console.log(
    `ratio year, covering index / gateway:     ${ratio(results.sqlYearIndexed, results.gatewayYear)}`,
  );
  console.log(
    `ratio rolling year, no index / gateway:   ${ratio(results.sqlRolling, results.gatewayRolling)}`,
  );
  const same = (a: Answer, b: Answer) => JSON.stringify(a) === JSON.stringify(b);
  console.log(
    `identical answers: all time ${same(results.gatewayAll.answer, results.sqlAll.answer) && same(results.sqlAll.answer, results.sqlAllIndexed.answer) ? 'yes' : 'NO'}, ` +
      `year ${same(results.gatewayYear.answer, results.sqlYear.answer) && same(results.sqlYear.answer, results.sqlYearIndexed.answer) ? 'yes' : 'NO'}, ` +
      `rolling year ${same(results.gatewayRolling.answer, results.sqlRolling.answer) ? 'yes' : 'NO'}`,
  );
  console.log(
    'targets: import ≥ 10000 rows/s end to end (read model caught up); gateway p99 < 20 ms; ≥ 100× (no index), ≥ 10× (covering index)',
  );
  await ledger.close();
  await client.close();
} finally {
  await stack.stop();
  unlinkSync(file);
}

import { randomUUID } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { createTestDatabase } from '@poolgraph/testing';
import { drive } from './stats.ts';

/** One row per INSERT + COMMIT (autocommit) from C connections: the online path's floor. */
export async function singleRowFloor(count: number, concurrency: number) {
  const scratch = await createTestDatabase('benchfloor');
  try {
    const setup = await createConnection({ uri: scratch.url });
    await setup.query(
      'CREATE TABLE floor_rows (id BIGINT AUTO_INCREMENT PRIMARY KEY, amount BIGINT NOT NULL)',
    );
    await setup.end();
    const connections = await Promise.all(
      Array.from({ length: concurrency }, () => createConnection({ uri: scratch.url })),
    );
    const result = await drive(count, concurrency, async (n) => {
      await connections[n % concurrency]!.query('INSERT INTO floor_rows (amount) VALUES (?)', [n]);
    });
    await Promise.all(connections.map((c) => c.end()));
    return result;
  } finally {
    await scratch.drop();
  }
}

/**
 * Multi-row INSERTs of rows shaped like the ledger's (a transaction with its indexes and two
 * entries each), `perTx` transactions per MySQL transaction on one connection: what a bulk
 * path that writes the same rows cannot beat, since it does this and more (locks, books, keys).
 */
export async function batchedFloor(count: number, perTx: number) {
  const scratch = await createTestDatabase('benchbatch');
  const connection = await createConnection({ uri: scratch.url });
  try {
    const id = 'CHAR(36) CHARACTER SET ascii COLLATE ascii_bin';
    await connection.query(`CREATE TABLE transactions (id ${id} PRIMARY KEY, pool_id ${id} NOT NULL,
      investor_id ${id}, type VARCHAR(16) NOT NULL, amount BIGINT NOT NULL, currency CHAR(3) NOT NULL,
      request_id ${id} NOT NULL, occurred_at DATETIME(3) NOT NULL, created_at DATETIME(3) NOT NULL,
      INDEX (pool_id, id), INDEX (pool_id, investor_id, id), INDEX (request_id))`);
    await connection.query(`CREATE TABLE entries (id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
      transaction_id ${id} NOT NULL, pool_id ${id} NOT NULL, investor_id ${id},
      amount BIGINT NOT NULL, currency CHAR(3) NOT NULL, INDEX (transaction_id))`);
    const pool = randomUUID();
    const investors = Array.from({ length: 32 }, () => randomUUID());
    const latencies: number[] = [];
    const started = performance.now();
    for (let start = 0; start < count; start += perTx) {
      const t = performance.now();
      const now = new Date();
      const rows = Array.from({ length: Math.min(perTx, count - start) }, (_, n) => ({
        id: randomUUID(),
        investor: investors[n % investors.length]!,
        amount: 1000 + n,
      }));
      await connection.beginTransaction();
      await connection.query(
        'INSERT INTO transactions (id, pool_id, investor_id, type, amount, currency, request_id, occurred_at, created_at) VALUES ?',
        [
          rows.map((r) => [
            r.id,
            pool,
            r.investor,
            'CONTRIBUTION',
            r.amount,
            'USD',
            randomUUID(),
            now,
            now,
          ]),
        ],
      );
      await connection.query(
        'INSERT INTO entries (transaction_id, pool_id, investor_id, amount, currency) VALUES ?',
        [
          rows.flatMap((r) => [
            [r.id, pool, null, r.amount, 'USD'],
            [r.id, pool, r.investor, -r.amount, 'USD'],
          ]),
        ],
      );
      await connection.commit();
      latencies.push(performance.now() - t);
    }
    return { seconds: (performance.now() - started) / 1000, latenciesMs: latencies };
  } finally {
    await connection.end();
    await scratch.drop();
  }
}

import { connectMysql, migrateDatabase, uuidv7, type Mysql } from '@poolgraph/platform';
import { createTestDatabase, type TestDatabase } from '@poolgraph/testing';
import type { BulkContribution } from '../src/bulk/index.ts';
import { migrationsFolder, schema } from '../src/db/index.ts';

/** A migrated ledger database of its own, for tests that post without the HTTP stack. */
export async function openLedgerDatabase(): Promise<{
  database: TestDatabase;
  mysql: Mysql<typeof schema>;
}> {
  const database = await createTestDatabase('ledger');
  const mysql = connectMysql({ url: database.url }, schema);
  await migrateDatabase(mysql, migrationsFolder);
  return { database, mysql };
}

export interface FakePool {
  poolId: string;
  currency: string;
  managerId: string;
}

export const newPool = (currency = 'USD'): FakePool => ({
  poolId: uuidv7(),
  currency,
  managerId: uuidv7(),
});

let counter = 0;
/** Contributions spread over the given pools and investors, with distinct keys. */
export function contributions(
  pools: FakePool[],
  investors: string[],
  count: number,
  amountMinor = (n: number) => BigInt(100 + n),
): BulkContribution[] {
  const run = ++counter;
  return Array.from({ length: count }, (_, n) => ({
    idempotencyKey: `import-${run}-${n}`,
    ...pools[n % pools.length]!,
    investorId: investors[n % investors.length]!,
    amountMinor: amountMinor(n),
    occurredAt: new Date(Date.UTC(2024, 0, 1 + (n % 300))),
  }));
}

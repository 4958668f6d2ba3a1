import type { MySql2Database } from 'drizzle-orm/mysql2';
import * as schema from './schema.ts';

export { schema };
export type LedgerDb = MySql2Database<typeof schema>;
export const migrationsFolder = new URL('./migrations', import.meta.url).pathname;
export type LedgerTx = Parameters<Parameters<LedgerDb['transaction']>[0]>[0];
/** Either the pool or an open transaction: data functions work in both. */
export type LedgerQueryable = LedgerDb | LedgerTx;

import type { MysqlPool } from '@poolgraph/platform';

const COUNTERS = ['Questions', 'Com_commit', 'Com_select', 'Com_insert', 'Com_update'] as const;

async function readCounters(pool: MysqlPool): Promise<Record<string, number>> {
  const [rows] = await pool.query(
    `SHOW GLOBAL STATUS WHERE Variable_name IN (${COUNTERS.map((c) => `'${c}'`).join(', ')})`,
  );
  return Object.fromEntries(
    (rows as Array<{ Variable_name: string; Value: string }>).map((r) => [
      r.Variable_name,
      Number(r.Value),
    ]),
  );
}

/**
 * Statements the whole MariaDB server ran over a stretch of work (its global status counters):
 * every service's, the consumers' included, and anyone else's on that server, so give a bench a
 * server of its own when the figure matters.
 */
export async function statementMeter(pool: MysqlPool) {
  const start = await readCounters(pool);
  return {
    /** "9.4 statements (1.2 commits, 3.1 selects, …) per item" over `count` items. */
    async perItem(count: number): Promise<string> {
      const end = await readCounters(pool);
      const per = (name: string) => (((end[name] ?? 0) - (start[name] ?? 0)) / count).toFixed(1);
      return (
        `${per('Questions')} statements per contribution, all services ` +
        `(${per('Com_commit')} commits, ${per('Com_select')} selects, ` +
        `${per('Com_insert')} inserts, ${per('Com_update')} updates)`
      );
    },
  };
}

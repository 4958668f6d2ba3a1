import { eq, inArray } from 'drizzle-orm';
import type { AlertsQueryable } from '../db/index.ts';
import { alertRules, type AlertKind } from '../db/schema.ts';

export interface RuleRow {
  id: string;
  poolId: string;
  kind: AlertKind;
  thresholdMinor: bigint | null;
  spikeFactor: number | null;
  windowSeconds: number | null;
  baselineSeconds: number | null;
  minCount: number | null;
  enabled: boolean;
}

const columns = {
  id: alertRules.id,
  poolId: alertRules.poolId,
  kind: alertRules.kind,
  thresholdMinor: alertRules.thresholdMinor,
  spikeFactor: alertRules.spikeFactor,
  windowSeconds: alertRules.windowSeconds,
  baselineSeconds: alertRules.baselineSeconds,
  minCount: alertRules.minCount,
  enabled: alertRules.enabled,
};

/** selectRulesByPool: the rules a pool's manager has set (0 to 2 rows). */
export async function selectRulesByPool(db: AlertsQueryable, poolId: string): Promise<RuleRow[]> {
  return db.select(columns).from(alertRules).where(eq(alertRules.poolId, poolId));
}

/** selectRulesByPools: the stored rules of several pools (a consumer's batch). */
export async function selectRulesByPools(
  db: AlertsQueryable,
  poolIds: readonly string[],
): Promise<RuleRow[]> {
  if (poolIds.length === 0) return [];
  return db
    .select(columns)
    .from(alertRules)
    .where(inArray(alertRules.poolId, [...poolIds]));
}

/**
 * upsertRule: one row per pool and kind (unique key), so 50 concurrent identical requests leave
 * exactly one row; the last writer's values win.
 */
export async function upsertRule(
  db: AlertsQueryable,
  rule: RuleRow,
  updatedBy: string,
): Promise<void> {
  const { id: _id, poolId: _poolId, kind: _kind, ...values } = rule;
  await db
    .insert(alertRules)
    .values({ ...rule, updatedBy })
    .onDuplicateKeyUpdate({ set: { ...values, updatedBy, updatedAt: new Date() } });
}

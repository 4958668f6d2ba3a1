import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { openValue, sealValue, type Keyring } from '@poolgraph/platform';
import type { AlertsQueryable, AlertsTx } from '../db/index.ts';
import { partnerKeys, partnerWebhooks, poolFacts, type PartnerEventType } from '../db/schema.ts';
import type { PartnerKeyRow } from './partnerKeys.ts';
import { SEALED } from './sealedColumns.ts';

export interface PartnerWebhookRow {
  id: string;
  keyId: string;
  url: string;
  eventTypes: PartnerEventType[];
  createdBy: string;
  createdAt: Date;
}

/** What delivery needs: the row and its secret, opened (null with the reason when it does not). */
export interface PartnerWebhookWithSecret extends PartnerWebhookRow {
  secret: string | null;
  secretProblem?: string;
}

const columns = {
  id: partnerWebhooks.id,
  keyId: partnerWebhooks.keyId,
  url: partnerWebhooks.url,
  eventTypes: partnerWebhooks.eventTypes,
  createdBy: partnerWebhooks.createdBy,
  createdAt: partnerWebhooks.createdAt,
};
type Stored = { eventTypes: string } & Omit<PartnerWebhookRow, 'eventTypes'>;
const toRow = <T extends Stored>(row: T): Omit<T, 'eventTypes'> & PartnerWebhookRow => ({
  ...row,
  eventTypes: row.eventTypes.split(',') as PartnerEventType[],
});

/** selectWebhooksByKeys: the keys' webhooks, oldest first. */
export async function selectWebhooksByKeys(
  db: AlertsQueryable,
  keyIds: readonly string[],
): Promise<PartnerWebhookRow[]> {
  if (keyIds.length === 0) return [];
  const rows = await db
    .select(columns)
    .from(partnerWebhooks)
    .where(inArray(partnerWebhooks.keyId, [...keyIds]))
    .orderBy(asc(partnerWebhooks.createdAt), asc(partnerWebhooks.id));
  return rows.map(toRow);
}

export async function selectWebhookById(
  db: AlertsQueryable,
  id: string,
): Promise<PartnerWebhookRow | undefined> {
  const [row] = await db.select(columns).from(partnerWebhooks).where(eq(partnerWebhooks.id, id));
  return row && toRow(row);
}

/** countWebhooksOfKey: call with the key's row locked (lockPartnerKey), so the count holds. */
export async function countWebhooksOfKey(tx: AlertsTx, keyId: string): Promise<number> {
  const rows = await tx
    .select({ id: partnerWebhooks.id })
    .from(partnerWebhooks)
    .where(eq(partnerWebhooks.keyId, keyId));
  return rows.length;
}

/** insertWebhook: the secret is sealed for this webhook's id before it is written. */
export async function insertWebhook(
  db: AlertsQueryable,
  ring: Keyring,
  row: Omit<PartnerWebhookRow, 'createdAt'> & { secret: string },
): Promise<void> {
  const secret = await sealValue(ring, SEALED.partnerWebhookSecret, row.id, row.secret);
  await db.insert(partnerWebhooks).values({ ...row, secret, eventTypes: row.eventTypes.join(',') });
}

/** selectWebhooksWithSecret: for the dispatcher; one secret that does not open fails its own. */
export async function selectWebhooksWithSecret(
  db: AlertsQueryable,
  ring: Keyring,
  ids: readonly string[],
): Promise<PartnerWebhookWithSecret[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ ...columns, secret: partnerWebhooks.secret })
    .from(partnerWebhooks)
    .where(inArray(partnerWebhooks.id, [...ids]));
  return Promise.all(
    rows.map(async (row) => {
      const webhook = toRow(row);
      try {
        const secret = await openValue(ring, SEALED.partnerWebhookSecret, row.id, row.secret);
        return { ...webhook, secret };
      } catch (error) {
        return { ...webhook, secret: null, secretProblem: (error as Error).message };
      }
    }),
  );
}

export async function deleteWebhook(db: AlertsQueryable, id: string): Promise<boolean> {
  const [result] = await db.delete(partnerWebhooks).where(eq(partnerWebhooks.id, id));
  return result.affectedRows === 1;
}

/** A webhook that may receive an event of a pool: the pool, the webhook and its key. */
export interface WebhookTarget {
  pool: { poolId: string; name: string; managerId: string };
  webhook: Pick<PartnerWebhookRow, 'id' | 'eventTypes'>;
  key: Omit<PartnerKeyRow, 'updatedAt'>;
}

/**
 * selectWebhookTargets: for the fan-out, the webhooks of the unrevoked keys of these pools'
 * managers, in one indexed query (nothing at all when no such key has a webhook). The caller
 * applies the rest of the rule (whyKeyMisses) and the webhook's event types.
 */
export async function selectWebhookTargets(
  db: AlertsQueryable,
  poolIds: readonly string[],
): Promise<WebhookTarget[]> {
  if (poolIds.length === 0) return [];
  const rows = await db
    .select({
      poolId: poolFacts.poolId,
      name: poolFacts.name,
      managerId: poolFacts.managerId,
      webhookId: partnerWebhooks.id,
      eventTypes: partnerWebhooks.eventTypes,
      keyId: partnerKeys.keyId,
      kind: partnerKeys.kind,
      keyManagerId: partnerKeys.managerId,
      poolIds: partnerKeys.poolIds,
      scopes: partnerKeys.scopes,
      expiresAt: partnerKeys.expiresAt,
      revokedAt: partnerKeys.revokedAt,
    })
    .from(poolFacts)
    .innerJoin(
      partnerKeys,
      and(eq(partnerKeys.managerId, poolFacts.managerId), isNull(partnerKeys.revokedAt)),
    )
    .innerJoin(partnerWebhooks, eq(partnerWebhooks.keyId, partnerKeys.keyId))
    .where(inArray(poolFacts.poolId, [...poolIds]));
  return rows.map((r) => ({
    pool: { poolId: r.poolId, name: r.name, managerId: r.managerId },
    webhook: { id: r.webhookId, eventTypes: r.eventTypes.split(',') as PartnerEventType[] },
    key: {
      keyId: r.keyId,
      kind: r.kind,
      managerId: r.keyManagerId,
      poolIds: r.poolIds,
      scopes: r.scopes,
      expiresAt: r.expiresAt,
      revokedAt: r.revokedAt,
    },
  }));
}

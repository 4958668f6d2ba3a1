import { eq, inArray, sql } from 'drizzle-orm';
import type { ApiKeyChangedPayload } from '@poolgraph/events';
import type { AlertsQueryable, AlertsTx } from '../db/index.ts';
import { partnerKeys } from '../db/schema.ts';

export type PartnerKeyRow = typeof partnerKeys.$inferSelect;

const columns = {
  keyId: partnerKeys.keyId,
  kind: partnerKeys.kind,
  managerId: partnerKeys.managerId,
  poolIds: partnerKeys.poolIds,
  scopes: partnerKeys.scopes,
  expiresAt: partnerKeys.expiresAt,
  revokedAt: partnerKeys.revokedAt,
  updatedAt: partnerKeys.updatedAt,
};

/**
 * upsertPartnerKeys: users' ApiKeyChanged snapshots. What a key reads never changes after it is
 * issued; its revocation is kept from the first snapshot that carries it (COALESCE), so a
 * redelivered or late "issued" snapshot cannot bring a revoked key back.
 */
export async function upsertPartnerKeys(
  db: AlertsQueryable,
  keys: readonly ApiKeyChangedPayload[],
): Promise<void> {
  if (keys.length === 0) return;
  await db
    .insert(partnerKeys)
    .values(
      keys.map((k) => ({
        keyId: k.keyId,
        kind: k.kind,
        managerId: k.managerId,
        poolIds: k.poolIds,
        scopes: k.scopes,
        expiresAt: k.expiresAt === null ? null : new Date(k.expiresAt),
        revokedAt: k.revokedAt === null ? null : new Date(k.revokedAt),
      })),
    )
    .onDuplicateKeyUpdate({
      set: {
        revokedAt: sql`COALESCE(${partnerKeys.revokedAt}, VALUES(${partnerKeys.revokedAt}))`,
        updatedAt: sql`CURRENT_TIMESTAMP(3)`,
      },
    });
}

export async function selectPartnerKeysByIds(
  db: AlertsQueryable,
  ids: readonly string[],
): Promise<PartnerKeyRow[]> {
  if (ids.length === 0) return [];
  return db
    .select(columns)
    .from(partnerKeys)
    .where(inArray(partnerKeys.keyId, [...ids]));
}

/**
 * lockPartnerKey: the key's row, locked until the transaction ends: two registrations for one
 * key at once count its webhooks one after the other (the cap holds).
 */
export async function lockPartnerKey(
  tx: AlertsTx,
  keyId: string,
): Promise<PartnerKeyRow | undefined> {
  const [row] = await tx
    .select(columns)
    .from(partnerKeys)
    .where(eq(partnerKeys.keyId, keyId))
    .for('update');
  return row;
}

import { and, asc, eq, inArray } from 'drizzle-orm';
import { openValue, sealValue, type Keyring } from '@poolgraph/platform';
import type { AlertsQueryable, AlertsTx } from '../db/index.ts';
import { notificationChannels, type ChannelKind } from '../db/schema.ts';
import { SEALED } from './sealedColumns.ts';

export interface ChannelRow {
  id: string;
  managerId: string;
  kind: ChannelKind;
  url: string | null;
  email: string | null;
  enabled: boolean;
  createdAt: Date;
}

/** What delivery needs: the row and its secret, opened (never returned through GraphQL). */
export interface ChannelWithSecret extends ChannelRow {
  secret: string | null;
  /** Why the stored secret did not open (its KEK is not configured or lost); secret is null. */
  secretProblem?: string;
}

export interface ChannelCreated {
  channel: ChannelRow;
  secret: string | null;
}

const columns = {
  id: notificationChannels.id,
  managerId: notificationChannels.managerId,
  kind: notificationChannels.kind,
  url: notificationChannels.url,
  email: notificationChannels.email,
  enabled: notificationChannels.enabled,
  createdAt: notificationChannels.createdAt,
};

/** selectChannelsByManager: a manager's channels, oldest first. */
export async function selectChannelsByManager(
  db: AlertsQueryable,
  managerId: string,
): Promise<ChannelRow[]> {
  return db
    .select(columns)
    .from(notificationChannels)
    .where(eq(notificationChannels.managerId, managerId))
    .orderBy(asc(notificationChannels.createdAt), asc(notificationChannels.id));
}

/** selectEnabledChannelsOf: where new alerts of these managers' pools must be sent. */
export async function selectEnabledChannelsOf(
  db: AlertsQueryable,
  managerIds: readonly string[],
): Promise<Array<{ id: string; managerId: string; kind: ChannelKind }>> {
  if (managerIds.length === 0) return [];
  return db
    .select({
      id: notificationChannels.id,
      managerId: notificationChannels.managerId,
      kind: notificationChannels.kind,
    })
    .from(notificationChannels)
    .where(
      and(
        inArray(notificationChannels.managerId, [...managerIds]),
        eq(notificationChannels.enabled, true),
      ),
    );
}

/** selectChannelsWithSecret: for the dispatcher, each secret opened with the keyring. */
export async function selectChannelsWithSecret(
  db: AlertsQueryable,
  ring: Keyring,
  ids: readonly string[],
): Promise<ChannelWithSecret[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ ...columns, secret: notificationChannels.secret })
    .from(notificationChannels)
    .where(inArray(notificationChannels.id, [...ids]));
  // One channel whose secret does not open fails its own deliveries, not the whole batch.
  return Promise.all(
    rows.map(async (row) => {
      if (row.secret === null) return row;
      try {
        return { ...row, secret: await openValue(ring, SEALED.webhookSecret, row.id, row.secret) };
      } catch (error) {
        return { ...row, secret: null, secretProblem: (error as Error).message };
      }
    }),
  );
}

/**
 * countChannelsLocked: the manager's channels, their rows and the gap after them locked until the
 * transaction ends, so two additions at once cannot both pass the cap (one waits, or deadlocks
 * and is retried).
 */
export async function countChannelsLocked(tx: AlertsTx, managerId: string): Promise<number> {
  const rows = await tx
    .select({ id: notificationChannels.id })
    .from(notificationChannels)
    .where(eq(notificationChannels.managerId, managerId))
    .for('update');
  return rows.length;
}

/** insertChannel: the secret (WEBHOOK) is sealed for this channel's id before it is written. */
export async function insertChannel(
  db: AlertsQueryable,
  ring: Keyring,
  channel: Omit<ChannelWithSecret, 'createdAt' | 'enabled'>,
): Promise<void> {
  const secret =
    channel.secret === null
      ? null
      : await sealValue(ring, SEALED.webhookSecret, channel.id, channel.secret);
  await db.insert(notificationChannels).values({ ...channel, secret });
}

/** deleteChannel: only the owner's; false when it is not theirs (or gone). */
export async function deleteChannel(
  db: AlertsQueryable,
  id: string,
  managerId: string,
): Promise<boolean> {
  const [result] = await db
    .delete(notificationChannels)
    .where(and(eq(notificationChannels.id, id), eq(notificationChannels.managerId, managerId)));
  return result.affectedRows === 1;
}

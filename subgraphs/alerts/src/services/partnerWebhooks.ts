import { randomBytes } from 'node:crypto';
import { hasRole, requireRole } from '@poolgraph/auth';
import {
  badUserInput,
  conflict,
  isUuid,
  notFound,
  retryTransaction,
  uuidv7,
} from '@poolgraph/platform';
import type { Context } from '../context.ts';
import { PARTNER_EVENT_TYPES, type PartnerEventType } from '../db/schema.ts';
import {
  killPartnerDeliveries,
  requeuePartnerDeliveries,
  selectPartnerDeliveries,
  selectPartnerDeliveryById,
  type PartnerDeliveryRow,
} from '../data/partnerDeliveries.ts';
import { lockPartnerKey, selectPartnerKeysByIds, type PartnerKeyRow } from '../data/partnerKeys.ts';
import {
  countWebhooksOfKey,
  deleteWebhook,
  insertWebhook,
  selectWebhookById,
  selectWebhooksByKeys,
  type PartnerWebhookRow,
} from '../data/partnerWebhooks.ts';
import { checkWebhookUrl } from '../notify/ssrf.ts';
import { SCOPE_OF_EVENT } from './partnerEventRules.ts';

/** Endpoints one key may have: a few per partner system, bounded so a script cannot fan out. */
export const MAX_WEBHOOKS_PER_KEY = 5;

export interface WebhookWithSecret {
  webhook: PartnerWebhookRow;
  secret: string;
}

/**
 * The key, when the caller owns it: an ADMIN any key, a MANAGER the delegated keys they issued.
 * Another's key is NOT_FOUND, as an unknown one (a manager learns nothing of others' keys);
 * investors and API keys are FORBIDDEN. A key alerts has not heard of yet (users announces each
 * key as it is issued, within moments) is NOT_FOUND too.
 */
async function ownedKey({ viewer, db }: Context, keyId: string): Promise<PartnerKeyRow | null> {
  const caller = requireRole(viewer, 'ADMIN', 'MANAGER');
  const [key] = isUuid(keyId) ? await selectPartnerKeysByIds(db, [keyId]) : [];
  return key && (hasRole(caller, 'ADMIN') || key.managerId === caller.userId) ? key : null;
}

async function requireOwnedKey(context: Context, keyId: string): Promise<PartnerKeyRow> {
  const key = await ownedKey(context, keyId);
  if (!key) throw notFound(`API key ${keyId.slice(0, 64)}`);
  return key;
}

/** The webhook, when the caller owns its key; anyone else's is NOT_FOUND, as an unknown one. */
export async function requireOwnedWebhook(context: Context, id: string) {
  requireRole(context.viewer, 'ADMIN', 'MANAGER');
  const webhook = isUuid(id) ? await selectWebhookById(context.db, id) : undefined;
  const key = webhook && (await ownedKey(context, webhook.keyId));
  if (!webhook || !key) throw notFound('The webhook');
  return { webhook, key };
}

function requireWorkingKey(key: PartnerKeyRow, field: string): void {
  if (key.revokedAt) throw badUserInput(field, 'the API key was revoked.');
  if (key.expiresAt && key.expiresAt.getTime() <= Date.now()) {
    throw badUserInput(field, 'the API key expired.');
  }
}

function validateEventTypes(key: PartnerKeyRow, types: readonly string[]): PartnerEventType[] {
  const field = 'input.eventTypes';
  if (types.length === 0)
    throw badUserInput(field, `name at least one of ${PARTNER_EVENT_TYPES.join(', ')}.`);
  if (new Set(types).size !== types.length) throw badUserInput(field, 'list each type once.');
  for (const type of types as PartnerEventType[]) {
    if (!key.scopes.includes(SCOPE_OF_EVENT[type])) {
      throw badUserInput(field, `${type} needs the key to hold ${SCOPE_OF_EVENT[type]}.`);
    }
  }
  return types as PartnerEventType[];
}

export async function addPartnerWebhook(
  context: Context,
  input: { apiKeyId: string; url: string; eventTypes: readonly string[] },
): Promise<WebhookWithSecret> {
  const caller = requireRole(context.viewer, 'ADMIN', 'MANAGER');
  const key = await requireOwnedKey(context, input.apiKeyId);
  requireWorkingKey(key, 'input.apiKeyId');
  if (key.kind !== 'DELEGATED') {
    throw badUserInput(
      'input.apiKeyId',
      'a platform key reads no pool’s transactions or alerts, so it has no events to receive; use a manager’s delegated key.',
    );
  }
  const eventTypes = validateEventTypes(key, input.eventTypes);
  const url = (await checkWebhookUrl(input.url, context.production)).toString();
  const row = { id: uuidv7(), keyId: key.keyId, url, eventTypes, createdBy: caller.userId };
  const secret = randomBytes(32).toString('hex');
  await retryTransaction(
    () =>
      context.db.transaction(async (tx) => {
        // The key's row is locked while its webhooks are counted: the cap holds under concurrency.
        await lockPartnerKey(tx, key.keyId);
        if ((await countWebhooksOfKey(tx, key.keyId)) >= MAX_WEBHOOKS_PER_KEY) {
          throw conflict(
            `An API key has at most ${MAX_WEBHOOKS_PER_KEY} webhooks; remove one it no longer needs first.`,
          );
        }
        await insertWebhook(tx, context.secrets, { ...row, secret });
      }),
    { attempts: 20 },
  );
  return { webhook: (await selectWebhookById(context.db, row.id))!, secret };
}

export async function removePartnerWebhook(context: Context, id: string): Promise<boolean> {
  const { webhook } = await requireOwnedWebhook(context, id);
  if (!(await deleteWebhook(context.db, webhook.id))) throw notFound('The webhook');
  await killPartnerDeliveries(context.db, webhook.id, 'the webhook was removed');
  return true;
}

export async function listPartnerWebhooks(context: Context, apiKeyId: string) {
  const key = await requireOwnedKey(context, apiKeyId);
  return selectWebhooksByKeys(context.db, [key.keyId]);
}

export async function listPartnerDeliveries(
  context: Context,
  args: {
    webhookId: string;
    status?: PartnerDeliveryRow['status'] | null;
    first?: number | null;
    after?: string | null;
  },
): Promise<PartnerDeliveryRow[]> {
  const { webhook } = await requireOwnedWebhook(context, args.webhookId);
  const first = args.first ?? 50;
  if (!Number.isInteger(first) || first < 1 || first > 200) {
    throw badUserInput('first', 'must be 1 to 200.');
  }
  let after: PartnerDeliveryRow | undefined;
  if (args.after != null) {
    after = isUuid(args.after)
      ? await selectPartnerDeliveryById(context.db, args.after)
      : undefined;
    if (!after || after.webhookId !== webhook.id) {
      throw badUserInput('after', 'is not a delivery of this webhook.');
    }
  }
  return selectPartnerDeliveries(context.db, {
    webhookId: webhook.id,
    status: args.status ?? undefined,
    after: after && { createdAt: after.createdAt, id: after.id },
    limit: first,
  });
}

export async function redeliverPartnerWebhook(
  context: Context,
  args: { webhookId: string; deliveryId?: string | null; since?: Date | null },
): Promise<number> {
  const { webhook, key } = await requireOwnedWebhook(context, args.webhookId);
  if ((args.deliveryId == null) === (args.since == null)) {
    throw badUserInput('deliveryId', 'give exactly one of deliveryId and since.');
  }
  requireWorkingKey(key, 'webhookId');
  let which: { id: string } | { since: Date };
  if (args.deliveryId != null) {
    const delivery = isUuid(args.deliveryId)
      ? await selectPartnerDeliveryById(context.db, args.deliveryId)
      : undefined;
    if (!delivery || delivery.webhookId !== webhook.id) throw notFound('The delivery');
    which = { id: delivery.id };
  } else {
    which = { since: args.since! };
  }
  const queued = await requeuePartnerDeliveries(context.db, webhook.id, which, new Date());
  if (queued > 0) context.kickDispatcher();
  return queued;
}

/** A delivery's attempts (through the loader that serves alert notifications' logs). */
export const partnerAttempts = (context: Context, delivery: PartnerDeliveryRow) =>
  context.loaders.attemptsByNotificationId.load(delivery.id);

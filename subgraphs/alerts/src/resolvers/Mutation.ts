import { requireViewer } from '@poolgraph/auth';
import { badUserInput, forbidden, isUuid, notFound, uuidv7 } from '@poolgraph/platform';
import type { MutationResolvers } from '../__generated__/resolvers.ts';
import { canSeeAlert, requireManagedPool } from '../access.ts';
import { acknowledgeOpenAlert, resolveUnresolvedAlert, type AlertRow } from '../data/alerts.ts';
import { selectRulesByPool, upsertRule } from '../data/rules.ts';
import type { Context } from '../context.ts';
import { applyRuleInput, effectiveRules } from '../services/rules.ts';
import { NoticeMutations } from './NoticeOperations.ts';
import { NotificationMutations } from './NotificationMutations.ts';
import { PartnerWebhookMutations } from './PartnerWebhookOperations.ts';

const wrongStatus = (status: string | undefined, allowed: string) =>
  badUserInput(
    'id',
    `the alert is ${status ?? 'gone'}; only ${allowed} alerts can be changed this way.`,
  );

/** The alert, when the caller may change it; checked before its status, so outsiders learn nothing. */
async function loadOwnAlert(id: string, { viewer, loaders }: Context): Promise<AlertRow> {
  const caller = requireViewer(viewer);
  const alert = isUuid(id) ? await loaders.alertById.load(id) : null;
  if (!alert) throw notFound('Alert');
  if (!canSeeAlert(caller, alert)) {
    throw forbidden("Only the pool's manager or an admin can change its alerts.");
  }
  return alert;
}

async function reload(id: string, { loaders }: Context): Promise<AlertRow | null> {
  loaders.alertById.clear(id);
  return loaders.alertById.load(id);
}

export const Mutation: MutationResolvers = {
  acknowledgeAlert: async (_parent, { id }, context) => {
    const alert = await loadOwnAlert(id, context);
    if (alert.status !== 'OPEN') throw wrongStatus(alert.status, 'OPEN');
    const done = await acknowledgeOpenAlert(context.db, id, context.viewer!.userId, new Date());
    const current = await reload(id, context);
    // Someone else acknowledged (or resolved) it between our read and our update.
    if (!done || !current) throw wrongStatus(current?.status, 'OPEN');
    return current;
  },

  resolveAlert: async (_parent, { id }, context) => {
    const alert = await loadOwnAlert(id, context);
    if (alert.status === 'RESOLVED') throw wrongStatus(alert.status, 'OPEN or ACKNOWLEDGED');
    const done = await resolveUnresolvedAlert(context.db, id, context.viewer!.userId, new Date());
    const current = await reload(id, context);
    if (!done || !current) throw wrongStatus(current?.status, 'OPEN or ACKNOWLEDGED');
    return current;
  },

  setAlertRule: async (_parent, { input }, context) => {
    const pool = await requireManagedPool(context, input.poolId);
    const rules = effectiveRules(pool, await selectRulesByPool(context.db, pool.poolId));
    const current = rules.find((r) => r.kind === input.kind)!;
    const next = applyRuleInput(current, input);
    await upsertRule(context.db, { id: uuidv7(), ...next }, context.viewer!.userId);
    const stored = effectiveRules(pool, await selectRulesByPool(context.db, pool.poolId));
    return stored.find((r) => r.kind === input.kind)!;
  },

  ...NotificationMutations,
  ...NoticeMutations,
  ...PartnerWebhookMutations,
};

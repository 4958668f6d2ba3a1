import { requireViewer } from '@poolgraph/auth';
import { badUserInput, forbidden, isUuid, notFound } from '@poolgraph/platform';
import type { MutationResolvers } from '../__generated__/resolvers.ts';
import { canSeeAlert } from '../access.ts';
import { acknowledgeOpenAlert, type AlertStatus } from '../data/alerts.ts';

const notOpen = (status: AlertStatus | undefined) =>
  badUserInput('id', `the alert is ${status ?? 'gone'}; only OPEN alerts can be acknowledged.`);

export const Mutation: MutationResolvers = {
  acknowledgeAlert: async (_parent, { id }, { viewer, db, loaders }) => {
    const caller = requireViewer(viewer);
    const alert = isUuid(id) ? await loaders.alertById.load(id) : null;
    if (!alert) throw notFound('Alert');
    // Checked before the status, so a caller who may not see the alert learns nothing of its state.
    if (!canSeeAlert(caller, alert)) {
      throw forbidden("Only the pool's manager or an admin can acknowledge its alerts.");
    }
    if (alert.status !== 'OPEN') throw notOpen(alert.status);
    const acknowledged = await acknowledgeOpenAlert(db, id, caller.userId, new Date());
    loaders.alertById.clear(id);
    const current = await loaders.alertById.load(id);
    // Someone else acknowledged (or resolved) it between our read and our update.
    if (!acknowledged || !current) throw notOpen(current?.status);
    return current;
  },
};

import { isUuid } from '@poolgraph/platform';
import type { AlertResolvers } from '../__generated__/resolvers.ts';
import { canSeeAlert } from '../access.ts';

/**
 * A reference to an alert the caller may not see resolves to null, exactly like an unknown
 * id: other subgraphs holding an alert id learn nothing about it through the gateway.
 */
export const Alert: AlertResolvers = {
  __resolveReference: async (reference, { viewer, loaders }) => {
    if (!viewer || !isUuid(reference.id)) return null;
    const alert = await loaders.alertById.load(reference.id);
    return alert && canSeeAlert(viewer, alert) ? alert : null;
  },
  pool: (alert) => ({ id: alert.poolId }),
  transaction: (alert) => (alert.transactionId ? { id: alert.transactionId } : null),
};

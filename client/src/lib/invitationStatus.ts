import type { InvitationStatus } from '../__generated__/graphql.ts';

/** One look for an invitation's status, wherever it is shown (manager and investor). */
export const INVITATION_STATUS_COLOR: Record<InvitationStatus, string> = {
  PENDING: 'blue',
  ACCEPTED: 'green',
  DECLINED: 'gray',
  REVOKED: 'red',
  EXPIRED: 'gray',
  USED_UP: 'gray',
};

const LABELS: Record<InvitationStatus, string> = {
  PENDING: 'Pending',
  ACCEPTED: 'Accepted',
  DECLINED: 'Declined',
  REVOKED: 'Revoked',
  EXPIRED: 'Expired',
  USED_UP: 'Used up',
};

export const invitationStatusLabel = (status: InvitationStatus): string => LABELS[status];

import { hasRole, type Viewer } from '@poolgraph/auth';
import type { AlertRow } from './data/alerts.ts';

/** An alert is its pool's manager's business (as recorded when it was raised) and admins'. */
export const canSeeAlert = (viewer: Viewer | null, alert: AlertRow): boolean =>
  !!viewer && (hasRole(viewer, 'ADMIN') || viewer.userId === alert.managerId);

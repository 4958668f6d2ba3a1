import { forbidden, unauthenticated } from '@poolgraph/platform';
import type { Delegation } from './delegation.ts';
import type { Scope } from './scopes.ts';

export const ROLES = ['ADMIN', 'MANAGER', 'INVESTOR', 'PARTNER'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as proven by a verified token. `null` means anonymous. */
export interface Viewer {
  userId: string;
  roles: Role[];
  /** The session (login) the token belongs to: the `sid` claim; revoking it ends the token. */
  sessionId: string;
  /**
   * A partner API key's scopes (the token's `scope` claim); empty for everyone else, whose
   * rights come from their roles. See `hasScope`.
   */
  scopes: Scope[];
  /**
   * A delegated partner key's limit: one manager's pools (the token's `dlg` claim). Absent for
   * platform keys and people. Every subgraph's read rules apply it (`delegationCovers`).
   */
  delegation?: Delegation;
  /**
   * Whether this account's sensitive operations (payouts, API keys, payout details) need a
   * recent second factor: the token's `mfa_req` claim (it has TOTP on, is an ADMIN where admins
   * must have it, or asked for it). Absent: no.
   */
  secondFactorRequired?: boolean;
  /** When the session last proved a second factor (ms since the epoch): the `mfa_at` claim. */
  secondFactorAt?: number;
}

export function hasRole(viewer: Viewer | null, ...roles: Role[]): boolean {
  return !!viewer && viewer.roles.some((role) => roles.includes(role));
}

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

/** Authenticated and holding one of the roles; ADMIN is not implied, name it when it applies. */
export function requireRole(viewer: Viewer | null, ...roles: Role[]): Viewer {
  const known = requireViewer(viewer);
  if (!hasRole(known, ...roles)) throw forbidden(`This requires the role ${roles.join(' or ')}.`);
  return known;
}

import type { AlertRow } from '../data/alerts.ts';

/**
 * Raised alerts fan out on one Redis channel per deployment; each subscription filters by pool
 * and by who may see the alert (the manager recorded on it, or an admin), per event.
 */
export const alertsRaisedChannel = (prefix: string): string => `${prefix}alerts.raised`;

const DATE_FIELDS = ['raisedAt', 'acknowledgedAt', 'resolvedAt'] as const;

/** The pub/sub message (JSON: dates travel as ISO strings) back into a row. */
export function alertFromMessage(message: unknown): AlertRow {
  const raw = (typeof message === 'string' ? JSON.parse(message) : message) as Record<
    string,
    unknown
  >;
  const row = { ...raw } as Record<string, unknown>;
  for (const field of DATE_FIELDS) {
    const value = raw[field];
    row[field] = typeof value === 'string' ? new Date(value) : (value ?? null);
  }
  return row as unknown as AlertRow;
}

import type { AlertRow } from '../data/alerts.ts';

/**
 * Raised alerts go to one Redis stream per deployment (the relay publishes the outbox's
 * AlertRaised events there); every alerts replica tails it for `alertRaised`, and each
 * subscription filters by pool and by who may see the alert (its recorded manager, or an admin).
 */
export const alertsRaisedStream = (prefix: string): string => `${prefix}alerts.raised`;

/** The outbox event type, and its envelope as the stream carries it. */
export const ALERT_RAISED = 'AlertRaised';
export interface AlertRaisedEvent {
  id: string;
  type: string;
  occurredAt: string;
  /** The alert row as JSON (dates as ISO strings). */
  payload: Record<string, unknown>;
}

const DATE_FIELDS = ['raisedAt', 'acknowledgedAt', 'resolvedAt'] as const;

/** The event's payload (JSON: dates travel as ISO strings) back into a row. */
export function alertFromEvent(event: AlertRaisedEvent): AlertRow {
  const raw = event.payload;
  const row = { ...raw } as Record<string, unknown>;
  for (const field of DATE_FIELDS) {
    const value = raw[field];
    row[field] = typeof value === 'string' ? new Date(value) : (value ?? null);
  }
  return row as unknown as AlertRow;
}

/** The stream tail's key: every alert shares one (see README "Live alerts" for why). */
export const ALL_ALERTS = 'all';

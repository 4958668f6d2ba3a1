import type { LedgerEventHandler } from '@poolgraph/events';
import type { Logger } from '@poolgraph/platform';
import type { AlertsTx } from '../db/index.ts';
import type { AlertRow } from '../data/alerts.ts';
import { detectAlerts, type DetectionDeps } from '../detection/detectAlerts.ts';

export interface DetectionHandlerDeps extends DetectionDeps {
  log: Logger;
  /** After commit: the alerts the events raised (live delivery, dispatcher wake-up). */
  onRaised: (alerts: AlertRow[]) => void;
}

/**
 * Alerts' detection on `ledger.events` (group "alerts"): each read's new posted transactions
 * evaluated and what they raise committed with their processed_events rows; after the commit
 * the raised alerts go live (onRaised).
 */
export const detectionHandler = (
  deps: DetectionHandlerDeps,
): LedgerEventHandler<AlertsTx, AlertRow[]> => ({
  group: 'alerts',
  apply: (tx, events) => detectAlerts(tx, deps, events),
  committed: (raised) => {
    if (raised.length === 0) return;
    deps.log.info({ alerts: raised.map((a) => a.id) }, 'alerts raised');
    deps.onRaised(raised);
  },
});

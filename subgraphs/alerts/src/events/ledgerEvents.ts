import type { LedgerEvent, LedgerEventHandler, TransactionStepEvent } from '@poolgraph/events';
import type { Logger } from '@poolgraph/platform';
import type { AlertsTx } from '../db/index.ts';
import type { AlertRow } from '../data/alerts.ts';
import type { NoticeRow } from '../data/notices.ts';
import { detectAlerts, type DetectionDeps } from '../detection/detectAlerts.ts';
import { noticeTransactionSteps } from './noticeEvents.ts';

export interface DetectionHandlerDeps extends DetectionDeps {
  log: Logger;
  /** After commit: the alerts the events raised (live delivery, dispatcher wake-up). */
  onRaised: (alerts: AlertRow[]) => void;
  /** After commit: the investors' notices the events gave (live delivery). */
  onNoticed: (notices: NoticeRow[]) => void;
}

const isPosted = (event: TransactionStepEvent): event is LedgerEvent =>
  event.type === 'TransactionPosted';

/**
 * Alerts on `ledger.events` (group "alerts"), each read in one transaction with its
 * processed_events rows: investors' notices from every step of a transaction (pending, posted,
 * voided), then detection on the posted ones. After the commit the raised alerts and the
 * notices go live.
 */
export const detectionHandler = (
  deps: DetectionHandlerDeps,
): LedgerEventHandler<
  AlertsTx,
  { raised: AlertRow[]; noticed: NoticeRow[] },
  TransactionStepEvent
> => ({
  group: 'alerts',
  steps: ['TransactionPending', 'TransactionPosted', 'TransactionVoided'],
  apply: async (tx, events) => ({
    noticed: await noticeTransactionSteps(tx, events),
    raised: await detectAlerts(tx, deps, events.filter(isPosted)),
  }),
  committed: ({ raised, noticed }) => {
    if (noticed.length) deps.onNoticed(noticed);
    if (raised.length === 0) return;
    deps.log.info({ alerts: raised.map((a) => a.id) }, 'alerts raised');
    deps.onRaised(raised);
  },
});

import type { LedgerEvent, LedgerEventHandler, TransactionStepEvent } from '@poolgraph/events';
import type { Logger } from '@poolgraph/platform';
import type { AlertsTx } from '../db/index.ts';
import type { AlertRow } from '../data/alerts.ts';
import type { NoticeRow } from '../data/notices.ts';
import { detectAlerts, type DetectionDeps } from '../detection/detectAlerts.ts';
import { noticeTransactionSteps } from './noticeEvents.ts';
import { fanOutPartnerEvents } from './partnerFanOut.ts';

export interface DetectionHandlerDeps extends DetectionDeps {
  log: Logger;
  /** After commit: the alerts the events raised (live delivery, dispatcher wake-up). */
  onRaised: (alerts: AlertRow[]) => void;
  /** After commit: the investors' notices the events gave (live delivery). */
  onNoticed: (notices: NoticeRow[]) => void;
  /** After commit: partner webhook deliveries were written (dispatcher wake-up). */
  onPartnerDeliveries?: () => void;
}

const isPosted = (event: TransactionStepEvent): event is LedgerEvent =>
  event.type === 'TransactionPosted';

/**
 * Alerts on `ledger.events` (group "alerts"), each read in one transaction with its
 * processed_events rows: investors' notices from every step of a transaction (pending, posted,
 * voided), then detection on the posted ones. After the commit the raised alerts and the
 * notices go live. Partner webhooks get their deliveries of the posted and voided transactions
 * and of the raised alerts in the same transaction (events/partnerFanOut.ts).
 */
export const detectionHandler = (
  deps: DetectionHandlerDeps,
): LedgerEventHandler<
  AlertsTx,
  { raised: AlertRow[]; noticed: NoticeRow[]; forPartners: number },
  TransactionStepEvent
> => ({
  group: 'alerts',
  steps: ['TransactionPending', 'TransactionPosted', 'TransactionVoided'],
  apply: async (tx, events) => {
    const noticed = await noticeTransactionSteps(tx, events);
    const raised = await detectAlerts(tx, deps, events.filter(isPosted));
    return { noticed, raised, forPartners: await fanOutPartnerEvents(tx, events, raised) };
  },
  committed: ({ raised, noticed, forPartners }) => {
    if (noticed.length) deps.onNoticed(noticed);
    if (forPartners > 0) deps.onPartnerDeliveries?.();
    if (raised.length === 0) return;
    deps.log.info({ alerts: raised.map((a) => a.id) }, 'alerts raised');
    deps.onRaised(raised);
  },
});

import {
  insertOutboxEvents,
  type LedgerEvent,
  type LedgerEventHandler,
  type LedgerStreamEvent,
  type OutboxInsert,
} from '@poolgraph/events';
import type { Logger } from '@poolgraph/platform';
import type { AlertsTx } from '../db/index.ts';
import type { AlertRow } from '../data/alerts.ts';
import { detectAlerts, type DetectionDeps } from '../detection/detectAlerts.ts';
import type { DispatchWork } from '../notify/dispatcher.ts';
import { noticeLedgerEvents, type Noticed } from './noticeEvents.ts';

import { fanOutPartnerEvents, partnerTargetsOf } from './partnerFanOut.ts';

export interface DetectionHandlerDeps extends DetectionDeps {
  log: Logger;
  /** After commit: the alerts the events raised (live delivery, metrics). */
  onRaised: (alerts: AlertRow[]) => void;
  /** After commit: the investors' notices the events gave (live delivery). */
  onNoticed: (noticed: Noticed) => void;
  /** After commit: rows for the dispatcher were written (which of its outboxes has work). */
  onDeliveries: (work: DispatchWork) => void;
}

interface BatchResult {
  noticed: Noticed;
  raised: AlertRow[];
  work: DispatchWork;
}

/**
 * A read costs ~3 ms of CPU whatever its size (docs/SCALING.md, "Consumers of ledger.events"):
 * 60 ms lets a busy stream fill it, for at most that much more alert latency.
 */
export const DETECTION_LINGER_MS = 60;

const isPosted = (event: LedgerStreamEvent): event is LedgerEvent =>
  event.type === 'TransactionPosted';

/**
 * Alerts on `ledger.events` (group "alerts"), each read in one transaction with its
 * processed_events rows: investors' notices from every step of a transaction (pending, posted,
 * voided) and from their payments' held and refunded money, then detection on the posted ones,
 * then the partner webhooks' deliveries of the posted and voided transactions, the held and
 * refunded money and the raised alerts (events/partnerFanOut.ts, whose
 * targets are read beside the writes, on another connection), then the outbox events of the
 * notices and alerts in one insert. A constant number of statements per read, whatever its size
 * (README, "Detection"). After the commit the raised alerts and the notices go live, and the
 * dispatcher is woken for the outboxes that got rows, and only those.
 */
export const detectionHandler = (
  deps: DetectionHandlerDeps,
): LedgerEventHandler<AlertsTx, BatchResult, LedgerStreamEvent> => ({
  group: 'alerts',
  lingerMs: DETECTION_LINGER_MS,
  types: [
    'TransactionPending',
    'TransactionPosted',
    'TransactionVoided',
    'PaymentHeld',
    'PaymentRefunded',
  ],
  apply: async (tx, events) => {
    const outbox: OutboxInsert[] = [];
    const [targets, { noticed, raised }] = await Promise.all([
      partnerTargetsOf(deps.db, events),
      (async () => {
        const noticed = await noticeLedgerEvents(tx, events, outbox);
        return { noticed, raised: await detectAlerts(tx, deps, events.filter(isPosted), outbox) };
      })(),
    ]);
    const partners = await fanOutPartnerEvents(tx, events, raised.alerts, targets);
    await insertOutboxEvents(tx, outbox);
    const work = { alerts: raised.pending, noticeEmails: noticed.emails, partners };
    return { noticed, raised: raised.alerts, work };
  },
  committed: ({ noticed, raised, work }) => {
    if (noticed.notices.length) deps.onNoticed(noticed);
    deps.onDeliveries(work);
    if (raised.length === 0) return;
    deps.log.info({ alerts: raised.map((a) => a.id) }, 'alerts raised');
    deps.onRaised(raised);
  },
});

import { createHmac } from 'node:crypto';

/** A Stripe event as delivered: `data.object` is a snapshot of the object when it happened. */
export interface StripeEvent {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  type: string;
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  data: { object: unknown };
}

export interface Delivery {
  eventId: string;
  type: string;
  attempts: number;
  status: 'pending' | 'delivered' | 'failed';
  lastStatusCode: number | null;
}

/** Stripe's scheme: `Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.payload">`. */
export function signPayload(payload: string, secret: string, timestamp: number): string {
  const signature = createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex');
  return `t=${timestamp},v1=${signature}`;
}

export interface WebhookSenderOptions {
  /** Attempts per event before it is marked failed (Stripe retries for three days; tests cannot). */
  maxAttempts?: number;
  /** First pause between attempts; doubles each time. */
  retryBaseMs?: number;
}

/**
 * Sends signed events to the one configured endpoint (the types it enabled, as Stripe does),
 * retrying non-2xx answers and network errors with doubling pauses. On request it holds events
 * back and releases them later in reverse order, and sends each several times (duplicates), as
 * real webhooks can arrive.
 */
export function createWebhookSender(options: WebhookSenderOptions = {}) {
  const maxAttempts = options.maxAttempts ?? 6;
  const retryBaseMs = options.retryBaseMs ?? 200;
  let endpoint: { url: string; secret: string } | null = null;
  /** The endpoint's `enabled_events`, as on Stripe: the types it is sent; `*` every type. */
  let enabled: ReadonlySet<string> = new Set(['*']);
  let hold = false;
  let duplicates = 1;
  const held: StripeEvent[] = [];
  const deliveries = new Map<string, Delivery>();
  const inFlight = new Set<Promise<void>>();

  async function attempt(event: StripeEvent, delivery: Delivery): Promise<boolean> {
    if (!endpoint) return false;
    const payload = JSON.stringify(event, null, 2);
    delivery.attempts++;
    try {
      const response = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks) poolgraph-emulator',
          'stripe-signature': signPayload(payload, endpoint.secret, Math.floor(Date.now() / 1000)),
        },
        body: payload,
        signal: AbortSignal.timeout(10_000),
      });
      delivery.lastStatusCode = response.status;
      await response.arrayBuffer();
      return response.ok;
    } catch {
      delivery.lastStatusCode = null;
      return false;
    }
  }

  async function deliver(event: StripeEvent): Promise<void> {
    const delivery = deliveries.get(event.id) ?? {
      eventId: event.id,
      type: event.type,
      attempts: 0,
      status: 'pending' as const,
      lastStatusCode: null,
    };
    deliveries.set(event.id, delivery);
    for (let n = 0; n < maxAttempts; n++) {
      if (await attempt(event, delivery)) {
        delivery.status = 'delivered';
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, retryBaseMs * 2 ** n));
    }
    delivery.status = 'failed';
  }

  function track(work: Promise<void>): Promise<void> {
    inFlight.add(work);
    return work.finally(() => inFlight.delete(work));
  }

  /** Each copy of an event is its own delivery run: duplicates race one another. */
  const send = (event: StripeEvent) =>
    Promise.all(Array.from({ length: duplicates }, () => track(deliver(event)))).then(() => {});

  return {
    configure(settings: {
      url?: string;
      secret?: string;
      events?: readonly string[];
      hold?: boolean;
      duplicates?: number;
    }) {
      if (settings.url && settings.secret)
        endpoint = { url: settings.url, secret: settings.secret };
      if (settings.events) enabled = new Set(settings.events);
      if (settings.hold !== undefined) hold = settings.hold;
      if (settings.duplicates !== undefined)
        duplicates = Math.max(1, Math.min(10, settings.duplicates));
    },
    /** Queues or sends an event; resolves once its copies were delivered (or gave up). */
    emit(event: StripeEvent): Promise<void> {
      if (!enabled.has('*') && !enabled.has(event.type)) return Promise.resolve();
      if (hold || !endpoint) {
        held.push(event);
        return Promise.resolve();
      }
      return send(event);
    },
    /** Sends the held events, newest first when `reverse` (out of order), and stops holding. */
    async flush(reverse: boolean): Promise<number> {
      hold = false;
      const events = held.splice(0, held.length);
      if (reverse) events.reverse();
      for (const event of events) await send(event);
      return events.length;
    },
    deliveries: () => [...deliveries.values()],
    heldCount: () => held.length,
    /** Resolves when every delivery under way has finished (tests and shutdown). */
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

export type WebhookSender = ReturnType<typeof createWebhookSender>;

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseForm, stringMap, type FormValue } from './form.ts';
import {
  API_VERSION,
  createPaymentIntents,
  StripeApiError,
  type PaymentIntent,
} from './paymentIntents.ts';
import { createWebhookSender, type WebhookSenderOptions } from './webhooks.ts';

export { signPayload } from './webhooks.ts';
export type { PaymentIntent } from './paymentIntents.ts';

export interface StripeEmulatorOptions extends WebhookSenderOptions {
  /** The secret key the adapter must present (`sk_test_…`). */
  secretKey: string;
  /** The publishable key a client-side confirmation may present instead (`pk_test_…`). */
  publishableKey?: string;
  /** Where signed events go, and the endpoint secret they are signed with (`whsec_…`). */
  webhookUrl?: string;
  webhookSecret?: string;
  /** The endpoint's `enabled_events` (default `*`: every event). */
  webhookEvents?: readonly string[];
  /** Keeps PaymentIntents across restarts (the demo); absent: memory only. */
  dataFile?: string;
}

export interface StripeEmulator {
  server: Server;
  listen(port: number, host?: string): Promise<string>;
  url(): string;
  /** Resolves when every webhook delivery under way has finished. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const MAX_BODY = 1_000_000;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY)
      throw new StripeApiError(
        413,
        'invalid_request_error',
        'body_too_large',
        'Request body too large.',
      );
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.setHeader('stripe-version', API_VERSION);
  res.setHeader('request-id', `req_emulator_${Date.now()}`);
  res.end(JSON.stringify(body));
}

const text = (value: FormValue | undefined): string | null =>
  typeof value === 'string' ? value : null;

/**
 * The local stand-in for api.stripe.com: the subset of Stripe's HTTP API the ledger's adapter
 * uses (create, retrieve, confirm, cancel and list PaymentIntents, with Idempotency-Key replays,
 * form-encoded bodies and Stripe's JSON shapes), signed webhooks with retries, and control
 * endpoints under `/_emulator/` that no real provider has (out-of-order and duplicated
 * delivery, partial payments, silent changes). For tests and the demo only.
 */
export function createStripeEmulator(options: StripeEmulatorOptions): StripeEmulator {
  const webhooks = createWebhookSender(options);
  if (options.webhookUrl && options.webhookSecret) {
    webhooks.configure({
      url: options.webhookUrl,
      secret: options.webhookSecret,
      events: options.webhookEvents,
    });
  }
  const intents = createPaymentIntents(webhooks);
  if (options.dataFile) {
    try {
      intents.restore(JSON.parse(readFileSync(options.dataFile, 'utf8')) as PaymentIntent[]);
    } catch {
      // No file yet: a fresh emulator.
    }
  }
  const save = () => {
    if (options.dataFile) writeFileSync(options.dataFile, JSON.stringify(intents.all()));
  };
  const idempotent = new Map<string, { hash: string; status: number; body: unknown }>();
  let nextCreate: { confirmWith?: string; amountReceived?: number } | null = null;
  /** API requests served, by method and route (`GET /v1/payment_intents/:id`): what a test counts. */
  const requests = new Map<string, number>();

  function authorize(req: IncomingMessage, allowPublishable: boolean): void {
    const token = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    if (token === options.secretKey) return;
    if (allowPublishable && options.publishableKey && token === options.publishableKey) return;
    throw new StripeApiError(
      401,
      'invalid_request_error',
      'api_key_invalid',
      'Invalid API Key provided.',
    );
  }

  async function api(
    req: IncomingMessage,
    res: ServerResponse,
    path: string[],
    query: URLSearchParams,
  ) {
    const method = req.method ?? 'GET';
    const body = method === 'POST' ? await readBody(req) : '';
    const form = parseForm(body);
    const [, resource, intentId, action] = path;
    const route = `${method} /v1/${resource}${intentId ? '/:id' : ''}${action ? `/${action}` : ''}`;
    requests.set(route, (requests.get(route) ?? 0) + 1);
    if (resource !== 'payment_intents' && resource !== 'refunds') {
      throw new StripeApiError(
        404,
        'invalid_request_error',
        'resource_missing',
        `Unrecognized request URL (${method}: ${req.url}).`,
      );
    }
    authorize(req, action === 'confirm');
    const key =
      method === 'POST' ? (req.headers['idempotency-key'] as string | undefined) : undefined;
    const hash = createHash('sha256').update(`${req.url} ${body}`).digest('hex');
    if (key) {
      const earlier = idempotent.get(key);
      if (earlier && earlier.hash !== hash) {
        throw new StripeApiError(
          400,
          'idempotency_error',
          'idempotency_key_in_use',
          'Keys for idempotent requests can only be used with the same parameters they were first used with.',
        );
      }
      if (earlier) {
        res.setHeader('idempotent-replayed', 'true');
        return send(res, earlier.status, earlier.body);
      }
    }
    let result: { intent: PaymentIntent; delivered: Promise<void> } | PaymentIntent | object;
    let awaitDelivery = false;
    if (resource === 'refunds') {
      if (method !== 'POST' || intentId) {
        throw new StripeApiError(404, 'invalid_request_error', 'resource_missing', 'Not found.');
      }
      const amount = text(form.amount);
      result = intents.refund(
        text(form.payment_intent) ?? '',
        amount === undefined ? undefined : Number(amount),
      );
    } else if (method === 'POST' && !intentId) {
      const amount = Number(text(form.amount));
      const currency = text(form.currency)?.toLowerCase() ?? '';
      if (!Number.isInteger(amount) || amount < 1 || !/^[a-z]{3}$/.test(currency)) {
        throw new StripeApiError(
          400,
          'invalid_request_error',
          'parameter_invalid_integer',
          'amount must be a positive integer and currency a three-letter code.',
        );
      }
      const listed = form.allowed_payment_method_types ?? form.payment_method_types;
      const types = Object.values(typeof listed === 'object' ? listed : {});
      let created = intents.create({
        amount,
        currency,
        metadata: stringMap(form.metadata),
        description: text(form.description),
        paymentMethodTypes: types.filter((t): t is string => typeof t === 'string'),
      });
      if (nextCreate?.confirmWith) {
        // The webhook of a payment that completes at once arrives before this answer does.
        created = intents.confirm(
          created.intent.id,
          nextCreate.confirmWith,
          nextCreate.amountReceived,
        );
        awaitDelivery = true;
      }
      nextCreate = null;
      result = created;
    } else if (method === 'GET' && !intentId) {
      const limit = Math.min(100, Number(query.get('limit') ?? 10));
      const after = query.get('starting_after');
      const since = Number(query.get('created[gte]') ?? 0);
      const all = intents
        .all()
        .filter((i) => i.created >= since)
        .reverse();
      const start = after ? all.findIndex((i) => i.id === after) + 1 : 0;
      const data = all.slice(start, start + limit);
      result = {
        object: 'list',
        url: '/v1/payment_intents',
        has_more: start + limit < all.length,
        data,
      };
    } else if (method === 'GET' && intentId && !action) {
      result = intents.get(intentId);
    } else if (method === 'POST' && intentId && action === 'confirm') {
      const intent = intents.get(intentId);
      if (
        req.headers.authorization?.includes(options.publishableKey ?? '\u0000') &&
        text(form.client_secret) !== intent.client_secret
      ) {
        throw new StripeApiError(
          400,
          'invalid_request_error',
          'payment_intent_invalid_parameter',
          'The client_secret provided does not match the client_secret associated with the PaymentIntent.',
        );
      }
      result = intents.confirm(intentId, text(form.payment_method) ?? 'pm_card_visa');
    } else if (method === 'POST' && intentId && action === 'cancel') {
      result = intents.cancel(intentId, text(form.cancellation_reason));
    } else {
      throw new StripeApiError(
        404,
        'invalid_request_error',
        'resource_missing',
        `Unrecognized request URL (${method}: ${req.url}).`,
      );
    }
    save();
    const delivered = 'delivered' in result ? result.delivered : Promise.resolve();
    const answer = 'intent' in result ? structuredClone(result.intent) : result;
    if (awaitDelivery) await delivered;
    if (key) idempotent.set(key, { hash, status: 200, body: answer });
    send(res, 200, answer);
  }

  async function control(req: IncomingMessage, res: ServerResponse, path: string[]) {
    const body = req.method === 'POST' ? await readBody(req) : '';
    const input = (body ? JSON.parse(body) : {}) as Record<string, unknown>;
    const [, what, intentId, action] = path;
    if (what === 'webhooks') {
      webhooks.configure(input as Parameters<typeof webhooks.configure>[0]);
      return send(res, 200, { held: webhooks.heldCount() });
    }
    if (what === 'flush')
      return send(res, 200, { sent: await webhooks.flush(input.order === 'reverse') });
    if (what === 'deliveries') return send(res, 200, { data: webhooks.deliveries() });
    if (what === 'refunds') return send(res, 200, { data: intents.refunds() });
    if (what === 'requests') return send(res, 200, Object.fromEntries(requests));
    if (what === 'next_create') {
      nextCreate = input as typeof nextCreate;
      return send(res, 200, { ok: true });
    }
    if (what === 'payment_intents' && intentId) {
      const received =
        typeof input.amount_received === 'number' ? input.amount_received : undefined;
      let intent: PaymentIntent;
      if (action === 'succeed') intent = intents.confirm(intentId, 'pm_card_visa', received).intent;
      else if (action === 'fail')
        intent = intents.confirm(intentId, 'pm_card_chargeDeclined').intent;
      else if (action === 'force')
        intent = intents.force(intentId, input.status as PaymentIntent['status'], received);
      else
        throw new StripeApiError(
          404,
          'invalid_request_error',
          'resource_missing',
          `No control ${action}.`,
        );
      save();
      return send(res, 200, intent);
    }
    throw new StripeApiError(
      404,
      'invalid_request_error',
      'resource_missing',
      `No control ${what}.`,
    );
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const path = url.pathname.split('/').filter(Boolean);
    const handle =
      path[0] === 'v1'
        ? api(req, res, path, url.searchParams)
        : path[0] === '_emulator'
          ? control(req, res, path)
          : Promise.reject(
              new StripeApiError(404, 'invalid_request_error', 'resource_missing', 'Not found.'),
            );
    handle.catch((error: unknown) => {
      if (error instanceof StripeApiError) {
        return send(res, error.status, {
          error: {
            type: error.type,
            code: error.code,
            message: error.message,
            payment_intent: error.paymentIntent,
          },
        });
      }
      send(res, 500, { error: { type: 'api_error', message: (error as Error).message } });
    });
  });

  return {
    server,
    async listen(port, host = '127.0.0.1') {
      await new Promise<void>((resolve) => server.listen(port, host, resolve));
      return this.url();
    },
    url() {
      const address = server.address() as AddressInfo;
      return `http://127.0.0.1:${address.port}`;
    },
    idle: () => webhooks.idle(),
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}

import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { isPrivateAddress, publicOnlyLookup } from './ssrf.ts';

export const SIGNATURE_HEADER = 'x-poolgraph-signature';
export const TIMESTAMP_HEADER = 'x-poolgraph-timestamp';

/** `sha256=<hex>` of HMAC-SHA256(secret, `${timestamp}.${body}`). */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface WebhookOutcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

/**
 * POSTs one signed notification. A 2xx answer is a delivery; anything else (or no answer within
 * `timeoutMs`) is a failure to retry. Redirects are not followed (a redirect could lead inside).
 */
export function postWebhook(
  url: string,
  secret: string,
  body: string,
  headers: Record<string, string>,
  options: { production: boolean; timeoutMs: number; now?: () => number },
): Promise<WebhookOutcome> {
  const target = new URL(url);
  const timestamp = String(Math.floor((options.now?.() ?? Date.now()) / 1000));
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (options.production && isIP(host) && isPrivateAddress(host)) {
    return Promise.resolve({ ok: false, statusCode: null, error: 'refused: private address' });
  }
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = send(
      target,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'Poolgraph-Alerts/1',
          [TIMESTAMP_HEADER]: timestamp,
          [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
          ...headers,
        },
        lookup: options.production ? publicOnlyLookup : undefined,
      },
      (res) => {
        res.resume(); // the body is not needed; drain it so the socket is freed
        const statusCode = res.statusCode ?? 0;
        const ok = statusCode >= 200 && statusCode < 300;
        resolve({ ok, statusCode, error: ok ? null : `HTTP ${statusCode}` });
      },
    );
    req.setTimeout(options.timeoutMs, () =>
      req.destroy(new Error(`timeout after ${options.timeoutMs} ms`)),
    );
    req.on('error', (error) =>
      resolve({ ok: false, statusCode: null, error: error.message.slice(0, 500) }),
    );
    req.end(body);
  });
}

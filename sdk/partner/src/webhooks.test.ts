import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyWebhook, WebhookVerificationError, type WebhookRejection } from './webhooks.ts';

// The platform's scheme (the alerts service signs every delivery so): HMAC-SHA256 over
// "<unix seconds>.<raw body>" with the channel's secret, hex, prefixed "sha256=".
const SECRET = 'c0ffee'.repeat(10);
const NOW = Date.UTC(2026, 11, 6, 12);
const body = JSON.stringify({ deliveryId: 'd-1', alert: { id: 'a-1', poolName: 'Zoë Fund' } });
const sign = (timestamp: string, payload: string | Buffer, secret = SECRET) =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(payload).digest('hex')}`;
const headersAt = (seconds: number, payload = body) => {
  const timestamp = String(seconds);
  return { 'x-poolgraph-timestamp': timestamp, 'x-poolgraph-signature': sign(timestamp, payload) };
};

function rejection(run: () => unknown): WebhookRejection {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    return (error as WebhookVerificationError).reason;
  }
  throw new Error('the delivery was accepted');
}

describe('verifyWebhook', () => {
  it('accepts a signed delivery as a string, as bytes, and with Fetch Headers', () => {
    const headers = headersAt(NOW / 1000);
    expect(verifyWebhook({ secret: SECRET, body, headers, now: NOW }).alert.poolName).toBe(
      'Zoë Fund',
    );
    const bytes = new TextEncoder().encode(body);
    expect(verifyWebhook({ secret: SECRET, body: bytes, headers, now: NOW }).deliveryId).toBe(
      'd-1',
    );
    const fetchHeaders = new Headers(headers);
    expect(verifyWebhook({ secret: SECRET, body, headers: fetchHeaders, now: NOW }).alert.id).toBe(
      'a-1',
    );
    const upper = {
      'X-Poolgraph-Timestamp': headers['x-poolgraph-timestamp'],
      'X-Poolgraph-Signature': headers['x-poolgraph-signature'],
    };
    expect(verifyWebhook({ secret: SECRET, body, headers: upper, now: NOW }).deliveryId).toBe(
      'd-1',
    );
  });

  it('refuses a changed body, another secret, a changed timestamp and a malformed signature', () => {
    const headers = headersAt(NOW / 1000);
    const check = (over: Partial<Parameters<typeof verifyWebhook>[0]>) =>
      rejection(() => verifyWebhook({ secret: SECRET, body, headers, now: NOW, ...over }));
    expect(check({ body: body.replace('d-1', 'd-2') })).toBe('BAD_SIGNATURE');
    expect(check({ body: `${body} ` })).toBe('BAD_SIGNATURE');
    expect(check({ secret: `${SECRET}0` })).toBe('BAD_SIGNATURE');
    const shifted = { ...headers, 'x-poolgraph-timestamp': String(NOW / 1000 + 1) };
    expect(check({ headers: shifted })).toBe('BAD_SIGNATURE');
    for (const signature of [
      '',
      'sha256=',
      'sha1=abc',
      headers['x-poolgraph-signature'].toUpperCase(),
      `${headers['x-poolgraph-signature']}00`,
    ]) {
      const changed = { ...headers, 'x-poolgraph-signature': signature };
      expect(check({ headers: changed })).toMatch(/^(BAD_SIGNATURE|MISSING_HEADER)$/);
    }
  });

  it('refuses a delivery outside the tolerance either way, and honours a custom tolerance', () => {
    const at = (offsetSeconds: number, toleranceSeconds?: number) => () =>
      verifyWebhook({
        secret: SECRET,
        body,
        headers: headersAt(NOW / 1000 + offsetSeconds),
        now: NOW,
        ...(toleranceSeconds === undefined ? {} : { toleranceSeconds }),
      });
    expect(at(-300)().deliveryId).toBe('d-1');
    expect(at(300)().deliveryId).toBe('d-1');
    expect(rejection(at(-301))).toBe('STALE_TIMESTAMP');
    expect(rejection(at(301))).toBe('STALE_TIMESTAMP');
    expect(rejection(at(-31, 30))).toBe('STALE_TIMESTAMP');
  });

  it('refuses missing, doubled or malformed headers and a signed body that is not JSON', () => {
    const good = headersAt(NOW / 1000);
    const check = (headers: Record<string, string | string[] | undefined>, payload = body) =>
      rejection(() => verifyWebhook({ secret: SECRET, body: payload, headers, now: NOW }));
    expect(check({ 'x-poolgraph-signature': good['x-poolgraph-signature'] })).toBe(
      'MISSING_HEADER',
    );
    expect(check({ 'x-poolgraph-timestamp': good['x-poolgraph-timestamp'] })).toBe(
      'MISSING_HEADER',
    );
    const doubled = [good['x-poolgraph-signature'], good['x-poolgraph-signature']];
    expect(check({ ...good, 'x-poolgraph-signature': doubled })).toBe('MISSING_HEADER');
    expect(check({ ...good, 'x-poolgraph-timestamp': '1.5e9' })).toBe('BAD_TIMESTAMP');
    expect(check({ ...good, 'x-poolgraph-timestamp': '-1' })).toBe('BAD_TIMESTAMP');
    expect(check(headersAt(NOW / 1000, 'not json'), 'not json')).toBe('BAD_BODY');
    expect(() => verifyWebhook({ secret: '', body, headers: good, now: NOW })).toThrow(TypeError);
  });
});

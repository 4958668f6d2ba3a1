import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../src/notify/backoff.ts';
import { checkWebhookUrl, isPrivateAddress } from '../src/notify/ssrf.ts';
import { postWebhook } from '../src/notify/webhook.ts';

describe('webhook URLs in production (SSRF)', () => {
  it('refuses private, loopback and link-local addresses, literally or through DNS', async () => {
    for (const url of [
      'https://127.0.0.1/hook',
      'https://10.1.2.3/hook',
      'https://172.20.0.1/hook',
      'https://192.168.1.1/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/hook',
      'https://[fd00::1]/hook',
      'https://[::ffff:127.0.0.1]/hook',
      'https://localhost/hook',
      'https://0.0.0.0/hook',
    ]) {
      await expect(checkWebhookUrl(url, true), url).rejects.toThrow(/input\.url/);
    }
  });

  it('requires https in production but accepts a loopback http URL in development', async () => {
    await expect(checkWebhookUrl('http://93.184.215.14/hook', true)).rejects.toThrow(/https/);
    await expect(checkWebhookUrl('https://93.184.215.14/hook', true)).resolves.toBeInstanceOf(URL);
    await expect(checkWebhookUrl('http://127.0.0.1:9/hook', false)).resolves.toBeInstanceOf(URL);
  });

  it('classifies addresses', () => {
    expect(isPrivateAddress('8.8.8.8')).toBe(false);
    expect(isPrivateAddress('100.64.0.1')).toBe(true);
    expect(isPrivateAddress('2606:4700::1111')).toBe(false);
    expect(isPrivateAddress('fe80::1')).toBe(true);
    expect(isPrivateAddress('not-an-ip')).toBe(true);
  });

  it('does not connect to a host that resolves to loopback at delivery time', async () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits++;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const viaName = await postWebhook(
        `http://localhost:${port}/`,
        's',
        '{}',
        {},
        { production: true, timeoutMs: 2_000 },
      );
      const viaIp = await postWebhook(
        `http://127.0.0.1:${port}/`,
        's',
        '{}',
        {},
        { production: true, timeoutMs: 2_000 },
      );
      expect(viaName.ok).toBe(false);
      expect(viaIp.ok).toBe(false);
      expect(hits).toBe(0);
      const dev = await postWebhook(
        `http://127.0.0.1:${port}/`,
        's',
        '{}',
        {},
        { production: false, timeoutMs: 2_000 },
      );
      expect(dev.ok).toBe(true);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('retry backoff', () => {
  it('grows exponentially with jitter and stays under the cap', () => {
    const policy = { maxAttempts: 8, baseDelayMs: 1_000, maxDelayMs: 60_000 };
    expect(retryDelayMs(policy, 1, () => 0)).toBe(500);
    expect(retryDelayMs(policy, 1, () => 1)).toBe(1_000);
    expect(retryDelayMs(policy, 4, () => 0)).toBe(4_000);
    expect(retryDelayMs(policy, 20, () => 1)).toBe(60_000);
  });
});

import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  addressBucket,
  parseProxyTrust,
  resolveClientAddress,
  type ProxyTrust,
} from '../src/clientAddress.ts';

const request = (peer: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress: peer },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

const trust = (value: string): ProxyTrust => {
  const parsed = parseProxyTrust(value);
  if (!('trust' in parsed)) throw new Error(parsed.problems.join('; '));
  return parsed.trust;
};

describe('resolveClientAddress', () => {
  it('ignores x-forwarded-for when no proxy is trusted', () => {
    expect(resolveClientAddress(request('198.51.100.1', '203.0.113.9'), trust(''))).toBe(
      '198.51.100.1',
    );
  });

  it('walks back through trusted networks and stops at the first address that is not one', () => {
    const chain = request('10.0.0.5', '203.0.113.66, 198.51.100.7, 127.0.0.1');
    expect(resolveClientAddress(chain, trust('10.0.0.0/8, loopback'))).toBe('198.51.100.7');
  });

  it('keeps its verdicts right for the same setting across many addresses', () => {
    const ours = trust('10.0.0.0/8');
    for (let n = 0; n < 1_500; n++) {
      const spoofed = `198.51.${n >> 8}.${n & 255}`;
      expect(resolveClientAddress(request('10.0.0.5', `${spoofed}, 10.0.0.9`), ours)).toBe(spoofed);
      expect(resolveClientAddress(request(spoofed, '10.0.0.9'), ours)).toBe(spoofed);
    }
  });

  it('never believes an entry written by an untrusted peer', () => {
    expect(resolveClientAddress(request('198.51.100.1', '127.0.0.1'), trust('loopback'))).toBe(
      '198.51.100.1',
    );
  });

  it('counts hops from the socket, whatever the proxies’ addresses', () => {
    const chain = request('192.0.2.1', '203.0.113.66, 198.51.100.7, 192.0.2.200');
    expect(resolveClientAddress(chain, trust('1'))).toBe('192.0.2.200');
    expect(resolveClientAddress(chain, trust('2'))).toBe('198.51.100.7');
    expect(resolveClientAddress(request('192.0.2.1'), trust('2'))).toBe('192.0.2.1');
  });

  it('stops at an entry that is not an address instead of taking it', () => {
    const chain = request('127.0.0.1', 'evil, not-an-ip');
    expect(resolveClientAddress(chain, trust('loopback'))).toBe('127.0.0.1');
  });

  it('reads an IPv4 peer on a dual-stack socket as IPv4', () => {
    expect(
      resolveClientAddress(request('::ffff:127.0.0.1', '2001:db8::1'), trust('loopback')),
    ).toBe('2001:db8::1');
  });
});

describe('parseProxyTrust', () => {
  it('names every bad entry', () => {
    const parsed = parseProxyTrust('10.0.0.0/33, proxy.local, ,2001:db8::/129, 3');
    expect('problems' in parsed && parsed.problems).toEqual([
      '"10.0.0.0/33": the prefix length must be 0 to 32 for an IPv4 network',
      '"proxy.local" is not an IP address, a CIDR (address/prefix), "loopback" or "private"',
      'an empty entry (two commas, or a trailing comma)',
      '"2001:db8::/129": the prefix length must be 0 to 128 for an IPv6 network',
      '"3": a hop count cannot be mixed with addresses',
    ]);
  });
});

describe('addressBucket', () => {
  it('counts IPv6 by /64 and IPv4 by address', () => {
    expect(addressBucket('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressBucket('::1')).toBe('0:0:0:0::/64');
    expect(addressBucket('203.0.113.9')).toBe('203.0.113.9');
  });
});

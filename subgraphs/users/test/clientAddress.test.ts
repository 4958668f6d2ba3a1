import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProxyTrust, type ProxyTrust } from '@poolgraph/platform';
import { errorCodes, graphql } from '@poolgraph/testing';
import { LOG_IN, signUp, startUsers, type UsersUnderTest } from './helpers.ts';

// Who the users subgraph believes the client is: the gateway's x-forwarded-for, from the
// gateway only. This test process connects from 127.0.0.1: trusted by default (loopback), and
// not trusted by a subgraph told that its gateways live elsewhere.
const trust = (value: string) => (parseProxyTrust(value) as { trust: ProxyTrust }).trust;

let behindGateway: UsersUnderTest;
let gatewayElsewhere: UsersUnderTest;
beforeAll(async () => {
  [behindGateway, gatewayElsewhere] = await Promise.all([
    startUsers(),
    startUsers({ trustedProxies: trust('192.0.2.250') }),
  ]);
});
afterAll(() => Promise.all([behindGateway.stop(), gatewayElsewhere.stop()]));

const wrongGuess = (url: string, email: string, forwardedFor: string) =>
  graphql(
    url,
    LOG_IN,
    { email, password: 'wrong password!' },
    { headers: { 'x-forwarded-for': forwardedFor } },
  );

describe('the client address the login throttle counts by', () => {
  it('is the peer itself when the peer is not a gateway, whatever x-forwarded-for it forges', async () => {
    const victim = await signUp(gatewayElsewhere.url);
    for (let i = 1; i <= 5; i++) {
      await wrongGuess(gatewayElsewhere.url, victim.email, `198.51.100.${i}`);
    }
    const sixth = await wrongGuess(gatewayElsewhere.url, victim.email, '198.51.100.6');
    expect(errorCodes(sixth)).toEqual(['RATE_LIMITED']);
  });

  it('counts the addresses of one IPv6 /64 as one client', async () => {
    const victim = await signUp(behindGateway.url);
    for (let i = 1; i <= 5; i++) {
      await wrongGuess(behindGateway.url, victim.email, `2001:db8:7:7::${i.toString(16)}`);
    }
    const sixth = await wrongGuess(behindGateway.url, victim.email, '2001:db8:7:7:ffff::1');
    expect(errorCodes(sixth)).toEqual(['RATE_LIMITED']);
    const otherNetwork = await wrongGuess(behindGateway.url, victim.email, '2001:db8:7:8::1');
    expect(errorCodes(otherNetwork)).toEqual(['UNAUTHENTICATED']);
  });
});

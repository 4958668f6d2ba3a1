import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import { z } from 'zod';

/**
 * Which peers may say who the client is. `hops`: the `hops` nearest proxies are ours, whatever
 * their address (a fixed chain, such as one load balancer whose address is not known ahead).
 * `networks`: a peer inside these addresses/CIDRs is ours, and the chain is walked back through
 * them. Nothing trusted: the socket's peer is the client and `x-forwarded-for` is ignored.
 */
export type ProxyTrust =
  { kind: 'hops'; hops: number } | { kind: 'networks'; networks: BlockList; entries: string[] };

export const TRUST_NO_PROXY: ProxyTrust = { kind: 'hops', hops: 0 };

/** Named sets an operator can list beside addresses and CIDRs. */
const NAMED_NETWORKS: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  private: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) is `10.0.0.1`; anything else as is. */
export function canonicalAddress(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value || !isIP(value)) return undefined;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  return mapped ? mapped[1] : value.toLowerCase();
}

/** Parses TRUSTED_PROXIES: a hop count, or a comma-separated list; every bad entry is named. */
export function parseProxyTrust(value: string): { trust: ProxyTrust } | { problems: string[] } {
  const text = value.trim();
  if (text === '') return { trust: TRUST_NO_PROXY };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= 16
      ? { trust: { kind: 'hops', hops } }
      : { problems: [`a hop count of ${hops} is not credible; the maximum is 16`] };
  }
  const networks = new BlockList();
  const entries = text.split(',').map((entry) => entry.trim());
  const problems: string[] = [];
  for (const entry of entries) {
    const problem = addEntry(networks, entry);
    if (problem) problems.push(problem);
  }
  return problems.length ? { problems } : { trust: { kind: 'networks', networks, entries } };
}

function addEntry(networks: BlockList, entry: string): string | undefined {
  if (entry === '') return 'an empty entry (two commas, or a trailing comma)';
  const named = NAMED_NETWORKS[entry.toLowerCase()];
  if (named) {
    for (const cidr of named) addEntry(networks, cidr);
    return undefined;
  }
  if (/^\d+$/.test(entry)) return `"${entry}": a hop count cannot be mixed with addresses`;
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address ?? '');
  if (!family || extra !== undefined) {
    return `"${entry}" is not an IP address, a CIDR (address/prefix), "loopback" or "private"`;
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (prefix === undefined) {
    networks.addAddress(address!, type);
    return undefined;
  }
  const max = family === 4 ? 32 : 128;
  const bits = /^\d+$/.test(prefix) ? Number(prefix) : NaN;
  if (!(bits >= 0 && bits <= max)) {
    return `"${entry}": the prefix length must be 0 to ${max} for an IPv${family} network`;
  }
  networks.addSubnet(address!, bits, type);
  return undefined;
}

/** A zod field for TRUSTED_PROXIES (unset: nothing trusted). */
export const trustedProxiesEnv = (fallback = '') =>
  z
    .string()
    .default(fallback)
    .transform((value, context) => {
      const parsed = parseProxyTrust(value);
      if ('trust' in parsed) return parsed.trust;
      for (const problem of parsed.problems) context.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    });

/**
 * Verdicts by address, per trust setting: a service hears from a handful of proxies, and each
 * `BlockList.check` allocates and calls into C++ (1–2% of a subgraph's CPU, once per request).
 * Bounded, since addresses left of a trusted hop are the client's to choose.
 */
const verdicts = new WeakMap<ProxyTrust, Map<string, boolean>>();
const MAX_VERDICTS = 1_000;

function isTrusted(trust: ProxyTrust & { kind: 'networks' }, address: string): boolean {
  let known = verdicts.get(trust);
  if (!known) verdicts.set(trust, (known = new Map()));
  let verdict = known.get(address);
  if (verdict === undefined) {
    verdict = trust.networks.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');
    if (known.size >= MAX_VERDICTS) known.clear();
    known.set(address, verdict);
  }
  return verdict;
}

/**
 * The one answer to "who is the client?". The chain is the request's `x-forwarded-for` entries
 * followed by the socket's peer; it is read from the right, because each proxy appends the
 * address it saw and only entries appended by our own proxies can be believed. Everything left
 * of the first untrusted hop was written by the client and is ignored. An entry that is not an
 * address stops the walk at the last hop that was one (a proxy of ours never writes such).
 */
export function resolveClientAddress(req: IncomingMessage, trust: ProxyTrust): string {
  const peer = canonicalAddress(req.socket.remoteAddress) ?? 'unknown';
  if (trust.kind === 'hops' && trust.hops === 0) return peer;
  const header = req.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  let client = peer;
  for (let hop = 0; ; hop++) {
    const trusted =
      trust.kind === 'hops' ? hop < trust.hops : client !== 'unknown' && isTrusted(trust, client);
    const next = forwarded.pop();
    if (!trusted || next === undefined) return client;
    const address = canonicalAddress(next);
    if (!address) return client;
    client = address;
  }
}

/**
 * What throttles count by: an IPv4 address, or an IPv6 address's /64 (one subscriber usually
 * holds a whole /64 and can pick any address in it, so counting single addresses counts nothing).
 */
export function addressBucket(address: string): string {
  if (isIP(address) !== 6) return address;
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, without leading zeros. */
function expandIPv6(address: string): string[] {
  let text = address.toLowerCase().split('%')[0]!;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((group) => parseInt(group, 16).toString(16));
}

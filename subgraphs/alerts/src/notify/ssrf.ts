import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { promises as dns } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { badUserInput } from '@poolgraph/platform';

/** Addresses a webhook must not reach in production: loopback, private, link-local, CGNAT… */
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return blocked.check(mapped[1]!, 'ipv4');
    return blocked.check(address, 'ipv6');
  }
  return true; // not an address at all: refuse
}

/** Checks a webhook URL's shape (always) and, in production, where its host resolves. */
export async function checkWebhookUrl(raw: string, production: boolean): Promise<URL> {
  const field = 'input.url';
  if (raw.length > 2048) throw badUserInput(field, 'must be at most 2048 characters.');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badUserInput(field, 'must be an absolute http(s) URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw badUserInput(field, 'must be an http(s) URL.');
  }
  if (production && url.protocol !== 'https:') throw badUserInput(field, 'must use https.');
  if (url.username || url.password) throw badUserInput(field, 'must not contain credentials.');
  if (production) {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const addresses = isIP(host)
      ? [host]
      : await dns
          .lookup(host, { all: true, verbatim: true })
          .then((all) => all.map((a) => a.address))
          .catch(() => {
            throw badUserInput(field, `the host ${host} does not resolve.`);
          });
    if (addresses.length === 0 || addresses.some(isPrivateAddress)) {
      throw badUserInput(field, 'must not point at a private, loopback or link-local address.');
    }
  }
  return url;
}

/**
 * A `lookup` for http.request that refuses private addresses: checked again at connect time,
 * so a host that resolved to a public address when the channel was added cannot be switched to
 * an internal one later (DNS rebinding).
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[] | string) => {
    if (error) return callback(error, '', 0);
    const list = Array.isArray(addresses) ? addresses : [];
    const safe = list.find((a) => !isPrivateAddress(a.address));
    if (!safe || list.some((a) => isPrivateAddress(a.address))) {
      return callback(
        Object.assign(new Error(`refusing to connect to a private address for ${hostname}`), {
          code: 'ESSRF',
        }),
        '',
        0,
      );
    }
    if ((options as { all?: boolean }).all) {
      (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, [safe]);
    } else {
      callback(null, safe.address, safe.family);
    }
  });
};

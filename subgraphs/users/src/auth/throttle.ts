import type { Redis } from 'ioredis';
import { rateLimited } from '@poolgraph/platform';

export interface LoginThrottleOptions {
  prefix: string;
  /** Failures per account within the window before logins for it are refused. */
  perAccount: number;
  /** Failures per client address within the window. */
  perAddress: number;
  windowSeconds: number;
}

/**
 * Counts failed logins in Redis (shared by every replica) per account and per client address.
 * Past a limit, logins are refused with RATE_LIMITED until the window expires, whether or not
 * the email exists, so the answer reveals nothing.
 */
export function createLoginThrottle(redis: Redis, options: LoginThrottleOptions) {
  const accountKey = (email: string) => `${options.prefix}login-fail:account:${email}`;
  const addressKey = (ip: string) => `${options.prefix}login-fail:ip:${ip}`;

  return {
    async assertAllowed(email: string, ip: string): Promise<void> {
      const [account, address] = await redis
        .multi()
        .get(accountKey(email))
        .get(addressKey(ip))
        .exec()
        .then((replies) => (replies ?? []).map(([, value]) => Number(value ?? 0)));
      const limited =
        (account ?? 0) >= options.perAccount
          ? accountKey(email)
          : (address ?? 0) >= options.perAddress
            ? addressKey(ip)
            : undefined;
      if (!limited) return;
      const ttl = Math.max(await redis.ttl(limited), 1);
      throw rateLimited(`Too many failed logins. Try again in ${ttl} seconds.`, ttl);
    },
    async recordFailure(email: string, ip: string): Promise<void> {
      await redis
        .multi()
        .incr(accountKey(email))
        .expire(accountKey(email), options.windowSeconds, 'NX')
        .incr(addressKey(ip))
        .expire(addressKey(ip), options.windowSeconds, 'NX')
        .exec();
    },
    async recordSuccess(email: string): Promise<void> {
      await redis.del(accountKey(email));
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;

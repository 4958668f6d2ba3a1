import { createHash } from 'node:crypto';
import type { RedisClient } from '@poolgraph/platform';
import { addressBucket, rateLimited } from '@poolgraph/platform';

export interface LoginThrottleOptions {
  prefix: string;
  /** Attempts per (account, client address) within the window before that pair is refused. */
  perAccountAndAddress: number;
  /** Attempts per account, from anywhere, before its logins are paced (never refused). */
  perAccount: number;
  /** Attempts per client address, on any account, before its logins are paced. */
  perAddress: number;
  windowSeconds: number;
  /** Past `perAccount`: at most one attempt per account per this many ms. */
  accountPaceMs: number;
  /** Past `perAddress`: at most one attempt per address per this many ms. */
  addressPaceMs: number;
  /** How long a paced attempt waits for its turn before RATE_LIMITED. */
  maxWaitMs: number;
}

/** Why a login was held back: refused for the pair, paced per address/account, or paced too long. */
export type ThrottleReason = 'pair_refused' | 'address_paced' | 'account_paced' | 'pace_refused';

/**
 * Counts an attempt on one counter (INCR, and its window starts with the first). One script per
 * counter, not one for all three: the three keys hash to different cluster slots (pair, account
 * and address are independent identities, no hash tag could group them without piling every
 * attempt of an address onto one slot), and each INCR is atomic on its own, which is what keeps
 * parallel guesses from all slipping under a limit.
 */
const COUNT = `local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return count`;

/** A success is not a failure: the pair starts over and the wider counters give it back. */
const FORGIVE = `if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then redis.call('DECR', KEYS[1]) end`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Login throttling, shared by every replica through Redis (policy: docs/DECISIONS.md,
 * "Identity"). An attempt is counted before the password is checked, atomically on each counter, so
 * parallel guesses cannot all slip under a limit. Only the (account, address) pair is ever
 * refused: an attacker elsewhere cannot lock a victim out. Per account and per address there
 * are ceilings that only pace attempts (one at a time per interval), which caps guessing
 * across many addresses and many accounts while the right password still gets in.
 */
export function createLoginThrottle(
  redis: RedisClient,
  options: LoginThrottleOptions,
  /** Metrics: every counted attempt, and each one refused or paced (with why). */
  observe: { attempt(): void; throttled(reason: ThrottleReason): void } = {
    attempt() {},
    throttled() {},
  },
) {
  const key = (kind: string, value: string) => `${options.prefix}login:${kind}:${value}`;
  // Hashed: keys stay short whatever was typed, and Redis holds no email addresses.
  const digest = (value: string) => createHash('sha256').update(value).digest('base64url');
  // Addresses by addressBucket: an IPv6 client holds a whole /64 and could rotate through it.
  const keysOf = (email: string, ip: string) => [
    key('pair', digest(`${addressBucket(ip)} ${email}`)),
    key('account', digest(email)),
    key('address', digest(addressBucket(ip))),
  ];

  /** Waits for the next free slot of a paced counter, or refuses once `maxWaitMs` has passed. */
  async function takeTurn(gate: string, paceMs: number): Promise<void> {
    const deadline = Date.now() + options.maxWaitMs;
    for (;;) {
      if (await redis.set(gate, '1', 'PX', paceMs, 'NX')) return;
      const wait = Math.max(await redis.pttl(gate), 10);
      if (Date.now() + wait > deadline) {
        observe.throttled('pace_refused');
        const seconds = Math.max(Math.ceil(paceMs / 1000), 1);
        throw rateLimited(`Too many login attempts. Try again in ${seconds} seconds.`, seconds);
      }
      await sleep(wait + Math.random() * 20);
    }
  }

  return {
    /** Counts the attempt; throws RATE_LIMITED when this pair is over its limit. */
    async admit(email: string, ip: string): Promise<void> {
      const keys = keysOf(email, ip);
      const window = String(options.windowSeconds);
      const [pair, account, address] = (await Promise.all(
        keys.map((counter) => redis.eval(COUNT, 1, counter, window)),
      )) as number[];
      observe.attempt();
      if (pair! > options.perAccountAndAddress) {
        observe.throttled('pair_refused');
        const ttl = Math.max(await redis.ttl(keys[0]!), 1);
        throw rateLimited(`Too many failed logins. Try again in ${ttl} seconds.`, ttl);
      }
      if (address! > options.perAddress) {
        observe.throttled('address_paced');
        await takeTurn(key('address-turn', digest(addressBucket(ip))), options.addressPaceMs);
      }
      if (account! > options.perAccount) {
        observe.throttled('account_paced');
        await takeTurn(key('account-turn', digest(email)), options.accountPaceMs);
      }
    },
    async recordSuccess(email: string, ip: string): Promise<void> {
      const [pair, ...wider] = keysOf(email, ip);
      await Promise.all([
        redis.del(pair!),
        ...wider.map((counter) => redis.eval(FORGIVE, 1, counter)),
      ]);
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;

/**
 * Sign-ups per client address: each costs an argon2 hash and an account, so past `limit` in
 * the window an address is refused (RATE_LIMITED) until the window ends. Counted before any work.
 */
export function createSignUpThrottle(
  redis: RedisClient,
  options: { prefix: string; limit: number; windowSeconds: number },
) {
  return {
    async admit(ip: string): Promise<void> {
      const bucket = addressBucket(ip); // IPv6 by /64, as every address throttle
      const key = `${options.prefix}sign-up:${createHash('sha256').update(bucket).digest('base64url')}`;
      const count = (await redis.eval(COUNT, 1, key, String(options.windowSeconds))) as number;
      if (count <= options.limit) return;
      const ttl = Math.max(await redis.ttl(key), 1);
      throw rateLimited(`Too many sign-ups from this address. Try again in ${ttl} seconds.`, ttl);
    },
    /**
     * Whether another emailed link (sign-up, password reset, email change) may go to this
     * address in this window (5): past it, the request answers as ever but sends nothing, so
     * nobody can flood a stranger's inbox.
     */
    async mayEmail(email: string): Promise<boolean> {
      const key = `${options.prefix}link-mail:${createHash('sha256').update(email).digest('base64url')}`;
      const count = (await redis.eval(COUNT, 1, key, String(options.windowSeconds))) as number;
      return count <= EMAILS_PER_ADDRESS;
    },
  };
}

const EMAILS_PER_ADDRESS = 5;

export type SignUpThrottle = ReturnType<typeof createSignUpThrottle>;

import { hash, verify } from '@node-rs/argon2';
import { rateLimited } from '@poolgraph/platform';

// argon2id (the library's default algorithm) at OWASP's baseline: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

/** One hash, unbounded: for the operator's command line, not for requests. */
export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export interface HashingLimits {
  /** argon2 computations at once (each takes 19 MiB and a core for tens of milliseconds). */
  concurrent: number;
  /** Requests that may wait for a slot; beyond that, RATE_LIMITED at once. */
  queued: number;
}

export const DEFAULT_HASHING_LIMITS: HashingLimits = { concurrent: 4, queued: 64 };

/**
 * Password hashing and checking for requests, bounded per process: a burst of sign-ups or
 * logins queues a bounded amount of work and is refused beyond it, instead of piling up hashes
 * that would finish long after their clients left. A request whose `signal` aborts while it
 * waits leaves the queue; one that aborts before its turn never hashes.
 */
export function createPasswordHasher(limits: HashingLimits = DEFAULT_HASHING_LIMITS) {
  let running = 0;
  const waiting: Array<() => void> = [];

  async function acquire(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (running < limits.concurrent) {
      running++;
      return;
    }
    if (waiting.length >= limits.queued) {
      throw rateLimited('The service is busy checking passwords. Try again in 1 second.', 1);
    }
    await new Promise<void>((resolve, reject) => {
      const turn = () => {
        signal?.removeEventListener('abort', leave);
        resolve();
      };
      const leave = () => {
        waiting.splice(waiting.indexOf(turn), 1);
        reject(signal!.reason as Error);
      };
      waiting.push(turn);
      signal?.addEventListener('abort', leave, { once: true });
    });
  }

  /** Hands the slot to the next in line, so that no newcomer can slip past the bound. */
  function release(): void {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }

  async function bounded<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await acquire(signal);
    try {
      signal?.throwIfAborted();
      return await work();
    } finally {
      release();
    }
  }

  const check = (passwordHash: string, password: string, signal?: AbortSignal) =>
    bounded(() => verify(passwordHash, password).catch(() => false), signal);

  /** Checked against when the email is unknown, so both paths cost the same time. */
  let dummyHash: Promise<string> | undefined;

  return {
    hash: (password: string, signal?: AbortSignal) => bounded(() => hashPassword(password), signal),
    verify: check,
    verifyAgainstDummy(password: string, signal?: AbortSignal): Promise<boolean> {
      dummyHash ??= hashPassword('not-a-real-password-for-timing');
      return dummyHash.then((h) => check(h, password, signal)).then(() => false);
    },
  };
}

export type PasswordHasher = ReturnType<typeof createPasswordHasher>;

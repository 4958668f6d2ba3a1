import { GraphQLError } from 'graphql';
import { isPartner, type Viewer } from '@poolgraph/auth';
import { addressBucket } from '@poolgraph/platform';
import type { RateIdentity, RateLimiter } from '../limits/rateLimit.ts';
import { TOO_MANY_CONNECTIONS } from './connectionLimits.ts';

/**
 * The HTTP rate limits, over the socket. Each subscribe costs the work of a request (parse,
 * validate, plan, an upstream subscription) and each complete tears one down, so both are
 * charged like a request, to the same GCRA buckets: the signed-in user's, or for a
 * `connection_init` whose token is refused, the client address's (IPv6 by /64). Without it a
 * socket could subscribe and complete in a loop, far above what HTTP would allow that caller.
 * The limiter fails open, as on HTTP.
 */
export function socketRateLimits(limiter: RateLimiter | undefined) {
  // A key is charged to the key's bucket, as over HTTP (its viewer's id is the key's).
  const userOf = (session: RateSubject): RateIdentity => ({
    kind: session.apiKey || isPartner(session.viewer) ? 'key' : 'user',
    id: session.viewer.userId,
  });

  /** The limiter's refusal (RATE_LIMITED with retryAfterSeconds), without its HTTP details. */
  async function refusal(identity: RateIdentity): Promise<GraphQLError | undefined> {
    if (!limiter) return undefined;
    try {
      await limiter.charge(identity);
      return undefined;
    } catch (error) {
      const { message, extensions } = error as GraphQLError;
      const { http: _http, ...visible } = extensions ?? {};
      return new GraphQLError(message, { extensions: visible });
    }
  }

  return {
    /** A subscribe message: refused with RATE_LIMITED when the user is over their allowance. */
    subscribe: (session: RateSubject) => refusal(userOf(session)),
    /** A complete message: honoured (it frees work), but charged. */
    complete: (session: RateSubject) => void refusal(userOf(session)),
    /**
     * A connection_init: charged to the user, or to the address when its token is refused.
     * Returns the close reason when over the allowance (close code 4429).
     */
    async connection(session: RateSubject | null, address: string): Promise<string | undefined> {
      const identity: RateIdentity = session
        ? userOf(session)
        : { kind: 'ip', id: addressBucket(address) };
      const refused = await refusal(identity);
      return refused && refused.message;
    },
    closeCode: TOO_MANY_CONNECTIONS,
  };
}

/** Who a socket's messages are charged to: its session's viewer, by key or by user. */
interface RateSubject {
  viewer: Viewer;
  apiKey?: boolean;
}

export type SocketRateLimits = ReturnType<typeof socketRateLimits>;

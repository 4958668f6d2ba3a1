import { ROLES, type Role } from '@poolgraph/auth';
import type { Logger } from '@poolgraph/platform';
import { GraphQLError } from 'graphql';

/**
 * Not one of the contract's user-facing codes; the same one the gateway uses when a subgraph
 * cannot be reached, so clients handle both alike ("try again later").
 */
export const SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE';

const peerUnavailable = (peer: string, detail: string) =>
  new GraphQLError(`The ${peer} service could not be asked (${detail}); nothing was changed.`, {
    extensions: { code: SUBGRAPH_UNAVAILABLE, serviceName: peer },
  });

export interface PeerUrls {
  users?: string;
  ledger?: string;
}

/**
 * An investor's position as the ledger reports it, a decimal string in the pool's currency:
 * `capital` is contributed minus distributed, fees and withdrawn (negative after profits).
 */
export interface LedgerPosition {
  capital: string;
}

/** The other subgraphs pools asks synchronously, as the caller (their authorization applies). */
export interface Peers {
  /** The user's roles, or null when users knows no such user. */
  userRoles(userId: string): Promise<Role[] | null>;
  /** The investor's position in the pool, or null when the ledger has none. */
  position(poolId: string, investorId: string): Promise<LedgerPosition | null>;
}

const USER_ROLES = `query PoolsUserRoles($id: ID!) { user(id: $id) { id roles } }`;
const POSITION = `query PoolsMemberPosition($poolId: ID!, $investorId: ID!) {
  position(poolId: $poolId, investorId: $investorId) { capital { amount } }
}`;

interface PeerResponse<T> {
  data?: T | null;
  errors?: Array<{ message?: string; extensions?: { code?: string } }>;
}

export function createPeers(
  urls: PeerUrls,
  authorization: string | undefined,
  log: Logger,
  timeoutMs = 5_000,
): Peers {
  async function ask<T>(peer: keyof PeerUrls, query: string, variables: object): Promise<T> {
    const url = urls[peer];
    if (!url) throw peerUnavailable(peer, 'no URL is configured');
    let body: PeerResponse<T>;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(authorization ? { authorization } : {}),
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      body = (await response.json()) as PeerResponse<T>;
    } catch (error) {
      log.warn({ peer, err: error }, 'peer request failed');
      const name = (error as Error).name;
      throw peerUnavailable(peer, name === 'TimeoutError' ? 'no answer in time' : 'unreachable');
    }
    const [first] = body.errors ?? [];
    if (first || !body.data) {
      log.warn({ peer, error: first }, 'peer answered with an error');
      const reason = first?.extensions?.code ?? 'no data';
      throw peerUnavailable(peer, `${reason}: ${first?.message ?? 'empty answer'}`);
    }
    return body.data;
  }

  return {
    async userRoles(userId) {
      const data = await ask<{ user: { roles: string[] } | null }>('users', USER_ROLES, {
        id: userId,
      });
      return data.user?.roles.filter((r): r is Role => ROLES.includes(r as Role)) ?? null;
    },
    async position(poolId, investorId) {
      const data = await ask<{
        position: { capital: { amount: string } } | null;
      }>('ledger', POSITION, { poolId, investorId });
      if (!data.position) return null;
      return { capital: data.position.capital.amount };
    },
  };
}

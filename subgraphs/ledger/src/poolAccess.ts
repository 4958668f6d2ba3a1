import { Agent, request as httpRequest } from 'node:http';
import { GraphQLError } from 'graphql';
import { graphQLError, ErrorCode, type Logger } from '@poolgraph/platform';

export type PoolStatus = 'DRAFT' | 'OPEN' | 'CLOSED' | 'ARCHIVED';

/** What the pools subgraph says about a pool, as seen by the caller, at the time of asking. */
export interface PoolFacts {
  id: string;
  currency: string;
  status: PoolStatus;
  managerId: string;
  /** Whether `investorId` (the one asked about) is a member, as far as the caller may know. */
  isMember: boolean;
}

/** The caller's own credentials, forwarded so that pools applies its own rules to them. */
export interface Caller {
  authorization: string | undefined;
  requestId: string;
}

/**
 * The ledger's one synchronous dependency: pool facts (status, currency, manager, membership)
 * read from the pools subgraph at the moment of posting. See README "Pool facts".
 */
export interface PoolAccess {
  /** The pool and whether `investorId` is a member; null when the pool does not exist for the caller. */
  lookup(poolId: string, investorId: string, caller: Caller): Promise<PoolFacts | null>;
}

export const LEDGER_POOL_ACCESS_QUERY = /* GraphQL */ `
  query LedgerPoolAccess($poolId: ID!, $investorId: ID!) {
    pool(id: $poolId) {
      id
      currency
      status
      manager {
        id
      }
    }
    membership(poolId: $poolId, investorId: $investorId) {
      id
    }
  }
`;

interface AccessResponse {
  data?: {
    pool: { id: string; currency: string; status: PoolStatus; manager: { id: string } } | null;
    membership: { id: string } | null;
  } | null;
  errors?: Array<{
    message: string;
    path?: Array<string | number>;
    extensions?: { code?: string };
  }>;
}

const unavailable = (detail: string) =>
  new GraphQLError(`The pools service could not be asked about this pool (${detail}); try again.`, {
    extensions: { code: 'SUBGRAPH_UNAVAILABLE' },
  });

/**
 * Posts one JSON body over a kept-alive connection. node:http rather than fetch: this call
 * sits on every money movement, and fetch's web streams and abort signals cost several times
 * more CPU per request than a plain keep-alive request.
 */
function postJson(
  agent: Agent,
  url: URL,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
) {
  return new Promise<unknown>((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    req.setTimeout(timeoutMs, () =>
      req.destroy(Object.assign(new Error('timeout'), { name: 'TimeoutError' })),
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** PoolAccess over HTTP to the pools subgraph's GraphQL endpoint. */
export function createHttpPoolAccess(url: string, log: Logger, timeoutMs = 5_000): PoolAccess {
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  return {
    async lookup(poolId, investorId, caller) {
      let body: AccessResponse;
      try {
        body = (await postJson(
          agent,
          target,
          {
            'content-type': 'application/json',
            'x-request-id': caller.requestId,
            ...(caller.authorization ? { authorization: caller.authorization } : {}),
          },
          JSON.stringify({ query: LEDGER_POOL_ACCESS_QUERY, variables: { poolId, investorId } }),
          timeoutMs,
        )) as AccessResponse;
      } catch (error) {
        log.warn({ err: error, poolId }, 'pool access lookup failed');
        throw unavailable((error as Error).name === 'TimeoutError' ? 'timeout' : 'unreachable');
      }
      // The caller's own credential problems and the pool's visibility come back as they are.
      const poolError = body.errors?.find((e) => e.path?.[0] !== 'membership');
      if (poolError) {
        const code = poolError.extensions?.code;
        if (
          code === ErrorCode.UNAUTHENTICATED ||
          code === ErrorCode.FORBIDDEN ||
          code === ErrorCode.NOT_FOUND
        ) {
          throw graphQLError(code, poolError.message);
        }
        log.error({ errors: body.errors, poolId }, 'pool access lookup returned errors');
        throw unavailable('unexpected answer');
      }
      const pool = body.data?.pool;
      if (!pool) return null;
      return {
        id: pool.id,
        currency: pool.currency,
        status: pool.status,
        managerId: pool.manager.id,
        // A membership the caller may not read is, for this caller, not one they can act on.
        isMember: !!body.data?.membership,
      };
    },
  };
}

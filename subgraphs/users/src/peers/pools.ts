import {
  callerFacingError,
  createServiceClient,
  type CallerIdentity,
  type Logger,
} from '@poolgraph/platform';

export interface PoolsPeer {
  /** The ids of the pools the user manages, as pools answers the caller (self or admin). */
  managedPoolIds(userId: string, caller: CallerIdentity): Promise<Set<string>>;
}

// Asked of the pools subgraph directly, as an entity reference, with the caller's own token:
// pools applies its rule (a user's managed pools are theirs and admins' to list).
const MANAGED_POOLS_QUERY = /* GraphQL */ `
  query UsersManagedPools($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on User {
        managedPools {
          id
        }
      }
    }
  }
`;

interface Answer {
  _entities: ({ managedPools: { id: string }[] } | null)[];
}

/**
 * The one synchronous call users makes: when a manager limits a key to some pools, each must
 * be theirs. Asked once per key created, never on the exchange path.
 */
export function createPoolsPeer(url: string | undefined, log: Logger): PoolsPeer {
  const client = createServiceClient({ service: 'pools', url, log });
  return {
    async managedPoolIds(userId, caller) {
      const body = await client.query<Answer>(
        MANAGED_POOLS_QUERY,
        { representations: [{ __typename: 'User', id: userId }] },
        caller,
      );
      const error = body.errors?.[0];
      if (error) throw callerFacingError(error, 'pools', log);
      const pools = body.data?._entities[0]?.managedPools ?? [];
      return new Set(pools.map((pool) => pool.id));
    },
  };
}

import { ROLES, type Role } from '@poolgraph/auth';
import {
  createServiceClient,
  subgraphUnavailable,
  type CallerIdentity,
  type Logger,
  type ServiceClient,
} from '@poolgraph/platform';
import { GraphQLError } from 'graphql';

export interface PeerUrls {
  users?: string;
  ledger?: string;
}

/** The other subgraphs pools asks synchronously, as the caller (their authorization applies). */
export interface Peers {
  /** The user's roles, or null when users knows no such user. */
  userRoles(userId: string): Promise<Role[] | null>;
  /** The caller's own account email as users stores it (normalized), or null for no account. */
  ownEmail(): Promise<string | null>;
  /**
   * The removal saga's first step: CONFLICT unless the member's capital account is exactly
   * zero; otherwise the ledger counts them as no member from now on.
   */
  releaseInLedger(poolId: string, investorId: string, revision: number): Promise<void>;
  /** Its compensation, when the removal did not commit here. */
  keepInLedger(poolId: string, investorId: string, revision: number): Promise<void>;
  /** The closing saga's first step: the ledger stops taking contributions (see the ledger's services/sagas.ts). */
  closeInLedger(poolId: string, revision: number): Promise<void>;
  /** The saga's compensation, when the close did not commit here. */
  reopenInLedger(poolId: string, revision: number): Promise<void>;
  /** The archiving saga's first step: CONFLICT while the pool holds any money in the ledger. */
  archiveInLedger(poolId: string, revision: number): Promise<void>;
  /** Its compensation, when the archive did not commit here. */
  unarchiveInLedger(poolId: string, revision: number): Promise<void>;
}

const USER_ROLES = `query PoolsUserRoles($id: ID!) { user(id: $id) { id roles } }`;
const OWN_EMAIL = `query PoolsOwnEmail { me { id email } }`;
const RELEASE = `mutation PoolsReleaseInLedger($poolId: ID!, $investorId: ID!, $revision: Int!) {
  releaseMemberInLedger(poolId: $poolId, investorId: $investorId, revision: $revision)
}`;
const KEEP = `mutation PoolsKeepInLedger($poolId: ID!, $investorId: ID!, $revision: Int!) {
  keepMemberInLedger(poolId: $poolId, investorId: $investorId, revision: $revision)
}`;
const CLOSE = `mutation PoolsCloseInLedger($poolId: ID!, $revision: Int!) {
  closePoolInLedger(poolId: $poolId, revision: $revision)
}`;
const REOPEN = `mutation PoolsReopenInLedger($poolId: ID!, $revision: Int!) {
  reopenPoolInLedger(poolId: $poolId, revision: $revision)
}`;
const ARCHIVE = `mutation PoolsArchiveInLedger($poolId: ID!, $revision: Int!) {
  archivePoolInLedger(poolId: $poolId, revision: $revision)
}`;
const UNARCHIVE = `mutation PoolsUnarchiveInLedger($poolId: ID!, $revision: Int!) {
  unarchivePoolInLedger(poolId: $poolId, revision: $revision)
}`;

/** One client per peer and process (kept-alive connections), shared by every request. */
export function createPeerClients(urls: PeerUrls, log: Logger) {
  return {
    users: createServiceClient({ service: 'users', url: urls.users, log }),
    ledger: createServiceClient({ service: 'ledger', url: urls.ledger, log }),
  };
}
export type PeerClients = ReturnType<typeof createPeerClients>;

/** The peers, asked as this caller. */
export function createPeers(clients: PeerClients, caller: CallerIdentity, log: Logger): Peers {
  async function ask<T>(client: ServiceClient, peer: string, query: string, variables: object) {
    const body = await client.query<T>(query, variables, caller);
    const [first] = body.errors ?? [];
    if (first || !body.data) {
      log.warn({ peer, error: first }, 'peer answered with an error');
      const code = first?.extensions?.code;
      // The peer's own refusal of this caller is the caller's answer, not an outage.
      if (code === 'FORBIDDEN' || code === 'CONFLICT' || code === 'NOT_FOUND') {
        throw new GraphQLError(first!.message, { extensions: { code } });
      }
      throw subgraphUnavailable(
        peer,
        `${String(code ?? 'no data')}: ${first?.message ?? 'empty answer'}`,
      );
    }
    return body.data;
  }

  return {
    async userRoles(userId) {
      const data = await ask<{ user: { roles: string[] } | null }>(
        clients.users,
        'users',
        USER_ROLES,
        {
          id: userId,
        },
      );
      return data.user?.roles.filter((r): r is Role => ROLES.includes(r as Role)) ?? null;
    },
    async ownEmail() {
      const data = await ask<{ me: { email: string } | null }>(
        clients.users,
        'users',
        OWN_EMAIL,
        {},
      );
      return data.me?.email ?? null;
    },
    async releaseInLedger(poolId, investorId, revision) {
      await ask(clients.ledger, 'ledger', RELEASE, { poolId, investorId, revision });
    },
    async keepInLedger(poolId, investorId, revision) {
      await ask(clients.ledger, 'ledger', KEEP, { poolId, investorId, revision });
    },
    async closeInLedger(poolId, revision) {
      await ask(clients.ledger, 'ledger', CLOSE, { poolId, revision });
    },
    async reopenInLedger(poolId, revision) {
      await ask(clients.ledger, 'ledger', REOPEN, { poolId, revision });
    },
    async archiveInLedger(poolId, revision) {
      await ask(clients.ledger, 'ledger', ARCHIVE, { poolId, revision });
    },
    async unarchiveInLedger(poolId, revision) {
      await ask(clients.ledger, 'ledger', UNARCHIVE, { poolId, revision });
    },
  };
}

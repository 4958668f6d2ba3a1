import { expectData, graphql, type GraphQLResponse } from '@poolgraph/testing';
import type { PoolsHarness, TestUser } from './harness.ts';

/** Operations and helpers of the private-deals tests (invitations, visibility). */

export const INVITATION_FIELDS = `id kind email status expiresAt maxUses uses createdAt respondedAt
  poolName pool { id }`;

export const SET_VISIBILITY = `mutation SetVisibility($id: ID!, $visibility: PoolVisibility!) {
  setPoolVisibility(id: $id, visibility: $visibility) { id visibility revision }
}`;
export const INVITE_BY_EMAIL = `mutation InviteByEmail($poolId: ID!, $email: String!, $days: Int) {
  inviteByEmail(poolId: $poolId, email: $email, expiresInDays: $days) { ${INVITATION_FIELDS} }
}`;
export const CREATE_LINK = `mutation CreateLink($poolId: ID!, $maxUses: Int, $days: Int) {
  createInviteLink(poolId: $poolId, maxUses: $maxUses, expiresInDays: $days) {
    token invitation { ${INVITATION_FIELDS} }
  }
}`;
export const REVOKE = `mutation Revoke($id: ID!) { revokeInvitation(id: $id) { id status respondedAt } }`;
export const ACCEPT = `mutation Accept($id: ID!, $commitment: Decimal!) {
  acceptInvitation(id: $id, commitment: $commitment) { id investor { id } pool { id } commitment { amount } }
}`;
export const DECLINE = `mutation Decline($id: ID!) { declineInvitation(id: $id) { id status pool { id } } }`;
export const ACCEPT_LINK = `mutation AcceptLink($token: String!, $commitment: Decimal!) {
  acceptInviteLink(token: $token, commitment: $commitment) { id investor { id } pool { id } }
}`;
export const MY_INVITATIONS = `query MyInvitations { myInvitations { ${INVITATION_FIELDS} } }`;
export const INVITE_LINK = `query InviteLink($token: String!) {
  inviteLink(token: $token) { status expiresAt poolName pool { id name visibility } }
}`;
export const POOL_INVITATIONS = `query PoolInvitations($id: ID!) {
  pool(id: $id) { id invitations { ${INVITATION_FIELDS} } }
}`;

export interface InvitationData {
  id: string;
  kind: 'EMAIL' | 'LINK';
  email: string | null;
  status: string;
  expiresAt: string;
  maxUses: number | null;
  uses: number;
  poolName: string;
  pool: { id: string } | null;
}

export const ask = <T>(
  stack: PoolsHarness,
  user: TestUser,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> =>
  graphql<T>(stack.gatewayUrl, query, variables, { token: user.token });

export async function inviteEmail(
  stack: PoolsHarness,
  manager: TestUser,
  poolId: string,
  email: string,
): Promise<InvitationData> {
  const response = await ask<{ inviteByEmail: InvitationData }>(stack, manager, INVITE_BY_EMAIL, {
    poolId,
    email,
  });
  return expectData(response).inviteByEmail;
}

export async function createLink(
  stack: PoolsHarness,
  manager: TestUser,
  poolId: string,
  maxUses: number | null = null,
): Promise<{ token: string; invitation: InvitationData }> {
  const response = await ask<{ createInviteLink: { token: string; invitation: InvitationData } }>(
    stack,
    manager,
    CREATE_LINK,
    { poolId, maxUses },
  );
  return expectData(response).createInviteLink;
}

export async function myInvitations(
  stack: PoolsHarness,
  investor: TestUser,
): Promise<InvitationData[]> {
  return expectData(await ask<{ myInvitations: InvitationData[] }>(stack, investor, MY_INVITATIONS))
    .myInvitations;
}

/** Makes an invitation look as if its expiry passed (a test cannot wait a day). */
export async function expire(stack: PoolsHarness, invitationId: string): Promise<void> {
  await stack.poolsDb.pool.query(
    'UPDATE pool_invitations SET expires_at = NOW(3) - INTERVAL 1 MINUTE WHERE id = ?',
    [invitationId],
  );
}

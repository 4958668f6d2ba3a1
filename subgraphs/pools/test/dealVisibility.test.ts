import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, expectData, graphql } from '@poolgraph/testing';
import { startPoolsHarness, type PoolsHarness, type TestUser } from './harness.ts';
import { POOLS, createOpenPool, createPool, type PoolData } from './helpers.ts';
import {
  ACCEPT,
  POOL_INVITATIONS,
  REVOKE,
  SET_VISIBILITY,
  ask,
  createLink,
  inviteEmail,
  myInvitations,
} from './deals.ts';

/** Who sees a private deal: investors, partners, and references from other subgraphs. */

let stack: PoolsHarness;
let manager: TestUser;
let invitee: TestUser;
let member: TestUser;
let stranger: TestUser;
let admin: TestUser;
let listed: PoolData;
let deal: PoolData;
let draftDeal: PoolData;
/** A partner API key's token (pools:read), as the gateway would forward it. */
let partnerToken: string;

const ENTITIES = `query E($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Pool { id visibility } }
}`;

async function partnerKeyToken(): Promise<string> {
  const created = expectData(
    await graphql<{ createApiKey: { secret: string } }>(
      stack.gatewayUrl,
      `
        mutation K($scopes: [String!]!) {
          createApiKey(name: "Partner", scopes: $scopes) {
            secret
          }
        }
      `,
      { scopes: ['pools:read'] },
      { token: admin.token },
    ),
  ).createApiKey;
  const response = await fetch(`${stack.usersUrl}/api-keys/token`, {
    method: 'POST',
    headers: { 'x-api-key': created.secret },
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

beforeAll(async () => {
  stack = await startPoolsHarness();
  const email = () => `v-${randomBytes(5).toString('hex')}@example.com`;
  [manager, invitee, member, stranger, admin] = await Promise.all([
    stack.signUp('MANAGER'),
    stack.signUp('INVESTOR', 'Invitee', email()),
    stack.signUp('INVESTOR', 'Member', email()),
    stack.signUp('INVESTOR'),
    stack.admin(),
  ]);
  listed = await createOpenPool(stack, manager, { name: 'listed' });
  deal = await createOpenPool(stack, manager, { name: 'deal', visibility: 'INVITE_ONLY' });
  draftDeal = await createPool(stack, manager, { name: 'draft deal', visibility: 'INVITE_ONLY' });
  await inviteEmail(stack, manager, deal.id, invitee.email);
  await inviteEmail(stack, manager, draftDeal.id, invitee.email);
  const forMember = await inviteEmail(stack, manager, deal.id, member.email);
  await myInvitations(stack, invitee);
  await myInvitations(stack, member);
  expectData(await ask(stack, member, ACCEPT, { id: forMember.id, commitment: '10' }));
  partnerToken = await partnerKeyToken();
});
afterAll(() => stack?.stop());

const POOL_ID = `query Pool($id: ID!) { pool(id: $id) { id } }`;
const listIds = async (token: string, url = stack.gatewayUrl) =>
  expectData(await graphql<{ pools: Array<{ id: string }> }>(url, POOLS, {}, { token }))
    .pools.map((p) => p.id)
    .sort();
const poolById = async (token: string, id: string, url = stack.gatewayUrl) =>
  expectData(await graphql<{ pool: { id: string } | null }>(url, POOL_ID, { id }, { token })).pool;

describe('private deals in listings', () => {
  it('lists to an investor only listed pools and the deals they were invited to or joined', async () => {
    expect(await listIds(stranger.token)).toEqual([listed.id]);
    expect(await listIds(invitee.token)).toEqual([listed.id, deal.id, draftDeal.id].sort());
    expect(await listIds(member.token)).toEqual([listed.id, deal.id].sort());
    expect(await listIds(manager.token)).toEqual([listed.id, deal.id, draftDeal.id].sort());
    expect(await listIds(admin.token)).toContain(deal.id);
  });

  it('answers pool(id) with null for a deal the caller was not invited to', async () => {
    expect(await poolById(stranger.token, deal.id)).toBeNull();
    expect((await poolById(invitee.token, deal.id))?.id).toBe(deal.id);
    expect((await poolById(member.token, deal.id))?.id).toBe(deal.id);
  });

  it('gives other subgraphs no private deal through _entities', async () => {
    const representations = [deal.id, listed.id].map((id) => ({ __typename: 'Pool', id }));
    const seen = async (token: string) =>
      expectData(
        await graphql<{ _entities: Array<{ id: string } | null> }>(
          stack.poolsUrl,
          ENTITIES,
          { representations },
          { token },
        ),
      )._entities.map((e) => e?.id ?? null);
    expect(await seen(stranger.token)).toEqual([null, listed.id]);
    expect(await seen(invitee.token)).toEqual([deal.id, listed.id]);
    expect(await seen(partnerToken)).toEqual([null, listed.id]);
  });

  it('lists to a partner key (pools:read) the listed pools only', async () => {
    expect(await listIds(partnerToken, stack.poolsUrl)).toEqual([listed.id]);
    expect(await poolById(partnerToken, deal.id, stack.poolsUrl)).toBeNull();
  });

  it('hides the deal again once the invitation is revoked, and shows it to all once LISTED', async () => {
    const other = await stack.signUp(
      'INVESTOR',
      'Later',
      `l-${randomBytes(5).toString('hex')}@example.com`,
    );
    const invitation = await inviteEmail(stack, manager, deal.id, other.email);
    await myInvitations(stack, other);
    expect(await listIds(other.token)).toContain(deal.id);
    expectData(await ask(stack, manager, REVOKE, { id: invitation.id }));
    expect(await listIds(other.token)).not.toContain(deal.id);
    expect((await myInvitations(stack, other))[0]).toMatchObject({ status: 'REVOKED', pool: null });

    const opened = await createOpenPool(stack, manager, { visibility: 'INVITE_ONLY' });
    expect(await listIds(stranger.token)).not.toContain(opened.id);
    expectData(await ask(stack, manager, SET_VISIBILITY, { id: opened.id, visibility: 'LISTED' }));
    expect(await listIds(stranger.token)).toContain(opened.id);
    expect(await listIds(partnerToken, stack.poolsUrl)).toContain(opened.id);
  });

  it('shows a link holder the pool before accepting, and nobody else', async () => {
    const linked = await createOpenPool(stack, manager, { visibility: 'INVITE_ONLY' });
    const { token } = await createLink(stack, manager, linked.id);
    const preview = await ask<{ inviteLink: { pool: { id: string; visibility: string } } }>(
      stack,
      stranger,
      `query($token: String!) { inviteLink(token: $token) { pool { id visibility } } }`,
      { token },
    );
    expect(expectData(preview).inviteLink.pool).toEqual({
      id: linked.id,
      visibility: 'INVITE_ONLY',
    });
    expect(await listIds(stranger.token)).not.toContain(linked.id);
  });

  it("keeps a pool's invitations to its manager and admins", async () => {
    for (const who of [invitee, member, stranger]) {
      const response = await ask(stack, who, POOL_INVITATIONS, { id: deal.id });
      expect(errorCodes(response)).toEqual(who === stranger ? [] : ['FORBIDDEN']);
    }
    const mine = await ask<{ pool: { invitations: Array<{ email: string }> } }>(
      stack,
      manager,
      POOL_INVITATIONS,
      { id: deal.id },
    );
    expect(expectData(mine).pool.invitations.map((i) => i.email)).toContain(member.email);
    const adminView = await ask(stack, admin, POOL_INVITATIONS, { id: deal.id });
    expect(errorCodes(adminView)).toEqual([]);
  });
});

import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorCodes,
  eventually,
  expectData,
  startSmtpCapture,
  type GraphQLResponse,
  type SmtpCapture,
} from '@poolgraph/testing';
import { startPoolsHarness, type PoolsHarness, type TestUser } from './harness.ts';
import { CLOSE_POOL, countRows, createOpenPool, createPool, join } from './helpers.ts';
import {
  ACCEPT,
  ACCEPT_LINK,
  CREATE_LINK,
  DECLINE,
  INVITE_BY_EMAIL,
  INVITE_LINK,
  REVOKE,
  SET_VISIBILITY,
  ask,
  createLink,
  expire,
  inviteEmail,
  myInvitations,
} from './deals.ts';

let stack: PoolsHarness;
let smtp: SmtpCapture;
let manager: TestUser;
let otherManager: TestUser;
let investor: TestUser;

beforeAll(async () => {
  smtp = await startSmtpCapture();
  stack = await startPoolsHarness({ smtpUrl: smtp.url });
  [manager, otherManager, investor] = await Promise.all([
    stack.signUp('MANAGER'),
    stack.signUp('MANAGER'),
    stack.signUp('INVESTOR'),
  ]);
});
afterAll(async () => {
  await stack?.stop();
  await smtp?.stop();
});

const privateDeal = (input: Record<string, unknown> = {}) =>
  createOpenPool(stack, manager, { visibility: 'INVITE_ONLY', ...input });
const fieldOf = (response: GraphQLResponse<unknown>) =>
  (response.errors?.[0]?.extensions as { field?: string } | undefined)?.field;
const uniqueEmail = () => `deal-${randomBytes(5).toString('hex')}@example.com`;

describe('setPoolVisibility', () => {
  it('switches a DRAFT or OPEN pool between LISTED and INVITE_ONLY, counting a revision', async () => {
    const pool = await createOpenPool(stack, manager);
    const data = expectData(
      await ask<{ setPoolVisibility: { visibility: string; revision: number } }>(
        stack,
        manager,
        SET_VISIBILITY,
        { id: pool.id, visibility: 'INVITE_ONLY' },
      ),
    );
    expect(data.setPoolVisibility).toMatchObject({ visibility: 'INVITE_ONLY', revision: 3 });
  });

  it('refuses another manager, an investor, an unknown pool and a CLOSED pool', async () => {
    const pool = await createOpenPool(stack, manager);
    const vars = { id: pool.id, visibility: 'INVITE_ONLY' };
    expect(errorCodes(await ask(stack, otherManager, SET_VISIBILITY, vars))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await ask(stack, investor, SET_VISIBILITY, vars))).toEqual(['FORBIDDEN']);
    const unknown = { ...vars, id: 'not-a-uuid' };
    expect(errorCodes(await ask(stack, manager, SET_VISIBILITY, unknown))).toEqual(['NOT_FOUND']);
    expectData(await ask(stack, manager, CLOSE_POOL, { id: pool.id }));
    const closed = await ask(stack, manager, SET_VISIBILITY, vars);
    expect(errorCodes(closed)).toEqual(['BAD_USER_INPUT']);
    expect(closed.errors![0]!.message).toMatch(/CLOSED/);
  });
});

describe('inviteByEmail', () => {
  it('stores the email in the users subgraph normal form and mails the invitation', async () => {
    const pool = await privateDeal({ name: 'Seed\r\nBcc: x@evil.test' });
    const local = `ann.${randomBytes(4).toString('hex')}`;
    // Fullwidth "ａ", upper case and spaces: the same address users would store.
    const invitation = await inviteEmail(
      stack,
      manager,
      pool.id,
      `  ＡNN${local.slice(3)}@Example.COM `,
    );
    expect(invitation).toMatchObject({
      kind: 'EMAIL',
      email: `${local}@example.com`,
      status: 'PENDING',
      uses: 0,
      maxUses: null,
    });
    const mail = await eventually(async () => {
      const found = smtp.mails.find((m) => m.to === `${local}@example.com`);
      if (!found) throw new Error('no mail yet');
      return found;
    });
    expect(mail.raw).toContain('https://app.poolgraph.test/invitations');
    expect(mail.raw).not.toMatch(/^Bcc:/m);
  });

  it('refuses bad input with the field named, and writes nothing', async () => {
    const pool = await privateDeal();
    const before = await countRows(stack, 'pool_invitations');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ email: 'not an email' }, 'email'],
      [{ email: manager.email.toUpperCase() }, 'email'],
      [{ email: uniqueEmail(), days: 0 }, 'expiresInDays'],
      [{ email: uniqueEmail(), days: 91 }, 'expiresInDays'],
    ];
    for (const [vars, field] of cases) {
      const response = await ask(stack, manager, INVITE_BY_EMAIL, { poolId: pool.id, ...vars });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(fieldOf(response)).toBe(field);
    }
    expect(await countRows(stack, 'pool_invitations')).toBe(before);
  });

  it('refuses another manager, an investor, an unknown pool and a CLOSED pool', async () => {
    const pool = await privateDeal();
    const vars = { poolId: pool.id, email: uniqueEmail() };
    expect(errorCodes(await ask(stack, otherManager, INVITE_BY_EMAIL, vars))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await ask(stack, investor, INVITE_BY_EMAIL, vars))).toEqual(['FORBIDDEN']);
    const unknown = { ...vars, poolId: '0190a000-0000-7000-8000-000000000000' };
    expect(errorCodes(await ask(stack, manager, INVITE_BY_EMAIL, unknown))).toEqual(['NOT_FOUND']);
    expectData(await ask(stack, manager, CLOSE_POOL, { id: pool.id }));
    expect(errorCodes(await ask(stack, manager, INVITE_BY_EMAIL, vars))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('refuses a second live invitation of the same email, even spelled differently or sent at once', async () => {
    const pool = await privateDeal();
    const email = uniqueEmail();
    const spellings = [email, email.toUpperCase(), ` ${email} `, email, email];
    const responses = await Promise.all(
      spellings.map((spelling) =>
        ask(stack, manager, INVITE_BY_EMAIL, { poolId: pool.id, email: spelling }),
      ),
    );
    expect(responses.filter((r) => !r.errors)).toHaveLength(1);
    expect(responses.flatMap((r) => errorCodes(r))).toEqual(Array(4).fill('CONFLICT'));
  });
});

describe('accepting and declining an EMAIL invitation', () => {
  it('is claimed by the account that signs up later with that email, which then joins', async () => {
    const pool = await privateDeal({ minContribution: '1000' });
    const email = uniqueEmail();
    const invitation = await inviteEmail(stack, manager, pool.id, email.toUpperCase());
    const newcomer = await stack.signUp('INVESTOR', 'Newcomer', email);
    const mine = await myInvitations(stack, newcomer);
    expect(mine.map((i) => [i.id, i.status, i.pool?.id])).toEqual([
      [invitation.id, 'PENDING', pool.id],
    ]);
    const low = await ask(stack, newcomer, ACCEPT, { id: invitation.id, commitment: '999.99' });
    expect(errorCodes(low)).toEqual(['BAD_USER_INPUT']);
    expect(fieldOf(low)).toBe('commitment');
    const accepted = await ask<{ acceptInvitation: { investor: { id: string } } }>(
      stack,
      newcomer,
      ACCEPT,
      { id: invitation.id, commitment: '1,000.00'.replace(',', '') },
    );
    expect(expectData(accepted).acceptInvitation.investor.id).toBe(newcomer.userId);
    expect((await myInvitations(stack, newcomer))[0]).toMatchObject({
      status: 'ACCEPTED',
      uses: 1,
    });
    const again = await ask(stack, newcomer, ACCEPT, { id: invitation.id, commitment: '1000' });
    expect(errorCodes(again)).toEqual(['CONFLICT']);
  });

  it('is NOT_FOUND to anyone but the invited account, and to a manager it is FORBIDDEN', async () => {
    const pool = await privateDeal();
    const invitation = await inviteEmail(stack, manager, pool.id, uniqueEmail());
    const vars = { id: invitation.id, commitment: '10' };
    expect(errorCodes(await ask(stack, investor, ACCEPT, vars))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await ask(stack, investor, DECLINE, { id: invitation.id }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(errorCodes(await ask(stack, manager, ACCEPT, vars))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await ask(stack, investor, ACCEPT, { ...vars, id: 'x' }))).toEqual([
      'NOT_FOUND',
    ]);
  });

  it('declined, revoked or expired invitations say so and join nobody', async () => {
    const pool = await privateDeal();
    const invitee = await stack.signUp('INVESTOR', 'Invitee', uniqueEmail());
    const declined = await inviteEmail(stack, manager, pool.id, invitee.email);
    const declining = await ask<{ declineInvitation: { status: string; pool: unknown } }>(
      stack,
      invitee,
      DECLINE,
      { id: declined.id },
    );
    expect(expectData(declining).declineInvitation).toEqual({
      id: declined.id,
      status: 'DECLINED',
      pool: null,
    });
    const afterDecline = await ask(stack, invitee, ACCEPT, { id: declined.id, commitment: '10' });
    expect(errorCodes(afterDecline)).toEqual(['BAD_USER_INPUT']);
    expect(afterDecline.errors![0]!.message).toMatch(/declined/);

    const revoked = await inviteEmail(stack, manager, pool.id, invitee.email);
    expect(errorCodes(await ask(stack, otherManager, REVOKE, { id: revoked.id }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(
      expectData(
        await ask<{ revokeInvitation: { status: string } }>(stack, manager, REVOKE, {
          id: revoked.id,
        }),
      ).revokeInvitation.status,
    ).toBe('REVOKED');
    expect(errorCodes(await ask(stack, manager, REVOKE, { id: revoked.id }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const afterRevoke = await ask(stack, invitee, ACCEPT, { id: revoked.id, commitment: '10' });
    expect(afterRevoke.errors![0]!.message).toMatch(/revoked/);

    const expired = await inviteEmail(stack, manager, pool.id, invitee.email);
    await expire(stack, expired.id);
    const afterExpiry = await ask(stack, invitee, ACCEPT, { id: expired.id, commitment: '10' });
    expect(errorCodes(afterExpiry)).toEqual(['BAD_USER_INPUT']);
    expect(afterExpiry.errors![0]!.message).toMatch(/expired on/);
    expect((await myInvitations(stack, invitee)).map((i) => i.status)).toEqual([
      'EXPIRED',
      'REVOKED',
      'DECLINED',
    ]);
    expect(await countRows(stack, 'memberships')).toBeGreaterThan(0);
    const members = await stack.poolsDb.pool.query(
      'SELECT COUNT(*) AS n FROM memberships WHERE pool_id = ?',
      [pool.id],
    );
    expect(Number((members[0] as Array<{ n: number }>)[0]!.n)).toBe(0);
  });

  it('waits for a DRAFT pool to open before anyone can accept', async () => {
    const draft = await createPool(stack, manager, { visibility: 'INVITE_ONLY' });
    const invitee = await stack.signUp('INVESTOR', 'Early', uniqueEmail());
    const invitation = await inviteEmail(stack, manager, draft.id, invitee.email);
    const early = await ask(stack, invitee, ACCEPT, { id: invitation.id, commitment: '10' });
    expect(errorCodes(early)).toEqual(['BAD_USER_INPUT']);
    expect(early.errors![0]!.message).toMatch(/DRAFT/);
  });
});

describe('invite links', () => {
  it('stores only a hash of the token, which previews and joins the private deal', async () => {
    const pool = await privateDeal();
    const { token, invitation } = await createLink(stack, manager, pool.id, 3);
    expect(token).toMatch(/^pgi_[A-Za-z0-9_-]{43}$/);
    expect(invitation).toMatchObject({ kind: 'LINK', email: null, maxUses: 3, status: 'PENDING' });
    const [rows] = await stack.poolsDb.pool.query('SELECT * FROM pool_invitations WHERE id = ?', [
      invitation.id,
    ]);
    expect(JSON.stringify(rows)).not.toContain(token.slice(4));
    const preview = await ask<{ inviteLink: { status: string; pool: { id: string } | null } }>(
      stack,
      investor,
      INVITE_LINK,
      { token },
    );
    expect(expectData(preview).inviteLink).toMatchObject({
      status: 'PENDING',
      pool: { id: pool.id },
    });
    const joined = await ask(stack, investor, ACCEPT_LINK, { token, commitment: '10' });
    expect(errorCodes(joined)).toEqual([]);
    const twice = await ask(stack, investor, ACCEPT_LINK, { token, commitment: '10' });
    expect(errorCodes(twice)).toEqual(['CONFLICT']);
    const links = await ask<{ pool: { invitations: Array<{ uses: number }> } }>(
      stack,
      manager,
      `query($id: ID!) { pool(id: $id) { invitations { uses } } }`,
      { id: pool.id },
    );
    expect(expectData(links).pool.invitations).toEqual([{ uses: 1 }]);
  });

  it('says clearly when a link is unknown, expired, revoked, or used by its own manager', async () => {
    const pool = await privateDeal();
    for (const token of ['nope', `pgi_${'A'.repeat(43)}`]) {
      expect(errorCodes(await ask(stack, investor, INVITE_LINK, { token }))).toEqual(['NOT_FOUND']);
      const accept = await ask(stack, investor, ACCEPT_LINK, { token, commitment: '10' });
      expect(errorCodes(accept)).toEqual(['NOT_FOUND']);
    }
    const own = await createLink(stack, manager, pool.id);
    const self = await ask(stack, manager, ACCEPT_LINK, { token: own.token, commitment: '10' });
    expect(errorCodes(self)).toEqual(['FORBIDDEN']);
    expect(self.errors![0]!.message).toMatch(/You manage this pool/);

    const expired = await createLink(stack, manager, pool.id);
    await expire(stack, expired.invitation.id);
    const preview = await ask<{ inviteLink: { status: string; pool: unknown } }>(
      stack,
      investor,
      INVITE_LINK,
      { token: expired.token },
    );
    expect(expectData(preview).inviteLink).toMatchObject({ status: 'EXPIRED', pool: null });
    const late = await ask(stack, investor, ACCEPT_LINK, { token: expired.token, commitment: '1' });
    expect(errorCodes(late)).toEqual(['BAD_USER_INPUT']);
    expect(fieldOf(late)).toBe('token');
    expect(late.errors![0]!.message).toMatch(
      /^token: This invite link expired on \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/,
    );

    expectData(await ask(stack, manager, REVOKE, { id: own.invitation.id }));
    const revoked = await ask(stack, investor, ACCEPT_LINK, { token: own.token, commitment: '1' });
    expect(revoked.errors![0]!.message).toBe(
      "token: This invite link was revoked by the pool's manager.",
    );
  });

  it('refuses bad limits and another manager, writing nothing', async () => {
    const pool = await privateDeal();
    const before = await countRows(stack, 'pool_invitations');
    for (const [vars, field] of [
      [{ maxUses: 0 }, 'maxUses'],
      [{ maxUses: 10_001 }, 'maxUses'],
      [{ days: 0 }, 'expiresInDays'],
    ] as const) {
      const response = await ask(stack, manager, CREATE_LINK, { poolId: pool.id, ...vars });
      expect(fieldOf(response)).toBe(field);
    }
    const theirs = await ask(stack, otherManager, CREATE_LINK, { poolId: pool.id });
    expect(errorCodes(theirs)).toEqual(['FORBIDDEN']);
    expect(await countRows(stack, 'pool_invitations')).toBe(before);
  });

  it('lets exactly maxUses of 50 investors in when they all accept one link at once', async () => {
    const pool = await privateDeal();
    const { token, invitation } = await createLink(stack, manager, pool.id, 5);
    const crowd = await Promise.all(
      Array.from({ length: 50 }, (_, i) => stack.signUp('INVESTOR', `Crowd ${i}`)),
    );
    const responses = await Promise.all(
      crowd.map((who) => ask(stack, who, ACCEPT_LINK, { token, commitment: '10' })),
    );
    expect(responses.filter((r) => !r.errors)).toHaveLength(5);
    expect(responses.flatMap((r) => errorCodes(r))).toEqual(Array(45).fill('CONFLICT'));
    const [rows] = await stack.poolsDb.pool.query(
      'SELECT (SELECT COUNT(*) FROM memberships WHERE pool_id = ?) AS members, uses FROM pool_invitations WHERE id = ?',
      [pool.id, invitation.id],
    );
    expect(rows).toEqual([{ members: '5', uses: 5 }]);
    const preview = await ask<{ inviteLink: { status: string } }>(stack, investor, INVITE_LINK, {
      token,
    });
    expect(expectData(preview).inviteLink.status).toBe('USED_UP');
  });

  it("keeps the pool's seat limit whatever the link allows", async () => {
    const pool = await privateDeal({ maxInvestors: 2 });
    const { token } = await createLink(stack, manager, pool.id);
    const three = await Promise.all([1, 2, 3].map((i) => stack.signUp('INVESTOR', `Seat ${i}`)));
    const responses = await Promise.all(
      three.map((who) => ask(stack, who, ACCEPT_LINK, { token, commitment: '5' })),
    );
    expect(responses.flatMap((r) => errorCodes(r))).toEqual(['CONFLICT']);
    expect(responses.find((r) => r.errors)!.errors![0]!.message).toMatch(/full/);
  });
});

describe('joinPool and private deals', () => {
  it('is NOT_FOUND to the uninvited, FORBIDDEN to the invited, CONFLICT to a member', async () => {
    const pool = await privateDeal();
    const [stranger, invitee] = await Promise.all([
      stack.signUp('INVESTOR'),
      stack.signUp('INVESTOR', 'Invitee', uniqueEmail()),
    ]);
    expect(errorCodes(await join(stack, stranger, pool.id, '10'))).toEqual(['NOT_FOUND']);
    const invitation = await inviteEmail(stack, manager, pool.id, invitee.email);
    await myInvitations(stack, invitee);
    const invited = await join(stack, invitee, pool.id, '10');
    expect(errorCodes(invited)).toEqual(['FORBIDDEN']);
    expect(invited.errors![0]!.message).toMatch(/invite-only/);
    expectData(await ask(stack, invitee, ACCEPT, { id: invitation.id, commitment: '10' }));
    expect(errorCodes(await join(stack, invitee, pool.id, '10'))).toEqual(['CONFLICT']);
  });

  it('keeps its meaning for LISTED pools', async () => {
    const pool = await createOpenPool(stack, manager);
    expect(errorCodes(await join(stack, investor, pool.id, '10'))).toEqual([]);
  });
});

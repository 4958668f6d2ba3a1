import { describe, expect, it } from 'vitest';
import type { Viewer } from '@poolgraph/auth';
import { sharingIdentity } from './operation.ts';

const viewer = (userId: string, roles: Viewer['roles'], extra: object = {}): Viewer =>
  ({ userId, roles, sessionId: `session-of-${userId}`, ...extra }) as Viewer;

/** A root field every admin is answered alike for. */
const ofPools = (v: Viewer) => sharingIdentity(v, 'balanceChanged');

describe('sharingIdentity', () => {
  it('groups admins by their roles, whoever they are and whichever session they use', () => {
    expect(ofPools(viewer('a', ['ADMIN']))).toBe(ofPools(viewer('b', ['ADMIN'])));
    expect(ofPools(viewer('a', ['ADMIN', 'MANAGER']))).toBe(
      ofPools(viewer('b', ['MANAGER', 'ADMIN'])),
    );
    expect(ofPools(viewer('a', ['ADMIN']))).not.toBe(ofPools(viewer('b', ['ADMIN', 'MANAGER'])));
  });

  it('never groups two managers or investors', () => {
    expect(ofPools(viewer('a', ['MANAGER']))).not.toBe(ofPools(viewer('b', ['MANAGER'])));
    expect(ofPools(viewer('a', ['INVESTOR']))).not.toBe(ofPools(viewer('b', ['INVESTOR'])));
    expect(ofPools(viewer('a', ['INVESTOR']))).toBe(
      ofPools({ ...viewer('a', ['INVESTOR']), sessionId: 'another-login' }),
    );
  });

  it('separates admins who differ in anything else the viewer carries', () => {
    expect(ofPools(viewer('a', ['ADMIN'], { scopes: ['pools:read'] }))).not.toBe(
      ofPools(viewer('b', ['ADMIN'], { scopes: ['ledger:read'] })),
    );
  });

  it("never groups two admins for the caller's own fields, or a root field it cannot name", () => {
    for (const field of ['noticeReceived', 'unreadNoticeCount', undefined]) {
      expect(sharingIdentity(viewer('a', ['ADMIN']), field)).not.toBe(
        sharingIdentity(viewer('b', ['ADMIN']), field),
      );
      expect(sharingIdentity(viewer('a', ['ADMIN']), field)).toBe(
        sharingIdentity({ ...viewer('a', ['ADMIN']), sessionId: 'another-login' }, field),
      );
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { Viewer } from '@poolgraph/auth';
import { sharingIdentity } from './operation.ts';

const viewer = (userId: string, roles: Viewer['roles'], extra: object = {}): Viewer =>
  ({ userId, roles, sessionId: `session-of-${userId}`, ...extra }) as Viewer;

describe('sharingIdentity', () => {
  it('groups admins by their roles, whoever they are and whichever session they use', () => {
    expect(sharingIdentity(viewer('a', ['ADMIN']))).toBe(sharingIdentity(viewer('b', ['ADMIN'])));
    expect(sharingIdentity(viewer('a', ['ADMIN', 'MANAGER']))).toBe(
      sharingIdentity(viewer('b', ['MANAGER', 'ADMIN'])),
    );
    expect(sharingIdentity(viewer('a', ['ADMIN']))).not.toBe(
      sharingIdentity(viewer('b', ['ADMIN', 'MANAGER'])),
    );
  });

  it('never groups two managers or investors', () => {
    expect(sharingIdentity(viewer('a', ['MANAGER']))).not.toBe(
      sharingIdentity(viewer('b', ['MANAGER'])),
    );
    expect(sharingIdentity(viewer('a', ['INVESTOR']))).not.toBe(
      sharingIdentity(viewer('b', ['INVESTOR'])),
    );
    expect(sharingIdentity(viewer('a', ['INVESTOR']))).toBe(
      sharingIdentity({ ...viewer('a', ['INVESTOR']), sessionId: 'another-login' }),
    );
  });

  it('separates admins who differ in anything else the viewer carries', () => {
    expect(sharingIdentity(viewer('a', ['ADMIN'], { scopes: ['pools:read'] }))).not.toBe(
      sharingIdentity(viewer('b', ['ADMIN'], { scopes: ['ledger:read'] })),
    );
  });
});

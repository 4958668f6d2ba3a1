import { describe, expect, it } from 'vitest';
import { whyKeyMisses } from './partnerEventRules.ts';

const now = new Date('2026-12-06T09:00:00Z');
const pool = { poolId: 'p1', managerId: 'm1' };
const key = {
  kind: 'DELEGATED' as const,
  managerId: 'm1',
  poolIds: null,
  scopes: ['pools:read', 'ledger:read'],
  expiresAt: null,
  revokedAt: null,
};

describe('which partner keys receive a pool event', () => {
  it("gives a working delegated key its manager's pool events under the scope each needs", () => {
    expect(whyKeyMisses(key, pool, 'TRANSACTION_POSTED', now)).toBeNull();
    expect(whyKeyMisses(key, pool, 'TRANSACTION_VOIDED', now)).toBeNull();
    expect(whyKeyMisses(key, pool, 'ALERT_RAISED', now)).toBeNull();
    expect(whyKeyMisses({ ...key, poolIds: ['p1'] }, pool, 'ALERT_RAISED', now)).toBeNull();
  });

  it('refuses another manager’s pool, an unlisted pool and an unknown pool', () => {
    const scope = 'the pool is not in the key’s scope';
    expect(whyKeyMisses(key, { ...pool, managerId: 'm2' }, 'TRANSACTION_POSTED', now)).toBe(scope);
    expect(whyKeyMisses({ ...key, poolIds: ['p2'] }, pool, 'TRANSACTION_POSTED', now)).toBe(scope);
    expect(whyKeyMisses(key, null, 'TRANSACTION_POSTED', now)).toBe(scope);
  });

  it('refuses a revoked, expired or platform key, and an event outside the scopes', () => {
    expect(whyKeyMisses({ ...key, revokedAt: now }, pool, 'ALERT_RAISED', now)).toBe(
      'the API key was revoked',
    );
    expect(whyKeyMisses({ ...key, expiresAt: now }, pool, 'ALERT_RAISED', now)).toBe(
      'the API key expired',
    );
    expect(
      whyKeyMisses({ ...key, expiresAt: new Date(now.getTime() + 1) }, pool, 'ALERT_RAISED', now),
    ).toBeNull();
    expect(
      whyKeyMisses({ ...key, kind: 'PLATFORM', managerId: null }, pool, 'ALERT_RAISED', now),
    ).toBe('a platform key reads no pool transactions or alerts');
    expect(whyKeyMisses({ ...key, scopes: ['ledger:read'] }, pool, 'ALERT_RAISED', now)).toBe(
      'the API key lacks the scope pools:read',
    );
    expect(whyKeyMisses({ ...key, scopes: ['pools:read'] }, pool, 'TRANSACTION_VOIDED', now)).toBe(
      'the API key lacks the scope ledger:read',
    );
  });
});

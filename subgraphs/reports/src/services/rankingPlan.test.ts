import { describe, expect, it } from 'vitest';
import { planRanking } from './rankingPlan.ts';

const at = (iso: string) => new Date(iso);

describe('planRanking', () => {
  it('reads the all-time ranking without a window, and one period for a calendar year or month', () => {
    expect(planRanking()).toEqual({ direct: { kind: 'A', periodStart: '1970-01-01' } });
    expect(planRanking(at('2025-01-01T00:00:00Z'), at('2026-01-01T00:00:00Z'))).toEqual({
      direct: { kind: 'Y', periodStart: '2025-01-01' },
    });
    expect(planRanking(at('2025-12-01T00:00:00Z'), at('2026-01-01T00:00:00Z'))).toEqual({
      direct: { kind: 'M', periodStart: '2025-12-01' },
    });
  });

  it('splits any other window into edge days, whole months and whole years', () => {
    expect(planRanking(at('2023-11-15T10:00:00Z'), at('2026-02-03T00:00:00Z'))).toEqual({
      periods: [
        { kind: 'M', from: '2023-12-01', to: '2024-01-01' },
        { kind: 'Y', from: '2024-01-01', to: '2026-01-01' },
        { kind: 'M', from: '2026-01-01', to: '2026-02-01' },
      ],
      edges: [
        { from: at('2023-11-15T10:00:00Z'), to: at('2023-12-01T00:00:00Z') },
        { from: at('2026-02-01T00:00:00Z'), to: at('2026-02-03T00:00:00Z') },
      ],
    });
  });

  it('reads raw rows for a window inside one month', () => {
    expect(planRanking(at('2025-02-10T00:00:00Z'), at('2025-02-20T00:00:00Z'))).toEqual({
      periods: [],
      edges: [{ from: at('2025-02-10T00:00:00Z'), to: at('2025-02-20T00:00:00Z') }],
    });
  });
});

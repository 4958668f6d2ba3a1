import { parseAmount } from '@poolgraph/money';
import { badUserInput } from '@poolgraph/platform';
import type { AlertKind } from '../db/schema.ts';
import type { PoolFactsRow } from '../data/poolFacts.ts';
import type { RuleRow } from '../data/rules.ts';
import type { SpikeParams } from '../detection/spike.ts';

/** The spike defaults of the public contract (docs/ARCHITECTURE.md, "Alert rules"). */
export const SPIKE_DEFAULTS: SpikeParams = {
  spikeFactor: 10,
  windowSeconds: 300,
  baselineSeconds: 3600,
  minCount: 5,
};
/** LARGE_TRANSACTION's default threshold: this share of the pool's target amount. */
export const DEFAULT_THRESHOLD_PERCENT_OF_TARGET = 10n;
export const MAX_BASELINE_SECONDS = 7 * 24 * 3600;
export const MAX_SPIKE_FACTOR = 1000;
export const MAX_MIN_COUNT = 1_000_000;

/** A pool's rule as served and applied: set by its manager, or the default. */
export interface EffectiveRule {
  id: string;
  poolId: string;
  kind: AlertKind;
  currency: string;
  thresholdMinor: bigint | null;
  spikeFactor: number | null;
  windowSeconds: number | null;
  baselineSeconds: number | null;
  minCount: number | null;
  enabled: boolean;
  isDefault: boolean;
}

export type PoolRuleFacts = Pick<PoolFactsRow, 'poolId' | 'currency' | 'targetMinor'>;

export function defaultRule(facts: PoolRuleFacts, kind: AlertKind): EffectiveRule {
  const base = { id: `default:${facts.poolId}:${kind}`, poolId: facts.poolId, kind };
  if (kind === 'LARGE_TRANSACTION') {
    const target = facts.targetMinor ?? 0n;
    const threshold = target > 0n ? (target * DEFAULT_THRESHOLD_PERCENT_OF_TARGET) / 100n : null;
    return {
      ...base,
      currency: facts.currency,
      thresholdMinor: threshold && threshold > 0n ? threshold : null,
      spikeFactor: null,
      windowSeconds: null,
      baselineSeconds: null,
      minCount: null,
      enabled: !!threshold && threshold > 0n,
      isDefault: true,
    };
  }
  return {
    ...base,
    currency: facts.currency,
    thresholdMinor: null,
    ...SPIKE_DEFAULTS,
    enabled: true,
    isDefault: true,
  };
}

/** Both rules of a pool: the stored ones, and defaults for the kinds never set. */
export function effectiveRules(facts: PoolRuleFacts, stored: RuleRow[]): EffectiveRule[] {
  return (['LARGE_TRANSACTION', 'TRANSACTION_SPIKE'] as const).map((kind) => {
    const row = stored.find((r) => r.kind === kind);
    return row ? { ...row, currency: facts.currency, isDefault: false } : defaultRule(facts, kind);
  });
}

export function spikeParamsOf(rule: EffectiveRule): SpikeParams {
  return {
    spikeFactor: rule.spikeFactor ?? SPIKE_DEFAULTS.spikeFactor,
    windowSeconds: rule.windowSeconds ?? SPIKE_DEFAULTS.windowSeconds,
    baselineSeconds: rule.baselineSeconds ?? SPIKE_DEFAULTS.baselineSeconds,
    minCount: rule.minCount ?? SPIKE_DEFAULTS.minCount,
  };
}

export interface RuleInput {
  kind: AlertKind;
  threshold?: string | null;
  spikeFactor?: number | null;
  windowSeconds?: number | null;
  baselineSeconds?: number | null;
  minCount?: number | null;
  enabled?: boolean | null;
}

const given = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

/**
 * Validates an input against the pool's current rule and returns the row to store. Every error
 * is BAD_USER_INPUT naming its field (`input.<field>`).
 */
export function applyRuleInput(current: EffectiveRule, input: RuleInput): Omit<RuleRow, 'id'> {
  const spikeFields = ['spikeFactor', 'windowSeconds', 'baselineSeconds', 'minCount'] as const;
  if (input.kind === 'LARGE_TRANSACTION') {
    for (const field of spikeFields) {
      if (given(input[field])) {
        throw badUserInput(`input.${field}`, 'applies to TRANSACTION_SPIKE rules only.');
      }
    }
    const threshold = given(input.threshold)
      ? parseAmount(input.threshold, current.currency, { field: 'input.threshold' })
      : current.thresholdMinor;
    const enabled = input.enabled ?? (current.isDefault ? true : current.enabled);
    if (enabled && threshold === null) {
      throw badUserInput(
        'input.threshold',
        'is required: the pool has no target to derive one from.',
      );
    }
    return {
      poolId: current.poolId,
      kind: input.kind,
      thresholdMinor: threshold,
      spikeFactor: null,
      windowSeconds: null,
      baselineSeconds: null,
      minCount: null,
      enabled,
    };
  }
  if (given(input.threshold)) {
    throw badUserInput('input.threshold', 'applies to LARGE_TRANSACTION rules only.');
  }
  const params = spikeParamsOf(current);
  const spikeFactor = input.spikeFactor ?? params.spikeFactor;
  if (!Number.isFinite(spikeFactor) || spikeFactor <= 1 || spikeFactor > MAX_SPIKE_FACTOR) {
    throw badUserInput(
      'input.spikeFactor',
      `must be greater than 1 and at most ${MAX_SPIKE_FACTOR}.`,
    );
  }
  const windowSeconds = input.windowSeconds ?? params.windowSeconds;
  if (windowSeconds < 1) throw badUserInput('input.windowSeconds', 'must be at least 1.');
  const baselineSeconds = input.baselineSeconds ?? params.baselineSeconds;
  if (baselineSeconds > MAX_BASELINE_SECONDS) {
    throw badUserInput(
      'input.baselineSeconds',
      `must be at most ${MAX_BASELINE_SECONDS} (7 days).`,
    );
  }
  if (windowSeconds >= baselineSeconds) {
    throw badUserInput(
      given(input.windowSeconds) ? 'input.windowSeconds' : 'input.baselineSeconds',
      `windowSeconds (${windowSeconds}) must be less than baselineSeconds (${baselineSeconds}).`,
    );
  }
  const minCount = input.minCount ?? params.minCount;
  if (minCount < 1 || minCount > MAX_MIN_COUNT) {
    throw badUserInput('input.minCount', `must be between 1 and ${MAX_MIN_COUNT}.`);
  }
  return {
    poolId: current.poolId,
    kind: input.kind,
    thresholdMinor: null,
    spikeFactor,
    windowSeconds,
    baselineSeconds,
    minCount,
    enabled: input.enabled ?? current.enabled,
  };
}

import { money } from '@poolgraph/money';
import type { AlertRuleResolvers } from '../__generated__/resolvers.ts';

export const AlertRule: AlertRuleResolvers = {
  pool: (rule) => ({ id: rule.poolId }),
  threshold: (rule) =>
    rule.thresholdMinor === null ? null : money(rule.thresholdMinor, rule.currency),
};

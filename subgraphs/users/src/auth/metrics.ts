import { Counter, type Registry } from '@poolgraph/platform';
import type { ThrottleReason } from './throttle.ts';

/** `login_attempts_total` and `login_throttled_total{reason}`, fed by the login throttle. */
export function createLoginMetrics(registry: Registry) {
  const attempts = new Counter({
    name: 'login_attempts_total',
    help: 'Login attempts counted by the throttle (before the password is checked)',
    registers: [registry],
  });
  const throttled = new Counter({
    name: 'login_throttled_total',
    help: 'Login attempts refused or paced by the throttle, by reason',
    labelNames: ['reason'],
    registers: [registry],
  });
  const reasons: ThrottleReason[] = [
    'pair_refused',
    'address_paced',
    'account_paced',
    'pace_refused',
  ];
  for (const reason of reasons) throttled.inc({ reason }, 0);
  return {
    attempt: () => attempts.inc(),
    throttled: (reason: ThrottleReason) => throttled.inc({ reason }),
  };
}

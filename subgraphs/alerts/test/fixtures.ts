import { uuidv7 } from '@poolgraph/platform';
import type { NewAlert } from '../src/data/alerts.ts';

/** A raised alert with sensible defaults; tests override what they assert on. */
export function alertFixture(
  overrides: Partial<NewAlert> & Pick<NewAlert, 'poolId' | 'managerId'>,
): NewAlert {
  return {
    id: uuidv7(),
    kind: 'LARGE_TRANSACTION',
    message: 'A contribution of 50000.00 USD exceeds the threshold of 10000.00 USD.',
    transactionId: uuidv7(),
    observedCount: null,
    baselineCount: null,
    status: 'OPEN',
    raisedAt: new Date(),
    ...overrides,
  };
}

export const ALERT_FIELDS = `id kind message status raisedAt observedCount baselineCount
  pool { id } transaction { id }`;

export interface AlertView {
  id: string;
  kind: string;
  message: string;
  status: string;
  raisedAt: string;
  observedCount: number | null;
  baselineCount: number | null;
  pool: { id: string };
  transaction: { id: string } | null;
}

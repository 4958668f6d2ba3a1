import { z } from 'zod';
import { loadEnvOrExit, subgraphEnvShape } from '@poolgraph/platform';

const schema = z.object({
  ...subgraphEnvShape('poolgraph_ledger', 4003),
  /** "false" to run no outbox relay here; relays on several replicas are safe (one publishes at a time). */
  LEDGER_RELAY: z.enum(['true', 'false']).default('true'),
  /** This replica's name in the pools.events consumer group (default: the host name). */
  CONSUMER_NAME: z.string().min(1).optional(),
});

export type LedgerEnv = z.infer<typeof schema>;
export const loadEnv = (): LedgerEnv => loadEnvOrExit(schema, process.env);

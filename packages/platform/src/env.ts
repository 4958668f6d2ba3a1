import { z } from 'zod';
import { mysqlUrlProblem } from './mysqlUrl.ts';
import { redisUrlProblem } from './redisUrl.ts';

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/** Parses a configuration source against a zod object schema, listing every problem at once. */
export function parseEnv<S extends z.ZodObject>(
  schema: S,
  source: Record<string, string | undefined>,
): z.infer<S> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
  );
}

/** For a process entry point: parse, or print every problem and exit. */
export function loadEnvOrExit<S extends z.ZodObject>(
  schema: S,
  source: Record<string, string | undefined>,
): z.infer<S> {
  try {
    return parseEnv(schema, source);
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/** Common fields: every process has a port, a log level and an environment name. */
export const baseEnv = {
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().default('127.0.0.1'),
  /** In production, what Prometheus and operators send for /metrics and /readyz detail. */
  OPS_TOKEN: z.string().min(16).optional(),
};

export const mysqlUrl = z
  .string()
  .url()
  .refine((v) => v.startsWith('mysql://'), 'must be a mysql:// URL')
  .superRefine((value, context) => {
    const problem = mysqlUrlProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

/**
 * A read replica for the reads that tolerate lag (pools' listings, reports' queries):
 * MYSQL_REPLICA_URL names the service's database on the replica; without it reads stay on
 * the primary. A replica further behind than MYSQL_REPLICA_MAX_LAG_SECONDS leaves the rotation.
 */
export const readReplicaEnv = {
  MYSQL_REPLICA_URL: mysqlUrl.optional(),
  MYSQL_REPLICA_MAX_LAG_SECONDS: z.coerce.number().positive().default(5),
};

/** `ReadReplicaConfig` (readDatabase.ts) from the parsed `readReplicaEnv`. */
export function readReplicaConfigFromEnv(env: {
  MYSQL_REPLICA_URL?: string;
  MYSQL_REPLICA_MAX_LAG_SECONDS: number;
}): { mysqlReplicaUrl?: string; replicaMaxLagSeconds: number } {
  return {
    mysqlReplicaUrl: env.MYSQL_REPLICA_URL,
    replicaMaxLagSeconds: env.MYSQL_REPLICA_MAX_LAG_SECONDS,
  };
}

/**
 * One server (redis://host:port) or a cluster (redis-cluster://host:port,host:port,…); over TLS
 * rediss:// and rediss-cluster:// (verified against TLS_CA).
 */
export const redisUrl = z.string().superRefine((value, context) => {
  const problem = redisUrlProblem(value);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

export const port = (fallback: number) =>
  z.coerce.number().int().min(0).max(65535).default(fallback);

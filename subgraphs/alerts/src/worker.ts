/**
 * `npm run alerts:worker`: detection, notification delivery and the outbox relay (AlertRaised
 * to `alerts.raised`, which the subgraph's live subscriptions tail) without the GraphQL server
 * (run the subgraph with BACKGROUND_WORK=false then). Any number of replicas; each needs a
 * stable CONSUMER_NAME (default: the host name).
 */
import {
  connectMysql,
  connectRedis,
  createLogger,
  createMailer,
  ensureDatabase,
  migrateDatabase,
  sealPlaintextSecrets,
} from '@poolgraph/platform';
import { migrationsFolder, schema } from './db/index.ts';
import { sealedColumns } from './data/sealedColumns.ts';
import { loadEnv, secretsKeyring } from './env.ts';
import { startAlertsWorker } from './workers.ts';

const env = loadEnv();
const log = createLogger('alerts-worker', env.LOG_LEVEL);
try {
  await ensureDatabase(env.MYSQL_URL);
  const mysql = connectMysql({ url: env.MYSQL_URL }, schema);
  await migrateDatabase(mysql, migrationsFolder);
  const secrets = secretsKeyring(env);
  await sealPlaintextSecrets(mysql.pool, secrets, sealedColumns, log);
  const redis = connectRedis(env.REDIS_URL, log);
  const mailer = env.SMTP_URL ? createMailer(env.SMTP_URL, env.SMTP_FROM) : undefined;
  const worker = startAlertsWorker({
    db: mysql.db,
    pool: mysql.pool,
    redis,
    redisPrefix: env.REDIS_PREFIX,
    log,
    consumerName: env.CONSUMER_NAME,
    mailer,
    secrets,
    production: env.NODE_ENV === 'production',
    retry: {
      maxAttempts: env.NOTIFY_MAX_ATTEMPTS,
      baseDelayMs: env.NOTIFY_BASE_DELAY_MS,
      maxDelayMs: 300_000,
    },
    claimIdleMs: env.CLAIM_IDLE_MS,
  });
  log.info({ consumer: env.CONSUMER_NAME }, 'alerts worker running');
  const stop = async (signal: string) => {
    log.info({ signal }, 'alerts worker stopping');
    await worker.stop();
    mailer?.close();
    await redis.quit();
    await mysql.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
} catch (error) {
  log.fatal({ err: error }, `alerts worker failed to start: ${(error as Error).message}`);
  process.exit(1);
}

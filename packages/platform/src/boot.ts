import type { HttpService } from './http.ts';
import { createLogger, type Logger } from './logger.ts';
import { stopOnSignals } from './http.ts';
import { startTracing } from './tracing.ts';
import { subgraphUrlsFromEnv, type ParsedSubgraphEnv, type SubgraphConfig } from './resources.ts';
import { tlsConfigFromEnv, trustPeerCa, type TlsConfig } from './tls.ts';

/**
 * The process's TLS from TLS_CERT/TLS_KEY/TLS_CA (tls.ts): its peers are verified against the
 * CA from here on; the certificate is for its server. Throws naming an unusable file.
 */
export function startTls(env: { TLS_CERT?: string; TLS_KEY?: string; TLS_CA?: string }): TlsConfig {
  const tls = tlsConfigFromEnv(env);
  trustPeerCa(tls.ca);
  return tls;
}

/**
 * Entry-point wrapper: builds and starts a service, printing one clear line (no stack trace)
 * for expected start-up failures such as a taken port or an unreachable database.
 */
export async function bootService(
  name: string,
  level: string,
  start: (log: Logger) => Promise<{ service: HttpService; url: string }>,
): Promise<void> {
  const log = createLogger(name, level);
  if (startTracing(name)) log.info('exporting traces over OTLP');
  try {
    const { service, url } = await start(log);
    log.info({ url }, `${name} ready`);
    stopOnSignals(service, log);
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    log.fatal({ code, err: code ? undefined : error }, `${name} failed to start: ${message}`);
    process.exit(1);
  }
}

/**
 * A subgraph's entry point: the common configuration from its parsed environment, then
 * `create` (which adds the subgraph's own settings), then listen on PORT.
 */
export async function bootSubgraph(
  name: string,
  env: ParsedSubgraphEnv,
  create: (config: SubgraphConfig) => Promise<HttpService>,
): Promise<void> {
  await bootService(name, env.LOG_LEVEL, async (log) => {
    const tls = startTls(env);
    const service = await create({
      mysqlUrl: env.MYSQL_URL,
      redisUrl: env.REDIS_URL,
      redisPrefix: env.REDIS_PREFIX,
      jwksUrl: env.USERS_JWKS_URL,
      subgraphUrls: subgraphUrlsFromEnv(env),
      backgroundWork: env.BACKGROUND_WORK === 'true',
      consumerName: env.CONSUMER_NAME,
      log,
      tls: tls.server,
    });
    if (env.NODE_ENV === 'production') service.restrictOperations(env.OPS_TOKEN);
    return { service, url: `${await service.listen(env.PORT, env.HOST)}/graphql` };
  });
}

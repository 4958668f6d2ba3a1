import type { HttpService } from './http.ts';
import { createLogger, type Logger } from './logger.ts';
import { stopOnSignals } from './http.ts';

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

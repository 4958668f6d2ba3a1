import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line written while serving one request carries (see `createLogger`). */
interface RequestScope {
  requestId: string;
}

const scope = new AsyncLocalStorage<RequestScope>();

/**
 * Runs `work` as part of the request `requestId`: log lines written anywhere inside it, in
 * resolvers, data access or error formatting, carry `requestId` without being handed a logger.
 */
export const runInRequestScope = <T>(requestId: string, work: () => T): T =>
  scope.run({ requestId }, work);

/** The id of the request being served, if any. */
export const currentRequestId = (): string | undefined => scope.getStore()?.requestId;

import type { IncomingMessage } from 'node:http';
import type { BaseContext } from '@apollo/server';
import type { TokenVerifier, Viewer } from '@poolgraph/auth';
import {
  requestIdOf,
  resolveClientAddress,
  type GraphQLMetrics,
  type Logger,
  type ProxyTrust,
} from '@poolgraph/platform';
import type { GraphQLError } from 'graphql';
import type { ApiKeyAuthenticator } from './partners/apiKeys.ts';
import { credentialsOf } from './partners/credentials.ts';

export interface GatewayContext extends BaseContext {
  /** Verified here; subgraphs verify the same token again, the gateway is not trusted blindly. */
  viewer: Viewer | null;
  /** The raw header (or an API key's token), forwarded so subgraphs can re-verify it. */
  authorization: string | undefined;
  /** A partner key's caller: it may run manifest operations only, by id (unset: no). */
  apiKey?: boolean;
  requestId: string;
  /**
   * The caller's address as `TRUSTED_PROXIES` resolves it, sent to subgraphs as the only
   * x-forwarded-for entry (the users subgraph believes it from the gateway's address only).
   */
  clientAddress: string;
}

export interface ContextDeps {
  verifier: TokenVerifier;
  log: Logger;
  metrics: GraphQLMetrics;
  trustedProxies: ProxyTrust;
  apiKeys?: ApiKeyAuthenticator;
}

/** Builds the per-request context; a bad credential rejects the whole request with 401. */
export function createContextFunction({
  verifier,
  log,
  metrics,
  trustedProxies,
  apiKeys,
}: ContextDeps) {
  return async (req: IncomingMessage): Promise<GatewayContext> => {
    const requestId = requestIdOf(req);
    try {
      const credentials = await credentialsOf(req, verifier, apiKeys, requestId);
      const clientAddress = resolveClientAddress(req, trustedProxies);
      return { ...credentials, requestId, clientAddress };
    } catch (error) {
      // Apollo answers a failed context itself (status from extensions.http, formatError applied)
      // without running request plugins, so the request log line and error metric happen here.
      const code = (error as GraphQLError).extensions?.code;
      const label = typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
      metrics.errors.inc({ code: label });
      log.info({ requestId, errorCodes: [label] }, 'request rejected');
      throw error;
    }
  };
}

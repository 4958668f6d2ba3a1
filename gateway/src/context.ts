import type { IncomingMessage } from 'node:http';
import type { BaseContext } from '@apollo/server';
import { viewerFromAuthorization, type TokenVerifier, type Viewer } from '@poolgraph/auth';
import { requestIdOf, type GraphQLMetrics, type Logger } from '@poolgraph/platform';
import type { GraphQLError } from 'graphql';

export interface GatewayContext extends BaseContext {
  /** Verified here; subgraphs verify the same token again, the gateway is not trusted blindly. */
  viewer: Viewer | null;
  /** The raw header, forwarded unchanged so subgraphs can re-verify it. */
  authorization: string | undefined;
  requestId: string;
  /** The incoming x-forwarded-for chain with this hop's peer address appended. */
  forwardedFor: string | undefined;
}

function forwardedFor(req: IncomingMessage): string | undefined {
  const existing = req.headers['x-forwarded-for'];
  const peer = req.socket.remoteAddress;
  if (existing && peer) return `${existing}, ${peer}`;
  return existing ?? peer;
}

export interface ContextDeps {
  verifier: TokenVerifier;
  log: Logger;
  metrics: GraphQLMetrics;
}

/** Builds the per-request context; a bad credential rejects the whole request with 401. */
export function createContextFunction({ verifier, log, metrics }: ContextDeps) {
  return async (req: IncomingMessage): Promise<GatewayContext> => {
    const requestId = requestIdOf(req);
    const authorization = req.headers.authorization;
    try {
      const viewer = await viewerFromAuthorization(authorization, verifier);
      return { viewer, authorization, requestId, forwardedFor: forwardedFor(req) };
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

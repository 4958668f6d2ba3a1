import type { IncomingMessage } from 'node:http';
import {
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  createTokenVerifier,
  localKeySet,
  type TokenVerifier,
} from '@poolgraph/auth';
import {
  createLogger,
  createMetrics,
  createSubgraphService,
  parseProxyTrust,
  requestIdOf,
  uuidv7,
  type HttpService,
  type Logger,
  type ProxyTrust,
} from '@poolgraph/platform';
import { composeSupergraph, type SubgraphSource } from '@poolgraph/supergraph';
import { parse } from 'graphql';
import { SignJWT, UnsecuredJWT, exportJWK, generateKeyPair } from 'jose';
import { createGateway, type GatewayOptions, type SupergraphSource } from '../src/server.ts';

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

/** What a test subgraph saw of the gateway's request, so tests can assert on forwarding. */
export interface SeenRequest {
  authorization: string | null;
  requestId: string;
  forwardedFor: string | null;
}

function seenRequest(req: IncomingMessage): SeenRequest {
  const forwarded = req.headers['x-forwarded-for'];
  return {
    authorization: req.headers.authorization ?? null,
    requestId: requestIdOf(req),
    forwardedFor: (Array.isArray(forwarded) ? forwarded.join(', ') : forwarded) ?? null,
  };
}

export interface TestSubgraph {
  name: string;
  typeDefs: string;
  service: HttpService;
  url: string;
  /** As a composition input, optionally with other type definitions (an older schema). */
  source(typeDefs?: string): SubgraphSource;
}

/** A real Apollo subgraph on an ephemeral port; its context is what the gateway forwarded. */
export async function startSubgraph(
  name: string,
  typeDefs: string,
  resolvers: object,
  /** Runs first, like a real subgraph's re-verification; throw to reject the request. */
  admit: (req: IncomingMessage) => Promise<void> = async () => {},
): Promise<TestSubgraph> {
  const service = createSubgraphService<{ seen: SeenRequest }>({
    typeDefs: parse(typeDefs),
    resolvers,
    context: async (req) => {
      await admit(req);
      return { seen: seenRequest(req) };
    },
    metrics: createMetrics(name),
    log: createLogger(name, 'silent'),
    readiness: [],
  });
  const url = `${await service.listen(0)}/graphql`;
  return {
    name,
    typeDefs,
    service,
    url,
    source: (defs = typeDefs) => ({ name, url, typeDefs: defs, file: `${name}.graphql` }),
  };
}

export const supergraphOf = (...sources: SubgraphSource[]) => composeSupergraph(sources);

/** An EdDSA key pair published as a local JWKS, like the users subgraph's signing keys. */
export async function createTestKeys(kid = 'test-key') {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' };
  const verifier: TokenVerifier = createTokenVerifier(localKeySet({ keys: [jwk] }));
  /** A token as `users` issues it; `expiresAt` in seconds since the epoch. */
  const sign = (
    userId: string,
    expiresAt = Math.floor(Date.now() / 1000) + 300,
    roles: string[] = ['INVESTOR'],
  ) =>
    new SignJWT({ roles, sid: uuidv7() })
      .setProtectedHeader({ alg: 'EdDSA', kid })
      .setSubject(userId)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(expiresAt - 600)
      .setExpirationTime(expiresAt)
      .sign(privateKey);
  return { verifier, sign };
}

/** `alg: none`: claims that look right, with no signature at all. */
export const unsignedToken = (userId: string) =>
  new UnsecuredJWT({ roles: ['ADMIN'] })
    .setSubject(userId)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('5m')
    .encode();

export interface StartedGateway {
  service: HttpService;
  url: string;
  log: Logger;
}

/** A gateway on an ephemeral port, logging nowhere (tests spy on `log` when they need to). */
export async function startGateway(
  supergraph: SupergraphSource,
  verifier: TokenVerifier,
  {
    port = 0,
    ...options
  }: Partial<Omit<GatewayOptions, 'verifier' | 'log' | 'supergraphSdl' | 'supergraphPath'>> & {
    port?: number;
  } = {},
): Promise<StartedGateway> {
  const log = createLogger('gateway', 'silent');
  const service = createGateway({ ...supergraph, verifier, log, ...options });
  return { service, url: await service.listen(port), log };
}

export { eventually } from '@poolgraph/testing';

/** A `TRUSTED_PROXIES` value, parsed as the gateway's env parses it. */
export function trustOf(value: string): ProxyTrust {
  const parsed = parseProxyTrust(value);
  if (!('trust' in parsed)) throw new Error(parsed.problems.join('; '));
  return parsed.trust;
}

import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { Agent } from 'undici';
import WebSocket, { type ClientOptions } from 'ws';
import { z } from 'zod';

/**
 * TLS, one shape for every process (gateway, subgraphs, scripts). Three variables, each the
 * path of a PEM file; unset, everything is plain HTTP/TCP as before:
 * - TLS_CERT + TLS_KEY: this process's certificate (chain) and key; it then serves HTTPS (and
 *   WSS on the same port). One without the other is refused at start.
 * - TLS_CA: the CA every peer's certificate is verified against (subgraphs, the JWKS, MariaDB
 *   with `?tls=true`, Redis over `rediss://`); unset, the system's CAs.
 * docs/OPERATIONS.md ("TLS") says where `npm run certs` puts them and how to rotate them.
 */
export const tlsEnv = {
  TLS_CERT: z.string().min(1).optional(),
  TLS_KEY: z.string().min(1).optional(),
  TLS_CA: z.string().min(1).optional(),
};

/** What a process serves with and trusts, as PEM text (read once, at start). */
export interface TlsConfig {
  /** This process's certificate chain and private key: serve HTTPS/WSS. */
  server?: { cert: string; key: string };
  /** The CA peers are verified against; undefined: the system's CAs. */
  ca?: string;
}

function readPem(variable: string, path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(
      `${variable} ${path} cannot be read (${(error as NodeJS.ErrnoException).code})`,
      { cause: error },
    );
  }
  if (!text.includes('-----BEGIN ')) throw new Error(`${variable} ${path} is not a PEM file`);
  return text;
}

/**
 * Reads the files the environment names; throws an Error naming the variable and the problem
 * (a missing file, a key that does not match its certificate), so a process fails at start
 * rather than at its first connection.
 */
export function tlsConfigFromEnv(env: {
  TLS_CERT?: string;
  TLS_KEY?: string;
  TLS_CA?: string;
}): TlsConfig {
  if (!env.TLS_CERT !== !env.TLS_KEY) {
    throw new Error('TLS_CERT and TLS_KEY go together: set both to serve HTTPS, or neither');
  }
  const config: TlsConfig = {};
  if (env.TLS_CERT && env.TLS_KEY) {
    config.server = {
      cert: readPem('TLS_CERT', env.TLS_CERT),
      key: readPem('TLS_KEY', env.TLS_KEY),
    };
  }
  if (env.TLS_CA) config.ca = readPem('TLS_CA', env.TLS_CA);
  try {
    // Parses the PEM and checks that the key belongs to the certificate.
    createSecureContext({ ...config.server, ca: config.ca });
  } catch (error) {
    throw new Error(`TLS_CERT/TLS_KEY/TLS_CA are unusable: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return config;
}

/** At least TLS 1.2 on every connection we make or accept. */
export const MIN_TLS_VERSION = 'TLSv1.2' as const;

/**
 * The CA this process verifies its peers against. One per process, set at start from TLS_CA
 * (`bootService`, the gateway's entry point, the test stack): every client below reads it, so
 * no call site can forget it.
 */
let peerCa: string | undefined;

/**
 * Kept-alive, bounded connections for every HTTP call between services (the gateway's subgraph
 * fetches, the few direct calls between subgraphs, the JWKS and health checks). Without a
 * bound, a burst opens a socket per concurrent request and overflows the callee's accept
 * backlog; with one, requests queue on warm connections. Connections idle longer than the
 * servers' 65 s keep-alive are never reused.
 */
const newDispatcher = (ca: string | undefined) =>
  new Agent({
    connections: 64,
    keepAliveTimeout: 30_000,
    pipelining: 1,
    connect: { ...(ca ? { ca } : {}), minVersion: MIN_TLS_VERSION, rejectUnauthorized: true },
  });
let dispatcher = newDispatcher(undefined);

/** Trust this CA (PEM) for every peer from now on; undefined: the system's CAs again. */
export function trustPeerCa(ca: string | undefined): void {
  if (ca === peerCa) return;
  peerCa = ca;
  const previous = dispatcher;
  dispatcher = newDispatcher(ca);
  // Requests already under way finish on the connections they have.
  void previous.close();
}

/** The undici dispatcher for calls to peers (`request(url, { dispatcher: peerDispatcher() })`). */
export const peerDispatcher = (): Agent => dispatcher;

export interface PeerTlsOptions {
  ca?: string;
  minVersion: typeof MIN_TLS_VERSION;
  rejectUnauthorized: true;
}

/** TLS options for a raw client of a peer (mysql2's `ssl`, ioredis' `tls`), verifying it. */
export function peerTlsOptions(): PeerTlsOptions {
  return {
    ...(peerCa ? { ca: peerCa } : {}),
    minVersion: MIN_TLS_VERSION,
    rejectUnauthorized: true,
  };
}

/** fetch for calls to peers: the shared dispatcher, so https:// URLs are verified against TLS_CA. */
export const peerFetch = (url: string | URL, init: RequestInit = {}): Promise<Response> =>
  // undici's Agent is what Node's fetch takes as `dispatcher` (the same undici underneath).
  fetch(url, { ...init, dispatcher } as RequestInit);

/**
 * The `ws` WebSocket for connections to peers (the gateway's upstream subscriptions): wss://
 * verified against the process's CA. graphql-ws constructs it with (url, protocols) only.
 */
export class PeerWebSocket extends WebSocket {
  constructor(address: string | URL, protocols?: string | string[], options: ClientOptions = {}) {
    super(address, protocols, { ...peerTlsOptions(), ...options });
  }
}

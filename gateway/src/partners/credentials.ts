import type { IncomingMessage } from 'node:http';
import {
  invalidCredential,
  isPartner,
  viewerFromAuthorization,
  type TokenVerifier,
  type Viewer,
} from '@poolgraph/auth';
import type { ApiKeyAuthenticator } from './apiKeys.ts';

export interface Credentials {
  viewer: Viewer | null;
  /** What subgraphs receive: the caller's own header, or the token a key was exchanged for. */
  authorization: string | undefined;
  /** A partner key (`x-api-key`, or its token): only manifest operations, by id. */
  apiKey: boolean;
}

/** `Authorization: Bearer …` or `x-api-key` (never both); neither is anonymous. */
export async function credentialsOf(
  req: IncomingMessage,
  verifier: TokenVerifier,
  apiKeys: ApiKeyAuthenticator | undefined,
  requestId: string,
): Promise<Credentials> {
  const header = req.headers['x-api-key'];
  const authorization = req.headers.authorization;
  if (header === undefined) {
    const viewer = await viewerFromAuthorization(authorization, verifier);
    // A key's token sent as a bearer token is still the key: the same restrictions apply.
    return { viewer, authorization, apiKey: isPartner(viewer) };
  }
  if (authorization) throw invalidCredential('Send Authorization or x-api-key, not both.');
  if (!apiKeys) throw invalidCredential('This gateway does not accept API keys.');
  const key = (Array.isArray(header) ? header.join(',') : header).trim();
  return { ...(await apiKeys.authenticate(key, requestId)), apiKey: true };
}

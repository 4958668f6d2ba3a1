import type { IncomingMessage } from 'node:http';
import {
  invalidCredential,
  isPartner,
  looksLikeApiKey,
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

/**
 * The key exactly as issued (`pgk_` and 43 base64url characters) or a refusal: nothing is
 * trimmed, joined or folded, so one key has one spelling and "the key plus a no-break space"
 * is not a second key with limits of its own. (Node has already dropped the spaces and tabs
 * HTTP allows around a header value.)
 */
export function canonicalApiKey(header: string | string[]): string {
  if (Array.isArray(header)) throw invalidCredential('Send one x-api-key header, not several.');
  if (!looksLikeApiKey(header)) {
    throw invalidCredential(
      'The x-api-key header is not an API key: it must be exactly pgk_ and 43 base64url characters, with nothing around them.',
    );
  }
  return header;
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
  return { ...(await apiKeys.authenticate(canonicalApiKey(header), requestId)), apiKey: true };
}

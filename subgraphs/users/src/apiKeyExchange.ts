import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '@poolgraph/platform';
import type { ApiKeyService } from './services/apiKeys.ts';

/** The route the gateway exchanges a partner's `x-api-key` on (not part of the graph). */
export const API_KEY_TOKEN_PATH = '/api-keys/token';

function send(res: ServerResponse, status: number, body: unknown) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(JSON.stringify(body));
}

/**
 * `POST /api-keys/token` with the key in `x-api-key`: 200 `{ accessToken, expiresAt }` (a
 * PARTNER token with the key's scopes, 60 s) or 401. Whoever holds a key may exchange it: the
 * token grants exactly what the key does, so the route needs no secret of its own.
 */
export function apiKeyExchangeRoute(apiKeys: ApiKeyService, log: Logger) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return send(res, 405, { error: 'Use POST.' });
    }
    req.resume();
    const header = req.headers['x-api-key'];
    // Exactly the key: one key, one spelling (the gateway refuses any other before asking).
    const secret = typeof header === 'string' ? header : '';
    const token = secret ? await apiKeys.exchange(secret) : null;
    if (!token) {
      log.info({ requestId: req.headers['x-request-id'] }, 'api key refused');
      return send(res, 401, { error: 'The API key is not valid or has been revoked.' });
    }
    send(res, 200, token);
  };
}

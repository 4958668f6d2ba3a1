import type { IncomingMessage, ServerResponse } from 'node:http';

const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'x-api-key',
  'x-request-id',
  // Apollo's CSRF prevention accepts these instead of a JSON content type.
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'apollographql-client-name',
  'apollographql-client-version',
].join(', ');

/**
 * CORS from an allow-list of exact origins. An allowed origin gets the headers (and a 204 to
 * its preflight); any other gets none, and its preflight a 403, so the browser neither sends
 * the JSON request nor lets the page read an answer. Simple requests (no preflight) never run
 * an operation: Apollo's CSRF prevention refuses them. Credentials (cookies) are not allowed:
 * the API authenticates by header.
 */
export function corsPolicy(origins: readonly string[]) {
  const allowed = new Set(origins);
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const origin = req.headers.origin;
    if (!origin) return false;
    res.setHeader('vary', 'Origin');
    const preflight = req.method === 'OPTIONS' && !!req.headers['access-control-request-method'];
    if (!allowed.has(origin)) {
      if (!preflight) return false;
      res.statusCode = 403;
      res.end();
      return true;
    }
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-expose-headers', 'x-request-id, retry-after');
    if (!preflight) return false;
    res.statusCode = 204;
    res.setHeader('access-control-allow-methods', 'GET, POST');
    res.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
    res.setHeader('access-control-max-age', '600');
    res.end();
    return true;
  };
}

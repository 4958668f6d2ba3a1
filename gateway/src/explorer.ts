import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, relative, resolve } from 'node:path';

/** Where `npm run build:explorer -w @poolgraph/gateway` writes the bundled GraphiQL. */
export const EXPLORER_DIST = resolve(import.meta.dirname, '../explorer/dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * The GraphiQL explorer for development, at /explorer: a bundle built ahead (no CDN, so it
 * works offline) whose files become exact-path routes. Each file is read once, on first use.
 * Without a build, /explorer says how to make one.
 */
export function explorerRoutes(dist = EXPLORER_DIST): Record<string, Route> {
  let files: string[];
  try {
    files = filesUnder(dist);
  } catch {
    return {
      '/explorer': async (_req, res) => {
        res.statusCode = 503;
        res.setHeader('content-type', 'text/plain; charset=utf-8');
        res.end('The explorer is not built: run `npm run build:explorer -w @poolgraph/gateway`.\n');
      },
    };
  }
  const routes: Record<string, Route> = {};
  for (const file of files) {
    const path = `/explorer/${relative(dist, file).split('\\').join('/')}`;
    let body: Buffer | undefined;
    routes[path === '/explorer/index.html' ? '/explorer' : path] = async (req, res) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.statusCode = 405;
        res.end();
        return;
      }
      body ??= readFileSync(file);
      res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
      // Hashed asset names never change content; the page itself is always revalidated.
      res.setHeader(
        'cache-control',
        path.startsWith('/explorer/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
      res.end(req.method === 'HEAD' ? undefined : body);
    };
  }
  return routes;
}

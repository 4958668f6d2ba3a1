import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev` (hot reload) and `npm start`'s preview server both answer /graphql by passing
// it to the gateway, WebSocket upgrades included, so the app and its API share one origin.
// `xfwd` appends the browser's address to X-Forwarded-For (and sets X-Forwarded-Proto/-Port):
// without it every browser is this server's address to the gateway, and so shares one login
// throttle, one anonymous rate limit and one WebSocket connection limit. The gateway believes
// the header only from TRUSTED_PROXIES (`npm start` sets loopback; gateway/README.md).
const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000';

/**
 * TLS (`npm start -- --tls`), the same three variables as every service (docs/OPERATIONS.md,
 * "TLS"): TLS_CERT/TLS_KEY make the preview server HTTPS, with HSTS; TLS_CA is what an
 * https:// GATEWAY_URL is verified against. Read here rather than through @poolgraph/platform,
 * which a browser app's build does not load.
 */
const tlsFile = (variable: 'TLS_CERT' | 'TLS_KEY' | 'TLS_CA') => {
  const path = process.env[variable];
  return path ? readFileSync(path, 'utf8') : undefined;
};
const tlsCert = tlsFile('TLS_CERT');
const tlsKey = tlsFile('TLS_KEY');
const tlsCa = tlsFile('TLS_CA');
const https =
  tlsCert && tlsKey ? { cert: tlsCert, key: tlsKey, minVersion: 'TLSv1.2' as const } : undefined;

/**
 * Card payments in the browser (src/payments/cardPayments.ts): Stripe.js when real Stripe keys
 * are configured (STRIPE_SECRET_KEY without STRIPE_API_URL, the ledger's own rule), otherwise
 * the local Stripe emulator, which the web server passes /stripe-emulator to. Only the
 * publishable key reaches the bundle.
 */
const env = process.env;
const realStripe = Boolean(env.STRIPE_SECRET_KEY) && !env.STRIPE_API_URL;
const stripeEmulator = env.STRIPE_API_URL ?? 'http://127.0.0.1:12111';
export const stripeEmulatorProxy = (target: string) => ({
  target,
  changeOrigin: true,
  rewrite: (path: string) => path.replace(/^\/stripe-emulator/, ''),
});

const proxy = {
  '/graphql': {
    target: gateway,
    ws: true,
    changeOrigin: false,
    xfwd: true,
    // An https:// gateway is verified (never `secure: false`), against TLS_CA when given.
    secure: true,
    ...(tlsCa ? { ca: tlsCa } : {}),
  },
  '/stripe-emulator': stripeEmulatorProxy(stripeEmulator),
};

/**
 * How long browsers keep what the preview server (`npm start`) serves: files under /assets/
 * have a content hash in their name, so a new build is a new name and they never change
 * (immutable, a year); everything else (index.html, which names the current hashes) is
 * revalidated on every load, so a deploy shows at once.
 */
export function cacheHeaders(): Plugin {
  return {
    name: 'poolgraph-cache-headers',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        // Over TLS a browser is told never to come back in plain text (as the gateway does).
        if (https)
          res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
        const path = (req.url ?? '/').split('?')[0] ?? '/';
        if (path.startsWith('/graphql')) return next();
        const immutable = path.startsWith('/assets/');
        const value = immutable ? 'public, max-age=31536000, immutable' : 'no-cache';
        // sirv (Vite's static server) sets its own Cache-Control after us: have the last word.
        const setHeader = res.setHeader.bind(res);
        res.setHeader = (name, header) =>
          setHeader(name, name.toLowerCase() === 'cache-control' ? value : header);
        res.setHeader('Cache-Control', value);
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), cacheHeaders()],
  define: {
    'import.meta.env.VITE_CARD_PROVIDER': JSON.stringify(realStripe ? 'stripe' : 'emulator'),
    'import.meta.env.VITE_STRIPE_PUBLISHABLE_KEY': JSON.stringify(
      env.STRIPE_PUBLISHABLE_KEY ?? 'pk_test_poolgraph_emulator',
    ),
  },
  // Beside `npm start` (which holds 5173) the dev server takes the next free port and prints it.
  server: { port: Number(process.env.CLIENT_PORT ?? 5173), strictPort: false, proxy },
  preview: { port: Number(process.env.CLIENT_PORT ?? 5173), strictPort: true, proxy, https },
});

import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev` (hot reload) and `npm start`'s preview server both answer /graphql by passing
// it to the gateway, WebSocket upgrades included, so the app and its API share one origin.
// `xfwd` appends the browser's address to X-Forwarded-For (and sets X-Forwarded-Proto/-Port):
// without it every browser is this server's address to the gateway, and so shares one login
// throttle, one anonymous rate limit and one WebSocket connection limit. The gateway believes
// the header only from TRUSTED_PROXIES (`npm start` sets loopback; gateway/README.md).
const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000';
const proxy = { '/graphql': { target: gateway, ws: true, changeOrigin: false, xfwd: true } };

export default defineConfig({
  plugins: [react()],
  // Beside `npm start` (which holds 5173) the dev server takes the next free port and prints it.
  server: { port: Number(process.env.CLIENT_PORT ?? 5173), strictPort: false, proxy },
  preview: { port: Number(process.env.CLIENT_PORT ?? 5173), strictPort: true, proxy },
  build: { chunkSizeWarningLimit: 1500 },
});

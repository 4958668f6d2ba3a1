import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `npm run dev` (hot reload) and `npm start`'s preview server both answer /graphql by passing
// it to the gateway, WebSocket upgrades included, so the app and its API share one origin.
const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000';
const proxy = { '/graphql': { target: gateway, ws: true, changeOrigin: false } };

export default defineConfig({
  plugins: [react()],
  // Beside `npm start` (which holds 5173) the dev server takes the next free port and prints it.
  server: { port: Number(process.env.CLIENT_PORT ?? 5173), strictPort: false, proxy },
  preview: { port: Number(process.env.CLIENT_PORT ?? 5173), strictPort: true, proxy },
  build: { chunkSizeWarningLimit: 1500 },
});

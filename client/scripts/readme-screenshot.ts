/**
 * Writes docs/manager-dashboard.png for the README: logs in to a running `npm start` as the demo
 * manager in Debian's Chromium and captures the dashboard. `tsx client/scripts/readme-screenshot.ts`.
 */
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const url = process.env.CLIENT_URL ?? 'http://localhost:5173';
const out = resolve(import.meta.dirname, '../../docs/manager-dashboard.png');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
  await page.goto(`${url}/login`);
  await page.getByLabel('Email').fill('manager@demo.poolgraph.dev');
  await page.locator('input[type="password"]').fill('poolgraph-demo-2026');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Your pools' }).waitFor();
  await page.locator('[data-testid^="pool-card-"]').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}

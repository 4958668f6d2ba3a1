import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { beforeEach, expect } from 'vitest';
import { build, preview, type PreviewServer } from 'vite';
import { stripeEmulatorProxy } from '../vite.config.ts';

const CLIENT = resolve(import.meta.dirname, '..');
export const OUTPUT = resolve(CLIENT, 'test-output');
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Debian's Chromium (never a downloaded browser); CHROMIUM_PATH overrides where it is. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-networking'],
  });
}

/**
 * The production build of the app, made once per test worker: every e2e file a worker runs
 * serves the same sources, and a build costs seconds of CPU. Each worker builds into its own
 * folder (named …/dist, which lint skips), so two workers never empty each other's build.
 */
let built: Promise<string> | undefined;
function builtApp(): Promise<string> {
  built ??= (async () => {
    const outDir = resolve(OUTPUT, `worker-${process.env.VITEST_POOL_ID ?? process.pid}`, 'dist');
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({
        root: CLIENT,
        configFile: resolve(CLIENT, 'vite.config.ts'),
        logLevel: 'warn',
        build: { outDir, emptyOutDir: true },
      });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    return outDir;
  })();
  built.catch(() => (built = undefined));
  return built;
}

/**
 * The production build of the app, served on a free port, /graphql passed to `gatewayUrl` and
 * /stripe-emulator to the test's Stripe emulator (the card step confirms payments there).
 */
export async function serveBuiltApp(
  gatewayUrl: string,
  { stripeEmulatorUrl }: { stripeEmulatorUrl?: string } = {},
): Promise<{ url: string; server: PreviewServer; outDir: string }> {
  return previewBuiltApp(await builtApp(), gatewayUrl, { stripeEmulatorUrl });
}

/** Another server for the build `serveBuiltApp` made, in front of another gateway. */
export async function previewBuiltApp(
  outDir: string,
  gatewayUrl: string,
  { stripeEmulatorUrl }: { stripeEmulatorUrl?: string } = {},
): Promise<{ url: string; server: PreviewServer; outDir: string }> {
  const target = new URL(gatewayUrl).origin;
  const server = await preview({
    root: CLIENT,
    configFile: resolve(CLIENT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir },
    preview: {
      port: 0,
      strictPort: false,
      proxy: {
        '/graphql': { target, ws: true },
        ...(stripeEmulatorUrl
          ? { '/stripe-emulator': stripeEmulatorProxy(stripeEmulatorUrl) }
          : {}),
      },
    },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server has no local URL');
  return { url: url.replace(/\/$/, ''), server, outDir };
}

const EXPLORER = resolve(CLIENT, '../gateway/explorer');

/** The gateway serves the explorer's bundle from disk: build it first when it is missing. */
export async function ensureExplorerBuilt(): Promise<void> {
  if (existsSync(resolve(EXPLORER, 'dist/index.html'))) return;
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: resolve(EXPLORER, 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/**
 * axe-core's serious and critical violations on the page as it is now. `resultTypes` keeps
 * every violation whole and cuts the other groups (passes, inapplicable) to one node each:
 * axe's own performance option (on the log-in page 23-26 ms a run instead of 26-36).
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: { resultTypes: string[] },
          ) => Promise<{ violations: AxeViolation[] }>;
        };
      }
    ).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
}

/**
 * What makes a phone screen unusable that a machine can see: the page wider than the screen
 * (sideways scrolling), or text cut off by an ellipsis or overflow (a badge reading "CONTRIBUTI…").
 */
export async function clippedOnPhone(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth + 1) {
      problems.push(`page ${document.documentElement.scrollWidth}px wide`);
    }
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      if (el.children.length > 0 || !el.textContent?.trim()) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      // Inside a horizontal scroller the text is reachable, not clipped.
      if (el.closest('[data-scroll-container], .mantine-ScrollArea-viewport')) continue;
      if (el.scrollWidth > el.clientWidth + 1 && style.overflow !== 'visible') {
        problems.push(`"${el.textContent.trim().slice(0, 40)}" clipped`);
      }
    }
    return problems;
  });
}

/**
 * Once the page has rendered at its new size: two frames (media queries report the change and
 * React commits what they switch), then every finite transition or animation has finished.
 */
function laidOut(page: Page): Promise<void> {
  return page.evaluate(async () => {
    for (let frame = 0; frame < 2; frame++) await new Promise(requestAnimationFrame);
    const running = document
      .getAnimations()
      .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(running.map((animation) => animation.finished.catch(() => undefined)));
  });
}

/** The phone the screens are checked on. */
const PHONE = { width: 390, height: 844 };

/**
 * One test file's screen reviews: `review` checks a screen with axe-core and keeps a screenshot
 * of it (named `prefix` + name) at the page's size and (unless `phone: false`: an open dialog,
 * checked where it opened) at 390×844, where nothing may be clipped, then restores the page's
 * size. What they found is written to test-output/`file` as they go, so a failed run still
 * shows the screens it reached; `expectClean` asserts all of it.
 */
export function screenReviews(file: string, prefix = '') {
  const a11y: Record<string, AxeViolation[]> = {};
  const clipped: Record<string, string[]> = {};
  const write = () =>
    writeFileSync(resolve(OUTPUT, file), JSON.stringify({ a11y, clipped }, null, 2));
  return {
    a11y,
    clipped,
    async review(page: Page, name: string, { phone = true } = {}): Promise<void> {
      await page.waitForLoadState('networkidle').catch(() => undefined);
      a11y[name] = await seriousViolations(page);
      await screenshot(page, `${prefix}${name}`);
      write();
      const size = page.viewportSize();
      if (!phone || !size) return;
      await page.setViewportSize(PHONE);
      await laidOut(page);
      a11y[`${name}-phone`] = await seriousViolations(page);
      clipped[`${name}-phone`] = await clippedOnPhone(page);
      await screenshot(page, `${prefix}${name}-phone`);
      await page.setViewportSize(size);
      await laidOut(page);
      write();
    },
    expectClean(): void {
      for (const [screen, violations] of Object.entries(a11y)) {
        expect(violations, `axe on ${screen}`).toEqual([]);
      }
      for (const [screen, problems] of Object.entries(clipped)) {
        expect(problems, `clipped on ${screen}`).toEqual([]);
      }
    },
  };
}

/** What each page did lately (GraphQL answers, console errors, navigations), for failures. */
const activity = new WeakMap<Page, string[]>();

/** Keeps the page's last 30 events for `reportPagesOnFailure`. */
export function recordActivity(page: Page): void {
  const lines: string[] = [];
  activity.set(page, lines);
  const add = (line: string) => {
    lines.push(`${new Date().toISOString().slice(11, 23)} ${line}`);
    if (lines.length > 30) lines.shift();
  };
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) add(`navigated to ${frame.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') add(`console error: ${message.text().slice(0, 300)}`);
  });
  page.on('response', (response) => {
    if (!response.url().endsWith('/graphql') || response.request().method() !== 'POST') return;
    let operation = '?';
    try {
      operation = (response.request().postDataJSON() as { operationName?: string }).operationName!;
    } catch {
      // not JSON: named "?"
    }
    void response
      .text()
      .then((body) => add(`graphql ${response.status()} ${operation}: ${body.slice(0, 240)}`))
      .catch(() => undefined);
  });
}

/**
 * When a test of the file fails, prints what each open page shows (its address and text) and
 * did lately (`recordActivity`), and keeps a screenshot: a failure in CI is read from its log.
 */
export function reportPagesOnFailure(pages: () => Page[]): void {
  beforeEach(({ onTestFailed, task }) => {
    onTestFailed(async () => {
      for (const [n, page] of pages().entries()) {
        if (page.isClosed()) continue;
        const text = await page
          .locator('body')
          .innerText({ timeout: 2_000 })
          .catch(() => '');
        console.error(
          `--- "${task.name}" failed; page ${n} at ${page.url()} shows:\n${text.slice(0, 600)}\n` +
            `--- and did lately:\n${(activity.get(page) ?? []).join('\n')}`,
        );
        const name = `failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}-${n}`;
        await screenshot(page, name).catch(() => undefined);
      }
    });
  });
}

/** A full-page screenshot in test-output/screenshots (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = resolve(OUTPUT, 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: resolve(dir, `${name}.png`), fullPage: true });
}

/**
 * What `read` gives once `done` accepts it, reloading the page between tries: notices and read
 * models trail the ledger's events, and a page shows what its queries returned when it loaded.
 * Each try first lets the page's requests settle, so that an answer still on its way is not
 * taken for a missing one (on a loaded machine a query can take longer than a poll's interval,
 * and reloading again at once would throw it away, every time). Fails with the last value.
 */
export async function reloadUntil<T>(
  page: Page,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.waitForLoadState('networkidle').catch(() => undefined);
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`${page.url()} still showed ${JSON.stringify(value)} after ${timeoutMs} ms`);
    }
    await page.waitForTimeout(500);
    await page.reload();
  }
}

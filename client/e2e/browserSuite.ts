import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { expectData, graphql } from '@poolgraph/testing';
import { startStack, type Stack, type TestUser } from '@poolgraph/test-stack';
import {
  ensureExplorerBuilt,
  launchChromium,
  recordActivity,
  reportPagesOnFailure,
  screenReviews,
  serveBuiltApp,
} from './harness.ts';

const DESKTOP = { width: 1280, height: 800 };

/**
 * One test file's browser session: a stack, the production build served against it (in its own
 * folder, `<name>/dist`) and Chromium, started before the file's tests and stopped after them.
 * `review` runs axe-core and takes screenshots at 1280×800 and 390×844 (checking nothing is
 * clipped on the phone); `expectReviewed` asserts what every review found, and the findings are
 * written to `test-output/<name>-axe.json`.
 */
export function useBrowserSuite(name: string) {
  let stack: Stack | undefined;
  let appUrl = '';
  let close: () => Promise<void> = async () => undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const reviews = screenReviews(`${name}-axe.json`);

  beforeAll(async () => {
    await ensureExplorerBuilt();
    stack = await startStack();
    const served = await serveBuiltApp(stack.gatewayUrl);
    appUrl = served.url;
    close = () => served.server.close();
    browser = await launchChromium();
  }, 180_000);

  reportPagesOnFailure(() => contexts.flatMap((c) => c.pages()));

  afterAll(async () => {
    await Promise.all(
      contexts.flatMap((c) => c.pages()).map((p) => p.goto('about:blank').catch(() => undefined)),
    );
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await close();
    await stack?.stop();
  });

  const started = () => {
    if (!stack || !browser) throw new Error('the browser suite is used before it started');
    return { stack, browser };
  };

  return {
    get stack(): Stack {
      return started().stack;
    },
    get appUrl(): string {
      return appUrl;
    },

    async newPage(): Promise<Page> {
      const context = await started().browser.newContext({
        reducedMotion: 'reduce',
        viewport: DESKTOP,
      });
      contexts.push(context);
      const page = await context.newPage();
      recordActivity(page);
      return page;
    },

    review: reviews.review,
    expectReviewed: reviews.expectClean,

    async logIn(page: Page, user: TestUser): Promise<void> {
      await page.goto(`${appUrl}/login`);
      await page.getByRole('heading', { name: 'Log in to Poolgraph' }).waitFor();
      await page.getByLabel('Email').fill(user.email);
      await page.locator('input[type="password"]').fill(user.password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByTestId('signed-in-as').waitFor();
    },

    /** A GraphQL call through the gateway as `user`, its data or a thrown error. */
    api(user: TestUser, query: string, variables: Record<string, unknown> = {}) {
      return graphql(started().stack.gatewayUrl, query, variables, { token: user.token }).then(
        expectData,
      );
    },
  };
}

import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { test as base, inject } from "vitest";
import { launchChromium } from "./chromium.js";
import { Api, startShop, type Workspace } from "./widget.js";

/**
 * The browser tests' shared setup, as vitest fixtures (`test.extend`): the
 * `wrangler dev` that test/support/browser/wrangler-dev.ts started for the run,
 * one Chromium and one fresh workspace per test file, and pages that close
 * themselves after each test. A fixture is only set up when a test (or a
 * `test.beforeAll`) names it, so a file that needs no browser starts none.
 *
 *     test.beforeAll(async ({ api, workspace }) => { …seed… });
 *     test("…", async ({ page, origin }) => { await page.goto(`${origin}/dashboard`); … });
 */

/** The viewport and language a page gets unless a test asks for others. */
export const PAGE_DEFAULTS: BrowserContextOptions = { locale: "en-GB", viewport: { width: 1280, height: 900 } };

/** What a page reported: uncaught errors, and those plus console errors (failed resource loads aside). */
const reports = new WeakMap<Page, { pageErrors: string[]; problems: string[] }>();
/** Uncaught exceptions in the page. */
export const pageErrorsOf = (page: Page): string[] => reports.get(page)?.pageErrors ?? [];
/** Uncaught exceptions and console errors (a CSP refusal, a failed render), but not failed loads. */
export const problemsOf = (page: Page): string[] => reports.get(page)?.problems ?? [];

export const test = base
  .extend("origin", { scope: "file" }, () => inject("origin"))
  .extend("adminToken", { scope: "file" }, () => inject("adminToken"))
  /** The API key of the demo workspace (`ws_demo`), seeded as `npm start` seeds it. */
  .extend("demoKey", { scope: "file" }, () => inject("demoApiKey"))
  .extend("api", { scope: "file" }, ({ origin, adminToken }) => new Api(origin, adminToken))
  .extend(
    "browser",
    { scope: "file" },
    // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern
    async ({}, { onCleanup }): Promise<Browser> => {
      const browser = await launchChromium();
      onCleanup(() => browser.close());
      return browser;
    },
  )
  /** A shop on another origin serving the page a test gives it (the widget's host), closed after the file. */
  .extend(
    "shop",
    { scope: "file" },
    // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern
    async ({}, { onCleanup }) => {
      const shop = await startShop();
      onCleanup(() => shop.close());
      return shop;
    },
  )
  /** A fresh workspace of this file's own (its key in `workspace.key`); seed it in `test.beforeAll`. */
  .extend("workspace", { scope: "file" }, ({ api }): Promise<Workspace> => api.workspace("Browser shop"))
  /** Opens a browser context exactly as asked (Playwright's defaults otherwise), closed after the test. */
  .extend("newContext", async ({ browser }, { onCleanup }) => {
    const contexts: BrowserContext[] = [];
    onCleanup(async () => {
      await Promise.all(contexts.map((c) => c.close().catch(() => {})));
    });
    return async (options: BrowserContextOptions = {}): Promise<BrowserContext> => {
      const context = await browser.newContext(options);
      contexts.push(context);
      return context;
    };
  })
  /**
   * Opens a page in a context of its own (`PAGE_DEFAULTS` unless overridden),
   * recording its errors ({@link pageErrorsOf}, {@link problemsOf}); every context opened during a
   * test is closed after it.
   */
  .extend("newPage", ({ newContext }) => {
    return async (options: BrowserContextOptions = {}): Promise<Page> => {
      const context = await newContext({ ...PAGE_DEFAULTS, ...options });
      const page = await context.newPage();
      const log = { pageErrors: [] as string[], problems: [] as string[] };
      reports.set(page, log);
      page.on("pageerror", (e) => {
        log.pageErrors.push(e.message);
        log.problems.push(e.message);
      });
      page.on("console", (m) => {
        if (m.type() === "error" && !/Failed to load resource/.test(m.text())) log.problems.push(m.text());
      });
      return page;
    };
  })
  /** One page with the defaults. */
  .extend("page", ({ newPage }) => newPage());

export { describe, expect } from "vitest";

import { mkdirSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { ARTIFACTS } from "../support/browser/chromium.js";
import { describe, expect, test } from "../support/browser/fixture.js";
import { axeViolations, WCAG21_TAGS } from "../support/browser/widget.js";

/** The API reference at /docs, rendered from /openapi.json with assets from the Worker only. */
const origin = inject("origin");

test.beforeAll(() => {
  mkdirSync(ARTIFACTS, { recursive: true });
});

describe("/docs in Chromium", () => {
  test("renders every operation of /openapi.json, loading nothing from elsewhere", async ({ newContext }) => {
    const spec = await (await fetch(`${origin}/openapi.json`)).json();
    const expected: string[] = [];
    for (const [p, item] of Object.entries(spec.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(item)) expected.push(`${method.toUpperCase()} ${p}`);
    }
    expect(expected.length).toBeGreaterThan(5);

    const context = await newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(`${origin}/docs`);
    await page.waitForSelector(".operation");

    const shown = await page.$$eval(".operation h3", (hs) => hs.map((h) => h.textContent?.replace(/\s+/g, " ").trim()));
    expect(shown.sort()).toEqual(expected.map((e) => e.replace(/\s+/g, " ")).sort());
    // Tags become sections with a navigation list.
    const tags = new Set(
      Object.values(spec.paths as Record<string, Record<string, { tags?: string[] }>>).flatMap((item) =>
        Object.values(item).map((op) => op.tags?.[0] ?? "Other"),
      ),
    );
    expect(await page.$$eval("nav[aria-label='API sections'] a", (as) => as.map((a) => a.textContent))).toEqual(
      expect.arrayContaining([...tags]),
    );
    // A request body schema is spelled out: POST /v1/workspaces names `name` as required.
    const workspaces = page.locator("#post-v1-workspaces");
    expect(await workspaces.textContent()).toMatch(/name\s*string.*required/);
    expect(await workspaces.textContent()).toContain("Bearer");

    expect(requests.every((u) => u.startsWith(origin))).toBe(true);
    expect(errors).toEqual([]);

    const violations = await axeViolations(page, { tags: WCAG21_TAGS });
    expect(violations).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, "docs.png") });
    await context.close();
  });
});

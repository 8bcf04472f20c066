import type { Page } from "playwright-core";
import { inject } from "vitest";
import { describe, expect, test } from "../support/browser/fixture.js";
import type { Api, startShop, Workspace } from "../support/browser/widget.js";

const origin = inject("origin");
const ACCENT = "#0b6e4f"; // white on it: about 6.3:1
const ACCENT_RGB = "rgb(11, 110, 79)";
let api: Api;
let shop: Awaited<ReturnType<typeof startShop>>;
let ws: Workspace;
let survey: string;

function watchCsp(page: Page) {
  return page.addInitScript(() => {
    (window as any).__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as any).__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}

test.beforeAll(async ({ api: a, shop: s, workspace }) => {
  api = a;
  shop = s;
  ws = workspace;
  survey = await api.survey(ws, { questions: [{ type: "csat" }], theme: { accent: ACCENT } });
});

describe("a survey's brand colour", () => {
  for (const scheme of ["light", "dark"] as const) {
    test(`colours the embedded widget under the shop's strict CSP (${scheme})`, async ({ newContext }) => {
      const context = await newContext({ colorScheme: scheme });
      const { token } = await api.invite(ws, { survey_id: survey, ticket_id: `B-w-${scheme}` });
      shop.serve({
        html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head><body><main>
<script src="${origin}/widget.js" data-token="${token}" async></script></main></body></html>`,
        csp: `default-src 'none'; script-src 'self' ${origin}; style-src 'self'; connect-src ${origin}; base-uri 'none'`,
        css: "",
      });
      const page = await context.newPage();
      await watchCsp(page);
      await page.goto(`${shop.origin}/`);
      await page.locator("aftercare-survey .ac-form").waitFor();
      const accent = await page
        .locator("aftercare-survey .ac-root")
        .evaluate((el) => getComputedStyle(el).getPropertyValue("--ac-accent").trim());
      expect(accent).toBe(ACCENT);
      // White text on it (a picked score), in both modes: the dark default would put dark text there.
      const onAccent = await page
        .locator("aftercare-survey .ac-root")
        .evaluate((el) => getComputedStyle(el).getPropertyValue("--ac-on-accent").trim());
      expect(onAccent).toBe("#fff");
      expect(await page.evaluate(() => (window as any).__cspViolations)).toEqual([]);
      await context.close();
    });

    test(`colours the hosted page under its own CSP (${scheme})`, async ({ newContext }) => {
      const context = await newContext({ colorScheme: scheme });
      const { url } = await api.invite(ws, { survey_id: survey, ticket_id: `B-h-${scheme}` });
      const page = await context.newPage();
      await watchCsp(page);
      const res = await page.goto(url);
      expect(res?.headers()["content-security-policy"]).toContain("style-src 'self'");
      await page.locator(".ac-form").waitFor();
      const accent = await page
        .locator(".ac-root")
        .first()
        .evaluate((el) => getComputedStyle(el).getPropertyValue("--ac-accent").trim());
      expect(accent).toBe(ACCENT);
      // The send button wears it, with white text.
      const colours = await page
        .locator(".ac-send")
        .first()
        .evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
      expect(colours).toEqual([ACCENT_RGB, "rgb(255, 255, 255)"]);
      expect(await page.evaluate(() => (window as any).__cspViolations)).toEqual([]);
      await context.close();
    });
  }
});

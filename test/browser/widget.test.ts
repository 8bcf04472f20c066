import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { BrowserContext, Page } from "playwright-core";
import { inject } from "vitest";
import { ARTIFACTS } from "../support/browser/chromium.js";
import { describe, expect, test } from "../support/browser/fixture.js";
import { type Api, axeViolations, type startShop, type Workspace } from "../support/browser/widget.js";

const origin = inject("origin");
let api: Api;
let shop: Awaited<ReturnType<typeof startShop>>;
let ws: Workspace;

/** What a hostile shop stylesheet does to everything it can reach. */
const HOSTILE_CSS = `
* { color: #f00 !important; font: italic 40px/3 "Comic Sans MS", cursive !important; letter-spacing: 6px !important;
    background: #ff0 !important; box-sizing: content-box !important; }
aftercare-survey { display: none; }
label, input, button, textarea, fieldset, legend, span, div { display: inline !important; border: 9px dotted lime !important; }
`;

/** The shop's strict CSP: its own scripts and styles, plus the widget's origin for the script and the API. */
const shopCsp = () =>
  `default-src 'none'; script-src 'self' ${origin}; style-src 'self'; connect-src ${origin}; img-src 'self'; base-uri 'none'`;

function shopPage(token: string, opts: { lang?: string; dataLocale?: string } = {}) {
  const lang = opts.lang === undefined ? ' lang="en"' : opts.lang ? ` lang="${opts.lang}"` : "";
  const locale = opts.dataLocale ? ` data-locale="${opts.dataLocale}"` : "";
  return `<!doctype html><html${lang}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Order status</title><link rel="stylesheet" href="/shop.css"></head>
<body><main><h1>Order ML-1</h1><p>Delivered.</p>
<script src="${origin}/widget.js" data-token="${token}"${locale} async></script>
<p id="below">Customer service, 9am–6pm.</p></main></body></html>`;
}

async function openShop(
  context: BrowserContext,
  token: string,
  opts: { lang?: string; dataLocale?: string } = {},
): Promise<Page> {
  shop.serve({ html: shopPage(token, opts), csp: shopCsp(), css: HOSTILE_CSS });
  const page = await context.newPage();
  await page.addInitScript(() => {
    (window as any).__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as any).__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(`${shop.origin}/`);
  await page.locator("aftercare-survey .ac-form").waitFor();
  return page;
}

async function latest(ticket: string) {
  return (await api.responses(ws)).filter((r) => r.ticket_id === ticket);
}

test.beforeAll(({ api: a, shop: s, workspace }) => {
  api = a;
  shop = s;
  ws = workspace;
});

describe("the embedded widget", () => {
  test("renders in an open shadow root on another origin, unharmed by its CSP and CSS; clicks are recorded", async ({
    newContext,
  }) => {
    const context = await newContext({ viewport: { width: 720, height: 900 } });
    const { token } = await api.invite(ws, { ticket_id: "W-mouse" });
    const page = await openShop(context, token);

    const host = page.locator("aftercare-survey");
    expect(await host.evaluate((el) => el.shadowRoot?.mode)).toBe("open");
    // Rendered where its tag stands: between the paragraphs around the script.
    expect(await host.evaluate((el) => el.previousElementSibling?.tagName)).toBe("SCRIPT");
    expect(await host.evaluate((el) => el.nextElementSibling?.id)).toBe("below");
    // The page's CSS does not reach in, nor hide the host.
    const look = await page.evaluate(() => {
      const root = document.querySelector("aftercare-survey")!.shadowRoot!;
      const span = getComputedStyle(root.querySelector(".ac-opt span")!);
      const host = getComputedStyle(document.querySelector("aftercare-survey")!);
      return {
        display: host.display,
        font: span.fontSize,
        color: span.color,
        style: span.fontStyle,
        border: span.borderStyle,
        height: span.height,
        // Sizes are in em of the host, never rem: the shop's root font size must not leak in.
        anchors: getComputedStyle(root.querySelector(".ac-anchors")!).fontSize,
      };
    });
    expect(look).toEqual({
      height: "44px",
      anchors: "14px",
      display: "block",
      font: "16px",
      color: "rgb(31, 36, 48)",
      style: "normal",
      border: "solid",
    });

    await page.getByRole("radio", { name: "4", exact: true }).click();
    await expect.poll(() => latest("W-mouse")).toMatchObject([{ answers: { csat: 4 } }]);
    // The live region announces the save in words, not just any text.
    await expect.poll(() => page.getByRole("status").textContent()).toBe("Thank you, your answer is saved.");
    await page.getByRole("status").filter({ hasText: "your answer is saved" }).waitFor();

    mkdirSync(ARTIFACTS, { recursive: true });
    await host.screenshot({ path: path.join(ARTIFACTS, "widget-hostile-page.png") });

    await page.getByRole("radio", { name: "5", exact: true }).click();
    await expect.poll(() => latest("W-mouse")).toMatchObject([{ answers: { csat: 5 } }]);
    await page.getByRole("textbox", { name: "Anything to add? (optional)" }).fill("Quick and kind");
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByText("Thank you!").waitFor();
    expect(await latest("W-mouse")).toMatchObject([{ answers: { csat: 5 }, comment: "Quick and kind" }]);
    expect(await page.evaluate(() => (window as any).__cspViolations)).toEqual([]);
    await context.close();
  });

  test("is fully usable from the keyboard, with a visible focus", async ({ newContext }) => {
    const context = await newContext();
    const { token } = await api.invite(ws, { ticket_id: "W-keys" });
    const page = await openShop(context, token);
    await page.keyboard.press("Tab");
    const focused = () =>
      page.evaluate(() => {
        const active = document.activeElement?.shadowRoot?.activeElement as HTMLElement | null | undefined;
        // A radio is drawn by the span after it, which carries its focus ring.
        const drawn = active?.getAttribute("type") === "radio" ? active.nextElementSibling : active;
        return {
          tag: active?.tagName,
          name: active?.getAttribute("name"),
          value: (active as HTMLInputElement | undefined)?.value,
          outline: drawn ? getComputedStyle(drawn).outlineStyle : null,
        };
      });
    expect(await focused()).toEqual({ tag: "INPUT", name: "csat", value: "1", outline: "solid" });
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    expect(await focused()).toMatchObject({ value: "3", outline: "solid" });
    await expect.poll(() => latest("W-keys")).toMatchObject([{ answers: { csat: 3 } }]);

    await page.keyboard.press("Tab");
    expect(await focused()).toMatchObject({ tag: "TEXTAREA", outline: "solid" });
    await page.keyboard.type("Tout est clair");
    await page.keyboard.press("Tab");
    expect(await focused()).toMatchObject({ tag: "BUTTON", outline: "solid" });
    await page.keyboard.press("Enter");
    await page.getByText("Thank you!").waitFor();
    // Focus follows to the thank-you message, so a screen reader announces it.
    expect(await focused()).toMatchObject({ tag: "P" });
    expect(await latest("W-keys")).toMatchObject([{ answers: { csat: 3 }, comment: "Tout est clair" }]);
    await context.close();
  });

  test("speaks the page's language, unless data-locale says otherwise, else the browser's", async ({ newContext }) => {
    const context = await newContext({ locale: "fr-FR" });
    const { token } = await api.invite(ws, { ticket_id: "W-lang" });
    const byPage = await openShop(context, token, { lang: "en" });
    await byPage.getByText("How satisfied are you with the help you received?").waitFor();
    await byPage.getByText("Very dissatisfied").waitFor();
    await byPage.close();

    const byAttribute = await openShop(context, token, { lang: "en", dataLocale: "fr" });
    await byAttribute.getByText("Êtes-vous satisfait de l'aide que vous avez reçue ?").waitFor();
    await byAttribute.getByText("Très insatisfait").waitFor();
    await byAttribute.getByRole("radio", { name: "2", exact: true }).click();
    await byAttribute.getByRole("textbox", { name: "Un commentaire ? (facultatif)" }).waitFor();
    await byAttribute.getByRole("button", { name: "Envoyer" }).click();
    await byAttribute.getByText("Merci !").waitFor();
    await byAttribute.close();

    const byBrowser = await openShop(context, token, { lang: "" });
    await byBrowser.getByText("Êtes-vous satisfait de l'aide que vous avez reçue ?").waitFor();
    // A reload shows the answer already given.
    expect(await byBrowser.getByRole("radio", { name: "2", exact: true }).isChecked()).toBe(true);
    expect(await latest("W-lang")).toMatchObject([{ answers: { csat: 2 }, locale: "fr" }]);
    await context.close();
  });

  test("shows NPS 0–10 and CES on its scale, each score named by its number, with anchor labels", async ({
    newContext,
  }) => {
    const context = await newContext();
    const surveyId = await api.survey(ws, { questions: [{ type: "nps" }, { type: "ces" }], comment: false });
    const { token } = await api.invite(ws, { survey_id: surveyId, ticket_id: "W-scales" });
    const page = await openShop(context, token);
    const names = (group: string) =>
      page
        .getByRole("group", { name: group })
        .getByRole("radio")
        .evaluateAll((els) => els.map((el) => (el as HTMLInputElement).labels?.[0]?.textContent));
    expect(await names("How likely are you to recommend us to a friend or colleague?")).toEqual([
      "0",
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
      "10",
    ]);
    expect(await names("The company made it easy for me to handle my issue.")).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
    ]);
    for (let v = 0; v <= 10; v++)
      await page
        .getByRole("radio", { name: String(v), exact: true })
        .first()
        .waitFor();
    for (const anchor of ["Not at all likely", "Extremely likely", "Strongly disagree", "Strongly agree"]) {
      await page.getByText(anchor).waitFor();
    }
    await page
      .getByRole("group", { name: /recommend/ })
      .getByRole("radio", { name: "9", exact: true })
      .click();
    await expect.poll(() => latest("W-scales")).toMatchObject([{ answers: { nps: 9 } }]);
    // With no comment box, the last answer closes the survey.
    await page.getByRole("group", { name: /easy/ }).getByRole("radio", { name: "6", exact: true }).click();
    await page.getByText("Thank you!").waitFor();
    expect(await latest("W-scales")).toMatchObject([{ answers: { nps: 9, ces: 6 } }]);
    await context.close();
  });

  test("passes axe-core (WCAG 2 A and AA) in every state, light and dark", async ({ newContext }) => {
    for (const colorScheme of ["light", "dark"] as const) {
      const context = await newContext({ colorScheme });
      const { token } = await api.invite(ws, { ticket_id: `W-axe-${colorScheme}` });
      shop.serve({ html: shopPage(token), csp: shopCsp() }); // no hostile CSS: axe judges the widget's own look
      const page = await context.newPage();
      await page.goto(`${shop.origin}/`);
      await page.locator("aftercare-survey .ac-form").waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole("radio", { name: "4", exact: true }).click();
      await page.getByRole("status").filter({ hasText: "saved" }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page
        .locator("aftercare-survey .ac-root")
        .screenshot({ path: path.join(ARTIFACTS, `widget-${colorScheme}.png`) });
      await page.getByRole("button", { name: "Send" }).click();
      await page.getByText("Thank you!").waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    }
  });

  test("fits 320 px, follows dark mode and reduced motion, and does not shift the page when it loads", async ({
    newContext,
  }) => {
    const context = await newContext({ viewport: { width: 320, height: 640 } });
    const { token } = await api.invite(ws, { ticket_id: "W-layout" });
    const surveyId = await api.survey(ws, { questions: [{ type: "nps" }] });
    const nps = await api.invite(ws, { survey_id: surveyId, ticket_id: "W-layout-nps" });
    shop.serve({ html: shopPage(token), csp: shopCsp() });
    const page = await context.newPage();
    // Hold survey.json back to see the reserved room before the survey arrives.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/survey.json", async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${shop.origin}/`);
    const host = page.locator("aftercare-survey");
    await host.locator(".ac-loading").waitFor();
    const belowBefore = await page.locator("#below").boundingBox();
    release();
    await host.locator(".ac-form").waitFor();
    expect(await page.locator("#below").boundingBox()).toEqual(belowBefore);

    // Eleven NPS scores side by side at 320 px, nothing overflowing.
    shop.serve({ html: shopPage(nps.token), csp: shopCsp() });
    await page.unrouteAll();
    await page.goto(`${shop.origin}/`);
    await host.locator(".ac-form").waitFor();
    const boxes = await page
      .getByRole("radio")
      .evaluateAll((els) => els.map((el) => el.parentElement!.getBoundingClientRect().toJSON()));
    expect(boxes).toHaveLength(11);
    for (const box of boxes) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(320);
      expect(box.width).toBeGreaterThanOrEqual(20);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

    const look = () =>
      page.evaluate(() => {
        const root = document.querySelector("aftercare-survey")!.shadowRoot!;
        return {
          background: getComputedStyle(root.querySelector(".ac-root")!).backgroundColor,
          transition: getComputedStyle(root.querySelector(".ac-opt span")!).transitionDuration,
        };
      });
    expect(await look()).toEqual({ background: "rgb(255, 255, 255)", transition: "0.15s, 0.15s, 0.15s" });
    await page.emulateMedia({ colorScheme: "dark", reducedMotion: "reduce" });
    expect(await look()).toEqual({ background: "rgb(28, 32, 48)", transition: "0s" });

    // The thank-you state keeps the survey's height, so the page below stays put.
    await page.emulateMedia({ colorScheme: "light", reducedMotion: "no-preference" });
    shop.serve({ html: shopPage(token), csp: shopCsp() });
    await page.goto(`${shop.origin}/`);
    await host.locator(".ac-form").waitFor();
    await page.getByRole("radio", { name: "3", exact: true }).click();
    await page.getByRole("button", { name: "Send" }).waitFor();
    const below = await page.locator("#below").boundingBox();
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByText("Thank you!").waitFor();
    expect(await page.locator("#below").boundingBox()).toEqual(below);
    await context.close();
  });

  test("retries a failed save with backoff, honours Retry-After, and counts the answer once", async ({
    newContext,
  }) => {
    const context = await newContext();
    const { token } = await api.invite(ws, { ticket_id: "W-retry" });
    const page = await openShop(context, token);
    const attempts: number[] = [];
    await page.route(`${origin}/v1/responses`, async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      attempts.push(Date.now());
      if (attempts.length === 1) return route.abort("connectionfailed");
      if (attempts.length === 2) {
        return route.fulfill({
          status: 503,
          headers: {
            "access-control-allow-origin": "*",
            "access-control-expose-headers": "Retry-After",
            "retry-after": "1",
            "content-type": "application/json",
          },
          body: JSON.stringify({ error: { code: "database_unavailable", message: "retry" } }),
        });
      }
      return route.continue();
    });
    await page.getByRole("radio", { name: "2", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "your answer is saved" }).waitFor({ timeout: 20_000 });
    expect(attempts).toHaveLength(3);
    // Retry-After: 1 was honoured (a lower bound only: the machine may be slow, never fast).
    expect(attempts[2]! - attempts[1]!).toBeGreaterThanOrEqual(950);
    expect(await latest("W-retry")).toMatchObject([{ answers: { csat: 2 } }]);
    await context.close();
  });

  test("offers Try again when a save fails for good, and Try again records the answer", async ({ newContext }) => {
    const context = await newContext();
    const { token } = await api.invite(ws, { ticket_id: "W-try-again" });
    const page = await openShop(context, token);
    let refused = 0;
    await page.route(`${origin}/v1/responses`, async (route) => {
      if (route.request().method() !== "POST" || refused > 0) return route.continue();
      refused++;
      // A 4xx is not retried by the transport: the widget must hand the choice to the customer.
      return route.fulfill({
        status: 400,
        headers: { "access-control-allow-origin": "*", "content-type": "application/json" },
        body: JSON.stringify({ error: { code: "bad_request", message: "no" } }),
      });
    });
    await page.getByRole("radio", { name: "2", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "Your answer could not be saved." }).waitFor();
    expect(await latest("W-try-again")).toEqual([]);
    await page.getByRole("button", { name: "Try again" }).click();
    await page.getByRole("status").filter({ hasText: "your answer is saved" }).waitFor();
    expect(await page.getByRole("button", { name: "Try again" }).count()).toBe(0);
    expect(await latest("W-try-again")).toMatchObject([{ answers: { csat: 2 } }]);
    await context.close();
  });

  test("says so, in the page's language, when the link is not valid", async ({ newContext }) => {
    const context = await newContext();
    shop.serve({ html: shopPage("not-a-token", { lang: "fr" }), csp: shopCsp() });
    const page = await context.newPage();
    await page.goto(`${shop.origin}/`);
    await page.locator("aftercare-survey").getByText("Ce questionnaire n’est plus disponible.").waitFor();
    expect(await page.locator("aftercare-survey .ac-root").getAttribute("aria-busy")).toBeNull();
    expect(await page.locator("aftercare-survey .ac-form").count()).toBe(0);
    await context.close();
  });

  test("weighs at most 6 KB gzipped: every script and style it fetches", async ({ newContext }) => {
    const context = await newContext();
    const { token } = await api.invite(ws, { ticket_id: "W-size" });
    const page = await context.newPage();
    const fetched: Promise<{ url: string; gzip: number }>[] = [];
    const data: Promise<number>[] = [];
    page.on("response", (res) => {
      const type = res.request().resourceType();
      if (!res.url().startsWith(origin)) return;
      const gzip = res.body().then((body) => gzipSync(body, { level: 9 }).length);
      if (type === "script" || type === "stylesheet")
        fetched.push(gzip.then((size) => ({ url: res.url(), gzip: size })));
      else data.push(gzip);
    });
    shop.serve({ html: shopPage(token), csp: shopCsp() });
    await page.goto(`${shop.origin}/`);
    await page.locator("aftercare-survey .ac-form").waitFor();
    const assets = await Promise.all(fetched);
    const total = assets.reduce((sum, a) => sum + a.gzip, 0);
    const json = (await Promise.all(data)).reduce((sum, size) => sum + size, 0);
    console.log(
      `widget weight: ${total} B gzip -9 (${assets.map((a) => `${new URL(a.url).pathname} ${a.gzip} B`).join(", ")}); data (survey.json, not code): ${json} B`,
    );
    expect(assets.map((a) => new URL(a.url).pathname)).toEqual(["/widget.js"]);
    expect(total).toBeLessThanOrEqual(6 * 1024);
    await context.close();
  });
});

test.afterAll(() => {
  // docs/widget-and-pages.md shows the screenshot taken above; refresh docs/widget.png when it changed on purpose.
  if (process.env.UPDATE_DOCS_SCREENSHOT) {
    copyFileSync(path.join(ARTIFACTS, "widget-light.png"), path.resolve(import.meta.dirname, "../../docs/widget.png"));
  }
});

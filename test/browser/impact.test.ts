import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import type { BrowserContextOptions, Page } from "playwright-core";
import { inject } from "vitest";
import { ARTIFACTS } from "../support/browser/chromium.js";
import { describe, expect, pageErrorsOf, test } from "../support/browser/fixture.js";
import { axeViolations, WCAG21_TAGS } from "../support/browser/widget.js";

/**
 * The "What support is worth" card in real Chromium, on the demo workspace:
 * its words carry the API's figures, the caveat is there, and axe finds nothing.
 */
const origin = inject("origin");
const demoKey = inject("demoApiKey");
const root = path.resolve(import.meta.dirname, "../..");

async function api(pathAndQuery: string): Promise<any> {
  const res = await fetch(`${origin}${pathAndQuery}`, { headers: { authorization: `Bearer ${demoKey}` } });
  expect(res.status, pathAndQuery).toBe(200);
  return res.json();
}

async function openDashboard(
  newPage: (options: BrowserContextOptions) => Promise<Page>,
  locale: string,
): Promise<{ page: Page; problems: string[] }> {
  const page = await newPage({ locale });
  const problems = pageErrorsOf(page);
  await page.goto(`${origin}/dashboard#key=${encodeURIComponent(demoKey)}`);
  await page.waitForSelector("#impact-uplift");
  return { page, problems };
}

const whole = (locale: string, amount: string, currency: string) =>
  new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    maximumFractionDigits: 0,
    minimumFractionDigits: 0,
  }).format(Math.round(Number(amount)));
const cents = (locale: string, amount: string, currency: string) =>
  new Intl.NumberFormat(locale, { style: "currency", currency }).format(Number(amount));
const points = (share: number) => Math.round(share * 100);
const text = async (page: Page, testId: string) => ((await page.textContent(`#${testId}`)) ?? "").replace(/\s+/g, " ");

describe("What support is worth, in Chromium", () => {
  test("says the API's uplift, interval and amount at stake in words, with the caveat", async ({ newPage }) => {
    const impact = await api("/v1/impact?by=nps_category");
    const { page, problems } = await openDashboard(newPage, "en-GB");
    const { difference, ci95 } = impact.uplift;
    expect(await text(page, "impact-uplift")).toBe(
      `Promoters bought again ${points(difference)} points more often than detractors [${points(ci95[0])} to ${points(ci95[1])}].`,
    );
    const detractors = impact.categories.find((c: any) => c.key === "detractor");
    // The demo shop sells in euros and pounds: one sentence per currency, never converted.
    expect(Object.keys(impact.at_stake)).toEqual(["EUR", "GBP"]);
    for (const currency of ["EUR", "GBP"]) {
      const stake = impact.at_stake[currency];
      const money = (amount: string) => whole("en-GB", amount, currency);
      expect(await text(page, `impact-at-stake-${currency}`)).toBe(
        `At that rate, the ${detractors.eligible} detractors of this selection would have spent about ${money(stake.value)} more in ${currency} orders [${money(stake.low)} to ${money(stake.high)}].`,
      );
    }
    expect(await text(page, "impact-caveat")).toContain("An association, not a proof of cause");

    // Cost and net per interaction by segment are the API's.
    for (const c of impact.categories) {
      const row = await text(page, `impact-row-${c.key}`);
      expect(row).toContain(String(c.eligible));
      for (const field of ["revenue_per_interaction", "cost_per_interaction", "net_per_interaction"]) {
        for (const [currency, amount] of Object.entries(c[field] ?? {})) {
          expect(row, `${c.key} ${field}`).toContain(cents("en-GB", amount as string, currency));
        }
      }
    }
    const all = await text(page, "impact-row-all");
    expect(all).toContain(cents("en-GB", impact.cost_per_interaction.EUR, "EUR"));
    expect(all).toContain(cents("en-GB", impact.net_per_interaction.EUR, "EUR"));
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test("follows the CSAT comparison and speaks French", async ({ newPage }) => {
    const impact = await api("/v1/impact?by=csat_category");
    const { page, problems } = await openDashboard(newPage, "fr-FR");
    await page.getByLabel("Comparer").selectOption("csat_category");
    const { difference, ci95 } = impact.uplift;
    await expect
      .poll(() => text(page, "impact-uplift"))
      .toBe(
        `Les clients satisfaits ont racheté ${points(difference)} points plus souvent que les clients insatisfaits [${points(ci95[0])} à ${points(ci95[1])}].`,
      );
    expect(await text(page, "impact-caveat")).toContain("Une association, pas une preuve de cause");
    const satisfied = impact.categories.find((c: any) => c.key === "satisfied");
    expect(await text(page, "impact-row-satisfied")).toContain(
      cents("fr-FR", satisfied.cost_per_interaction.EUR, "EUR").replace(/\s/g, " "),
    );
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test("is clean for axe (WCAG 2.1 AA), and saves its picture", async ({ newPage }) => {
    const { page } = await openDashboard(newPage, "en-GB");
    mkdirSync(ARTIFACTS, { recursive: true });
    const shot = path.join(ARTIFACTS, "impact.png");
    await page.locator("section", { has: page.locator("#impact") }).screenshot({ path: shot });
    if (process.env.UPDATE_README_SCREENSHOT === "1") copyFileSync(shot, path.join(root, "docs/impact.png"));
    const violations = await axeViolations(page, { within: "#impact", tags: WCAG21_TAGS });
    expect(violations).toEqual([]);
    await page.context().close();
  });
});

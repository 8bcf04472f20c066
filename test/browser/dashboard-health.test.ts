import type { Page } from "playwright-core";
import { Webhook } from "standardwebhooks";
import { describe, expect, pageErrorsOf, test } from "../support/browser/fixture.js";
import { axeViolations } from "../support/browser/widget.js";

/**
 * The dashboard's programme health in real Chromium: the response rate on each
 * score card (with its warning when low), customer_tenure and value_tier as
 * filters and as a by-segment breakdown, and targets met or missed with how
 * certain that is, each figure equal to the API's, in English and French.
 */
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** 10 invited, 4 answered (40 %); on e-mail 1 of 6 (17 %, low). Tenure from the shop's orders. */
const TICKETS = [
  { ticket: "S-1", email: "new@example.com", channel: "chat", answers: { nps: 10, csat: 5 } },
  { ticket: "S-2", email: "back@example.com", channel: "chat", answers: { nps: 3, csat: 2 } },
  { ticket: "S-3", email: "loyal@example.com", channel: "chat", answers: { nps: 9, csat: 4 } },
  { ticket: "S-4", email: "quiet@example.com", channel: "chat" },
  { ticket: "E-1", email: "e1@example.com", channel: "email", answers: { nps: 8, csat: 5 } },
  ...[2, 3, 4, 5, 6].map((i) => ({ ticket: `E-${i}`, email: `e${i}@example.com`, channel: "email" })),
] as { ticket: string; email: string; channel: string; answers?: Record<string, number> }[];

const norm = (text: string | null) => (text ?? "").replace(/\s+/g, " ").trim();
const pct = (locale: string, value: number) =>
  new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(value / 100);

let key: string;
let origin: string;

async function call(method: string, route: string, body?: unknown): Promise<any> {
  const res = await fetch(`${origin}${route}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  expect(res.status, `${method} ${route}`).toBeLessThan(300);
  return res.json();
}

test.beforeAll(async ({ api, workspace, origin: o }) => {
  origin = o;
  key = workspace.key;
  await call("PUT", "/v1/integrations/standard", { secret: SECRET });
  // Orders placed a week before the tickets: back@ has 1 (returning), loyal@ has 3 (loyal).
  const orders = [["back@example.com"], ["loyal@example.com"], ["loyal@example.com"], ["loyal@example.com"]];
  const closedAt = Date.now() - HOUR;
  for (const [i, [email]] of orders.entries()) {
    const body = JSON.stringify({
      type: "order.created",
      data: {
        order_id: `O-${i}`,
        customer: { email },
        placed_at: new Date(closedAt - 7 * DAY + i * HOUR).toISOString(),
        total: "40.00",
        currency: "EUR",
      },
    });
    const id = `msg_order_${i}`;
    const at = new Date();
    const res = await fetch(`${origin}/v1/hooks/${workspace.id}/standard`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "webhook-id": id,
        "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
        "webhook-signature": new Webhook(SECRET).sign(id, at, body),
      },
      body,
    });
    expect(res.status, `order ${i}`).toBeLessThan(300);
  }
  const survey = await api.survey(workspace, { questions: [{ type: "nps" }, { type: "csat" }] });
  for (const t of TICKETS) {
    const invitation = await api.invite(workspace, {
      survey_id: survey,
      ticket_id: t.ticket,
      customer: { email: t.email },
      channel: t.channel,
      closed_at: new Date(closedAt).toISOString(),
    });
    if (t.answers) await call("POST", "/v1/responses", { token: invitation.token, answers: t.answers });
  }
  await call("PUT", "/v1/targets", {
    targets: [
      { metric: "csat", min: 5, period: "month" },
      { metric: "csat", min: 80, period: "month" },
    ],
  });
});

async function openDashboard(page: Page, query = "") {
  await page.goto(`${origin}/dashboard${query}#key=${encodeURIComponent(key)}`);
  await page.waitForSelector('main[aria-busy="false"] #card-nps .card-rate');
}

/** The card's response-rate line, as the API's `/v1/response-rate` gives it for the same filters, in `locale`. */
async function expectRateOnEveryCard(page: Page, locale: string, query: string) {
  const rate = await call("GET", `/v1/response-rate${query}`);
  const words =
    locale === "fr-FR"
      ? `Taux de réponse ${pct(locale, 100 * rate.rate)} : ${rate.answered} clients sur ${rate.invited} invités ont répondu`
      : `Response rate ${pct(locale, 100 * rate.rate)}: ${rate.answered} of ${rate.invited} invited customers answered`;
  for (const card of ["card-nps", "card-csat", "card-ces"]) {
    await expect
      .poll(async () => norm(await page.textContent(`#${card} .card-rate`)), { message: card })
      .toContain(norm(words));
  }
  return rate;
}

describe("the response rate on each score card", () => {
  test("equals the API's and says nothing more when it is not low (English)", async ({ page }) => {
    await openDashboard(page);
    const rate = await expectRateOnEveryCard(page, "en-GB", "");
    expect(rate).toMatchObject({ invited: 10, answered: 4, rate: 0.4 });
    expect(await page.locator(".card-warning").count()).toBe(0);
    expect(pageErrorsOf(page)).toEqual([]);
  });

  test("warns in words when few answered, following the filters (English and French)", async ({ newPage }) => {
    for (const locale of ["en-GB", "fr-FR"]) {
      const page = await newPage({ locale });
      await openDashboard(page);
      await page.selectOption("#filter-channel", "email");
      await expect.poll(() => page.url()).toContain("channel=email");
      const rate = await expectRateOnEveryCard(page, locale, "?channel=email");
      expect(rate).toMatchObject({ invited: 6, answered: 1 });
      const warning =
        locale === "fr-FR"
          ? `Seuls ${pct(locale, 100 * rate.rate)} des clients invités ont répondu : ce score parle pour eux, pas pour les ${pct(locale, 100 - 100 * rate.rate)} restants.`
          : `Only ${pct(locale, 100 * rate.rate)} of invited customers answered: this score speaks for them, not for the other ${pct(locale, 100 - 100 * rate.rate)}.`;
      expect(norm(await page.textContent("#card-nps .card-warning"))).toBe(norm(warning));
      expect(norm(await page.textContent("#card-csat .card-warning"))).toBe(norm(warning));
      expect(pageErrorsOf(page)).toEqual([]);
    }
  });
});

describe("customer_tenure and value_tier", () => {
  const LABELS = {
    "en-GB": {
      tenure: ["All", "No earlier order", "Returning (1–2 orders)", "Loyal (3+ orders)"],
      tier: ["All", "Low value", "Mid value", "High value", "Value unknown"],
      tenureName: "Customer tenure",
    },
    "fr-FR": {
      tenure: ["Toutes", "Aucune commande antérieure", "Récurrent (1–2 commandes)", "Fidèle (3 commandes ou plus)"],
      tier: ["Toutes", "Valeur faible", "Valeur moyenne", "Valeur élevée", "Valeur inconnue"],
      tenureName: "Ancienneté client",
    },
  } as const;

  for (const locale of ["en-GB", "fr-FR"] as const) {
    test(`are filters with their values named (${locale}), and filter every figure as the API does`, async ({
      newPage,
    }) => {
      const page = await newPage({ locale });
      await openDashboard(page);
      const options = (id: string) => page.$$eval(`#${id} option`, (os) => os.map((o) => (o.textContent ?? "").trim()));
      const all = (await options("filter-channel"))[0];
      expect(await options("filter-customer_tenure")).toEqual([all, ...LABELS[locale].tenure.slice(1)]);
      expect(await options("filter-value_tier")).toEqual([all, ...LABELS[locale].tier.slice(1)]);
      expect(norm(await page.textContent('label[for="filter-customer_tenure"]'))).toBe(LABELS[locale].tenureName);

      await page.selectOption("#filter-customer_tenure", "returning");
      await expect.poll(() => page.url()).toContain("customer_tenure=returning");
      const nps = await call("GET", "/v1/scores?metric=nps&customer_tenure=returning");
      // back@ answered 3: one detractor, NPS −100.
      expect(nps).toMatchObject({ n: 1, nps: -100 });
      await expect.poll(async () => norm(await page.textContent("#card-nps .card-value"))).toBe("−100");
      // One answer, in the singular (it read "1 answers" / "1 réponses" before).
      expect(norm(await page.textContent("#card-nps"))).toMatch(
        new RegExp(`${nps.n} ${locale === "fr-FR" ? "réponse" : "answer"}(?!s)`),
      );
      await expectRateOnEveryCard(page, locale, "?customer_tenure=returning");
      expect(pageErrorsOf(page)).toEqual([]);
    });
  }

  test("break every figure down by segment, equal to the API's grouped figures (English and French)", async ({
    newPage,
  }) => {
    const [nps, csat, rate, repurchase] = await Promise.all([
      call("GET", "/v1/scores?metric=nps&group_by=customer_tenure"),
      call("GET", "/v1/scores?metric=csat&group_by=customer_tenure"),
      call("GET", "/v1/response-rate?group_by=customer_tenure"),
      call("GET", "/v1/repurchase?group_by=customer_tenure"),
    ]);
    const keys = (body: any) => body.groups.map((g: any) => g.key).sort();
    expect(keys(nps)).toEqual(["first_order", "loyal", "returning"]);
    expect(keys(rate)).toEqual(["first_order", "loyal", "returning"]);
    for (const locale of ["en-GB", "fr-FR"] as const) {
      const page = await newPage({ locale });
      await openDashboard(page);
      await page.waitForSelector("#breakdown-table");
      expect(await page.inputValue("#breakdown-by")).toBe("customer_tenure");
      // Rows in the domain's order, named in the page's language.
      const names = await page.$$eval("#breakdown-table tbody th", (ths) => ths.map((th) => th.textContent?.trim()));
      expect(names).toEqual(LABELS[locale].tenure.slice(1));
      const fmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
      for (const g of rate.groups) {
        const row = `#breakdown-table tr[data-key="${g.key}"]`;
        expect(norm(await page.textContent(`${row} .breakdown-rate`))).toBe(
          norm(`${pct(locale, 100 * g.rate)} (${fmt.format(g.answered)}/${fmt.format(g.invited)})`),
        );
        const n = nps.groups.find((x: any) => x.key === g.key);
        const signed = `${n.nps > 0 ? "+" : n.nps < 0 ? "−" : ""}${fmt.format(Math.abs(Math.round(n.nps)))}`;
        expect(norm(await page.textContent(`${row} .breakdown-nps`))).toBe(`${signed} (n = ${n.n})`);
        const c = csat.groups.find((x: any) => x.key === g.key);
        expect(norm(await page.textContent(`${row} .breakdown-csat`))).toBe(
          norm(`${pct(locale, c.csat)} (n = ${c.n})`),
        );
      }
      // No window has closed yet (the tickets closed an hour ago): no repurchase rate to show.
      expect(repurchase.groups.every((g: any) => g.rate === null)).toBe(true);
      await page.selectOption("#breakdown-by", "value_tier");
      await expect
        .poll(() => page.$$eval("#breakdown-table tbody th", (ths) => ths.map((th) => th.textContent?.trim())))
        .toEqual([LABELS[locale].tier[4]]);
      expect(pageErrorsOf(page)).toEqual([]);
    }
  });
});

describe("targets on the dashboard", () => {
  test("show met or missed, whether that is certain, and otherwise how many answers would tell", async ({
    newPage,
  }) => {
    const month = new Date().toISOString().slice(0, 7);
    const report = await call("GET", `/v1/targets/report?period=${month}`);
    const met = report.items.find((i: any) => i.target.min === 5);
    const missed = report.items.find((i: any) => i.target.min === 80);
    // CSAT 3 of 4 satisfied = 75 %: Wilson [30 %, 95 %] is all above 5 but straddles 80.
    expect(met).toMatchObject({ status: "met", certain: true, n: 4, value: 75 });
    expect(missed).toMatchObject({ status: "missed", certain: false, n: 4, value: 75 });
    expect(missed.n_needed).toBeGreaterThan(4);
    const words = {
      "en-GB": { met: "Met — certain at 95 %", missed: "Missed — not certain: about {n} answers would tell" },
      "fr-FR": { met: "Atteint — certain à 95 %", missed: "Manqué — pas certain : il faudrait environ {n} réponses" },
    };
    for (const locale of ["en-GB", "fr-FR"] as const) {
      const page = await newPage({ locale });
      await openDashboard(page);
      await page.waitForSelector("#targets tbody tr");
      const rows = await page.$$eval("#targets tbody tr", (trs) => trs.map((tr) => tr.textContent ?? ""));
      const metRow = rows.find((r) => /≥\s*5\b/.test(r));
      const missedRow = rows.find((r) => /≥\s*80/.test(r));
      expect(norm(metRow ?? "")).toContain(norm(words[locale].met));
      const n = new Intl.NumberFormat(locale).format(missed.n_needed);
      expect(norm(missedRow ?? "")).toContain(norm(words[locale].missed.replace("{n}", n)));
      expect(pageErrorsOf(page)).toEqual([]);
    }
  });
});

describe("accessibility", () => {
  test("is clean for axe with the warning, the new filters and the breakdown on screen (English and French)", async ({
    newPage,
  }) => {
    for (const locale of ["en-GB", "fr-FR"]) {
      const page = await newPage({ locale });
      await openDashboard(page, "?channel=email");
      await page.waitForSelector("#card-nps .card-warning");
      await page.waitForSelector("#breakdown-table");
      await page.waitForSelector("#targets tbody tr");
      expect(await axeViolations(page), locale).toEqual([]);
    }
  });
});

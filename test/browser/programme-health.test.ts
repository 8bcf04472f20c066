import type { Page } from "playwright-core";
import { describe, expect, pageErrorsOf, test } from "../support/browser/fixture.js";
import { axeViolations, WCAG21_TAGS, type Workspace } from "../support/browser/widget.js";

/** Response rate and contract targets on the dashboard, in real Chromium, English and French. */
let origin: string;
let ws: Workspace;

async function call(method: string, route: string, body?: unknown) {
  const res = await fetch(`${origin}${route}`, {
    method,
    headers: { authorization: `Bearer ${ws.key}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  expect(res.status, `${method} ${route}`).toBeLessThan(300);
  return res.json() as Promise<any>;
}

test.beforeAll(async ({ api, workspace, origin: o }) => {
  origin = o;
  ws = workspace;
  // 4 invited, 2 answered (1 satisfied): response rate 50 %, CSAT 50 % against a target of 80 %.
  const tokens: string[] = [];
  for (const ticket of ["H-1", "H-2", "H-3", "H-4"]) tokens.push((await api.invite(ws, { ticket_id: ticket })).token);
  await call("POST", "/v1/responses", { token: tokens[0], answers: { csat: 5 } });
  await call("POST", "/v1/responses", { token: tokens[1], answers: { csat: 2 } });
  await call("PUT", "/v1/targets", { targets: [{ metric: "csat", min: 80, period: "month" }] });
});

async function open(newPage: (o: { locale: string }) => Promise<Page>, locale: string) {
  const page = await newPage({ locale });
  await page.goto(`${origin}/dashboard#key=${encodeURIComponent(ws.key)}`);
  await page.waitForSelector("#targets table");
  return { page, problems: pageErrorsOf(page) };
}

const text = async (page: Page, selector: string) => ((await page.textContent(selector)) ?? "").replace(/\s+/g, " ");

describe("programme health on the dashboard", () => {
  test("shows the response rate and a missed, uncertain target with its n_needed (English)", async ({ newPage }) => {
    const month = new Date().toISOString().slice(0, 7);
    const report = await call("GET", `/v1/targets/report?period=${month}`);
    const [item] = report.items;
    expect(item).toMatchObject({ status: "missed", certain: false });
    const { page, problems } = await open(newPage, "en-GB");
    expect(await text(page, "#response-rate")).toContain("50%");
    expect(await text(page, "#response-rate")).toContain("2 answered of 4 invited");
    const row = await text(page, "#targets tbody tr");
    expect(row).toContain("CSAT ≥ 80");
    expect(row).toContain("Missed");
    expect(row).toContain(`about ${new Intl.NumberFormat("en-GB").format(item.n_needed)} answers would tell`);
    expect(problems).toEqual([]);
  });

  test("speaks French", async ({ newPage }) => {
    // A French browser gets the French dashboard; no toggle to press.
    const { page, problems } = await open(newPage, "fr-FR");
    await expect.poll(() => text(page, "#response-rate")).toContain("Taux de réponse");
    expect(await text(page, "#response-rate")).toContain("2 réponses sur 4 invitations");
    expect(await text(page, "#targets tbody tr")).toContain("Manqué");
    expect(problems).toEqual([]);
  });

  test("is clean for axe (WCAG 2.1 AA)", async ({ newPage }) => {
    const { page } = await open(newPage, "en-GB");
    const violations = await axeViolations(page, { within: ".health", tags: WCAG21_TAGS });
    expect(violations).toEqual([]);
  });
});

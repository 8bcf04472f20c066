import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "./setup/chromium.js";
import { Api, axeViolations, type Workspace } from "./widget-support.js";

const origin = inject("origin");
const api = new Api(origin, inject("adminToken"));
let browser: Browser;
let ws: Workspace;

const answersOf = async (ticket: string) => (await api.responses(ws)).filter((r) => r.ticket_id === ticket);

beforeAll(async () => {
  browser = await launchChromium();
  ws = await api.workspace("One-click shop");
});

afterAll(async () => {
  await browser?.close();
});

describe("one-click e-mail links", () => {
  it("record nothing when opened without JavaScript, as a mail scanner would; the button records", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const { links } = await api.invite(ws, { ticket_id: "R-nojs" });
    const page = await context.newPage();
    const res = await page.goto(links["4"]!);
    expect(res?.status()).toBe(200);
    expect(res?.headers()["referrer-policy"]).toBe("no-referrer");
    expect(res?.headers()["x-content-type-options"]).toBe("nosniff");
    await page.getByRole("heading", { name: "Confirm your answer" }).waitFor();
    expect(await page.locator(".choice-value").textContent()).toBe("4 / 5");
    await page.waitForLoadState("networkidle");
    expect(await answersOf("R-nojs")).toEqual([]);

    await page.getByRole("button", { name: "Confirm my answer" }).click();
    await page.getByRole("heading", { name: "Thank you, your answer is recorded" }).waitFor();
    expect(await answersOf("R-nojs")).toMatchObject([{ answers: { csat: 4 } }]);
    // The thank-you page invites the optional comment, with the answer already picked.
    expect(await page.getByRole("radio", { name: "4", exact: true }).isChecked()).toBe(true);
    await page.getByRole("textbox", { name: "Anything to add? (optional)" }).fill("Fast");
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByText("Thank you!").waitFor();
    expect(await answersOf("R-nojs")).toMatchObject([{ answers: { csat: 4 }, comment: "Fast" }]);
    await context.close();
  });

  it("record the answer by themselves when JavaScript runs", async () => {
    const context = await browser.newContext({ locale: "fr-FR" });
    const { links } = await api.invite(ws, { ticket_id: "R-js" });
    const page = await context.newPage();
    await page.goto(links["2"]!);
    await page.getByRole("heading", { name: "Merci, votre réponse est enregistrée" }).waitFor();
    expect(await answersOf("R-js")).toMatchObject([{ answers: { csat: 2 } }]);
    expect(await axeViolations(page)).toEqual([]);
    // Opening the link again changes nothing: one ticket, one answer.
    await page.goto(links["2"]!);
    await page.getByRole("heading", { name: "Merci, votre réponse est enregistrée" }).waitFor();
    expect(await answersOf("R-js")).toHaveLength(1);
    await context.close();
  });

  it("show the choice accessibly before it is confirmed", async () => {
    const context = await browser.newContext();
    const { links } = await api.invite(ws, { ticket_id: "R-axe" });
    const page = await context.newPage();
    // Hold the page's own script back, to look at the page before it sends itself.
    await page.route("**/assets/survey-page.*.js", (route) => route.abort());
    await page.goto(links["1"]!);
    await page.getByRole("button", { name: "Confirm my answer" }).waitFor();
    expect(await page.locator(".choice-label").textContent()).toBe(" — Very dissatisfied");
    expect(await axeViolations(page)).toEqual([]);
    expect(await answersOf("R-axe")).toEqual([]);
    await context.close();
  });
});

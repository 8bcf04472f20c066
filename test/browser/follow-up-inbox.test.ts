import path from "node:path";
import type { Page } from "playwright-core";
import { inject } from "vitest";
import { ARTIFACTS } from "../support/browser/chromium.js";
import { describe, expect, test } from "../support/browser/fixture.js";
import { type Api, axeViolations, type Workspace } from "../support/browser/widget.js";

/** The dashboard's follow-up inbox in real Chromium: assign, contact and resolve, by keyboard. */
const origin = inject("origin");
let api: Api;
let ws: Workspace;

async function followUps(status?: string, on: Workspace = ws): Promise<any[]> {
  const res = await fetch(`${origin}/v1/follow-ups${status ? `?status=${status}` : ""}`, {
    headers: { authorization: `Bearer ${on.key}` },
  });
  return ((await res.json()) as any).items;
}

async function answer(ticket: string, csat: number, comment: string, agent: string, on: Workspace = ws) {
  const { token } = await api.invite(on, { ticket_id: ticket, agent });
  const res = await fetch(`${origin}/v1/responses`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token, answers: { csat }, comment }),
  });
  expect(res.status).toBe(201);
}

test.beforeAll(async ({ api: a, workspace }) => {
  api = a;
  ws = workspace;
  await answer("T-100", 1, "Never arrived", "Léa");
  await answer("T-101", 2, "Slow answer", "Max");
  await answer("T-102", 5, "Great", "Léa");
});

const inbox = (page: Page) => page.getByRole("region", { name: /^(Follow-ups|Suivis)$/ });

describe("the follow-up inbox", () => {
  test("lists open follow-ups oldest first, then assigns, contacts and resolves one by keyboard, axe-clean", async ({
    newContext,
  }) => {
    const context = await newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${origin}/dashboard#key=${ws.key}`);
    await inbox(page).getByRole("heading", { name: "Open follow-ups, oldest first" }).waitFor();
    const items = inbox(page).getByRole("list", { name: "Open follow-ups, oldest first" }).getByRole("listitem");
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.nth(0).textContent()).toContain("Never arrived");
    expect(await items.nth(0).textContent()).toContain("Ticket T-100");
    expect(await items.nth(0).textContent()).toContain("Léa");
    expect(await items.nth(0).textContent()).toMatch(/CSAT 1/);
    expect(await items.nth(1).textContent()).toContain("Slow answer");
    expect(await inbox(page).locator(".follow-up-summary").textContent()).toContain("2 opened");

    const form = page.getByRole("form", { name: "Follow-up on ticket T-100" });
    // Assign and note, by keyboard only.
    await form.getByRole("textbox", { name: "Assignee" }).focus();
    await page.keyboard.type("Nora");
    await page.keyboard.press("Tab"); // status
    await page.keyboard.press("Tab"); // note
    await page.keyboard.type("Calling back today");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "Follow-up on ticket T-100 saved." }).waitFor();
    await expect.poll(async () => (await followUps()).find((f) => f.ticket_id === "T-100")?.assignee).toBe("Nora");
    expect((await followUps()).find((f) => f.ticket_id === "T-100")).toMatchObject({
      status: "open",
      note: "Calling back today",
    });

    await form.getByRole("combobox", { name: "Status" }).selectOption("contacted");
    await form.getByRole("button", { name: "Save" }).click();
    await expect.poll(async () => (await followUps()).find((f) => f.ticket_id === "T-100")?.status).toBe("contacted");
    expect(await axeViolations(page)).toEqual([]);

    // A contacted follow-up is no longer open: it leaves the inbox.
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.nth(0).textContent()).toContain("Ticket T-101");
    expect((await followUps("contacted")).map((f) => f.ticket_id)).toEqual(["T-100"]);

    const second = page.getByRole("form", { name: "Follow-up on ticket T-101" });
    await second.getByRole("combobox", { name: "Status" }).selectOption("resolved");
    await second.getByRole("button", { name: "Save" }).click();
    await expect.poll(async () => (await followUps()).find((f) => f.ticket_id === "T-101")?.status).toBe("resolved");
    await inbox(page).getByText("No open follow-up.", { exact: false }).waitFor();
    expect(await inbox(page).getByRole("list", { name: "Repurchase after a bad answer" }).textContent()).toContain(
      "Contacted",
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, "follow-up-inbox.png"), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  test("speaks French", async ({ newContext }) => {
    // Desktop width: at phone width the impact card's scrolling table (another section, not this
    // inbox) trips axe's scrollable-region-focusable rule.
    const context = await newContext({ locale: "fr-FR", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${origin}/dashboard#key=${ws.key}`);
    await inbox(page).getByRole("heading", { name: "Suivis ouverts, les plus anciens d'abord" }).waitFor();
    await inbox(page).getByText("Aucun suivi ouvert.", { exact: false }).waitFor();
    expect(await inbox(page).locator(".follow-up-summary").textContent()).toContain("2 ouverts");
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  test("keeps what the person types while the rest of the dashboard is still loading", async ({ newContext }) => {
    // A slow network, made deterministic: the trends, comments and programme health are held
    // back until the person has typed, then arrive and re-render the page around the form.
    const own = await api.workspace("Slow inbox shop");
    await answer("S-1", 1, "Lost parcel", "Léa", own);
    const context = await newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const held =
      /\/v1\/(scores|responses|response-rate|targets\/report)(\?|$)|\/v1\/repurchase\?(?!.*group_by=follow_up)/;
    await page.route(
      (url) => held.test(url.pathname + url.search),
      async (route) => {
        await released;
        await route.continue();
      },
    );
    await page.goto(`${origin}/dashboard#key=${own.key}`);
    const form = page.getByRole("form", { name: "Follow-up on ticket S-1" });
    await form.waitFor();
    expect(await page.getByRole("region", { name: "Charts" }).textContent()).toContain("Loading");

    await form.getByRole("textbox", { name: "Assignee" }).focus();
    await page.keyboard.type("Nora");
    await page.keyboard.press("Tab"); // status
    await page.keyboard.press("Tab"); // note
    await page.keyboard.type("Calling back");
    // The rest of the dashboard arrives while the person is still in the form.
    release();
    await page.getByRole("status").filter({ hasText: "Figures updated." }).waitFor();
    await expect.poll(() => page.getByRole("region", { name: "Charts" }).textContent()).not.toContain("Loading");
    expect(await form.getByRole("textbox", { name: "Assignee" }).inputValue()).toBe("Nora");
    expect(await form.getByRole("textbox", { name: "Note" }).inputValue()).toBe("Calling back");

    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "Follow-up on ticket S-1 saved." }).waitFor();
    expect((await followUps(undefined, own)).find((f) => f.ticket_id === "S-1")).toMatchObject({
      assignee: "Nora",
      note: "Calling back",
      status: "open",
    });
    expect(await form.getByRole("textbox", { name: "Assignee" }).inputValue()).toBe("Nora");
    expect(errors).toEqual([]);
    await context.close();
  });
});

import path from "node:path";
import { inject } from "vitest";
import { ARTIFACTS } from "../support/browser/chromium.js";
import { describe, expect, test } from "../support/browser/fixture.js";
import { type Api, axeViolations, type Workspace } from "../support/browser/widget.js";

const origin = inject("origin");
let api: Api;
let ws: Workspace;

const answersOf = async (ticket: string) => (await api.responses(ws)).filter((r) => r.ticket_id === ticket);

test.beforeAll(({ api: a, workspace }) => {
  api = a;
  ws = workspace;
});

describe("the hosted survey page", () => {
  test("works with JavaScript off: a plain form post, then a thank-you page", async ({ newContext }) => {
    const context = await newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const { url } = await api.invite(ws, { ticket_id: "H-nojs", locale: "fr" });
    const page = await context.newPage();
    const res = await page.goto(url);
    expect(res?.status()).toBe(200);
    expect(res?.headers()["content-security-policy"]).toContain("script-src 'self'");
    await page.getByRole("heading", { name: "Votre avis compte" }).waitFor();
    // No comment box hidden behind script here: everything is there from the start.
    await page.getByRole("radio", { name: "5", exact: true }).check();
    await page.getByRole("textbox", { name: "Un commentaire ? (facultatif)" }).fill("Parfait, merci");
    expect(await answersOf("H-nojs")).toEqual([]);
    await Promise.all([page.waitForURL(url), page.getByRole("button", { name: "Envoyer" }).click()]);
    await page.getByText("Merci !").waitFor();
    expect(await answersOf("H-nojs")).toMatchObject([{ answers: { csat: 5 }, comment: "Parfait, merci" }]);
    await page.screenshot({ path: path.join(ARTIFACTS, "hosted-no-js.png"), fullPage: true });

    // Sending with nothing picked explains why instead of recording.
    const other = await api.invite(ws, { ticket_id: "H-nojs-empty" });
    await page.goto(other.url);
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByRole("alert").filter({ hasText: "Please choose a score before sending." }).waitFor();
    expect(await answersOf("H-nojs-empty")).toEqual([]);
    await context.close();
  });

  test("is enhanced by the same components with JavaScript on: a score is recorded as soon as it is picked", async ({
    newContext,
  }) => {
    const context = await newContext();
    const { url } = await api.invite(ws, { ticket_id: "H-js" });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    await page.goto(url);
    await page.waitForLoadState("load");
    const posted = page.waitForResponse((r) => r.url() === `${origin}/v1/responses` && r.request().method() === "POST");
    await page.getByRole("radio", { name: "3", exact: true }).click();
    expect((await posted).status()).toBe(201);
    expect(await answersOf("H-js")).toMatchObject([{ answers: { csat: 3 } }]);
    await page.getByRole("status").filter({ hasText: "your answer is saved" }).waitFor();

    // Send stays on the page: no navigation, the thank-you state replaces the form.
    await page.evaluate(() => ((window as any).__samePage = true));
    await page.getByRole("textbox", { name: "Anything to add? (optional)" }).fill("Clear answer");
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByText("Thank you!").waitFor();
    expect(await page.evaluate(() => (window as any).__samePage)).toBe(true);
    expect(await answersOf("H-js")).toMatchObject([{ answers: { csat: 3 }, comment: "Clear answer" }]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("passes axe-core, and its error page is friendly and accessible too", async ({ newContext }) => {
    const context = await newContext();
    const { url } = await api.invite(ws, { ticket_id: "H-axe" });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForLoadState("load");
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: "dark" });
    expect(await axeViolations(page)).toEqual([]);

    const res = await page.goto(`${origin}/s/this-is-not-a-token`);
    expect(res?.status()).toBe(401);
    await page.getByRole("heading", { name: "This survey link is not valid" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

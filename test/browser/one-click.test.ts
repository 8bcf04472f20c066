import { describe, expect, test } from "../support/browser/fixture.js";
import { type Api, axeViolations, type Workspace } from "../support/browser/widget.js";

let api: Api;
let ws: Workspace;

const answersOf = async (ticket: string) => (await api.responses(ws)).filter((r) => r.ticket_id === ticket);

test.beforeAll(({ api: a, workspace }) => {
  api = a;
  ws = workspace;
});

describe("one-click e-mail links", () => {
  test("record nothing when opened without JavaScript, as a mail scanner would; the button records", async ({
    newContext,
  }) => {
    const context = await newContext({ javaScriptEnabled: false });
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

  test("record nothing when a scanner with JavaScript opens every link; one confirm click records that value", async ({
    newContext,
  }) => {
    // What Safe Links, Proofpoint or Mimecast do: open each link of the e-mail in a real browser running scripts.
    const context = await newContext({ locale: "fr-FR" });
    const { links } = await api.invite(ws, { ticket_id: "R-scan" });
    const values = Object.keys(links).sort();
    expect(values).toEqual(["1", "2", "3", "4", "5"]);
    const pages = [];
    for (const value of values) {
      const page = await context.newPage();
      await page.goto(links[value]!);
      await page.waitForLoadState("networkidle");
      // A scanner may also bring the tab forward: nothing may react to that either.
      await page.bringToFront();
      await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
      // The choice is shown selected, and the page says nothing is recorded yet.
      expect(await page.locator(".choice-scale li.selected").textContent()).toBe(value);
      expect(await page.locator(".choice-scale li").count()).toBe(5);
      expect(await page.locator(".hint").textContent()).toBe(
        "Rien n’est enregistré tant que vous n’appuyez pas sur « Confirmer ma réponse » : ouvrir cette page ne répond pas.",
      );
      pages.push(page);
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
    for (const page of pages) await page.waitForLoadState("networkidle");
    expect(await answersOf("R-scan")).toEqual([]);
    expect(await axeViolations(pages[2]!)).toEqual([]);

    // The person clicks the button of the score they chose: that value, exactly once.
    await pages[2]!.getByRole("button", { name: "Confirmer ma réponse" }).click();
    await pages[2]!.getByRole("heading", { name: "Merci, votre réponse est enregistrée" }).waitFor();
    expect(await answersOf("R-scan")).toMatchObject([{ answers: { csat: 3 } }]);
    expect(await answersOf("R-scan")).toHaveLength(1);
    // Opening the other links again after the answer changes nothing.
    for (const value of values) await pages[0]!.goto(links[value]!);
    await pages[0]!.waitForLoadState("networkidle");
    expect(await answersOf("R-scan")).toMatchObject([{ answers: { csat: 3 } }]);
    await context.close();
  });

  test("record on a key press on the confirm button, in English", async ({ newContext }) => {
    const context = await newContext({ locale: "en-GB" });
    const { links } = await api.invite(ws, { ticket_id: "R-key" });
    const page = await context.newPage();
    await page.goto(links["5"]!);
    await page.waitForLoadState("networkidle");
    expect(await page.locator(".hint").textContent()).toBe(
      "Nothing is recorded until you press “Confirm my answer”: opening this page does not answer.",
    );
    expect(await answersOf("R-key")).toEqual([]);
    await page.getByRole("button", { name: "Confirm my answer" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Thank you, your answer is recorded" }).waitFor();
    expect(await answersOf("R-key")).toMatchObject([{ answers: { csat: 5 } }]);
    await context.close();
  });

  test("show the choice accessibly before it is confirmed", async ({ newContext }) => {
    const context = await newContext();
    const { links } = await api.invite(ws, { ticket_id: "R-axe" });
    const page = await context.newPage();
    await page.goto(links["1"]!);
    await page.getByRole("button", { name: "Confirm my answer" }).waitFor();
    expect(await page.locator(".choice-label").textContent()).toBe(" — Very dissatisfied");
    expect(await axeViolations(page)).toEqual([]);
    expect(await answersOf("R-axe")).toEqual([]);
    await context.close();
  });
});

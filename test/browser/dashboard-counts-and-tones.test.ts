import type { Page } from "playwright-core";
import { describe, expect, pageErrorsOf, test } from "../support/browser/fixture.js";

/**
 * Two small things a CX manager reads at a glance, in real Chromium: a count of one answer is
 * singular ("1 answer", "1 réponse"), and a CES comment is coloured on its own survey's scale:
 * on effort5, 4 is hard (bad) and 2 easy (good), where agree7 would read them neutral and bad.
 */

let key: string;
let origin: string;

const norm = (text: string | null) => (text ?? "").replace(/\s+/g, " ").trim();

test.beforeAll(async ({ api, workspace, origin: o }) => {
  origin = o;
  key = workspace.key;
  const nps = await api.survey(workspace, { questions: [{ type: "nps" }] });
  const effort = await api.survey(workspace, { questions: [{ type: "ces" }], ces_scale: "effort5", comment: true });
  const answer = async (survey: string, ticket: string, answers: Record<string, number>, comment?: string) => {
    // The NPS ticket alone came by chat: filtered on chat, one invitation and one answer.
    const channel = ticket === "N-1" ? "chat" : "email";
    const { token } = await api.invite(workspace, { survey_id: survey, ticket_id: ticket, channel });
    const res = await fetch(`${origin}/v1/responses`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token, answers, ...(comment ? { comment } : {}) }),
    });
    expect(res.status).toBe(201);
  };
  await answer(nps, "N-1", { nps: 9 });
  await answer(effort, "E-hard", { ces: 4 }, "Took three calls");
  await answer(effort, "E-easy", { ces: 2 }, "Sorted at once");
});

async function openDashboard(page: Page) {
  await page.goto(`${origin}/dashboard#key=${encodeURIComponent(key)}`);
  await page.waitForSelector('main[aria-busy="false"] section[aria-labelledby="verbatims-title"] .verbatim');
}

describe("counts", () => {
  for (const [locale, one, many] of [
    ["en-GB", "1 answer", "2 answers"],
    ["fr-FR", "1 réponse", "2 réponses"],
  ] as const) {
    test(`say one answer in the singular (${locale})`, async ({ newPage }) => {
      const page = await newPage({ locale });
      await openDashboard(page);
      const npsCard = norm(await page.textContent("#card-nps"));
      expect(npsCard).toContain(one);
      expect(npsCard).not.toContain(`${one}s`);
      expect(norm(await page.textContent("#card-ces"))).toContain(many);
      expect(pageErrorsOf(page)).toEqual([]);
    });
  }
});

describe("the response rate's counts", () => {
  for (const [locale, words] of [
    ["en-GB", "1 answered of 1 invited"],
    ["fr-FR", "1 réponse sur 1 invitation."],
  ] as const) {
    test(`say one in the singular (${locale})`, async ({ newPage }) => {
      const page = await newPage({ locale });
      await page.goto(`${origin}/dashboard?channel=chat#key=${encodeURIComponent(key)}`);
      await expect.poll(async () => norm(await page.textContent("#response-rate"))).toContain(words);
      expect(pageErrorsOf(page)).toEqual([]);
    });
  }
});

describe("CES comments", () => {
  test("are coloured on their survey's own scale (effort5: 4 hard, 2 easy)", async ({ page }) => {
    await openDashboard(page);
    const toneOf = (comment: string) =>
      page.$$eval(
        'section[aria-labelledby="verbatims-title"] .verbatim',
        (items, wanted) =>
          items
            .find((li) => li.querySelector("blockquote")?.textContent?.trim() === wanted)
            ?.querySelector(".chip")
            ?.className.split(/\s+/)
            .filter((c) => c !== "chip"),
        comment,
      );
    await expect.poll(() => toneOf("Took three calls")).toEqual(["bad"]);
    await expect.poll(() => toneOf("Sorted at once")).toEqual(["good"]);
    expect(pageErrorsOf(page)).toEqual([]);
  });
});

/**
 * A Slack delivery carries a customer's comment and the ticket's fields, all
 * untrusted. Slack reads `&`, `<` and `>` as markup in the notification `text`
 * as well as in mrkdwn blocks (`<!channel>` pings everyone, `<url|label>`
 * disguises a link), so every part of the body escapes them.
 */
import { describe, expect, it } from "vitest";
import { slackBody } from "../../worker/events/slack";

const hostile = {
  ticket_id: "T<!here>",
  source: "own",
  answers: { nps: 8 },
  comment: "<!channel> <https://evil.example|click here> & more",
  agent: "<@U123>",
};

describe("Slack body", () => {
  for (const type of ["response.created", "follow_up.opened"]) {
    it(`escapes untrusted text in the notification text of ${type}`, () => {
      const data = type.startsWith("follow_up") ? { ...hostile, status: "open", assignee: "<!everyone>" } : hostile;
      const body = slackBody(type, data, "en", "https://aftercare.test/dashboard#follow-ups");
      expect(body.text).not.toMatch(/[<>]/);
      expect(body.text).toContain("&lt;!channel&gt;");
      expect(body.text).toContain("&amp; more");
      expect(JSON.stringify(body.blocks)).not.toMatch(/<!|<@|<https/);
    });
  }
});

import { env } from "cloudflare:workers";
import { expect, it } from "vitest";
import { PAGE_CSP } from "../../worker/http/security-headers";
import { call } from "../support/worker/helpers";

// Storage is shared by the tests of one file: they run in order, before and after ws_demo exists.

it("explains how to get the demo when ws_demo does not exist", async () => {
  const res = await call("GET", "/demo");
  expect(res.status).toBe(404);
  expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
  expect(res.headers.get("content-security-policy")).toBe(PAGE_CSP);
  expect(res.text).toContain("npm start");
  expect(res.text).toContain("DEMO=0");
});

it("serves a shop page embedding the widget with a fresh invitation on ws_demo", async () => {
  const now = Date.now();
  await env.DB.batch([
    env.DB.prepare(
      "INSERT INTO workspaces (id, name, timezone, created_at) VALUES ('ws_demo', 'Maison Lumière', 'Europe/Paris', ?)",
    ).bind(now),
    env.DB.prepare(
      `INSERT INTO surveys (id, workspace_id, name, questions, comment, ces_scale, is_default, created_at)
       VALUES ('srv_demo', 'ws_demo', 'Default CSAT', '[{"type":"csat"}]', 1, 'agree7', 1, ?)`,
    ).bind(now),
  ]);
  const res = await call("GET", "/demo");
  expect(res.status).toBe(200);
  expect(res.headers.get("content-security-policy")).toBe(PAGE_CSP);
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  expect(res.text).toContain('<html lang="fr">');
  expect(res.text).toContain("Maison Lumière");
  const tag = /<script src="https:\/\/aftercare\.test\/widget\.js" data-token="([^"]+)" async><\/script>/.exec(
    res.text,
  );
  expect(tag).not.toBeNull();
  const ticket = /demande (DEMO-[0-9A-F]{8})/.exec(res.text)?.[1];
  expect(ticket).toBeDefined();

  const survey = await call("GET", `/s/${tag![1]}/survey.json`);
  expect(survey.status).toBe(200);
  expect(survey.body.questions[0].type).toBe("csat");
  const interaction = await env.DB.prepare(
    "SELECT channel, agent FROM interactions WHERE workspace_id = 'ws_demo' AND ticket_id = ?",
  )
    .bind(ticket)
    .first();
  expect(interaction).toEqual({ channel: "chat", agent: "Camille" });

  const english = await call("GET", "/demo?lang=en");
  expect(english.text).toContain('<html lang="en">');
  expect(english.text).toContain("Order status");
  expect(english.text).not.toContain(tag![1]);
});

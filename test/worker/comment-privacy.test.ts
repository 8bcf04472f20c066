import { describe, expect, it } from "vitest";
import { answer, call, createWorkspace } from "../support/worker/helpers";

/**
 * Issue 11 #5: a write-only key could mint an invitation for an answered
 * ticket and read the stored comment through the token's pages. No route
 * reachable with a token may show a stored comment: only the read scope reads
 * verbatims.
 */
const SECRET = "VERBATIM-only-for-readers-7f3k";

async function keyWith(ws: { key: string }, scopes: string[]) {
  const res = await call("POST", "/v1/api-keys", { key: ws.key, body: { name: scopes.join("+"), scopes } });
  expect(res.status).toBe(201);
  return res.body.api_key as string;
}

const path = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

describe("a write key and a fresh invitation cannot read a stored comment", () => {
  it("by survey.json, the hosted page, its form posts, or any one-click page", async () => {
    const ws = await createWorkspace();
    const writer = await keyWith(ws, ["write"]);
    const reader = await keyWith(ws, ["read"]);
    // The customer answers with a comment through their own link.
    const first = await call("POST", "/v1/invitations", {
      key: writer,
      body: { survey_id: ws.defaultSurveyId, ticket_id: "T-PRIV" },
    });
    expect((await answer(first.body.token, { csat: 2 }, { comment: SECRET })).status).toBe(201);

    // The write key mints a new invitation for the same ticket and tries every route.
    const fresh = await call("POST", "/v1/invitations", {
      key: writer,
      body: { survey_id: ws.defaultSurveyId, ticket_id: "T-PRIV" },
    });
    expect(fresh.status).toBe(201);
    const { token, links, url } = fresh.body as { token: string; links: Record<string, string>; url: string };
    const seen: { route: string; status: number; text: string }[] = [];
    const look = async (route: string, res: { status: number; text: string }) => seen.push({ route, ...res });

    const json = await call("GET", `/s/${token}/survey.json`);
    expect(json.status).toBe(200);
    expect(json.body.response).toEqual({ answers: { csat: 2 }, comment: null });
    await look("survey.json", json);
    await look("GET /s", await call("GET", path(url)));
    await look("GET /s?lang=fr", await call("GET", `/s/${token}?lang=fr`));
    const form = (body: string) => ({ raw: body, headers: { "content-type": "application/x-www-form-urlencoded" } });
    await look("POST /s (invalid)", await call("POST", `/s/${token}`, form("csat=9")));
    await look("POST /s (no comment)", await call("POST", `/s/${token}`, form("csat=3")));
    for (const [value, link] of Object.entries(links)) {
      await look(`GET /r ${value}`, await call("GET", path(link)));
      await look(`POST /r ${value}`, await call("POST", path(link)));
    }
    expect(seen.length).toBeGreaterThanOrEqual(15);
    for (const { route, status, text } of seen) {
      expect([route, status < 500]).toEqual([route, true]);
      expect([route, text.includes(SECRET)]).toEqual([route, false]);
    }

    // The comment is still there for those who may read it, and the write key may not.
    expect((await call("GET", "/v1/responses", { key: writer })).status).toBe(403);
    expect((await call("GET", "/v1/responses.csv", { key: writer })).status).toBe(403);
    const listed = await call("GET", "/v1/responses", { key: reader });
    expect(listed.body.items.map((i: { comment: string }) => i.comment)).toEqual([SECRET]);
  });

  it("the no-script form shown again keeps what this very request typed, and only that", async () => {
    const ws = await createWorkspace();
    const first = await call("POST", "/v1/invitations", {
      key: ws.key,
      body: { survey_id: ws.defaultSurveyId, ticket_id: "T-RETYPE" },
    });
    await answer(first.body.token, { csat: 4 }, { comment: SECRET });
    const res = await call("POST", `/s/${first.body.token}`, {
      raw: "csat=&comment=just+typed",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain("just typed");
    expect(res.text).not.toContain(SECRET);
  });
});

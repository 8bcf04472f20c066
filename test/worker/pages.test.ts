import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { signInvitation } from "../../worker/auth/invitation-token";
import { PAGE_CSP } from "../../worker/http/security-headers";
import { answer, call, createSurvey, createWorkspace, invite, type TestWorkspace } from "../support/worker/helpers";

const FORM = { "content-type": "application/x-www-form-urlencoded" };

async function responsesOf(ws: TestWorkspace) {
  const res = await call("GET", "/v1/responses", { key: ws.key });
  expect(res.status).toBe(200);
  return res.body.items as { ticket_id: string; answers: Record<string, number>; comment: string | null }[];
}

/** Every customer page: strict CSP, no sniffing, no Referer (the token is in the URL), never cached. */
function expectPageHeaders(res: { headers: Headers; text: string }) {
  expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
  expect(res.headers.get("content-security-policy")).toBe(PAGE_CSP);
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  expect(res.headers.get("cache-control")).toBe("no-store");
  expect(res.text.startsWith("<!doctype html>")).toBe(true);
  // No inline script or style: every <script> has a src, no <style>, no style attribute.
  for (const tag of res.text.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\bsrc="/);
  expect(res.text).not.toMatch(/<style\b/);
  expect(res.text).not.toMatch(/\sstyle="/);
}

async function expiredToken(ws: TestWorkspace) {
  return signInvitation(
    {
      workspaceId: ws.id,
      surveyId: ws.defaultSurveyId,
      ticketId: "T-old",
      expiresAt: Math.floor(Date.now() / 1000) - 60,
    },
    env.SIGNING_KEYS,
  );
}

describe("GET /s/:token/survey.json", () => {
  it("gives the widget the questions, wording in both languages and the answers already given", async () => {
    const ws = await createWorkspace();
    const surveyId = await createSurvey(ws, {
      questions: [{ type: "nps", prompt: { fr: "Nous recommanderiez-vous ?" } }, { type: "ces" }],
      ces_scale: "effort5",
      comment: false,
    });
    const inv = await invite(ws, { survey_id: surveyId, ticket_id: "T-json", locale: "fr" });
    const first = await call("GET", `/s/${inv.token}/survey.json`, { headers: { origin: "https://shop.example" } });
    expect(first.status).toBe(200);
    expect(first.headers.get("access-control-allow-origin")).toBe("*");
    expect(first.headers.get("cache-control")).toBe("no-store");
    expect(first.body).toMatchObject({
      questions: [
        {
          type: "nps",
          min: 0,
          max: 10,
          prompt: {
            fr: "Nous recommanderiez-vous ?",
            en: "How likely are you to recommend us to a friend or colleague?",
          },
          anchors: { en: ["Not at all likely", "Extremely likely"], fr: ["Pas du tout probable", "Très probable"] },
        },
        { type: "ces", min: 1, max: 5, anchors: { en: ["Very easy", "Very difficult"] } },
      ],
      comment: false,
      ces_scale: "effort5",
      locale: "fr",
      response: null,
      strings: { en: { send: "Send" }, fr: { send: "Envoyer" } },
    });
    expect(JSON.stringify(first.body)).not.toContain(ws.id);
    expect(JSON.stringify(first.body)).not.toContain("T-json");

    expect((await answer(inv.token, { nps: 9 }, { comment: "Rapide" })).status).toBe(201);
    const again = await call("GET", `/s/${inv.token}/survey.json`);
    // The scores come back; the stored comment never does through a token (issue 11 #5).
    expect(again.body.response).toEqual({ answers: { nps: 9 }, comment: null });
    expect(again.text).not.toContain("Rapide");
  });

  it("answers a bad, expired or orphaned token with a JSON 401/404 that any origin can read", async () => {
    const ws = await createWorkspace();
    const forged = await call("GET", "/s/k2.eyJ3IjoieCJ9.AAAA/survey.json");
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe("invalid_token");
    expect(forged.headers.get("access-control-allow-origin")).toBe("*");

    const expired = await call("GET", `/s/${await expiredToken(ws)}/survey.json`);
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe("token_expired");

    const orphan = await signInvitation(
      { workspaceId: ws.id, surveyId: "srv_missing", ticketId: "T-1", expiresAt: Math.floor(Date.now() / 1000) + 600 },
      env.SIGNING_KEYS,
    );
    const gone = await call("GET", `/s/${orphan}/survey.json`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe("not_found");
    expect(gone.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("lets the widget read Retry-After across origins", async () => {
    const ws = await createWorkspace();
    const inv = await invite(ws, { ticket_id: "T-cors" });
    const preflight = await call("OPTIONS", `/s/${inv.token}/survey.json`, {
      headers: { origin: "https://shop.example", "access-control-request-method": "GET" },
    });
    expect(preflight.status).toBe(204);
    const res = await call("GET", `/s/${inv.token}/survey.json`, { headers: { origin: "https://shop.example" } });
    expect(res.headers.get("access-control-expose-headers")).toContain("Retry-After");
    const post = await call("OPTIONS", "/v1/responses", {
      headers: { origin: "https://shop.example", "access-control-request-method": "POST" },
    });
    expect(post.headers.get("access-control-allow-origin")).toBe("*");
    const submitted = await call("POST", "/v1/responses", {
      body: { token: inv.token, answers: { csat: 3 } },
      headers: { origin: "https://shop.example" },
    });
    expect(submitted.headers.get("access-control-expose-headers")).toContain("Retry-After");
  });

  it("is documented in /openapi.json", async () => {
    const doc = await call("GET", "/openapi.json");
    expect(doc.body.paths["/s/{token}/survey.json"].get.responses).toHaveProperty("200");
    expect(doc.body.components.schemas).toHaveProperty("SurveyView");
  });
});

describe("the hosted survey page /s/:token", () => {
  it("renders a form that works without script, with safe headers", async () => {
    const ws = await createWorkspace();
    const inv = await invite(ws, { ticket_id: "T-page" });
    const res = await call("GET", `/s/${inv.token}`);
    expect(res.status).toBe(200);
    expectPageHeaders(res);
    expect(res.text).toContain('<html lang="en">');
    expect(res.text).toMatch(
      new RegExp(`<form class="ac-form" method="post" action="/s/${inv.token.replace(/\./g, "\\.")}"`),
    );
    for (let v = 1; v <= 5; v++) expect(res.text).toContain(`<input type="radio" name="csat" value="${v}"`);
    expect(res.text).toContain('<textarea id="ac-comment" name="comment"');
    expect(res.text).toContain('<button type="submit" class="ac-send">Send</button>');
    expect(res.text).toMatch(/<script src="\/assets\/survey-page\.\w{10}\.js" defer>/);
  });

  it("speaks French from the invitation's locale, Accept-Language or ?lang", async () => {
    const ws = await createWorkspace();
    const plain = await invite(ws, { ticket_id: "T-lang-1" });
    const french = await invite(ws, { ticket_id: "T-lang-2", locale: "fr" });
    const byHeader = await call("GET", `/s/${plain.token}`, {
      headers: { "accept-language": "fr-FR,fr;q=0.9,en;q=0.5" },
    });
    expect(byHeader.text).toContain('<html lang="fr">');
    expect(byHeader.text).toContain("Votre avis compte");
    expect(byHeader.text).toContain("Très insatisfait");
    const byInvitation = await call("GET", `/s/${french.token}`, { headers: { "accept-language": "en-US" } });
    expect(byInvitation.text).toContain("Envoyer");
    const byQuery = await call("GET", `/s/${french.token}?lang=en`);
    expect(byQuery.text).toContain('<html lang="en">');
    expect(byQuery.text).toContain(`action="/s/${french.token}?lang=en"`);
  });

  it("records a plain form post, then thanks; a reload shows the answer", async () => {
    const ws = await createWorkspace();
    const inv = await invite(ws, { ticket_id: "T-post" });
    const res = await call("POST", `/s/${inv.token}`, { headers: FORM, raw: "csat=4&comment=Tr%C3%A8s+bien" });
    expect(res.status).toBe(200);
    expectPageHeaders(res);
    expect(res.text).toContain("Thank you!");
    expect(await responsesOf(ws)).toMatchObject([{ ticket_id: "T-post", answers: { csat: 4 }, comment: "Très bien" }]);

    const changed = await call("POST", `/s/${inv.token}`, { headers: FORM, raw: "csat=5&comment=" });
    expect(changed.status).toBe(200);
    const items = await responsesOf(ws);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ answers: { csat: 5 }, comment: "Très bien" });

    const reload = await call("GET", `/s/${inv.token}`);
    expect(reload.text).toMatch(/<input type="radio" name="csat" value="5" checked/);
    // The stored comment is kept for readers, but a token's page never shows it (issue 11 #5).
    expect(reload.text).toContain("></textarea>");
    expect(reload.text).not.toContain("Très bien");
  });

  it("shows the form again with a 422 and writes nothing when the post is incomplete or wrong", async () => {
    const ws = await createWorkspace();
    const inv = await invite(ws, { ticket_id: "T-bad", locale: "fr" });
    const none = await call("POST", `/s/${inv.token}`, { headers: FORM, raw: "comment=Bonjour" });
    expect(none.status).toBe(422);
    expectPageHeaders(none);
    expect(none.text).toContain('role="alert">Veuillez choisir une note avant d’envoyer.</p>');
    expect(none.text).toContain(">Bonjour</textarea>");

    const outOfRange = await call("POST", `/s/${inv.token}`, { headers: FORM, raw: "csat=9" });
    expect(outOfRange.status).toBe(422);
    const notANumber = await call("POST", `/s/${inv.token}`, { headers: FORM, raw: "csat=lots" });
    expect(notANumber.status).toBe(422);
    const long = await call("POST", `/s/${inv.token}`, { headers: FORM, raw: `csat=3&comment=${"a".repeat(2001)}` });
    expect(long.status).toBe(422);
    expect(long.text).toContain("trop long");
    expect(await responsesOf(ws)).toEqual([]);
  });

  it("refuses bodies that are not a form (415) or over 64 KB (413) with an HTML page", async () => {
    const ws = await createWorkspace();
    const inv = await invite(ws, { ticket_id: "T-size" });
    const json = await call("POST", `/s/${inv.token}`, { body: { csat: 4 } });
    expect(json.status).toBe(415);
    expectPageHeaders(json);
    const huge = await call("POST", `/s/${inv.token}`, { headers: FORM, raw: `csat=4&comment=${"x".repeat(70_000)}` });
    expect(huge.status).toBe(413);
    expect(huge.text).toContain("too long");
    expect(await responsesOf(ws)).toEqual([]);
  });

  it("explains a bad or expired link on a friendly page with 401, in the visitor's language", async () => {
    const ws = await createWorkspace();
    const bad = await call("GET", "/s/not-a-token", { headers: { "accept-language": "fr" } });
    expect(bad.status).toBe(401);
    expectPageHeaders(bad);
    expect(bad.text).toContain('<html lang="fr">');
    expect(bad.text).toContain("Ce lien de questionnaire n’est pas valide");
    const expired = await call("GET", `/s/${await expiredToken(ws)}`);
    expect(expired.status).toBe(401);
    expect(expired.text).toContain("This survey has expired");
    const post = await call("POST", "/s/not-a-token", { headers: FORM, raw: "csat=4" });
    expect(post.status).toBe(401);
    expect(post.headers.get("content-type")).toBe("text/html; charset=utf-8");
  });
});

describe("one-click links /r/:token/:type/:value", () => {
  it("records nothing on GET: it shows the choice and a form that posts it", async () => {
    const ws = await createWorkspace();
    const inv = await invite(ws, { ticket_id: "T-click" });
    const link = new URL(inv.links["4"]!).pathname;
    const res = await call("GET", link);
    expect(res.status).toBe(200);
    expectPageHeaders(res);
    expect(res.text).toContain('<strong class="choice-value">4<span class="choice-max"> / 5</span></strong>');
    expect(res.text).toContain("Satisfied");
    expect(res.text).toContain(`<form method="post" action="${link}" class="confirm">`);
    expect(res.text).toContain('<li class="selected">4</li>');
    expect(res.text).not.toContain("autosubmit");
    expect(res.text).toContain('<button type="submit" class="ac-send">Confirm my answer</button>');
    await call("GET", link);
    expect(await responsesOf(ws)).toEqual([]);
  });

  it("records on POST, once however often it is sent, then invites a comment", async () => {
    const ws = await createWorkspace();
    const inv = await invite(ws, { ticket_id: "T-click-post", locale: "fr" });
    const link = new URL(inv.links["2"]!).pathname;
    const res = await call("POST", link, { headers: FORM, raw: "" });
    expect(res.status).toBe(200);
    expectPageHeaders(res);
    expect(res.text).toContain("Merci, votre réponse est enregistrée");
    expect(res.text).toMatch(/<input type="radio" name="csat" value="2" checked/);
    expect(res.text).toContain(`action="/s/${inv.token}"`);
    expect(res.text).toContain('name="comment"');
    await call("POST", link);
    expect(await responsesOf(ws)).toMatchObject([{ ticket_id: "T-click-post", answers: { csat: 2 } }]);
  });

  it("answers an altered link with a 404 page and records nothing", async () => {
    const ws = await createWorkspace();
    const inv = await invite(ws, { ticket_id: "T-click-bad" });
    for (const path of [`/r/${inv.token}/csat/6`, `/r/${inv.token}/nps/3`, `/r/${inv.token}/csat/x`]) {
      const get = await call("GET", path);
      expect(get.status).toBe(404);
      expectPageHeaders(get);
      expect(get.text).toContain("This answer link is not valid");
      expect((await call("POST", path)).status).toBe(404);
    }
    expect((await call("GET", "/r/forged.token.here/csat/4")).status).toBe(401);
    expect(await responsesOf(ws)).toEqual([]);
  });
});

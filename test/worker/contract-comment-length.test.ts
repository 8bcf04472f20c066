/**
 * Contract audit: a comment is "a string ≤ 2000 chars", counted in characters
 * as a person counts them (an emoji is one), the same through the API and the
 * hosted page's form. Over that: 422, nothing written.
 */
import { describe, expect, it } from "vitest";
import { answer, call, createWorkspace, invite, type TestWorkspace } from "../support/worker/helpers";
import { databaseOf } from "../support/worker/shards";

const FACE = "😀"; // one character, two UTF-16 code units

const commentsOf = async (ws: TestWorkspace) =>
  (
    await (
      await databaseOf(ws.id)
    )
      .prepare("SELECT comment FROM responses WHERE workspace_id = ?")
      .bind(ws.id)
      .all<{ comment: string | null }>()
  ).results.map((r) => r.comment);

const formPost = (token: string, comment: string) =>
  call("POST", `/s/${token}?lang=en`, {
    raw: new URLSearchParams({ csat: "4", comment }).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });

describe("a comment of up to 2000 characters", () => {
  it("POST /v1/responses: 2000 emoji are accepted, 2001 refused with 422", async () => {
    const ws = await createWorkspace();
    const { token } = await invite(ws, { ticket_id: "LEN-API" });
    const over = await answer(token, { csat: 4 }, { comment: FACE.repeat(2001) });
    expect(over.status).toBe(422);
    expect(over.body.error.details[0].path).toBe("comment");
    expect(await commentsOf(ws)).toEqual([]);
    expect((await answer(token, { csat: 4 }, { comment: FACE.repeat(2000) })).status).toBe(201);
    expect(await commentsOf(ws)).toEqual([FACE.repeat(2000)]);
  });

  it("the hosted page's form: the same limit, in characters", async () => {
    const ws = await createWorkspace();
    const { token } = await invite(ws, { ticket_id: "LEN-PAGE" });
    const over = await formPost(token, FACE.repeat(2001));
    expect(over.status).toBe(422);
    expect(await commentsOf(ws)).toEqual([]);
    const ok = await formPost(token, FACE.repeat(2000));
    expect(ok.status).toBe(200);
    expect(await commentsOf(ws)).toEqual([FACE.repeat(2000)]);
  });

  it("an import: the same limit, in characters", async () => {
    const ws = await createWorkspace();
    const item = (ticket: string, comment: string) => ({
      survey_id: ws.defaultSurveyId,
      ticket_id: ticket,
      answers: { csat: 4 },
      submitted_at: new Date(Date.now() - 86_400_000).toISOString(),
      comment,
    });
    const res = await call("POST", "/v1/responses/import", {
      key: ws.key,
      body: { items: [item("LEN-IMP-1", FACE.repeat(2000)), item("LEN-IMP-2", FACE.repeat(2001))] },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ imported: 1, errors: [{ index: 1, code: "invalid_comment" }] });
    expect(await commentsOf(ws)).toEqual([FACE.repeat(2000)]);
  });
});

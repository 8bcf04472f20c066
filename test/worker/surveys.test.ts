import { describe, expect, it } from "vitest";
import { call, createWorkspace } from "../support/worker/helpers";

describe("surveys", () => {
  it("creates an NPS + CES survey with its own French prompt", async () => {
    const ws = await createWorkspace();
    const res = await call("POST", "/v1/surveys", {
      key: ws.key,
      body: {
        name: "Après-vente",
        questions: [{ type: "nps", prompt: { fr: "Nous recommanderiez-vous ?" } }, { type: "ces" }],
        comment: true,
        ces_scale: "effort5",
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: "Après-vente",
      questions: [{ type: "nps", prompt: { fr: "Nous recommanderiez-vous ?" } }, { type: "ces" }],
      comment: true,
      ces_scale: "effort5",
      is_default: false,
    });
    const got = await call("GET", `/v1/surveys/${res.body.id}`, { key: ws.key });
    expect(got.body).toEqual(res.body);
  });

  it("defaults to agree7 and no comment", async () => {
    const ws = await createWorkspace();
    const res = await call("POST", "/v1/surveys", { key: ws.key, body: { name: "CES", questions: [{ type: "ces" }] } });
    expect(res.body).toMatchObject({ ces_scale: "agree7", comment: false });
  });

  it("moves the default flag to a new default survey", async () => {
    const ws = await createWorkspace();
    const res = await call("POST", "/v1/surveys", {
      key: ws.key,
      body: { name: "NPS", questions: [{ type: "nps" }], is_default: true },
    });
    const list = await call("GET", "/v1/surveys", { key: ws.key });
    const defaults = list.body.items.filter((s: { is_default: boolean }) => s.is_default);
    expect(defaults.map((s: { id: string }) => s.id)).toEqual([res.body.id]);
  });

  it.each([
    [{ name: "x", questions: [] }, "questions"],
    [{ name: "x", questions: [{ type: "nps" }, { type: "nps" }] }, "questions"],
    [{ name: "x", questions: [{ type: "stars" }] }, "questions.0.type"],
    [{ name: "x", questions: [{ type: "ces" }], ces_scale: "likert9" }, "ces_scale"],
    [{ questions: [{ type: "nps" }] }, "name"],
    [{ name: "x", questions: [{ type: "nps", prompt: { de: "Hallo" } }] }, "questions.0.prompt"],
  ])("answers 422 for %j", async (body, path) => {
    const ws = await createWorkspace();
    const res = await call("POST", "/v1/surveys", { key: ws.key, body });
    expect(res.status).toBe(422);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    const list = await call("GET", "/v1/surveys", { key: ws.key });
    expect(list.body.items).toHaveLength(1);
  });

  it("hides another workspace's survey behind a 404", async () => {
    const a = await createWorkspace();
    const b = await createWorkspace();
    const res = await call("GET", `/v1/surveys/${a.defaultSurveyId}`, { key: b.key });
    expect(res.status).toBe(404);
    expect(res.text).not.toContain(a.defaultSurveyId.slice(4));
    const list = await call("GET", "/v1/surveys", { key: b.key });
    expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([b.defaultSurveyId]);
  });
});

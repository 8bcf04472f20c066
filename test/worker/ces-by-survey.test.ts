import { describe, expect, it } from "vitest";
import { call, createSurvey, createWorkspace, type TestWorkspace } from "../support/worker/helpers";
import { seedResponses } from "../support/worker/scores-seed";

// docs/scores.md, "CES across scales": grouped by survey, each survey is one scale, so each group
// answers on its own; the whole selection, which would average two scales, keeps only its n.

const scores = (ws: TestWorkspace, query: string) => call("GET", `/v1/scores?${query}`, { key: ws.key });

async function twoScales() {
  const ws = await createWorkspace();
  const agree = await createSurvey(ws, { questions: [{ type: "ces" }], ces_scale: "agree7" });
  const effort = await createSurvey(ws, { questions: [{ type: "ces" }], ces_scale: "effort5" });
  await seedResponses(ws.id, [
    { surveyId: agree, day: "2026-03-02", ces: 6, channel: "email" },
    { surveyId: agree, day: "2026-03-02", ces: 3, channel: "chat" },
    { surveyId: effort, day: "2026-03-09", ces: 1, channel: "email" },
    { surveyId: effort, day: "2026-03-09", ces: 2, channel: "email" },
    { surveyId: effort, day: "2026-03-09", ces: 4, channel: "chat" },
  ]);
  return { ws, agree, effort };
}

describe("GET /v1/scores?metric=ces&group_by=survey across two CES scales", () => {
  it("answers each survey on its own scale", async () => {
    const { ws, agree, effort } = await twoScales();
    const res = await scores(ws, "metric=ces&group_by=survey");
    expect(res.status).toBe(200);
    const groups = Object.fromEntries(res.body.groups.map((g: { key: string }) => [g.key, g]));
    // agree7 6, 3: mean 4.5, easy (5–7) 1 of 2.
    expect(groups[agree]).toEqual({
      key: agree,
      n: 2,
      scale: "agree7",
      mean: 4.5,
      easy_pct: 50,
      distribution: { 1: 0, 2: 0, 3: 1, 4: 0, 5: 0, 6: 1, 7: 0 },
      benchmark: "high-effort",
    });
    // effort5 1, 2, 4: mean 7/3, easy (1–2) 2 of 3.
    expect(groups[effort]).toEqual({
      key: effort,
      n: 3,
      scale: "effort5",
      mean: expect.closeTo(7 / 3, 12),
      easy_pct: expect.closeTo(200 / 3, 12),
      distribution: { 1: 1, 2: 1, 3: 0, 4: 1, 5: 0 },
      benchmark: "high-effort",
    });
    // The whole selection spans both scales: its n, and no figure that would mix them.
    expect(res.body).toMatchObject({
      n: 5,
      scale: null,
      mean: null,
      easy_pct: null,
      distribution: {},
      benchmark: null,
    });
  });

  it("is the plain figures when the grouped surveys share a scale", async () => {
    const { ws, effort } = await twoScales();
    const res = await scores(ws, `metric=ces&group_by=survey&survey_id=${effort}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ n: 3, scale: "effort5", mean: expect.closeTo(7 / 3, 12) });
    expect(res.body.groups).toHaveLength(1);
  });

  it("still refuses another grouping that mixes the scales, and says how to read them", async () => {
    const { ws, agree, effort } = await twoScales();
    const res = await scores(ws, "metric=ces&group_by=channel");
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("mixed_ces_scales");
    expect(res.body.error.message).toContain("group_by=survey");
    expect(res.body.error.details[0].path).toBe("survey_id");
    expect(res.body.error.details[0].message).toContain(`agree7: ${agree}`);
    expect(res.body.error.details[0].message).toContain(`effort5: ${effort}`);
  });
});

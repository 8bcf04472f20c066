import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, answer, call, createWorkspace, invite } from "../support/worker/helpers";

describe("foundation smoke", () => {
  it("answers /healthz", async () => {
    const res = await call("GET", "/healthz");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
  });

  it("creates a workspace, invites, answers and lists", async () => {
    const ws = await createWorkspace("Maison Dupont", "Europe/Paris");
    const inv = await invite(ws, { ticket_id: "T-1", channel: "email", customer: { email: "A@b.fr" } });
    expect(Object.keys(inv.links)).toEqual(["1", "2", "3", "4", "5"]);
    const first = await answer(inv.token, { csat: 4 }, { comment: "Merci !" });
    expect(first.status).toBe(201);
    const again = await answer(inv.token, { csat: 5 });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const list = await call("GET", "/v1/responses", { key: ws.key });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({
      ticket_id: "T-1",
      answers: { csat: 5 },
      comment: "Merci !",
      channel: "email",
    });
  });

  it("creates workspaces only with the operator's ADMIN_TOKEN", async () => {
    const body = { name: "Intruder" };
    expect((await call("POST", "/v1/workspaces", { body })).status).toBe(401);
    expect((await call("POST", "/v1/workspaces", { key: `${ADMIN_TOKEN}x`, body })).status).toBe(401);
    expect((await call("POST", "/v1/workspaces", { key: ADMIN_TOKEN, body })).status).toBe(201);
  });
});

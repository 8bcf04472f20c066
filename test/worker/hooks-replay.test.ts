/**
 * Help Scout, Freshdesk and Gorgias send no delivery id, and Help Scout signs no timestamp:
 * a captured, correctly signed body could be posted again at any time. The receiver keys such
 * a delivery by the digest of its signed bytes, so an identical replay is a duplicate like a
 * replayed id, and a genuinely new delivery (a different body) still applies.
 */
import { describe, expect, it } from "vitest";
import freshdeskSample from "../fixtures/hooks/freshdesk-ticket-closed.json?raw";
import helpscoutSample from "../fixtures/hooks/helpscout-convo-status.json?raw";
import { call, createWorkspace, type TestWorkspace } from "../support/worker/helpers";
import {
  helpscoutHeaders,
  PLAIN_SECRET,
  post,
  SHARED_SECRET,
  setIntegration,
  sharedSecretHeaders,
  zendeskHeaders,
} from "../support/worker/hooks-signing";
import { databaseOf } from "../support/worker/shards";

interface Source {
  source: string;
  secret: string;
  /** A closing as the tool sends it, and a later closing of the same ticket. */
  sample: string;
  later: string;
  ticketId: string;
  laterClosedAt: number;
  sign(body: string): Promise<Record<string, string>>;
}

// Gorgias has no published sample; its documented template has the shape of the Freshdesk one.
const sources: Source[] = [
  {
    source: "helpscout",
    secret: "helpscout-secret-40",
    sample: helpscoutSample,
    later: helpscoutSample.replaceAll("2017-04-21T14:43:24Z", "2017-04-22T09:00:00Z"),
    ticketId: "123",
    laterClosedAt: Date.parse("2017-04-22T09:00:00Z"),
    sign: (body) => helpscoutHeaders(body),
  },
  ...["freshdesk", "gorgias"].map((source) => ({
    source,
    secret: SHARED_SECRET,
    sample: freshdeskSample,
    later: freshdeskSample.replace('"closed_at": "2024-03-12 14:05:11"', '"closed_at": "2024-03-13 09:00:00"'),
    ticketId: "1024",
    laterClosedAt: Date.parse("2024-03-13T09:00:00Z"),
    sign: async () => sharedSecretHeaders(),
  })),
];

async function workspaceWith(source: Source): Promise<TestWorkspace> {
  const ws = await createWorkspace(`Replay ${source.source}`);
  await setIntegration(ws, source.source, source.secret);
  return ws;
}

/** Rows of the idempotency ledger: one per delivery processed. */
async function ledgerRows(ws: TestWorkspace, source: string): Promise<number> {
  const row = await (await databaseOf(ws.id))
    .prepare("SELECT COUNT(*) AS n FROM webhook_deliveries WHERE workspace_id = ? AND source = ?")
    .bind(ws.id, source)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

async function interaction(ws: TestWorkspace, ticketId: string) {
  return (await databaseOf(ws.id))
    .prepare("SELECT * FROM interactions WHERE workspace_id = ? AND ticket_id = ?")
    .bind(ws.id, ticketId)
    .first<Record<string, unknown>>();
}

/** What a replayed solved-ticket delivery of a tool that sends ids (Zendesk) is answered. */
async function zendeskDuplicateAnswer() {
  const ws = await createWorkspace("Replay zendesk");
  await setIntegration(ws, "zendesk", PLAIN_SECRET);
  const body = JSON.stringify({ ticket_id: "ZD-REPLAY-SHAPE", customer: { email: "shape@example.com" } });
  await post(ws, "zendesk", body, await zendeskHeaders(body, { invocation: "inv-shape" }));
  return (await post(ws, "zendesk", body, await zendeskHeaders(body, { invocation: "inv-shape" }))).body;
}

describe("deliveries without a delivery id are keyed by their signed bytes", () => {
  for (const s of sources) {
    it(`${s.source}: the same signed body posted twice is recorded once, the replay answered as a duplicate`, async () => {
      const ws = await workspaceWith(s);
      const first = await post(ws, s.source, s.sample, await s.sign(s.sample));
      expect(first.status).toBe(200);
      expect(first.body.duplicate).toBeUndefined();
      expect(first.body.token).toEqual(expect.any(String));
      const recorded = await interaction(ws, s.ticketId);
      expect(recorded).not.toBeNull();

      const replay = await post(ws, s.source, s.sample, await s.sign(s.sample));
      expect(replay.status).toBe(200);
      expect(replay.body.duplicate).toBe(true);
      expect(await ledgerRows(ws, s.source)).toBe(1);
      // Nothing re-applied: not even the row's `updated_at` moved.
      expect(await interaction(ws, s.ticketId)).toEqual(recorded);
      // Answered like a replayed id: the links of the ticket's invitation, as a tool reads them.
      // (each answer mints its own signed token for the same ticket, as for a replayed id).
      expect(Object.keys(replay.body.links)).toEqual(Object.keys(first.body.links));
      expect(replay.body.token).toEqual(expect.any(String));
      expect(Object.keys(replay.body).sort()).toEqual(Object.keys(await zendeskDuplicateAnswer()).sort());
    });

    it(`${s.source}: a changed body (a later closing of the ticket) is a new delivery and applies`, async () => {
      const ws = await workspaceWith(s);
      expect((await post(ws, s.source, s.sample, await s.sign(s.sample))).body.duplicate).toBeUndefined();
      const later = await post(ws, s.source, s.later, await s.sign(s.later));
      expect(later.status).toBe(200);
      expect(later.body.duplicate).toBeUndefined();
      expect(await ledgerRows(ws, s.source)).toBe(2);
      expect((await interaction(ws, s.ticketId))?.closed_at).toBe(s.laterClosedAt);
    });
  }

  it("freshdesk: a delivery replayed after its customer's erasure brings nothing back", async () => {
    const s = sources.find((x) => x.source === "freshdesk") as Source;
    const ws = await workspaceWith(s);
    expect((await post(ws, s.source, s.sample, await s.sign(s.sample))).status).toBe(200);
    const erased = await call("DELETE", "/v1/customers?email=emily.garcia@example.com", { key: ws.key });
    expect(erased.status).toBe(200);
    expect(await interaction(ws, s.ticketId)).toBeNull();

    const replay = await post(ws, s.source, s.sample, await s.sign(s.sample));
    expect(replay).toEqual({ status: 200, body: { ok: true, duplicate: true } });
    expect(await interaction(ws, s.ticketId)).toBeNull();
  });
});

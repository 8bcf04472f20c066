import { Hono } from "hono";

/**
 * The floor the ingest benchmark compares `POST /v1/responses` with: the same
 * JSON body, parsed and written with one INSERT, and nothing else (no auth, no
 * token check, no validation, no rollup triggers). Whatever Aftercare's route
 * costs above this is its own work.
 */
// The one D1 call used, typed here so that this file needs no workers types.
type Bindings = {
  DB: { prepare(sql: string): { bind(...values: unknown[]): { run(): Promise<unknown> } } };
};

const app = new Hono<{ Bindings: Bindings }>();

app.get("/healthz", (c) => c.text("ok"));

app.post("/bare", async (c) => {
  const body = await c.req.json<{ token: string; answers: Record<string, number> }>();
  const id = crypto.randomUUID();
  await c.env.DB.prepare("INSERT INTO bare_responses (id, token, answers, at) VALUES (?, ?, ?, ?)")
    .bind(id, body.token, JSON.stringify(body.answers), Date.now())
    .run();
  return c.json({ id }, 201);
});

export default app;

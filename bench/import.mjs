// Import benchmark: answers per second through POST /v1/responses/import on a local
// wrangler dev, in requests of 1000 items (the route's maximum), JSON and CSV.
//
//   node bench/import.mjs [--quick]
//
// Each request writes its items in D1 batches of 100 statements, every one through the
// rollup triggers, so the figure includes keeping the score histograms.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { printFigures } from "./lib/figures.mjs";
import { BENCH_ADMIN_TOKEN, startBenchDev } from "./lib/wrangler-dev.mjs";

const quick = process.argv.includes("--quick");
const REQUESTS = quick ? 5 : 20;
const PER_REQUEST = 1000;
const ADMIN_TOKEN = BENCH_ADMIN_TOKEN;
const DAY = 86_400_000;

async function request(url, init) {
  const res = await fetch(url, init);
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${init.method} ${url}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const dir = mkdtempSync(path.join(os.tmpdir(), "aftercare-bench-import-"));
let dev;
try {
  dev = await startBenchDev(dir);
  const { origin } = dev;
  const ws = await request(`${origin}/v1/workspaces`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ name: "Import bench" }),
  });
  const survey = ws.workspace.default_survey_id;
  const key = ws.api_key;
  const now = Date.now();
  const channels = ["email", "chat", "phone"];
  let n = 0;
  const batch = () =>
    Array.from({ length: PER_REQUEST }, () => {
      const i = n++;
      return {
        survey_id: survey,
        ticket_id: `IMP-${i}`,
        answers: { csat: 1 + (i % 5) },
        comment: i % 3 === 0 ? "Très rapide, merci" : undefined,
        submitted_at: new Date(now - (i % 90) * DAY - 60_000).toISOString(),
        channel: channels[i % 3],
        agent: `agent-${i % 40}`,
      };
    });
  const started = performance.now();
  let imported = 0;
  for (let r = 0; r < REQUESTS; r++) {
    const body = await request(`${origin}/v1/responses/import`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body: JSON.stringify({ items: batch() }),
    });
    if (body.errors.length) throw new Error(JSON.stringify(body.errors.slice(0, 3)));
    imported += body.imported;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `import JSON: ${imported} answers in ${REQUESTS} requests of ${PER_REQUEST}: ${seconds.toFixed(1)} s, ${Math.round(imported / seconds)} answers/s`,
  );
  // Re-importing the same answers changes nothing and costs only the checks.
  n = 0;
  const again = performance.now();
  const body = await request(`${origin}/v1/responses/import`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({ items: batch() }),
  });
  const t = (performance.now() - again) / 1000;
  console.log(
    `re-import of ${PER_REQUEST} unchanged answers: ${body.imported + body.updated} written, ${t.toFixed(2)} s`,
  );
  printFigures([
    {
      figure: "import throughput, JSON",
      measured: `${Math.round(imported / seconds)} answers/s (${imported} in ${REQUESTS} requests)`,
      target: "—",
      met: null,
    },
    {
      figure: `re-import of ${PER_REQUEST} unchanged answers`,
      measured: `${body.imported + body.updated} written, ${t.toFixed(2)} s`,
      target: "—",
      met: null,
    },
  ]);
} finally {
  await dev?.stop();
  rmSync(dir, { recursive: true, force: true });
}

// Score-read benchmark: latency and D1 rows_read of GET /v1/scores at 1k, 10k and
// 100k responses. Not a test (it takes minutes); run it by hand:
//
//   node bench/score-reads.mjs [sizes…]        e.g. node bench/score-reads.mjs 1000 10000
//
// It starts a real `wrangler dev` on a throwaway local D1, creates one workspace per
// size through the API (keys, survey, a few invitations answered through the API),
// then bulk-loads the rest straight into `responses` with `wrangler d1 execute
// --file`, which fires the same rollup triggers as the Worker's own upsert (the
// API is too slow to post 100k answers). Reads go through HTTP like a dashboard's,
// and rows_read comes from the route's Server-Timing header.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { grainOf, SEGMENT_DIMENSIONS } from "../worker/domain/segments.ts";
import { BENCH_ADMIN_TOKEN, BENCH_SIGNING_KEYS, migrateAll, startDev, wrangler } from "./lib/wrangler-dev.mjs";
import { generateResponses, responsesSql } from "./score-data.mjs";

const ADMIN_TOKEN = BENCH_ADMIN_TOKEN;
const SIZES = process.argv.slice(2).map(Number).filter(Boolean);
const sizes = SIZES.length ? SIZES : [1_000, 10_000, 100_000];
const READS_PER_QUERY = 15;
const persist = mkdtempSync(path.join(os.tmpdir(), "aftercare-bench-"));

/** Starts `wrangler dev` on the throwaway database; resolves with its origin and a stop(). */
function startWorker() {
  return startDev([
    "--persist-to",
    persist,
    "--var",
    `ADMIN_TOKEN:${ADMIN_TOKEN}`,
    "--var",
    `SIGNING_KEYS:${BENCH_SIGNING_KEYS}`,
  ]);
}

async function api(origin, method, p, key, body) {
  const res = await fetch(`${origin}${p}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${JSON.stringify(json)}`);
  return { json, headers: res.headers };
}

const VIA_API = 20;

/** One workspace per size: key and survey through the API, and VIA_API answers through the API. */
async function createWorkspaces(origin) {
  const out = [];
  for (const size of sizes) {
    const ws = (
      await api(origin, "POST", "/v1/workspaces", ADMIN_TOKEN, { name: `Bench ${size}`, timezone: "Europe/Paris" })
    ).json;
    const key = ws.api_key;
    const survey = (
      await api(origin, "POST", "/v1/surveys", key, {
        name: "Post-ticket",
        questions: [{ type: "nps" }, { type: "csat" }, { type: "ces" }],
        comment: true,
      })
    ).json;
    for (let i = 0; i < VIA_API; i++) {
      const inv = (
        await api(origin, "POST", "/v1/invitations", key, {
          survey_id: survey.id,
          ticket_id: `API-${i}`,
          channel: "email",
          agent: `agent-${i % 5}`,
          team: "team-0",
        })
      ).json;
      await api(origin, "POST", "/v1/responses", key, {
        token: inv.token,
        answers: { nps: i % 11, csat: 1 + (i % 5) },
      });
    }
    out.push({ size, workspaceId: ws.workspace.id, key, surveyId: survey.id });
  }
  return out;
}

/** The reads a dashboard makes, over the 90 days the data covers (one day for the last). */
const RANGE = "from=2026-10-05&to=2027-01-03";
const QUERIES = [
  ["NPS, 90 days", `metric=nps&${RANGE}`],
  ["NPS by week", `metric=nps&${RANGE}&group_by=week`],
  ["CSAT by channel", `metric=csat&${RANGE}&group_by=channel`],
  ["CSAT by agent", `metric=csat&${RANGE}&group_by=agent`],
  ["NPS of one agent by week", `metric=nps&${RANGE}&agent=agent-7&group_by=week`],
  ["NPS by agent, email only", `metric=nps&${RANGE}&channel=email&group_by=agent`],
  ["CSAT by agent, email only", `metric=csat&${RANGE}&channel=email&group_by=agent`],
  ["NPS by customer_tenure", `metric=nps&${RANGE}&group_by=customer_tenure`],
  ["CSAT by value_tier, loyal only", `metric=csat&${RANGE}&customer_tenure=loyal&group_by=value_tier`],
  ["CES, one day", "metric=ces&from=2026-10-20&to=2026-10-21"],
];

/** Issues 16 and 14's targets, as the ratio of rows_read at the largest size to the smallest. */
const TARGETS = {
  "NPS by agent, email only": 1.1,
  "CSAT by agent, email only": 1.1,
  "NPS by customer_tenure": 1.1,
};
/** The figures `npm run bench` collects (BENCH_FIGURES): the targets, read by read. */
const FIGURES = [
  [
    "score read rows_read, by agent e-mail only (CSAT / NPS)",
    ["CSAT by agent, email only", "NPS by agent, email only"],
  ],
  ["score read rows_read, by customer_tenure", ["NPS by customer_tenure"]],
];

/** Which grain answers a read: the rule of `grainFor`, from the one list of segment dimensions. */
function grainOfQuery(query) {
  const params = new URLSearchParams(query);
  const dims = SEGMENT_DIMENSIONS.filter((d) => params.has(d) || params.get("group_by") === d);
  return grainOf(dims) ?? "responses (fallback)";
}

const p50 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(origin, ws) {
  const rows = [];
  for (const [name, query] of QUERIES) {
    const times = [];
    let rowsRead = 0;
    let n = 0;
    for (let i = 0; i < READS_PER_QUERY + 2; i++) {
      const t0 = performance.now();
      const res = await api(origin, "GET", `/v1/scores?${query}`, ws.key);
      const dt = performance.now() - t0;
      if (i >= 2) times.push(dt); // the first two warm the isolate and SQLite's page cache
      rowsRead = Number(/rows_read=(\d+)/.exec(res.headers.get("server-timing") ?? "")?.[1] ?? Number.NaN);
      n = res.json.n;
    }
    rows.push({ size: ws.size, name, n, p50: p50(times), rowsRead });
  }
  return rows;
}

try {
  console.error(`› throwaway D1 in ${persist}`);
  migrateAll(persist);
  let worker = await startWorker();
  const workspaces = await createWorkspaces(worker.origin);
  await worker.stop();

  for (const ws of workspaces) {
    const bulk = ws.size - VIA_API;
    const file = path.join(persist, `load-${ws.size}.sql`);
    writeFileSync(file, responsesSql(generateResponses(ws, bulk)));
    const t0 = performance.now();
    wrangler(["d1", "execute", "aftercare", "--local", "--persist-to", persist, "--file", file, "--yes"]);
    console.error(
      `› loaded ${bulk} responses for the ${ws.size} workspace in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  }
  const rollups = JSON.parse(
    wrangler([
      "d1",
      "execute",
      "aftercare",
      "--local",
      "--persist-to",
      persist,
      "--json",
      "--command",
      "SELECT workspace_id AS w, COUNT(*) AS bars FROM score_histograms GROUP BY workspace_id",
    ]),
  )[0].results;

  worker = await startWorker();
  const results = [];
  for (const ws of workspaces) results.push(...(await measure(worker.origin, ws)));
  await worker.stop();

  console.log("\n| responses | rollup rows (score_histograms) | read | grain | n | p50 latency (ms) | rows_read |");
  console.log("|---:|---:|---|---|---:|---:|---:|");
  for (const r of results) {
    const ws = workspaces.find((w) => w.size === r.size);
    const bars = rollups.find((x) => x.w === ws.workspaceId)?.bars ?? 0;
    console.log(
      `| ${r.size.toLocaleString("en")} | ${bars} | ${r.name} | ${grainOfQuery(QUERIES.find(([n]) => n === r.name)[1])} | ${r.n} | ${r.p50.toFixed(1)} | ${r.rowsRead} |`,
    );
  }
  // Flatness: each read at the largest size against the same read at the smallest (target ≤ 1.1×).
  const [small, large] = [Math.min(...sizes), Math.max(...sizes)];
  if (small !== large) {
    console.log(
      `\n| read | grain | p50 ${large.toLocaleString("en")} ÷ ${small.toLocaleString("en")} | rows_read ${large.toLocaleString("en")} ÷ ${small.toLocaleString("en")} | target | verdict |`,
    );
    console.log("|---|---|---:|---:|---:|---|");
    for (const [name, query] of QUERIES) {
      const a = results.find((r) => r.size === small && r.name === name);
      const b = results.find((r) => r.size === large && r.name === name);
      const ratio = b.rowsRead / a.rowsRead;
      const target = TARGETS[name];
      const verdict = target == null ? "" : ratio <= target ? "met" : "MISSED";
      console.log(
        `| ${name} | ${grainOfQuery(query)} | ${(b.p50 / a.p50).toFixed(2)}× | ${ratio.toFixed(2)}× | ${target == null ? "" : `≤ ${target}×`} | ${verdict} |`,
      );
    }
  }
  // One line for `npm run bench`'s table: each target with its ratio(s) and verdict.
  const ratioOf = (name) =>
    results.find((r) => r.size === large && r.name === name).rowsRead /
    results.find((r) => r.size === small && r.name === name).rowsRead;
  const figures = FIGURES.map(([figure, names]) => {
    const ratios = small === large ? [] : names.map(ratioOf);
    return {
      figure: `${figure}, ${large.toLocaleString("en")} ÷ ${small.toLocaleString("en")} responses over 90 days`,
      measured: ratios.length
        ? `${ratios.map((r) => `${r.toFixed(2)}×`).join(" / ")} (grain ${names.map((n) => grainOfQuery(QUERIES.find(([q]) => q === n)[1])).join(" / ")})`
        : "one size only",
      target: "≤ 1.1×",
      met: ratios.length ? ratios.every((r) => r <= 1.1) : null,
    };
  });
  console.log(`BENCH_FIGURES ${JSON.stringify(figures)}`);
  console.log(
    `\n${os.cpus().length} CPUs, ${READS_PER_QUERY} reads per line over HTTP to local wrangler dev, Node ${process.version}`,
  );
} finally {
  rmSync(persist, { recursive: true, force: true });
}

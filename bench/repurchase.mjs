// Benchmark of GET /v1/repurchase: N interactions × N orders in a throwaway
// local D1, read through a real `wrangler dev`. Prints latency, D1 rows read and
// which read answered (`Aftercare-Read-Path`: `rollup:<grain>`, the daily rollup,
// or `query`, the bounded query; docs/repurchase-rollup.md says which reads use which).
// With 10k and 100k it ends with one `BENCH_FIGURES <json>` line: the one-month read,
// 100k ÷ 10k, against issue 16's target (≤ 1.2× rows_read and p50).
//
//   npx node bench/repurchase.mjs                 # 10k and 100k
//   npx node bench/repurchase.mjs --sizes 100000  # one size
//
// Data is bulk-inserted with `wrangler d1 execute --local --file`, straight into
// the tables (the webhook path is measured by the tests, not here): customers
// buy a few times a year, 10% of orders in USD, 3% cancelled, a third of the
// tickets answered an NPS survey.
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateAll, startDev, wrangler } from "./lib/wrangler-dev.mjs";

const sizesArg = process.argv.indexOf("--sizes");
const sizes = sizesArg > 0 ? process.argv[sizesArg + 1].split(",").map(Number) : [10_000, 100_000];
const RUNS = 10;
/** `--keep`: leave the database directory behind (its path is printed), to inspect query plans. */
const keep = process.argv.includes("--keep");
const DAY = 86_400_000;

/** Deterministic pseudo-random numbers, so every run benches the same data. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const q = (v) => (v === null ? "NULL" : typeof v === "number" ? String(v) : `'${String(v).replace(/'/g, "''")}'`);
const day = (ms) => new Date(ms).toISOString().slice(0, 10);

function* inserts(table, columns, rows, chunk = 200) {
  for (let i = 0; i < rows.length; i += chunk) {
    const values = rows.slice(i, i + chunk).map((r) => `(${r.map(q).join(",")})`);
    yield `INSERT INTO ${table} (${columns.join(",")}) VALUES ${values.join(",\n")};`;
  }
}

function dataset(n, now, apiKey) {
  const random = rng(n);
  const ws = "ws_bench";
  const survey = "srv_bench";
  const customers = Math.max(1, Math.floor(n / 2));
  const pick = (list) => list[Math.floor(random() * list.length)];
  const statements = [
    `INSERT INTO workspaces (id, name, timezone, created_at) VALUES ('${ws}', 'Bench', 'UTC', ${now});`,
    `INSERT INTO api_keys (id, workspace_id, name, scopes, key_hash, prefix, created_at) VALUES ('key_bench', '${ws}', 'bench', '["read","write","admin"]', '${createHash("sha256").update(apiKey).digest("hex")}', 'ak_benc', ${now});`,
    `INSERT INTO surveys (id, workspace_id, name, questions, comment, ces_scale, is_default, created_at) VALUES ('${survey}', '${ws}', 'NPS', '[{"type":"nps"}]', 0, 'agree7', 1, ${now});`,
  ];
  const interactions = [];
  const responses = [];
  for (let i = 0; i < n; i++) {
    const closedAt = now - Math.floor(random() * 365 * DAY);
    const id = `int_${i}`;
    interactions.push([
      id,
      ws,
      `T-${i}`,
      `e:${Math.floor(random() * customers)}`,
      pick(["email", "chat", "phone"]),
      pick(["refund", "delivery", "product", "billing"]),
      `agent-${Math.floor(random() * 40)}`,
      pick(["FR", "EN", "DE"]),
      closedAt,
      day(closedAt),
      "bench",
      closedAt,
      closedAt,
    ]);
    if (random() < 1 / 3) {
      const at = closedAt + 3_600_000;
      responses.push([`rsp_${i}`, ws, survey, id, `T-${i}`, Math.floor(random() * 11), at, day(at), at]);
    }
  }
  const orders = [];
  for (let i = 0; i < n; i++) {
    const placedAt = now - Math.floor(random() * 395 * DAY) + 30 * DAY;
    const usd = random() < 0.1;
    orders.push([
      ws,
      `O-${i}`,
      `e:${Math.floor(random() * customers)}`,
      Math.min(placedAt, now),
      1000 + Math.floor(random() * 20_000),
      usd ? "USD" : "EUR",
      random() < 0.03 ? 1 : 0,
      "bench",
      now,
      now,
    ]);
  }
  statements.push(
    ...inserts(
      "interactions",
      [
        "id",
        "workspace_id",
        "ticket_id",
        "customer_key",
        "channel",
        "request_type",
        "agent",
        "team",
        "closed_at",
        "closed_day",
        "source",
        "created_at",
        "updated_at",
      ],
      interactions,
    ),
    ...inserts(
      "orders",
      [
        "workspace_id",
        "order_id",
        "customer_key",
        "placed_at",
        "total_minor",
        "currency",
        "cancelled",
        "source",
        "created_at",
        "updated_at",
      ],
      orders,
    ),
    ...inserts(
      "responses",
      [
        "id",
        "workspace_id",
        "survey_id",
        "interaction_id",
        "ticket_id",
        "nps",
        "submitted_at",
        "submitted_day",
        "updated_at",
      ],
      responses,
    ),
  );
  return statements.join("\n");
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

async function bench(n) {
  const dir = mkdtempSync(path.join(tmpdir(), "aftercare-bench-"));
  const now = Date.now();
  const apiKey = `ak_${randomBytes(24).toString("base64url")}`;
  let dev;
  try {
    process.stdout.write(`\n${n} interactions × ${n} orders: migrating… `);
    migrateAll(dir);
    process.stdout.write("loading… ");
    const file = path.join(dir, "data.sql");
    writeFileSync(file, dataset(n, now, apiKey));
    const loadStart = Date.now();
    wrangler(["d1", "execute", "aftercare", "--local", "--persist-to", dir, "--file", file, "--yes"]);
    process.stdout.write(`${((Date.now() - loadStart) / 1000).toFixed(1)} s. Starting wrangler dev…\n`);
    dev = await startDev([
      "--persist-to",
      dir,
      "--var",
      "ADMIN_TOKEN:bench-admin",
      "--var",
      "SIGNING_KEYS:k1:bench-signing-key-0123456789abcdef",
    ]);
    const { origin } = dev;
    const month = `from=${day(now - 90 * DAY)}&to=${day(now - 60 * DAY)}`;
    const scenarios = [
      ["whole year, default 30-day window", ""],
      ["group_by=channel", "group_by=channel"],
      ["group_by=nps_category", "group_by=nps_category"],
      ["group_by=week", "group_by=week"],
      ["window_days=90", "window_days=90"],
      ["one month (from/to)", month],
      ["one month, group_by=channel", `${month}&group_by=channel`],
      ["one month, agent=agent-7", `${month}&agent=agent-7`],
      ["one month, group_by=week", `${month}&group_by=week`],
      ["one month, group_by=nps_category", `${month}&group_by=nps_category`],
      ["one month, window_days=90", `${month}&window_days=90`],
    ];
    const rows = [];
    for (const [label, query] of scenarios) {
      const url = `${origin}/v1/repurchase?${query}`;
      const times = [];
      let rowsRead = 0;
      let body;
      let readPath = "";
      for (let i = 0; i < RUNS + 2; i++) {
        const started = performance.now();
        const res = await fetch(url, { headers: { authorization: `Bearer ${apiKey}` } });
        body = await res.json();
        if (res.status !== 200) throw new Error(`${label}: ${res.status} ${JSON.stringify(body)}`);
        if (i >= 2) times.push(performance.now() - started);
        rowsRead = Number(/rows_read=(\d+)/.exec(res.headers.get("server-timing") ?? "")?.[1] ?? 0);
        readPath = res.headers.get("aftercare-read-path") ?? "?";
      }
      rows.push({
        scenario: label,
        "median ms": Math.round(median(times)),
        "p95 ms": Math.round(p95(times)),
        rows_read: rowsRead,
        path: readPath,
        eligible: body.eligible,
        rate: body.rate === null ? null : Number(body.rate.toFixed(3)),
      });
    }
    console.table(rows);
    // Kept running: the month read is timed again, interleaved with the other size's.
    return { rows, monthUrl: `${origin}/v1/repurchase?${month}`, apiKey, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
  async function cleanup() {
    await dev?.stop();
    if (keep) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`node ${process.version}, ${RUNS} timed reads per scenario after 2 warm-ups`);
const results = new Map();
try {
  for (const n of sizes) results.set(n, await bench(n));
  await compareMonths();
} finally {
  for (const r of results.values()) await r.cleanup();
}

/**
 * Issue 16's figure: the one-month read at 100k over 10k interactions. rows_read from
 * the tables above; p50 from the two reads interleaved (10k, 100k, 10k, …), so both
 * sizes see the same load on this shared machine.
 */
async function compareMonths() {
  const smallRun = results.get(10_000);
  const largeRun = results.get(100_000);
  if (!smallRun || !largeRun) return;
  const small = smallRun.rows.find((r) => r.scenario === "one month (from/to)");
  const large = largeRun.rows.find((r) => r.scenario === "one month (from/to)");
  const INTERLEAVED = 40;
  const times = { small: [], large: [] };
  for (let i = 0; i < INTERLEAVED + 2; i++) {
    for (const [key, run] of [
      ["small", smallRun],
      ["large", largeRun],
    ]) {
      const started = performance.now();
      const res = await fetch(run.monthUrl, { headers: { authorization: `Bearer ${run.apiKey}` } });
      await res.arrayBuffer();
      if (i >= 2) times[key].push(performance.now() - started);
    }
  }
  const p50 = { small: median(times.small), large: median(times.large) };
  console.log(
    `\none month, ${INTERLEAVED} reads interleaved: p50 ${p50.small.toFixed(1)} ms at 10k, ${p50.large.toFixed(1)} ms at 100k`,
  );
  const figure = (name, a, b, unit) => {
    const ratio = b / Math.max(a, 1);
    return {
      figure: `repurchase read, one month, 100k ÷ 10k interactions, ${name} (${large.path})`,
      measured: `${ratio.toFixed(2)}× (${a.toLocaleString("en")} → ${b.toLocaleString("en")}${unit})`,
      target: "≤ 1.2×",
      met: ratio <= 1.2,
    };
  };
  const figures = [
    figure("rows_read", small.rows_read, large.rows_read, " rows"),
    figure("p50, interleaved", Number(p50.small.toFixed(1)), Number(p50.large.toFixed(1)), " ms"),
  ];
  console.log(`BENCH_FIGURES ${JSON.stringify(figures)}`);
}

// Ingest benchmark: POST /v1/responses against the floor, a bare one-INSERT Hono
// route (bench/bare) on its own local wrangler dev, both running at once.
//
//   node bench/ingest.mjs [--quick]
//
// 1. Latency: single requests, interleaved (product, bare, bare, product, …) so
//    that machine noise hits both alike; p50 and p99 of each, and their ratio.
//    Every product request answers a fresh invitation (201, a first answer).
// 2. Throughput: autocannon, 10 connections, alternating rounds bare → product.
//    The product cycles through a pool of invitation tokens: once the pool is
//    used up, answers replace earlier ones (200), as a customer changing their
//    mind does; the triggers then update the rollups instead of inserting.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { printFigures } from "./lib/figures.mjs";
import { BENCH_ADMIN_TOKEN, quantile, startBenchDev, startDev, wrangler } from "./lib/wrangler-dev.mjs";

const quick = process.argv.includes("--quick");
const SAMPLES = quick ? 150 : 500;
const WARMUP = 20;
const POOL = quick ? 300 : 1000;
const ROUND_SECONDS = quick ? 5 : 10;
const ROUNDS = 2;
const CONNECTIONS = 10;
const ADMIN_TOKEN = BENCH_ADMIN_TOKEN;

/** The product's Server-Timing steps of each timed answer (token, read, write), in ms. */
const steps = {};

async function post(url, body, key) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`POST ${url}: ${res.status} ${JSON.stringify(json)}`);
  for (const metric of (res.headers.get("server-timing") ?? "").split(",")) {
    const [name, dur] = metric.trim().split(";");
    if (!name || !dur?.startsWith("dur=")) continue;
    steps[name] = [...(steps[name] ?? []), Number(dur.slice(4))];
  }
  return json;
}

/** A workspace, an NPS + CSAT survey and `count` invitation tokens, through the API. */
async function invitations(origin, count) {
  const ws = await post(`${origin}/v1/workspaces`, { name: "Bench ingest", timezone: "Europe/Paris" }, ADMIN_TOKEN);
  const key = ws.api_key;
  const survey = await post(
    `${origin}/v1/surveys`,
    { name: "Ingest", questions: [{ type: "nps" }, { type: "csat" }] },
    key,
  );
  const tokens = [];
  for (let i = 0; i < count; i++) {
    const inv = await post(
      `${origin}/v1/invitations`,
      {
        survey_id: survey.id,
        ticket_id: `ING-${i}`,
        channel: ["email", "chat", "phone"][i % 3],
        agent: `agent-${i % 12}`,
      },
      key,
    );
    tokens.push(inv.token);
  }
  return tokens;
}

const answer = (i, token) => ({ token, answers: { nps: i % 11, csat: 1 + (i % 5) } });

async function timed(url, body) {
  const t0 = performance.now();
  await post(url, body);
  return performance.now() - t0;
}

function throughput(url, bodyFor) {
  let i = 0;
  return autocannon({
    url,
    method: "POST",
    connections: CONNECTIONS,
    duration: ROUND_SECONDS,
    headers: { "content-type": "application/json" },
    requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify(bodyFor(i++)) }) }],
  });
}

const productDir = mkdtempSync(path.join(os.tmpdir(), "aftercare-bench-ingest-"));
const bareDir = mkdtempSync(path.join(os.tmpdir(), "aftercare-bench-bare-"));
const bareConfig = path.join("bench", "bare", "wrangler.toml");
let product;
let bare;
try {
  wrangler([
    "d1",
    "execute",
    "bench-bare",
    "--local",
    "--config",
    bareConfig,
    "--persist-to",
    bareDir,
    "--command",
    "CREATE TABLE bare_responses (id TEXT PRIMARY KEY, token TEXT NOT NULL, answers TEXT NOT NULL, at INTEGER NOT NULL)",
  ]);
  // One after the other: two wrangler devs starting at once can race for a port.
  product = await startBenchDev(productDir);
  bare = await startDev(["--config", bareConfig, "--persist-to", bareDir]);
  console.error(`› creating ${SAMPLES + WARMUP + POOL} invitations`);
  const tokens = await invitations(product.origin, SAMPLES + WARMUP + POOL);
  const productUrl = `${product.origin}/v1/responses`;
  const bareUrl = `${bare.origin}/bare`;

  const productTimes = [];
  const bareTimes = [];
  for (let i = 0; i < SAMPLES + WARMUP; i++) {
    const body = answer(i, tokens[i]);
    // Alternate which goes first, so neither always meets a warmer cache.
    const first = i % 2 === 0;
    const a = first ? await timed(productUrl, body) : 0;
    const b = await timed(bareUrl, body);
    const c = first ? a : await timed(productUrl, body);
    if (i === WARMUP - 1) for (const name of Object.keys(steps)) delete steps[name];
    if (i >= WARMUP) {
      productTimes.push(c);
      bareTimes.push(b);
    }
  }

  const pool = tokens.slice(SAMPLES + WARMUP);
  const rounds = { product: [], bare: [] };
  for (let r = 0; r < ROUNDS; r++) {
    rounds.bare.push(await throughput(bareUrl, (i) => answer(i, `bare-${i}`)));
    rounds.product.push(await throughput(productUrl, (i) => answer(i, pool[(r * 7919 + i) % pool.length])));
  }

  const lat = (xs) => ({ p50: quantile(xs, 0.5), p99: quantile(xs, 0.99) });
  const P = lat(productTimes);
  const B = lat(bareTimes);
  const rps = (rs) => rs.reduce((s, r) => s + r.requests.average, 0) / rs.length;
  const errors = (rs) => rs.reduce((s, r) => s + r.non2xx + r.errors + r.timeouts, 0);
  const lat99 = (rs) => Math.max(...rs.map((r) => r.latency.p99));
  const ok = (x, target) => (x <= target ? "met" : "MISSED");

  console.log(`\n### Ingest: POST /v1/responses vs a bare one-INSERT Hono route (local wrangler dev)\n`);
  console.log("| measure | Aftercare | bare route | ratio | target |");
  console.log("|---|---:|---:|---:|---|");
  console.log(
    `| latency p50 (ms), ${SAMPLES} interleaved | ${P.p50.toFixed(1)} | ${B.p50.toFixed(1)} | ${(P.p50 / B.p50).toFixed(2)}× | ≤ 1.3× ${ok(P.p50 / B.p50, 1.3)} |`,
  );
  console.log(
    `| latency p99 (ms) | ${P.p99.toFixed(1)} | ${B.p99.toFixed(1)} | ${(P.p99 / B.p99).toFixed(2)}× | ≤ 1.3× ${ok(P.p99 / B.p99, 1.3)} |`,
  );
  console.log(
    `| throughput (req/s), autocannon ${CONNECTIONS} conns, ${ROUNDS}×${ROUND_SECONDS} s | ${rps(rounds.product).toFixed(0)} | ${rps(rounds.bare).toFixed(0)} | ${(rps(rounds.bare) / rps(rounds.product)).toFixed(2)}× slower | — |`,
  );
  console.log(
    `| under load: p99 (ms) / non-2xx+errors | ${lat99(rounds.product)} / ${errors(rounds.product)} | ${lat99(rounds.bare)} / ${errors(rounds.bare)} | | |`,
  );
  // workerd's clock only moves on I/O, so a step of pure CPU (the token's HMAC) reads 0.
  const stepText = Object.entries(steps)
    .map(([name, xs]) => `${name} p50 ${quantile(xs, 0.5).toFixed(1)} ms in ${xs.length} of ${SAMPLES}`)
    .join("; ");
  console.log(`\nAftercare's steps (Server-Timing, timed answers): ${stepText}`);
  const ms = (x) => x.toFixed(1);
  printFigures([
    {
      figure: "ingest p50, POST /v1/responses ÷ bare one-INSERT route",
      measured: `${(P.p50 / B.p50).toFixed(2)}× (${ms(P.p50)} vs ${ms(B.p50)} ms, ${SAMPLES} interleaved)`,
      target: "≤ 1.3×",
      met: P.p50 / B.p50 <= 1.3,
    },
    {
      figure: "ingest p99 ÷ bare route",
      measured: `${(P.p99 / B.p99).toFixed(2)}× (${ms(P.p99)} vs ${ms(B.p99)} ms)`,
      target: "≤ 1.3×",
      met: P.p99 / B.p99 <= 1.3,
    },
    {
      figure: `sustained ingest, autocannon ${CONNECTIONS} connections`,
      measured: `${rps(rounds.product).toFixed(0)} vs ${rps(rounds.bare).toFixed(0)} req/s bare (${(rps(rounds.bare) / rps(rounds.product)).toFixed(2)}× slower), ${errors(rounds.product)} errors`,
      target: "—",
      met: null,
    },
  ]);
} finally {
  await Promise.all([product?.stop(), bare?.stop()]);
  rmSync(productDir, { recursive: true, force: true });
  rmSync(bareDir, { recursive: true, force: true });
}

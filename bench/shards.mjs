// Shards bench (docs/SCALING.md): what a second D1 database buys, and what the resolver costs.
//
//   node bench/shards.mjs [--quick] [--baseline-ref REF]
//
// 1. Sustained answers/s and p99 with one shard against two: two workspaces answered at once
//    (autocannon, CONNECTIONS each), both on the directory (SHARDS=DB) or one per shard
//    (SHARDS=DB,SHARD_2). Rounds alternate one → two so machine noise hits both alike.
// 2. The resolver's per-request cost: the same requests, interleaved, against this code with
//    one database (SHARDS=DB) and against the code before shards (REF, default a32103d, the
//    commit this work started from), built in a temporary git worktree. p50 ratio; target ≤ 1.05×.
// Prints a final `BENCH_FIGURES <json>` line for `npm run bench`.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import {
  BENCH_ADMIN_TOKEN,
  BENCH_SIGNING_KEYS,
  migrateAll,
  postJson as post,
  quantile,
  root,
  startDev,
  wrangler,
} from "./lib/wrangler-dev.mjs";

const quick = process.argv.includes("--quick");
/** `--only resolver` or `--only shards` runs one half. */
const onlyAt = process.argv.indexOf("--only");
const only = onlyAt > 0 ? process.argv[onlyAt + 1] : null;
const refAt = process.argv.indexOf("--baseline-ref");
const BASELINE_REF = refAt > 0 ? process.argv[refAt + 1] : "a32103d";
const ROUND_SECONDS = quick ? 5 : 10;
const ROUNDS = quick ? 2 : 3;
const CONNECTIONS = 5;
const POOL = quick ? 200 : 400;
const SAMPLES = quick ? 150 : 400;
const ADMIN_TOKEN = BENCH_ADMIN_TOKEN;
const VARS = [
  "--var",
  `ADMIN_TOKEN:${ADMIN_TOKEN}`,
  "--var",
  `SIGNING_KEYS:${BENCH_SIGNING_KEYS}`,
  "--var",
  "RATE_LIMITING:off",
];

/** A workspace (on `shard` when named) and `count` invitation tokens. */
async function workspace(origin, count, shard) {
  const ws = await post(`${origin}/v1/workspaces`, { name: "Bench shards", ...(shard ? { shard } : {}) }, ADMIN_TOKEN);
  const key = ws.api_key;
  const surveyId = ws.workspace.default_survey_id;
  const tokens = [];
  for (let i = 0; i < count; i++) {
    tokens.push(
      (await post(`${origin}/v1/invitations`, { survey_id: surveyId, ticket_id: `SH-${i}`, agent: `a${i % 7}` }, key))
        .token,
    );
  }
  return { key, tokens };
}

const answer = (i, token) => ({ token, answers: { csat: 1 + (i % 5) } });

function load(url, tokens, offset) {
  let i = 0;
  return autocannon({
    url,
    method: "POST",
    connections: CONNECTIONS,
    duration: ROUND_SECONDS,
    headers: { "content-type": "application/json" },
    requests: [
      { setupRequest: (req) => ({ ...req, body: JSON.stringify(answer(i, tokens[(offset + i++) % tokens.length])) }) },
    ],
  });
}

/** Both workspaces loaded at once: answers/s summed, p99 the worse of the two, errors summed. */
async function round(origin, a, b, r) {
  const url = `${origin}/v1/responses`;
  const [x, y] = await Promise.all([load(url, a.tokens, r * 7919), load(url, b.tokens, r * 104729)]);
  return {
    rps: x.requests.average + y.requests.average,
    p99: Math.max(x.latency.p99, y.latency.p99),
    errors: x.non2xx + x.errors + y.non2xx + y.errors,
  };
}

async function timed(url, init) {
  const t0 = performance.now();
  const res = await fetch(url, init);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return performance.now() - t0;
}

const figures = [];
const dirs = [];
const servers = [];
const tmp = (name) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), `aftercare-bench-${name}-`));
  dirs.push(dir);
  return dir;
};
let baseline;
try {
  // 1. One shard against two.
  if (only !== "resolver") {
    const oneDir = tmp("one");
    const twoDir = tmp("two");
    migrateAll(oneDir);
    migrateAll(twoDir);
    const [one, two] = await Promise.all([
      startDev(["--persist-to", oneDir, ...VARS, "--var", "SHARDS:DB"]),
      startDev(["--persist-to", twoDir, ...VARS, "--var", "SHARDS:DB,SHARD_2"]),
    ]);
    servers.push(one, two);
    console.error(`› creating 4 workspaces with ${POOL} invitations each`);
    const oneWs = [await workspace(one.origin, POOL, "DB"), await workspace(one.origin, POOL, "DB")];
    const twoWs = [await workspace(two.origin, POOL, "DB"), await workspace(two.origin, POOL, "SHARD_2")];
    const rounds = { one: [], two: [] };
    for (let r = 0; r < ROUNDS; r++) {
      rounds.one.push(await round(one.origin, oneWs[0], oneWs[1], r));
      rounds.two.push(await round(two.origin, twoWs[0], twoWs[1], r));
    }
    const mean = (rs, k) => rs.reduce((s, x) => s + x[k], 0) / rs.length;
    const worst = (rs, k) => Math.max(...rs.map((x) => x[k]));
    const oneRps = mean(rounds.one, "rps");
    const twoRps = mean(rounds.two, "rps");
    await Promise.all(servers.splice(0).map((s) => s.stop()));

    console.log("\n### Shards: two workspaces answered at once, one D1 database against two (local wrangler dev)\n");
    console.log(`| measure | one shard | two shards | ratio |`);
    console.log("|---|---:|---:|---:|");
    console.log(
      `| sustained answers/s, ${ROUNDS}×${ROUND_SECONDS} s, 2×${CONNECTIONS} conns | ${oneRps.toFixed(0)} | ${twoRps.toFixed(0)} | ${(twoRps / oneRps).toFixed(2)}× |`,
    );
    console.log(
      `| p99 under that load (ms) | ${worst(rounds.one, "p99")} | ${worst(rounds.two, "p99")} | ${(worst(rounds.two, "p99") / worst(rounds.one, "p99")).toFixed(2)}× |`,
    );
    console.log(
      `| non-2xx + errors | ${rounds.one.reduce((s, x) => s + x.errors, 0)} | ${rounds.two.reduce((s, x) => s + x.errors, 0)} | |`,
    );
    figures.push({
      figure: "answers/s, two workspaces, two shards vs one",
      measured: `${twoRps.toFixed(0)} vs ${oneRps.toFixed(0)} (${(twoRps / oneRps).toFixed(2)}×)`,
      target: "reported (no target on a 2-core machine)",
      met: true,
    });
    figures.push({
      figure: "p99 ms under that load, two shards vs one",
      measured: `${worst(rounds.two, "p99")} vs ${worst(rounds.one, "p99")}`,
      target: "reported",
      met: true,
    });
  }

  // 2. The resolver's cost: this code on one database against the code before shards.
  if (only !== "shards") {
    const baseDir = path.join(os.tmpdir(), `aftercare-bench-baseline-${process.pid}`);
    execFileSync("git", ["-C", root, "worktree", "add", "--detach", baseDir, BASELINE_REF], { stdio: "ignore" });
    baseline = baseDir;
    symlinkSync(path.join(root, "node_modules"), path.join(baseDir, "node_modules"));
    execFileSync(process.execPath, [path.join(baseDir, "scripts/build-client.mjs")], { cwd: baseDir, stdio: "ignore" });
    const oldDir = tmp("before");
    const newDir = tmp("after");
    wrangler([
      "d1",
      "migrations",
      "apply",
      "aftercare",
      "--local",
      "--persist-to",
      oldDir,
      "--config",
      path.join(baseDir, "wrangler.toml"),
    ]);
    migrateAll(newDir);
    const [before, after] = await Promise.all([
      startDev(["--config", path.join(baseDir, "wrangler.toml"), "--persist-to", oldDir, ...VARS]),
      startDev(["--persist-to", newDir, ...VARS, "--var", "SHARDS:DB"]),
    ]);
    servers.push(before, after);
    const [wsBefore, wsAfter] = await Promise.all([
      workspace(before.origin, SAMPLES + 20),
      workspace(after.origin, SAMPLES + 20),
    ]);
    const times = { before: { answer: [], read: [] }, after: { answer: [], read: [] } };
    for (let i = 0; i < SAMPLES + 20; i++) {
      const order = i % 2 === 0 ? ["before", "after"] : ["after", "before"];
      for (const which of order) {
        const server = which === "before" ? before : after;
        const ws = which === "before" ? wsBefore : wsAfter;
        const a = await timed(`${server.origin}/v1/responses`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(answer(i, ws.tokens[i])),
        });
        const r = await timed(`${server.origin}/v1/surveys`, { headers: { authorization: `Bearer ${ws.key}` } });
        if (i >= 20) {
          times[which].answer.push(a);
          times[which].read.push(r);
        }
      }
    }
    console.log("\n### Resolver: this code on one database against the code before shards, requests interleaved\n");
    console.log(
      "| request | before p50 (ms) | with resolver p50 (ms) | ratio | before p99 | with resolver p99 | target |",
    );
    console.log("|---|---:|---:|---:|---:|---:|---|");
    for (const kind of ["answer", "read"]) {
      const b50 = quantile(times.before[kind], 0.5);
      const a50 = quantile(times.after[kind], 0.5);
      const ratio = a50 / b50;
      const label = kind === "answer" ? "POST /v1/responses (token → shard)" : "GET /v1/surveys (API key → shard)";
      console.log(
        `| ${label} | ${b50.toFixed(2)} | ${a50.toFixed(2)} | ${ratio.toFixed(3)}× | ${quantile(times.before[kind], 0.99).toFixed(1)} | ${quantile(times.after[kind], 0.99).toFixed(1)} | ≤ 1.05× ${ratio <= 1.05 ? "met" : "MISSED"} |`,
      );
      figures.push({
        figure: `resolver p50 cost, ${label}`,
        measured: `${ratio.toFixed(3)}× (${a50.toFixed(2)} vs ${b50.toFixed(2)} ms)`,
        target: "≤ 1.05×",
        met: ratio <= 1.05,
      });
    }
  }
} finally {
  await Promise.all(servers.map((s) => s.stop()));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  if (baseline && existsSync(baseline)) {
    try {
      execFileSync("git", ["-C", root, "worktree", "remove", "--force", baseline], { stdio: "ignore" });
    } catch {}
  }
}
console.log(`BENCH_FIGURES ${JSON.stringify(figures)}`);

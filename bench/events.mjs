// Events-out benchmark: what subscribing webhook endpoints costs the customer's
// answer, and how fast the Queue consumer delivers, on a local wrangler dev.
//
//   node bench/events.mjs [--quick]
//
// 1. Answer latency: POST /v1/responses for a workspace with two subscribed
//    endpoints vs one with none, interleaved (with, none, none, with, …) so that
//    machine noise hits both alike; p50 and p99 of each and their ratio. Delivery
//    is off the request path (an outbox row in the answer's batch, then the Queue),
//    so the target is ≤ 1.1×.
// 2. Consumer throughput: a burst of answers, then the time until the local
//    receiver (a node http server answering 204) has every delivery.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import os from "node:os";
import path from "node:path";
import { printFigures } from "./lib/figures.mjs";
import { BENCH_ADMIN_TOKEN, postJson as post, quantile, startBenchDev } from "./lib/wrangler-dev.mjs";

const quick = process.argv.includes("--quick");
const SAMPLES = quick ? 150 : 400;
const WARMUP = 20;
const BURST = quick ? 100 : 300;
const ADMIN_TOKEN = BENCH_ADMIN_TOKEN;

async function workspace(origin, name, endpoints) {
  const ws = await post(`${origin}/v1/workspaces`, { name }, ADMIN_TOKEN);
  for (const url of endpoints) {
    await post(`${origin}/v1/webhook-endpoints`, { url, events: ["response.created"] }, ws.api_key);
  }
  return ws;
}

async function tokens(origin, ws, prefix, count) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const inv = await post(
      `${origin}/v1/invitations`,
      { survey_id: ws.workspace.default_survey_id, ticket_id: `${prefix}-${i}` },
      ws.api_key,
    );
    out.push(inv.token);
  }
  return out;
}

async function timedAnswer(origin, token) {
  const t0 = performance.now();
  // CSAT 5 opens no follow-up: each answer is exactly one event per endpoint.
  await post(`${origin}/v1/responses`, { token, answers: { csat: 5 } });
  return performance.now() - t0;
}

let received = 0;
let lastAt = 0;
const receiver = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    received++;
    lastAt = performance.now();
    res.writeHead(204).end();
  });
});
await new Promise((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const hook = `http://127.0.0.1:${receiver.address().port}`;

const dir = mkdtempSync(path.join(os.tmpdir(), "aftercare-bench-events-"));
let dev;
try {
  dev = await startBenchDev(dir, { ALLOW_LOCAL_WEBHOOKS: "on" });
  const { origin } = dev;
  const none = await workspace(origin, "No endpoints", []);
  const two = await workspace(origin, "Two endpoints", [`${hook}/a`, `${hook}/b`]);
  console.error(`› creating ${2 * (SAMPLES + WARMUP) + BURST} invitations`);
  const noneTokens = await tokens(origin, none, "N", SAMPLES + WARMUP);
  const twoTokens = await tokens(origin, two, "W", SAMPLES + WARMUP + BURST);

  const withTimes = [];
  const noneTimes = [];
  for (let i = 0; i < SAMPLES + WARMUP; i++) {
    const order = i % 2 === 0 ? ["with", "none"] : ["none", "with"];
    for (const which of order) {
      const ms = await timedAnswer(origin, which === "with" ? twoTokens[i] : noneTokens[i]);
      if (i >= WARMUP) (which === "with" ? withTimes : noneTimes).push(ms);
    }
  }
  const p = (xs, q) => quantile(xs, q).toFixed(1);
  const ratio = quantile(withTimes, 0.5) / quantile(noneTimes, 0.5);
  console.log("\n### Answer latency, two subscribed endpoints vs none (interleaved)\n");
  console.log("| workspace | samples | p50 ms | p99 ms |");
  console.log("|---|---|---|---|");
  console.log(`| two endpoints | ${withTimes.length} | ${p(withTimes, 0.5)} | ${p(withTimes, 0.99)} |`);
  console.log(`| none | ${noneTimes.length} | ${p(noneTimes, 0.5)} | ${p(noneTimes, 0.99)} |`);
  console.log(`\np50 ratio: ${ratio.toFixed(2)}× (target ≤ 1.1×)`);

  // Let the latency phase's deliveries land before the burst is timed.
  const expectedBefore = 2 * (SAMPLES + WARMUP);
  for (let i = 0; received < expectedBefore && i < 1200; i++) await new Promise((r) => setTimeout(r, 100));
  const before = received;
  const start = performance.now();
  const burst = twoTokens.slice(SAMPLES + WARMUP);
  for (let i = 0; i < burst.length; i += 10) {
    await Promise.all(burst.slice(i, i + 10).map((t) => timedAnswer(origin, t)));
  }
  const answeredIn = performance.now() - start;
  const expected = before + 2 * BURST;
  for (let i = 0; received < expected && i < 3000; i++) await new Promise((r) => setTimeout(r, 50));
  const seconds = (lastAt - start) / 1000;
  console.log("\n### Consumer throughput (local Queue, batches of ≤ 10, 1 s batch timeout)\n");
  console.log(
    `${2 * BURST} deliveries from ${BURST} answers (answered in ${(answeredIn / 1000).toFixed(1)} s): ` +
      `${received - before} received in ${seconds.toFixed(1)} s after the first answer = ` +
      `${((received - before) / seconds).toFixed(0)} deliveries/s`,
  );
  if (received < expected) console.log(`(only ${received - before} of ${2 * BURST} arrived within the wait)`);
  printFigures([
    {
      figure: "answer p50 with two subscribed webhook endpoints ÷ none, interleaved",
      measured: `${ratio.toFixed(2)}× (${p(withTimes, 0.5)} vs ${p(noneTimes, 0.5)} ms)`,
      target: "≤ 1.1×",
      met: ratio <= 1.1,
    },
    {
      figure: "Queue consumer throughput to a local receiver",
      measured: `${((received - before) / seconds).toFixed(0)} deliveries/s (${received - before} of ${2 * BURST})`,
      target: "—",
      met: null,
    },
  ]);
} finally {
  await dev?.stop();
  receiver.close();
  rmSync(dir, { recursive: true, force: true });
}

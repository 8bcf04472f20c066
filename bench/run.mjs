// `npm run bench`: every benchmark, one after the other, printing its figures.
// Benchmarks, not tests: they take minutes and are kept out of `npm test`.
//
//   npm run bench               # full sizes (1k/10k/100k responses, 10k/100k interactions)
//   npm run bench -- --quick    # smaller sizes, fewer samples, for a first look
//
// Each bench starts its own throwaway local D1 and `wrangler dev`, so they run
// on a fresh clone after `npm install`. See BENCHMARKS.md for what each means.
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes("--quick");

const benches = [
  ["Widget weight on the wire", "widget-size.mjs", []],
  ["Worker bundle size and startup", "bundle-size.mjs", []],
  ["Ingest latency and throughput vs a bare route", "ingest.mjs", quick ? ["--quick"] : []],
  ["Score reads", "score-reads.mjs", quick ? ["1000", "10000"] : ["1000", "10000", "100000"]],
  ["Repurchase reads", "repurchase.mjs", ["--sizes", quick ? "10000" : "10000,100000"]],
  ["Events out: answer latency with endpoints, consumer throughput", "events.mjs", quick ? ["--quick"] : []],
  ["Dashboard first paint, old loader vs new", "dashboard-load.mjs", quick ? ["--runs", "3"] : []],
  ["Shards: one D1 database vs two, and the resolver's cost", "shards.mjs", quick ? ["--quick"] : []],
];

console.log(
  `Aftercare benchmarks${quick ? " (--quick)" : ""}: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ` +
    `${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, ${new Date().toISOString()}`,
);
const failed = [];
for (const [title, file, args] of benches) {
  console.log(`\n## ${title}  (node bench/${file} ${args.join(" ")})`);
  const started = Date.now();
  const r = spawnSync(process.execPath, [path.join(here, file), ...args], { stdio: "inherit" });
  console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
  // widget-size and bundle-size exit 1 when over their target: report it, but run the others.
  if (r.status !== 0) failed.push(title);
}
if (failed.length) {
  console.log(`\nExited non-zero: ${failed.join(", ")}`);
  process.exitCode = 1;
}

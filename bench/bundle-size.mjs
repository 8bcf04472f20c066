// The Worker bundle: gzip size as `wrangler deploy --dry-run --outdir` builds it
// (offline; the figure Cloudflare's 3 MB free / 10 MB paid limit and cold start
// depend on) against its target, the same unminified for reference, the biggest
// contributors from esbuild's metafile, and the local startup CPU time from
// `wrangler check startup`. test/static/worker-bundle.test.ts holds the same budget in CI.
//
//   node bench/bundle-size.mjs
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { printFigures } from "./lib/figures.mjs";
import { buildWorkerBundle, WORKER_BUNDLE_BUDGET_KB as TARGET_KB } from "./lib/worker-bundle.mjs";
import { root, wrangler } from "./lib/wrangler-dev.mjs";

const dir = mkdtempSync(path.join(os.tmpdir(), "aftercare-bench-bundle-"));
const kb = (bytes) => (bytes / 1024).toFixed(1);

/** Builds with `wrangler deploy --dry-run`; returns raw and gzip -9 sizes (and the metafile path). */
function build(name, extra) {
  const metafile = path.join(dir, `${name}.meta.json`);
  return { ...buildWorkerBundle(path.join(dir, name), ["--metafile", metafile, ...extra]), metafile };
}

/** Bytes in the minified output per package (node_modules) or per top-level folder. */
function contributors(metafile) {
  const meta = JSON.parse(readFileSync(metafile, "utf8"));
  const out = Object.entries(meta.outputs).find(([file]) => file.endsWith(".js"))[1];
  const groups = {};
  for (const [file, { bytesInOutput }] of Object.entries(out.inputs)) {
    const at = file.lastIndexOf("node_modules/");
    let key;
    if (file.includes("zod/v4/locales/")) key = "zod: error-message locales (z.locales)";
    else if (at >= 0) {
      const parts = file.slice(at + 13).split("/");
      key = parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
    } else key = file.split("/").slice(0, 2).join("/");
    groups[key] = (groups[key] ?? 0) + bytesInOutput;
  }
  return Object.entries(groups).sort((a, b) => b[1] - a[1]);
}

// The Worker imports the asset manifest the browser build writes, so build that first.
const client = spawnSync(process.execPath, ["scripts/build-client.mjs"], { cwd: root, encoding: "utf8" });
if (client.status !== 0) throw new Error(`npm run build failed:\n${client.stderr}${client.stdout}`);

try {
  const shipped = build("shipped", []);
  // What the bundle would weigh unminified: what `minify = true` in wrangler.toml saves.
  const unminified = build("unminified", ["--minify=false"]);
  const profile = wrangler(["check", "startup", "--outfile", path.join(dir, "startup.cpuprofile")]);
  const active = /Active: ([\d.]+) ms/.exec(profile)?.[1] ?? "?";
  const window = /Profile window: ([\d.]+) ms/.exec(profile)?.[1] ?? "?";

  console.log("\n### Worker bundle (wrangler deploy --dry-run --outdir)\n");
  console.log(`| build | raw KB | gzip -9 KB | target ≤ ${TARGET_KB} KB gzip |`);
  console.log("|---|---:|---:|---|");
  console.log(
    `| as shipped (wrangler.toml) | ${kb(shipped.raw)} | ${kb(shipped.gzip)} | ${shipped.gzip / 1024 <= TARGET_KB ? "met" : "MISSED"} |`,
  );
  console.log(`| for reference: --minify=false | ${kb(unminified.raw)} | ${kb(unminified.gzip)} | |`);
  console.log(`\nStartup (wrangler check startup, local CPU): ${active} ms active in a ${window} ms profile window`);
  console.log("\nLargest contributors to the shipped bundle (KB before gzip):");
  for (const [name, bytes] of contributors(shipped.metafile).slice(0, 10)) {
    console.log(`  ${kb(bytes).padStart(7)}  ${name}`);
  }
  printFigures([
    {
      figure: "Worker bundle, gzip (wrangler deploy --dry-run)",
      measured: `${kb(shipped.gzip)} KB`,
      target: `≤ ${TARGET_KB} KB`,
      met: shipped.gzip / 1024 <= TARGET_KB,
    },
    { figure: "Worker startup CPU (wrangler check startup, local)", measured: `${active} ms`, target: "—", met: null },
  ]);
  if (shipped.gzip / 1024 > TARGET_KB) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// The Worker bundle: gzip size as `wrangler deploy --dry-run --outdir` builds it
// (offline; the figure Cloudflare's 3 MB free / 10 MB paid limit and cold start
// depend on), the same minified, the biggest contributors from esbuild's
// metafile, and the local startup CPU time from `wrangler check startup`.
//
//   node bench/bundle-size.mjs
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { wrangler } from "./lib/wrangler-dev.mjs";

const TARGET_KB = 150;
const dir = mkdtempSync(path.join(os.tmpdir(), "aftercare-bench-bundle-"));
const kb = (bytes) => (bytes / 1024).toFixed(1);

/** Builds with `wrangler deploy --dry-run`; returns raw and gzip -9 sizes (and the metafile path). */
function build(name, extra) {
  const outdir = path.join(dir, name);
  const metafile = path.join(dir, `${name}.meta.json`);
  wrangler(["deploy", "--dry-run", "--outdir", outdir, "--metafile", metafile, ...extra]);
  const js = readFileSync(path.join(outdir, "index.js"));
  return { raw: js.length, gzip: gzipSync(js, { level: 9 }).length, metafile };
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

try {
  const shipped = build("shipped", []);
  const minified = build("minified", ["--minify"]);
  const profile = wrangler(["check", "startup", "--outfile", path.join(dir, "startup.cpuprofile")]);
  const active = /Active: ([\d.]+) ms/.exec(profile)?.[1] ?? "?";
  const window = /Profile window: ([\d.]+) ms/.exec(profile)?.[1] ?? "?";

  console.log("\n### Worker bundle (wrangler deploy --dry-run --outdir)\n");
  console.log("| build | raw KB | gzip -9 KB | target ≤ 150 KB gzip |");
  console.log("|---|---:|---:|---|");
  for (const [label, b] of [
    ["as shipped (wrangler.toml)", shipped],
    ["with --minify", minified],
  ]) {
    console.log(`| ${label} | ${kb(b.raw)} | ${kb(b.gzip)} | ${b.gzip / 1024 <= TARGET_KB ? "met" : "MISSED"} |`);
  }
  console.log(`\nStartup (wrangler check startup, local CPU): ${active} ms active in a ${window} ms profile window`);
  console.log("\nLargest contributors to the minified bundle (KB before gzip):");
  for (const [name, bytes] of contributors(minified.metafile).slice(0, 10)) {
    console.log(`  ${kb(bytes).padStart(7)}  ${name}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

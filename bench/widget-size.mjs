// Prints the widget's weight on the wire: every script and style it fetches,
// gzip -9, against its target (≤ 6 KB, also held by test/browser/widget.test.ts),
// and brotli for reference.
// The widget fetches one script, /widget.js: its stylesheet is inside it (a
// constructable stylesheet) and its words come with the survey's data.
//
//   node bench/widget-size.mjs        (builds first)
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import * as esbuild from "esbuild";
import { BROWSER_BUILD } from "../scripts/build-client.mjs";
import { printFigures } from "./lib/figures.mjs";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const TARGET = 6 * 1024;

const build = spawnSync(process.execPath, [path.join(root, "scripts/build-client.mjs")], {
  cwd: root,
  encoding: "utf8",
});
if (build.status !== 0) {
  console.error(build.stderr || build.stdout);
  process.exit(1);
}

const files = { "/widget.js": "widget/dist/public/widget.js" };
let total = 0;
console.log("asset          raw B   gzip -9 B   brotli B");
for (const [served, file] of Object.entries(files)) {
  const body = readFileSync(path.join(root, file));
  const gzip = gzipSync(body, { level: 9 }).length;
  const brotli = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  total += gzip;
  console.log(
    `${served.padEnd(12)} ${String(body.length).padStart(7)} ${String(gzip).padStart(11)} ${String(brotli).padStart(10)}`,
  );
}
// Where the bytes come from: the same entry rebuilt with esbuild's metafile (the
// stylesheet unminified here, so its share reads a little high).
const meta = await esbuild.build({
  ...BROWSER_BUILD,
  entryPoints: [path.join(root, "widget/src/widget/main.ts")],
  metafile: true,
});
const shares = {};
for (const { inputs } of Object.values(meta.metafile.outputs)) {
  for (const [file, { bytesInOutput }] of Object.entries(inputs)) {
    const key = file.includes("node_modules/") ? file.split("node_modules/").pop().split("/")[0] : file;
    shares[key] = (shares[key] ?? 0) + bytesInOutput;
  }
}
console.log("\nminified bytes by source (before gzip):");
for (const [file, bytes] of Object.entries(shares)
  .sort((a, b) => b[1] - a[1])
  .slice(0, 8)) {
  console.log(`  ${String(bytes).padStart(6)}  ${file}`);
}

console.log(
  `\nwidget total: ${total} B gzip -9 (${(total / 1024).toFixed(2)} KB); target ≤ 6 KB gzip: ${total <= TARGET ? "met" : "MISSED"}`,
);
printFigures([
  {
    figure: "widget on the wire, gzip (/widget.js, its only request)",
    measured: `${total} B (${(total / 1024).toFixed(2)} KB)`,
    target: "≤ 6 KB",
    met: total <= TARGET,
  },
]);
process.exit(total <= TARGET ? 0 : 1);

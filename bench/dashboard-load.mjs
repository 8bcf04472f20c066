// The dashboard's first paint, old loader against new, side by side in one run:
// how many /v1 requests the page makes before the first headline figure shows,
// and the time from navigation to that figure, in Chromium against `wrangler dev`
// on the seeded demo database (as `npm start` seeds it).
//
// "Old" is the dashboard bundle of the commit before the summary endpoint (built
// here from git, served in place of the current bundle by request interception);
// "new" is the current build. Same server, same data, same browser, runs alternated.
//
//   node bench/dashboard-load.mjs [--runs 9] [--old <git rev>]
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as esbuild from "esbuild";
import { chromium } from "playwright-core";
import { BROWSER_BUILD, minifiedCssText } from "../scripts/build-client.mjs";
import { seedDemo } from "../scripts/seed-demo.mjs";
import { printFigures } from "./lib/figures.mjs";
import { root, startBenchDev } from "./lib/wrangler-dev.mjs";

const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const RUNS = Number(arg("--runs", "9"));
const TARGET_REQUESTS = 3;
const TARGET_RATIO = 0.5;

const git = (...args) => execFileSync("git", args, { cwd: root, encoding: "utf8" }).trim();
// The commit that replaced the per-figure loader (it removed loadSegmentOptions); "old" is its parent.
const replacing = git("log", "-1", "--format=%H", "-S", "loadSegmentOptions", "--", "widget/src/dashboard/load.ts");
const oldRev = arg("--old", `${replacing}^`);

/** Builds the dashboard bundle of `rev` from git, with the current build options. */
async function buildOldBundle(rev) {
  const dir = mkdtempSync(path.join(tmpdir(), "aftercare-old-dashboard-"));
  try {
    execFileSync("sh", ["-c", `git archive ${rev} widget/src | tar -x -C "${dir}"`], { cwd: root });
    symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
    const result = await esbuild.build({
      ...BROWSER_BUILD,
      entryPoints: [path.join(dir, "widget/src/dashboard/main.tsx")],
      plugins: [minifiedCssText],
    });
    return result.outputFiles[0].text;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Counts the page's /v1 fetches and notes, when a headline figure first shows, how many
// had been made and the time since navigation started.
function instrument() {
  const w = window;
  w.v1Calls = 0;
  w.firstFigures = null;
  const realFetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url, location.href);
    if (url.pathname.startsWith("/v1/")) w.v1Calls++;
    return realFetch(input, init);
  };
  new MutationObserver((_, observer) => {
    const value = document.querySelector("#card-nps .card-value")?.textContent ?? "—";
    if (value !== "—" && w.firstFigures === null) {
      w.firstFigures = { requests: w.v1Calls, ms: performance.now() };
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

async function measure(browser, origin, key, oldBundle) {
  const context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  if (oldBundle) {
    await page.route(/\/assets\/dashboard\.[^/]*\.js$/, (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript", body: oldBundle }),
    );
  }
  await page.addInitScript(instrument);
  await page.goto(`${origin}/dashboard#key=${encodeURIComponent(key)}`);
  await page.waitForFunction(() => window.firstFigures !== null, null, { timeout: 60_000 });
  const first = await page.evaluate(() => window.firstFigures);
  // Everything settled: the total for reference.
  await page.waitForSelector('main[aria-busy="false"] #card-nps');
  await page.waitForLoadState("networkidle");
  const total = await page.evaluate(() => window.v1Calls);
  await context.close();
  return { ...first, total };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// The current bundles, as wrangler dev serves them.
const build = spawnSync(process.execPath, [path.join(root, "scripts/build-client.mjs")], {
  cwd: root,
  encoding: "utf8",
});
if (build.status !== 0) throw new Error(build.stderr || build.stdout);
const oldBundle = await buildOldBundle(oldRev);

const persist = mkdtempSync(path.join(tmpdir(), "aftercare-bench-dashboard-"));
mkdirSync(persist, { recursive: true });
let demo;
// The demo is seeded before the Worker opens the database; many page loads from one IP in a
// minute: the limiter is not what is measured (startBenchDev turns it off).
const dev = await startBenchDev(
  persist,
  {},
  { prepare: async () => (demo = await seedDemo({ root, persistTo: persist, log: () => {} })) },
);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});

try {
  console.log(
    `old: dashboard bundle of ${git("rev-parse", "--short", oldRev)}; new: this tree. ${RUNS} runs each, alternated, after one warm-up each.`,
  );
  await measure(browser, dev.origin, demo.apiKey, oldBundle);
  await measure(browser, dev.origin, demo.apiKey, null);
  const runs = { old: [], new: [] };
  for (let i = 0; i < RUNS; i++) {
    runs.old.push(await measure(browser, dev.origin, demo.apiKey, oldBundle));
    runs.new.push(await measure(browser, dev.origin, demo.apiKey, null));
  }
  const sum = {};
  console.log("loader   /v1 before first figures   first figures ms (median; min–max)   /v1 in all");
  for (const name of ["old", "new"]) {
    const r = runs[name];
    sum[name] = { requests: Math.max(...r.map((x) => x.requests)), ms: median(r.map((x) => x.ms)) };
    const ms = r.map((x) => x.ms);
    console.log(
      `${name.padEnd(8)} ${String(sum[name].requests).padStart(26)}   ${sum[name].ms.toFixed(0).padStart(17)} (${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)})${" ".repeat(14)} ${median(r.map((x) => x.total))}`,
    );
  }
  const ratio = sum.new.ms / sum.old.ms;
  const requestsOk = sum.new.requests <= TARGET_REQUESTS;
  const ratioOk = ratio <= TARGET_RATIO;
  console.log(
    `API requests before the first figures: ${sum.old.requests} → ${sum.new.requests} (max of runs); target ≤ ${TARGET_REQUESTS}: ${requestsOk ? "MET" : "MISSED"}`,
  );
  console.log(
    `time to first figures, new ÷ old (medians): ${ratio.toFixed(2)}×; target ≤ ${TARGET_RATIO}×: ${ratioOk ? "MET" : "MISSED"}`,
  );
  printFigures([
    {
      figure: "dashboard: API requests before the first figures",
      measured: `${sum.new.requests} (was ${sum.old.requests})`,
      target: `≤ ${TARGET_REQUESTS}`,
      met: requestsOk,
    },
    {
      figure: "dashboard: time to first figures in Chromium, new ÷ old",
      measured: `${ratio.toFixed(2)}× (${sum.new.ms.toFixed(0)} vs ${sum.old.ms.toFixed(0)} ms, median of ${RUNS})`,
      target: `≤ ${TARGET_RATIO}×`,
      met: ratioOk,
    },
  ]);
  if (!requestsOk || !ratioOk) process.exitCode = 1;
} finally {
  await browser.close();
  await dev.stop();
  rmSync(persist, { recursive: true, force: true });
}

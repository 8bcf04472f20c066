// Shared plumbing for the benches that drive a real `wrangler dev`: run wrangler
// on the project's Node, find a free port, start a dev server and stop it.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { d1Databases } from "../../scripts/d1-databases.mjs";

export const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "../..");
const wranglerBin = path.join(root, "node_modules/.bin/wrangler");
// node_modules/.bin first, so wrangler runs on the project's Node 22 whatever node runs the bench.
export const env = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  CI: "1",
  PATH: `${path.join(root, "node_modules/.bin")}${path.delimiter}${process.env.PATH}`,
};

/** Runs wrangler to completion; throws with its output when it fails. Returns stdout. */
export function wrangler(args) {
  const r = spawnSync(wranglerBin, args, { cwd: root, env, encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`wrangler ${args.slice(0, 3).join(" ")} failed:\n${r.stderr}\n${r.stdout}`);
  return r.stdout;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => (port ? resolve(port) : reject(new Error("no port"))));
    });
  });
}

/** Applies the migrations to every D1 database of wrangler.toml (the directory and each shard). */
export function migrateAll(persistTo) {
  for (const { name } of d1Databases(root)) {
    wrangler(["d1", "migrations", "apply", name, "--local", "--persist-to", persistTo]);
  }
}

/**
 * Starts `wrangler dev` with `args` (config, persist dir, vars) on a free port and
 * waits for GET /healthz. Resolves with its origin and stop(). Other jobs on the
 * machine start servers too, so a port taken between choosing and binding it
 * is retried on another. Unless `args` name SHARDS (or another config), every workspace goes
 * to the directory database, as the benches measured before shards.
 */
export async function startDev(args, attempts = 3) {
  if (!args.some((a) => String(a).startsWith("SHARDS:")) && !args.includes("--config")) {
    args = [...args, "--var", "SHARDS:DB"];
  }
  try {
    return await startDevOnce(args);
  } catch (err) {
    if (attempts <= 1 || !/Address already in use/.test(String(err?.message))) throw err;
    return startDev(args, attempts - 1);
  }
}

/**
 * A product Worker on a fresh local D1 in `dir`: migrations applied, `prepare()` (e.g. loading
 * data into the database before the Worker opens it), then `wrangler dev` with the benches'
 * admin token and signing key, rate limiting off (one IP sending hundreds of requests would
 * only measure the 429s), and `vars` (`{ NAME: value }`) on top. Resolves with origin, stop().
 */
export async function startBenchDev(dir, vars = {}, { prepare } = {}) {
  ensureBuilt();
  migrateAll(dir);
  await prepare?.();
  const all = { ADMIN_TOKEN: BENCH_ADMIN_TOKEN, SIGNING_KEYS: BENCH_SIGNING_KEYS, RATE_LIMITING: "off", ...vars };
  return startDev([
    "--persist-to",
    dir,
    ...Object.entries(all).flatMap(([name, value]) => ["--var", `${name}:${value}`]),
  ]);
}

/** wrangler dev serves the built bundles as static assets: build them on a fresh clone. */
function ensureBuilt() {
  if (existsSync(path.join(root, "widget/dist/public"))) return;
  const r = spawnSync(process.execPath, [path.join(root, "scripts/build-client.mjs")], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stderr}\n${r.stdout}`);
}

export const BENCH_ADMIN_TOKEN = "bench-admin-token";
export const BENCH_SIGNING_KEYS = "kbench:bench-signing-secret-0123456789abcdef";

async function startDevOnce(args) {
  const port = await freePort();
  const child = spawn(
    wranglerBin,
    ["dev", "--port", String(port), "--ip", "127.0.0.1", "--show-interactive-dev-session=false", ...args],
    { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${origin}/healthz`)).ok) break;
    } catch {}
    if (i > 480 || child.exitCode !== null) {
      if (child.exitCode === null) process.kill(-child.pid, "SIGTERM");
      throw new Error(`wrangler dev did not start:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", resolve);
      // The whole process group: wrangler's workerd child goes with it.
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        resolve();
      }
    });
  return { origin, stop };
}

/** POSTs JSON (with a bearer `key` when given) and returns the parsed answer; a non-2xx throws with its body. */
export async function postJson(url, body, key) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`POST ${url}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** The q-quantile (0–1) of a list of numbers, nearest rank. */
export function quantile(xs, q) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

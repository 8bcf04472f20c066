// Moves one workspace to another shard (docs/SCALING.md, "Moving a workspace"):
//   node scripts/move-workspace.mjs <workspace_id> <TARGET_BINDING> [--remote | --local [--persist-to DIR]]
// The workspace answers 503 with Retry-After while it moves (about SHARD_CACHE_MS plus the copy).
// Reads and writes go through `wrangler d1 execute` on the databases of wrangler.toml.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { d1Databases } from "./d1-databases.mjs";
import { moveWorkspace } from "./move-workspace-core.mjs";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
/** worker/shards/directory.ts SHARD_CACHE_MS, plus a margin. */
const CACHE_WAIT_MS = 35_000;

function wrangler(args) {
  const result = spawnSync(path.join(root, "node_modules/.bin/wrangler"), args, {
    cwd: root,
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1" },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0)
    throw new Error(`wrangler ${args.slice(0, 4).join(" ")} failed:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

/** An executor over one D1 database through the wrangler CLI. */
function cliExecutor(name, location) {
  return {
    async all(sql) {
      const out = wrangler(["d1", "execute", name, ...location, "--json", "--command", sql]);
      return JSON.parse(out.slice(out.indexOf("[")))[0]?.results ?? [];
    },
    async run(sqls) {
      if (sqls.length === 0) return;
      const dir = mkdtempSync(path.join(tmpdir(), "aftercare-move-"));
      try {
        const file = path.join(dir, "batch.sql");
        writeFileSync(file, `${sqls.join(";\n")};\n`);
        wrangler(["d1", "execute", name, ...location, "--file", file]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

const [workspaceId, to, ...location] = process.argv.slice(2);
if (!workspaceId || !to) {
  console.error(
    "usage: node scripts/move-workspace.mjs <workspace_id> <TARGET_BINDING> [--remote | --local [--persist-to DIR]]",
  );
  process.exit(2);
}
const where = location.length > 0 ? location : ["--local"];
const databases = d1Databases(root);
const shards = Object.fromEntries(databases.map((d) => [d.binding, cliExecutor(d.name, where)]));
try {
  const moved = await moveWorkspace({
    workspaceId,
    to,
    directory: shards.DB,
    shards,
    wait: () => new Promise((resolve) => setTimeout(resolve, CACHE_WAIT_MS)),
    log: console.log,
  });
  console.log(`✓ ${workspaceId} moved from ${moved.from} to ${moved.to}`);
} catch (err) {
  console.error(`✗ ${err.message}`);
  process.exit(1);
}

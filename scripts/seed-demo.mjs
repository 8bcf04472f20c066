// Seeds the demo workspace (`ws_demo`) into a local D1 database that has no
// workspace yet. History cannot go through the public API (it stamps answers
// "now"), so the generated SQL is applied with `wrangler d1 execute --local`
// before `wrangler dev` starts; inserting into `responses` fires the rollup
// triggers, exactly as a live answer does.
//
// Used by `npm start` and by the browser tests' setup. Also runnable alone:
//   node scripts/seed-demo.mjs [--persist-to DIR]
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEMO_WORKSPACE_ID, generateDemoSql } from "./demo-data.mjs";

const defaultRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");

/** A fresh API key in the Worker's format (`ak_` + 32 random bytes, base64url). */
export function newDemoApiKey() {
  return `ak_${randomBytes(32).toString("base64url")}`;
}

function wrangler(root, args) {
  const env = {
    ...process.env,
    WRANGLER_SEND_METRICS: "false",
    // wrangler needs Node 22, which the project brings in node_modules/.bin.
    PATH: `${path.join(root, "node_modules/.bin")}${path.delimiter}${process.env.PATH ?? ""}`,
  };
  const result = spawnSync(path.join(root, "node_modules/.bin/wrangler"), args, {
    cwd: root,
    env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`wrangler ${args.slice(0, 3).join(" ")} failed:\n${result.stderr}${result.stdout}`);
  }
  return result.stdout;
}

const location = (persistTo) => ["--local", ...(persistTo ? ["--persist-to", persistTo] : [])];

/** How many workspaces the local database holds, and whether the demo one is among them. */
export function countWorkspaces({ root = defaultRoot, persistTo } = {}) {
  const out = wrangler(root, [
    "d1",
    "execute",
    "aftercare",
    ...location(persistTo),
    "--json",
    "--command",
    `SELECT (SELECT count(*) FROM workspaces) AS n, (SELECT count(*) FROM workspaces WHERE id = '${DEMO_WORKSPACE_ID}') AS demo`,
  ]);
  // wrangler may print a banner before the JSON; the JSON is the last array.
  const json = JSON.parse(out.slice(out.indexOf("[")));
  const row = json[0]?.results?.[0] ?? { n: 0, demo: 0 };
  return { workspaces: Number(row.n), demo: Number(row.demo) > 0 };
}

/**
 * Seeds the demo workspace when the local database has no workspace at all.
 *
 * @param {{ root?: string, persistTo?: string, apiKey?: string, now?: number, log?: (line: string) => void }} options
 *   `apiKey` reuses a key (so URLs printed earlier keep working); a new one is
 *   made otherwise. `log` receives the progress lines.
 * @returns {Promise<{ seeded: boolean, demoExists: boolean, apiKey: string | null, stats?: Record<string, number> }>}
 */
export async function seedDemo({ root = defaultRoot, persistTo, apiKey, now = Date.now(), log = console.log } = {}) {
  const before = countWorkspaces({ root, persistTo });
  if (before.workspaces > 0) return { seeded: false, demoExists: before.demo, apiKey: null };

  const key = apiKey ?? newDemoApiKey();
  const { chunks, stats } = await generateDemoSql({ now, apiKey: key });
  const dir = mkdtempSync(path.join(tmpdir(), "aftercare-demo-"));
  try {
    for (const [i, chunk] of chunks.entries()) {
      log(`› seeding the demo workspace [${i + 1}/${chunks.length}] ${chunk.label}`);
      const file = path.join(dir, `demo-${i}.sql`);
      writeFileSync(file, chunk.sql);
      wrangler(root, ["d1", "execute", "aftercare", ...location(persistTo), "--file", file]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { seeded: true, demoExists: true, apiKey: key, stats };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf("--persist-to");
  const result = await seedDemo({ persistTo: at > 0 ? process.argv[at + 1] : undefined });
  console.log(
    result.seeded
      ? `Seeded ${DEMO_WORKSPACE_ID}: ${JSON.stringify(result.stats)}\nDemo API key: ${result.apiKey}`
      : "The database already has workspaces; nothing seeded.",
  );
}

// `npm run db:migrate`: applies schema/migrations to every D1 database of wrangler.toml, the
// directory first, then each shard (they share one schema). Extra arguments go to wrangler:
//   npm run db:migrate                 local databases (the default)
//   npm run db:migrate -- --remote     the deployed ones
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { d1Databases } from "./d1-databases.mjs";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Applies the migrations to each database; `args` are wrangler's location flags. */
export function migrateAll(args = ["--local"], { log = console.log } = {}) {
  for (const { binding, name } of d1Databases(root)) {
    log(`› migrating ${name} (${binding})`);
    const result = spawnSync(
      path.join(root, "node_modules/.bin/wrangler"),
      ["d1", "migrations", "apply", name, ...args],
      {
        cwd: root,
        env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1" },
        stdio: ["ignore", "inherit", "inherit"],
      },
    );
    if (result.status !== 0) throw new Error(`wrangler d1 migrations apply ${name} failed`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  try {
    migrateAll(args.length > 0 ? args : ["--local"]);
  } catch (err) {
    console.error(`✗ ${err.message}`);
    process.exit(1);
  }
}

import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The Worker's `Env` type is `wrangler types` output (worker-configuration.d.ts), committed so the
 * typecheck needs no generation step. A binding added to wrangler.toml without `npm run cf-typegen`
 * would leave the type behind the configuration: this fails until the file is regenerated.
 */
const root = path.resolve(import.meta.dirname, "../..");

describe("worker-configuration.d.ts", () => {
  it("is what `npm run cf-typegen` writes for today's wrangler.toml", () => {
    const script: string = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).scripts["cf-typegen"];
    const [command, ...args] = script.split(/\s+/);
    expect(command).toBe("wrangler");
    const run = spawnSync(path.join(root, "node_modules/.bin/wrangler"), [...args, "--check"], {
      cwd: root,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" },
      encoding: "utf8",
    });
    expect(run.status, `${run.stdout}\n${run.stderr}\nRun \`npm run cf-typegen\` and commit the result.`).toBe(0);
  }, 30_000);
});

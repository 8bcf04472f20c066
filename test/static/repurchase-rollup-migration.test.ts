import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The daily repurchase rollup's triggers (issue 16) are exactly what their
 * generator prints from the domain (grains, window), so a new segment dimension
 * is a regenerated migration, never a hand edit.
 */
const root = path.resolve(import.meta.dirname, "../..");

describe("repurchase rollup migration", () => {
  it("the repurchase_rollup_triggers migration is exactly the output of scripts/gen-repurchase-rollup.mjs", () => {
    // Found by name, not number: migrations are renumbered when branches merge.
    const dir = path.join(root, "schema/migrations");
    const [file] = readdirSync(dir).filter((f) => f.endsWith("_repurchase_rollup_triggers.sql"));
    expect(file).toBeDefined();
    const committed = readFileSync(path.join(dir, file as string), "utf8");
    const output = execFileSync(process.execPath, [path.join(root, "scripts/gen-repurchase-rollup.mjs")], {
      encoding: "utf8",
    });
    expect(committed.trimEnd()).toBe(output.trimEnd());
  });
});

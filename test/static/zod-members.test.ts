import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as realZod from "zod";

/**
 * The Worker's `z` (worker/zod/classic.ts, through wrangler.toml's [alias]) has
 * only the members it lists; esbuild bundles a missing one as `undefined`
 * without a word, and TypeScript, which types `z` from the real zod, says
 * nothing either. So every `z.<member>` written in the code the Worker and its
 * build-time /openapi.json are built from must be one the stand-in exports.
 */
const root = path.resolve(import.meta.dirname, "../..");
// Imported by a computed path: this project's tsconfig holds no Worker files, vitest runs it as is.
const workerZod: Record<string, unknown> = await import(path.join(root, "worker/zod/classic.ts"));
const scanned = ["worker", "schema", "widget/src", "widget/survey-ui"];
// Members of the real `z` that the code names only in types (z.output<typeof S>).
const TYPE_ONLY = new Set(["input", "output"]);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return file.endsWith(path.join("worker", "zod")) ? [] : sources(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

/** `z.string`, `z\n  .discriminatedUnion`: each member name with the file it is in. */
function zMembers(): Map<string, string> {
  const found = new Map<string, string>();
  for (const dir of scanned) {
    for (const file of sources(path.join(root, dir))) {
      for (const [, name] of readFileSync(file, "utf8").matchAll(/(?<![\w.$])z\s*\.\s*([A-Za-z_$][\w$]*)/g)) {
        if (!found.has(name)) found.set(name, path.relative(root, file));
      }
    }
  }
  return found;
}

describe("the Worker's zod members (worker/zod/classic.ts)", () => {
  it("exports every z.<member> the code uses that real zod has at run time", () => {
    const members = zMembers();
    expect(members.has("object") && members.has("string"), "the scan finds the routes' schemas").toBe(true);
    const missing = [...members]
      .filter(([name]) => name in realZod && !TYPE_ONLY.has(name) && !(name in workerZod))
      .map(([name, file]) => `z.${name} (${file})`);
    expect(missing, "add these to worker/zod/classic.ts").toEqual([]);
  });

  it("finds a member written across lines, as the check above relies on", () => {
    const sample = "const S = z\n  .discriminatedUnion('type', [])";
    expect([...sample.matchAll(/(?<![\w.$])z\s*\.\s*([A-Za-z_$][\w$]*)/g)].map((m) => m[1])).toEqual([
      "discriminatedUnion",
    ]);
  });
});

import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The dashboard's cards and the API's figures must read alike, so the interval
 * maths and the benchmark bands exist once, in the pure domain (worker/domain), and
 * both the Worker and the dashboard bundle import them. A second copy (another z, other
 * edges) is what issue 11 found; this keeps it from coming back.
 */
const root = path.resolve(import.meta.dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sources(file) : /\.tsx?$/.test(file) ? [file] : [];
  });
}

const all = [
  ...sources(path.join(root, "worker")),
  ...sources(path.join(root, "widget/survey-ui")),
  ...sources(path.join(root, "widget/src")),
];
const defining = (pattern: RegExp) =>
  all.filter((file) => pattern.test(readFileSync(file, "utf8"))).map((file) => path.relative(root, file));

describe("one implementation of the score maths", () => {
  it("the Wilson interval and the 95% quantile are defined in worker/domain/intervals.ts only", () => {
    expect(defining(/function wilson\w*\s*\(/)).toEqual(["worker/domain/intervals.ts"]);
    expect(defining(/1\.959|=\s*1\.96\b/)).toEqual(["worker/domain/intervals.ts"]);
  });

  it("the benchmark edges are defined in worker/domain/benchmarks.ts only", () => {
    expect(defining(/name:\s*"world-class"|nps\s*<=?\s*70\b/)).toEqual(["worker/domain/benchmarks.ts"]);
  });

  it("the dashboard's cards import both domain modules", () => {
    const cards = readFileSync(path.join(root, "widget/src/dashboard/Cards.tsx"), "utf8");
    expect(cards).toMatch(/from "\.\.\/\.\.\/\.\.\/worker\/domain\/intervals"/);
    expect(cards).toMatch(/from "\.\.\/\.\.\/\.\.\/worker\/domain\/benchmarks"/);
  });
});

import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * What ships (worker/, widget/survey-ui/, and widget/src, whose bundles the Worker serves) holds no
 * code that exists only for the tests: no `data-testid` hooks, no imports of test
 * helpers or test runtimes. Tests find elements as a person does (role, label,
 * id, class) and keep their fixtures and fault injection under test/.
 */
const root = path.resolve(import.meta.dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sources(file) : /\.(tsx?|css|html)$/.test(name) ? [file] : [];
  });
}

const TEST_ONLY = /data-testid|testid=|from "(vitest|cloudflare:test|fast-check|playwright-core)"|from "[./]*\/test\//;

describe("shipped code", () => {
  it("has no test-only hooks or test imports in worker/, widget/survey-ui/ or widget/src", () => {
    const offenders = [
      ...sources(path.join(root, "worker")),
      ...sources(path.join(root, "widget/survey-ui")),
      ...sources(path.join(root, "widget/src")),
    ].flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .map((line, i) => ({ line: line.trim(), at: `${path.relative(root, file)}:${i + 1}` }))
        .filter(({ line }) => TEST_ONLY.test(line))
        .map(({ at, line }) => `${at}: ${line}`),
    );
    expect(offenders).toEqual([]);
  });
});

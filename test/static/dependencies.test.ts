import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every package the project lists is one it uses: imported by some source,
 * run as a tool (an npm script's command, or a `bin("…")` the scripts spawn),
 * read from node_modules by path, or named in a tsconfig's `types`. A listed
 * package nobody uses (uplot, issue 11) costs every install and misleads a reader.
 */
const root = path.resolve(import.meta.dirname, "../..");
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    if (name === "node_modules" || name === "dist" || name.startsWith(".")) return [];
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? files(file) : /\.(m?[jt]sx?|json)$/.test(name) ? [file] : [];
  });
}

const sources = [
  ...["worker", "widget/src", "test", "scripts", "bench", "schema"].flatMap((d) => files(path.join(root, d))),
  ...readdirSync(root)
    .filter((f) => /\.(ts|mjs)$/.test(f))
    .map((f) => path.join(root, f)),
]
  .map((f) => readFileSync(f, "utf8"))
  .join("\n");
const tsconfigs = ["tsconfig.json", "tsconfig.node.json", "widget/tsconfig.json", "widget/tsconfig.dashboard.json"]
  .filter((f) => existsSync(path.join(root, f)))
  .map((f) => readFileSync(path.join(root, f), "utf8"))
  .join("\n");
const scriptCommands = Object.values(pkg.scripts).join(" && ");

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

function binsOf(dep: string): string[] {
  const manifest = path.join(root, "node_modules", dep, "package.json");
  if (!existsSync(manifest)) return [];
  const { bin } = JSON.parse(readFileSync(manifest, "utf8")) as { bin?: string | Record<string, string> };
  return typeof bin === "string" ? [dep.split("/").pop()!] : Object.keys(bin ?? {});
}

function isUsed(dep: string): boolean {
  const d = escapeRegExp(dep);
  if (new RegExp(`(from |import\\(|require\\()"${d}(/[^"]*)?"`).test(sources)) return true;
  if (sources.includes(`node_modules/${dep}/`) || sources.includes(`"node_modules", "${dep}"`)) return true;
  const typesName = dep.startsWith("@types/") ? dep.slice("@types/".length) : dep;
  if (new RegExp(`"types":\\s*\\[[^\\]]*"${escapeRegExp(typesName)}(/[^"]*)?"`).test(tsconfigs)) return true;
  return binsOf(dep).some((bin) => {
    const b = escapeRegExp(bin);
    return (
      new RegExp(`(^|&&\\s*|\\s)${b}\\s`).test(` ${scriptCommands} `) ||
      new RegExp(`bin\\("${b}"\\)|\\.bin/${b}\\b|"${b}"\\s*[,)]`).test(sources)
    );
  });
}

describe("dependencies", () => {
  it("lists only packages the project uses", () => {
    const listed = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)];
    expect(listed.filter((dep) => !isUsed(dep))).toEqual([]);
  });
});

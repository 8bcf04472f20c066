import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The documentation holds together: every relative link in the README, CONTRIBUTING, the
 * CHANGELOG and docs/ reaches a file of the repository (and, for `#anchors` into Markdown, one of
 * its headings); the README stays a front door; and no file cites a document that is not in the
 * repository, since the reference lives in docs/.
 */
const root = path.resolve(import.meta.dirname, "../..");
const README_LIMIT = 12 * 1024;

const documents = [
  "README.md",
  "CONTRIBUTING.md",
  "CHANGELOG.md",
  ...readdirSync(path.join(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];

/** The text with fenced code blocks and inline code removed: links there are examples, not links. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, "").replace(/`[^`\n]*`/g, "");
}

/** Targets of `[text](target)` and `![alt](target)`, without an optional title. */
function linkTargets(markdown: string): string[] {
  const targets: string[] = [];
  for (const match of prose(markdown).matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    targets.push(match[1]!);
  }
  return targets;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const match of markdown.replace(/^```[\s\S]*?^```/gm, "").matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const text = match[1]!.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/[`*_]/g, (c) => (c === "_" ? c : ""));
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/ /g, "-");
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

function isExternal(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target);
}

describe("documentation links", () => {
  it("finds the documents it checks", () => {
    for (const doc of ["README.md", "CONTRIBUTING.md", "docs/api.md", "docs/webhooks.md", "docs/scores.md"]) {
      expect(documents, doc).toContain(doc);
    }
  });

  it.each(documents)("every relative link in %s resolves inside the repository", (doc) => {
    const markdown = readFileSync(path.join(root, doc), "utf8");
    const broken: string[] = [];
    for (const target of linkTargets(markdown)) {
      if (isExternal(target)) continue;
      const [file = "", anchor] = target.split("#");
      const resolved = file
        ? path.resolve(path.dirname(path.join(root, doc)), decodeURIComponent(file))
        : path.join(root, doc);
      if (!resolved.startsWith(`${root}${path.sep}`)) {
        broken.push(`${target} (outside the repository)`);
        continue;
      }
      if (!existsSync(resolved)) {
        broken.push(`${target} (no such file)`);
        continue;
      }
      if (anchor && resolved.endsWith(".md") && !anchorsOf(readFileSync(resolved, "utf8")).has(anchor)) {
        broken.push(`${target} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("computes GitHub's anchors for the headings it checks", () => {
    const anchors = anchorsOf(
      "# The API in five calls\n## `GET /v1/scores`\n## Scores: rollup grains\n## Scores: rollup grains\n",
    );
    expect([...anchors]).toEqual([
      "the-api-in-five-calls",
      "get-v1scores",
      "scores-rollup-grains",
      "scores-rollup-grains-1",
    ]);
  });
});

describe("the README", () => {
  it(`is a front door: at most ${README_LIMIT} bytes`, () => {
    expect(statSync(path.join(root, "README.md")).size).toBeLessThanOrEqual(README_LIMIT);
  });
});

describe("no document outside the repository", () => {
  const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" })
    .split("\0")
    .filter((file) => file && existsSync(path.join(root, file)))
    .filter((file) => !/\.(png|jpe?g|gif|ico|woff2?)$/.test(file) && file !== "package-lock.json")
    // This file names what it looks for.
    .filter((file) => file !== "test/static/docs.test.ts");
  const designDoc = ["DESIGN", "md"].join(".");

  it("no tracked file names the design document the reference replaced", () => {
    const offenders = tracked.filter((file) => readFileSync(path.join(root, file), "utf8").includes(designDoc));
    expect(offenders).toEqual([]);
  });

  it("every `../shared` path stays inside the repository and exists", () => {
    const offenders: string[] = [];
    for (const file of tracked) {
      const text = readFileSync(path.join(root, file), "utf8");
      for (const match of text.matchAll(/(?:\.\.\/)+shared\b/g)) {
        const resolved = path.resolve(path.dirname(path.join(root, file)), match[0]);
        if (!resolved.startsWith(`${root}${path.sep}`) || !existsSync(resolved)) offenders.push(`${file}: ${match[0]}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

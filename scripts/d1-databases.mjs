// The D1 databases of wrangler.toml (the directory `DB` first, then the shards), read from its
// `[[d1_databases]]` tables, so scripts follow the configuration: adding a shard is a
// wrangler.toml change only.
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * @param {string} root the project directory
 * @returns {{ binding: string, name: string }[]}
 */
export function d1Databases(root) {
  const toml = readFileSync(path.join(root, "wrangler.toml"), "utf8");
  const blocks = toml.split(/^\[\[d1_databases\]\]\s*$/m).slice(1);
  const databases = blocks.map((block) => {
    const body = block.split(/^\[/m)[0] ?? "";
    const field = (key) => new RegExp(`^${key}\\s*=\\s*"([^"]+)"`, "m").exec(body)?.[1];
    const binding = field("binding");
    const name = field("database_name");
    if (!binding || !name) throw new Error("a [[d1_databases]] entry of wrangler.toml lacks binding or database_name");
    return { binding, name };
  });
  // The directory first: a workspace is created on its shard before the directory names it.
  return databases.sort((a, b) => Number(b.binding === "DB") - Number(a.binding === "DB"));
}

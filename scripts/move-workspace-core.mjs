// Moving one workspace between shards: the export/import behind scripts/move-workspace.mjs,
// written against a small executor so the same steps run through wrangler (the script) and
// against the test Worker's D1 bindings (test/worker/move-workspace.test.ts).
//
// An executor is { all(sql) → Promise<rows[]>, run(sqls[]) → Promise<void> } where run applies
// its statements as one D1 batch. Values are written as SQL literals (wrangler's --command
// cannot bind parameters); ids and text are quoted, numbers kept as they are.

/** Kept in the directory only: a shard never holds API keys. */
const DIRECTORY_ONLY = new Set(["api_keys"]);

export const literal = (v) =>
  v === null || v === undefined
    ? "NULL"
    : typeof v === "number" || typeof v === "bigint"
      ? String(v)
      : `'${String(v).replace(/'/g, "''")}'`;

/**
 * The tables the triggers insert into (the score rollups): rebuilt as the base rows arrive, so
 * never copied (that would count every answer twice).
 */
export async function rebuiltByTriggers(db) {
  const triggers = await db.all("SELECT sql FROM sqlite_master WHERE type = 'trigger'");
  const tables = new Set();
  for (const { sql } of triggers) {
    for (const m of String(sql).matchAll(/INSERT\s+(?:OR\s+\w+\s+)?INTO\s+"?(\w+)"?/gi)) tables.add(m[1]);
  }
  return tables;
}

/** The tables holding a workspace's rows, parents before children (foreign keys), `workspaces` first. */
export async function workspaceTables(db) {
  const tables = (
    await db.all(
      "SELECT m.name AS name FROM sqlite_master m WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND m.name NOT LIKE '\\_cf\\_%' ESCAPE '\\' AND m.name NOT LIKE 'd1\\_%' ESCAPE '\\' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'workspace_id') ORDER BY m.name",
    )
  ).map((r) => r.name);
  const parents = new Map();
  for (const t of tables) {
    const fks = await db.all(`SELECT "table" AS parent FROM pragma_foreign_key_list('${t}')`);
    parents.set(t, new Set(fks.map((f) => f.parent).filter((p) => p !== t && tables.includes(p))));
  }
  const ordered = [];
  const visit = (t) => {
    if (ordered.includes(t)) return;
    for (const p of parents.get(t) ?? []) visit(p);
    ordered.push(t);
  };
  for (const t of tables) visit(t);
  return ["workspaces", ...ordered];
}

const whereOf = (table, id) => (table === "workspaces" ? `id = ${literal(id)}` : `workspace_id = ${literal(id)}`);

/**
 * Rows per table of a workspace on a shard. The rollups are left out: deleted answers leave
 * zeroed rows behind on the source that a rebuild never writes (the test compares what the
 * API reads instead).
 */
export async function census(db, tables, workspaceId, rebuilt = new Set()) {
  const out = {};
  for (const t of tables) {
    if (DIRECTORY_ONLY.has(t) || rebuilt.has(t)) continue;
    const [row] = await db.all(`SELECT count(*) AS n FROM "${t}" WHERE ${whereOf(t, workspaceId)}`);
    out[t] = Number(row?.n ?? 0);
  }
  return out;
}

/**
 * Moves `workspaceId` from its shard to `to`:
 *   1. freeze: the directory names the shard `moving:<to>`, which the resolver answers 503 with
 *      Retry-After; then `wait()` outlasts the isolates' placement cache (SHARD_CACHE_MS);
 *   2. export every row of the workspace from the source, import it on the target in foreign-key
 *      order (the triggers rebuild the rollups), and compare rows per table;
 *   3. point the directory at the target, then delete the rows on the source (never the
 *      directory's own workspace row and keys when the source is the directory).
 * A failure before step 3 puts the directory back and leaves the source untouched.
 *
 * @param {{ workspaceId: string, to: string, directory: Executor, shards: Record<string, Executor>,
 *   wait?: () => Promise<void>, log?: (line: string) => void, batchSize?: number }} options
 */
export async function moveWorkspace({
  workspaceId,
  to,
  directory,
  shards,
  wait = async () => {},
  log = () => {},
  batchSize = 50,
}) {
  const [entry] = await directory.all(`SELECT shard FROM workspaces WHERE id = ${literal(workspaceId)}`);
  if (!entry) throw new Error(`the directory has no workspace ${workspaceId}`);
  const from = entry.shard;
  if (from === to) throw new Error(`${workspaceId} is already on ${to}`);
  const source = shards[from];
  const target = shards[to];
  if (!source) throw new Error(`the source shard ${from} is not known here`);
  if (!target) throw new Error(`the target shard ${to} is not known here`);
  const tables = await workspaceTables(source);
  const rebuilt = await rebuiltByTriggers(source);
  const onTarget = await census(target, tables, workspaceId, rebuilt);
  const targetHoldsRows = Object.entries(onTarget).some(([t, n]) => t !== "workspaces" && n > 0);
  if (targetHoldsRows) throw new Error(`${to} already holds rows of ${workspaceId}: clean it first`);

  const setShard = (shard) =>
    directory.run([`UPDATE workspaces SET shard = ${literal(shard)} WHERE id = ${literal(workspaceId)}`]);
  log(`› freezing ${workspaceId} (503 until the move ends)`);
  await setShard(`moving:${to}`);
  try {
    await wait();
    for (const table of tables) {
      if (DIRECTORY_ONLY.has(table) || rebuilt.has(table)) continue;
      const rows = await source.all(`SELECT * FROM "${table}" WHERE ${whereOf(table, workspaceId)} ORDER BY rowid`);
      log(`› ${table}: ${rows.length} rows`);
      const statements = rows.map((row) => {
        const columns = Object.keys(row);
        const values = columns.map((c) => literal(row[c])).join(", ");
        const names = columns.map((c) => `"${c}"`).join(", ");
        // The directory keeps its own row of the workspace: the shard's settings are copied onto it.
        const update = columns
          .filter((c) => c !== "id" && c !== "shard")
          .map((c) => `"${c}" = excluded."${c}"`)
          .join(", ");
        return table === "workspaces"
          ? `INSERT INTO workspaces (${names}) VALUES (${values}) ON CONFLICT(id) DO UPDATE SET ${update}`
          : `INSERT INTO "${table}" (${names}) VALUES (${values})`;
      });
      for (let i = 0; i < statements.length; i += batchSize) await target.run(statements.slice(i, i + batchSize));
    }
    const before = await census(source, tables, workspaceId, rebuilt);
    const after = await census(target, tables, workspaceId, rebuilt);
    for (const key of Object.keys(before)) {
      if (String(before[key]) !== String(after[key])) {
        throw new Error(`${key} differs after the copy: ${before[key]} on ${from}, ${after[key]} on ${to}`);
      }
    }
  } catch (err) {
    await setShard(from);
    throw err;
  }
  await setShard(to);
  log(`› ${workspaceId} now reads and writes ${to}; deleting its rows on ${from}`);
  const isDirectory = from === "DB";
  // Children first; the rollups last, as deleting answers makes their triggers write to them.
  const deletions = [...tables]
    .reverse()
    .filter((t) => !DIRECTORY_ONLY.has(t) && !rebuilt.has(t) && !(isDirectory && t === "workspaces"))
    .concat([...rebuilt].filter((t) => tables.includes(t)))
    .map((t) => `DELETE FROM "${t}" WHERE ${whereOf(t, workspaceId)}`);
  await source.run(deletions);
  return { from, to };
}

/** Types of scripts/move-workspace-core.mjs, for its test. */

export interface Executor {
  all(sql: string): Promise<Record<string, unknown>[]>;
  run(sqls: string[]): Promise<void>;
}

export declare function literal(value: unknown): string;
export declare function workspaceTables(db: Executor): Promise<string[]>;
export declare function rebuiltByTriggers(db: Executor): Promise<Set<string>>;
export declare function census(
  db: Executor,
  tables: string[],
  workspaceId: string,
  rebuilt?: Set<string>,
): Promise<Record<string, number>>;
export declare function moveWorkspace(options: {
  workspaceId: string;
  to: string;
  directory: Executor;
  shards: Record<string, Executor>;
  wait?: () => Promise<void>;
  log?: (line: string) => void;
  batchSize?: number;
}): Promise<{ from: string; to: string }>;

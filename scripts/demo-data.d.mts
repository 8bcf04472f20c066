/** Types of scripts/demo-data.mjs, for the tests that apply the demo SQL to D1. */

export declare const DEMO_WORKSPACE_ID: "ws_demo";
export declare const DEMO_TIMEZONE: "Europe/Paris";
export declare const DEMO_SURVEYS: { csat: string; nps: string; ces: string };

export declare function prng(seed: number): () => number;
export declare function localDay(ms: number, timeZone: string): string;

export interface DemoChunk {
  label: string;
  /** One SQL statement each, in order. */
  statements: string[];
  /** The statements joined, as written to a file for `wrangler d1 execute`. */
  sql: string;
}

export declare function generateDemoSql(options: { now: number; apiKey: string; seed?: number }): Promise<{
  chunks: DemoChunk[];
  stats: Record<"customers" | "interactions" | "responses" | "comments" | "orders", number>;
}>;

/** Types of scripts/seed-demo.mjs, for the browser tests' setup. */

export declare function newDemoApiKey(): string;

export declare function countWorkspaces(options?: { root?: string; persistTo?: string }): {
  workspaces: number;
  demo: boolean;
};

export declare function seedDemo(options?: {
  root?: string;
  persistTo?: string;
  apiKey?: string;
  now?: number;
  log?: (line: string) => void;
}): Promise<{ seeded: boolean; demoExists: boolean; apiKey: string | null; stats?: Record<string, number> }>;

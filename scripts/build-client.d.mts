/** Types of scripts/build-client.mjs, for its test. */

export declare const ENTRIES: Record<string, string>;

export declare function buildClient(options?: {
  dist?: string;
  entries?: Record<string, string>;
  app?: string;
}): Promise<void>;

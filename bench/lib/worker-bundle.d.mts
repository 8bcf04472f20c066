/** Types of bench/lib/worker-bundle.mjs, for test/static/worker-bundle.test.ts. */

export declare const WORKER_BUNDLE_BUDGET_KB: number;

export declare function buildWorkerBundle(outdir: string, extra?: string[]): { raw: number; gzip: number };

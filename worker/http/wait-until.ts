import type { Context } from "hono";

/**
 * The request's ExecutionContext, or undefined where there is none (the app
 * called as `app.fetch(request, env)` in a test): Hono's getter throws then.
 */
export function waitUntilOf(c: Context): { waitUntil(promise: Promise<unknown>): void } | undefined {
  try {
    return c.executionCtx;
  } catch {
    return undefined;
  }
}

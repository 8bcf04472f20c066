import type { MiddlewareHandler } from "hono";

/**
 * Headers for every response. Tokens travel in survey URLs, so no Referer may
 * carry them elsewhere. HTML pages add their own Content-Security-Policy.
 */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.header("X-Content-Type-Options", "nosniff");
  c.header("Referrer-Policy", "no-referrer");
};

/** The CSP of the Worker's own pages: scripts and styles from this origin only. */
export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

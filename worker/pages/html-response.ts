import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { PAGE_CSP } from "../http/security-headers";

/**
 * A server-rendered page. Its CSP allows only this origin's scripts and
 * styles (none inline), and it is never cached: it carries a personal token.
 * X-Content-Type-Options and Referrer-Policy come from the global middleware.
 */
export function htmlResponse(page: VNode<any>, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(`<!doctype html>${renderToString(page)}`, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": PAGE_CSP,
      "Cache-Control": "no-store",
      ...headers,
    },
  });
}

import { Hono } from "hono";
import type { AppEnv } from "../env";
import { assetUrl } from "../http/asset-url";
import { PAGE_CSP } from "../http/security-headers";

/**
 * The HTML shell of a client-rendered page: the stylesheet and the bundle, both
 * static assets with content-hashed names (worker/http/asset-url.ts), under a strict CSP (no inline script or style). The
 * page's own script fills `#app`; the noscript text says why nothing shows.
 * The empty data: icon spares browsers a /favicon.ico round trip that would 404.
 */
export function pageShell(page: { title: string; script: string; noscript: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${page.title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assetUrl("/assets/dashboard.css")}">
<script src="${assetUrl(page.script)}" defer></script>
</head>
<body>
<div id="app"><noscript><p class="noscript">${page.noscript}</p></noscript></div>
</body>
</html>
`;
}

const DASHBOARD_HTML = pageShell({
  title: "Aftercare — support dashboard",
  script: "/assets/dashboard.js",
  noscript: "The dashboard needs JavaScript. The same figures are available from the API: see /docs.",
});

const DOCS_HTML = pageShell({
  title: "Aftercare API reference",
  script: "/assets/docs.js",
  noscript: "This reference needs JavaScript to render. The raw OpenAPI 3.1 document is at /openapi.json.",
});

function html(body: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": PAGE_CSP,
      // The shell names versioned assets, so it must be revalidated to pick up a new build.
      "Cache-Control": "no-cache",
    },
  });
}

/** GET /dashboard (the CX managers' page) and GET /docs (the API reference rendered from /openapi.json). */
export const dashboardRoutes = new Hono<AppEnv>()
  .get("/dashboard", () => html(DASHBOARD_HTML))
  .get("/docs", () => html(DOCS_HTML));

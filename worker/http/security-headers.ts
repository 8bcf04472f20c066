import { secureHeaders } from "hono/secure-headers";

/**
 * Headers for every response (Hono's secure-headers, limited to the two we mean). Tokens travel in
 * survey URLs, so no Referer may carry them elsewhere. HTML pages add their own
 * Content-Security-Policy (`PAGE_CSP`). The middleware's other defaults stay off on purpose, so
 * answers keep exactly the headers they had: the widget's data is read from shops' pages (a
 * `Cross-Origin-Resource-Policy: same-origin` has no place there), and framing is already
 * governed by the pages' `frame-ancestors 'none'`.
 */
export const securityHeaders = secureHeaders({
  xContentTypeOptions: true,
  referrerPolicy: true, // no-referrer
  crossOriginEmbedderPolicy: false,
  crossOriginResourcePolicy: false,
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  strictTransportSecurity: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xFrameOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
  removePoweredBy: false,
});

/** The CSP of the Worker's own pages: scripts and styles from this origin only. */
export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

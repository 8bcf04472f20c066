/**
 * Which URLs a webhook endpoint may point at. The Worker POSTs to them on the
 * customer's behalf, so anything that could reach an internal service (SSRF)
 * is refused: plain http, IP literals, single-label and reserved internal
 * names, credentials in the URL, ports other than 443. Only when the Worker
 * runs locally (`ALLOW_LOCAL_WEBHOOKS=on`, set by `npm start`) may a developer
 * use `http://127.0.0.1` or `http://localhost`, on any port. Pure.
 */
export function checkEndpointUrl(raw: string, allowLocal: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Not a URL";
  }
  if (url.username || url.password) return "A URL may not carry credentials; use the signing secret";
  // `localhost.` is the fully qualified spelling of `localhost`: judge the name without its final dots.
  const host = url.hostname.toLowerCase().replace(/\.+$/, "");
  const local = host === "127.0.0.1" || host === "localhost" || host === "[::1]";
  if (allowLocal && local && (url.protocol === "http:" || url.protocol === "https:")) return null;
  if (url.protocol !== "https:") {
    return allowLocal ? "Use https (or http://127.0.0.1 / http://localhost locally)" : "Use https";
  }
  if (url.port && url.port !== "443") return "Use the default https port";
  if (isIpLiteral(host)) return "Use a host name, not an IP address";
  if (!host.includes(".")) return "Use a public host name";
  if (/\.(localhost|local|internal|intranet|lan|home\.arpa|corp)$/.test(host)) return "Use a public host name";
  return null;
}

function isIpLiteral(host: string): boolean {
  if (host.startsWith("[")) return true;
  // WHATWG URL parsing already turns 0x7f.1, 2130706433 and friends into dotted quads.
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
}

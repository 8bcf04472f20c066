/**
 * Test-side signers: build requests exactly as each tool sends them, so the
 * receivers are checked against the documented schemes, not against themselves.
 */
import { Webhook } from "standardwebhooks";
import { call, type TestWorkspace } from "./helpers";

export const STANDARD_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
export const PLAIN_SECRET = "shpss_0123456789abcdef0123456789abcdef";
export const SHARED_SECRET = "aftercare-shared-secret-0123456789";

async function hmac(hash: "SHA-1" | "SHA-256", key: string, message: Uint8Array<ArrayBuffer>) {
  const k = await crypto.subtle.importKey("raw", new TextEncoder().encode(key), { name: "HMAC", hash }, false, [
    "sign",
  ]);
  return new Uint8Array(await crypto.subtle.sign("HMAC", k, message));
}
const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
const utf8 = (text: string) => new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;

let seq = 0;
export const uniqueId = (prefix = "msg") => `${prefix}_${Date.now().toString(36)}_${++seq}`;

export async function setIntegration(ws: TestWorkspace, source: string, secret: string) {
  const res = await call("PUT", `/v1/integrations/${source}`, { key: ws.key, body: { secret } });
  if (res.status !== 201 && res.status !== 200) throw new Error(`integration: ${res.status} ${res.text}`);
}

export interface Sent {
  status: number;
  body: any;
}

/** Posts a raw body with headers to a workspace's receiver. */
export async function post(ws: TestWorkspace, source: string, body: string, headers: Record<string, string>) {
  const res = await call("POST", `/v1/hooks/${ws.id}/${source}`, {
    raw: body,
    headers: { "content-type": "application/json", ...headers },
  });
  return { status: res.status, body: res.body } as Sent;
}

/** Standard Webhooks headers, signed with the reference library. */
export function standardHeaders(body: string, opts: { id?: string; at?: Date; secret?: string } = {}) {
  const id = opts.id ?? uniqueId();
  const at = opts.at ?? new Date();
  const signature = new Webhook(opts.secret ?? STANDARD_SECRET).sign(id, at, body);
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signature,
  };
}

export function sendStandard(ws: TestWorkspace, event: unknown, opts: { id?: string; at?: Date } = {}) {
  const body = JSON.stringify(event);
  return post(ws, "standard", body, standardHeaders(body, opts));
}

export async function shopifyHeaders(body: string, topic: string, opts: { id?: string; secret?: string } = {}) {
  return {
    "x-shopify-topic": topic,
    "x-shopify-webhook-id": opts.id ?? uniqueId("shw"),
    "x-shopify-hmac-sha256": b64(await hmac("SHA-256", opts.secret ?? PLAIN_SECRET, utf8(body))),
  };
}

export async function zendeskHeaders(body: string, opts: { at?: Date; secret?: string; invocation?: string } = {}) {
  const timestamp = (opts.at ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
  return {
    "x-zendesk-webhook-signature-timestamp": timestamp,
    "x-zendesk-webhook-signature": b64(await hmac("SHA-256", opts.secret ?? PLAIN_SECRET, utf8(timestamp + body))),
    "x-zendesk-webhook-invocation-id": opts.invocation ?? uniqueId("inv"),
  };
}

export async function helpscoutHeaders(body: string, opts: { secret?: string; event?: string } = {}) {
  return {
    "x-helpscout-event": opts.event ?? "convo.status",
    "x-helpscout-signature": b64(await hmac("SHA-1", opts.secret ?? "helpscout-secret-40", utf8(body))),
  };
}

export async function intercomHeaders(body: string, opts: { secret?: string } = {}) {
  return { "x-hub-signature": `sha1=${hex(await hmac("SHA-1", opts.secret ?? PLAIN_SECRET, utf8(body)))}` };
}

export async function woocommerceHeaders(body: string, topic: string, opts: { secret?: string; id?: string } = {}) {
  return {
    "x-wc-webhook-topic": topic,
    "x-wc-webhook-delivery-id": opts.id ?? uniqueId("wc"),
    "x-wc-webhook-signature": b64(await hmac("SHA-256", opts.secret ?? PLAIN_SECRET, utf8(body))),
  };
}

export const sharedSecretHeaders = (secret = SHARED_SECRET) => ({ "x-aftercare-secret": secret });

/** `GET /v1/repurchase` with query parameters. */
export async function repurchase(ws: TestWorkspace, query: Record<string, string | number> = {}) {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  const res = await call("GET", `/v1/repurchase${qs ? `?${qs}` : ""}`, { key: ws.key });
  if (res.status !== 200) throw new Error(`repurchase: ${res.status} ${res.text}`);
  return res.body;
}

export const DAY = 86_400_000;
export const iso = (ms: number) => new Date(ms).toISOString();

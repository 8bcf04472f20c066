import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { ApiError } from "./errors";

/** The contract's body limit: 64 KB. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Webhook receivers' limit: real orders run larger (an 80-line Shopify order is ~84 KB), still bounded. */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

const JSON_TYPE = /^application\/(?:[\w.+-]*\+)?json\s*(?:;|$)/i;

/**
 * Reads a request body once, with the size limit, and returns it as text
 * (HTML form posts, outside Hono's JSON pipeline). A declared Content-Length
 * over the limit is refused before reading.
 */
export async function readLimitedText(req: Request): Promise<string> {
  return new TextDecoder().decode(await readLimitedBytes(req));
}

/** Reads a request body once, with the size limit, as the exact bytes sent. */
async function readLimitedBytes(req: Request): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return all;
}

const tooLarge = (limit = MAX_BODY_BYTES) => new ApiError(413, "body_too_large", `The body is over ${limit} bytes`);

/** Hono's body limit, answering the contract's 413 JSON error. */
const limitTo = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw tooLarge(maxSize);
    },
  });

const apiBodyLimit = limitTo(MAX_BODY_BYTES);

/** For the webhook receivers: 413 over 1 MB, the raw bytes left for signature checks. */
export const webhookBodyLimit: MiddlewareHandler = limitTo(MAX_WEBHOOK_BODY_BYTES);

/** Imports (`POST /v1/responses/import`): up to 1000 answers as JSON or CSV, 413 over 1 MB. */
export const importBodyLimit: MiddlewareHandler = limitTo(MAX_WEBHOOK_BODY_BYTES);

/** Parses JSON text, or answers 400 with the parser's complaint. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ApiError(400, "malformed_json", `The body is not valid JSON: ${(e as Error).message}`);
  }
}

/**
 * For JSON API routes: 415 unless the body is declared JSON, 413 over the limit,
 * 400 if it does not parse. The parsed value is left where Hono's validators
 * look for it, so the route's zod schema then answers 422 for wrong fields.
 */
export const jsonBody: MiddlewareHandler = async (c, next) => {
  const method = c.req.method;
  if (method !== "POST" && method !== "PUT" && method !== "PATCH") return next();
  const type = c.req.header("content-type") ?? "";
  if (!JSON_TYPE.test(type)) {
    throw new ApiError(415, "unsupported_media_type", "Send the body as application/json");
  }
  return apiBodyLimit(c, async () => {
    // `c.req.text()` keeps the text in Hono's own body cache, where its validators read it again.
    parseJson(await c.req.text());
    await next();
  });
};

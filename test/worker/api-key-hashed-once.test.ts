import { afterEach, describe, expect, it, vi } from "vitest";
import { call, createWorkspace } from "../support/worker/helpers";

// The resolver hashes the presented API key to find its owner in the directory; the scope check
// reuses that hash instead of hashing the key again. What a key may do is unchanged.

afterEach(() => vi.restoreAllMocks());

/** How many times SHA-256 ran over exactly `text`'s bytes during `work`. */
async function digestsOf(text: string, work: () => Promise<unknown>): Promise<number> {
  const wanted = new TextEncoder().encode(text);
  const digest = crypto.subtle.digest.bind(crypto.subtle);
  let count = 0;
  vi.spyOn(crypto.subtle, "digest").mockImplementation(async (algorithm, data) => {
    const bytes = new Uint8Array(
      ArrayBuffer.isView(data) ? data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) : data,
    );
    if (bytes.length === wanted.length && bytes.every((b, i) => b === wanted[i])) count++;
    return digest(algorithm, data);
  });
  await work();
  vi.restoreAllMocks();
  return count;
}

describe("an API key", () => {
  it("is hashed once per request", async () => {
    const ws = await createWorkspace();
    const n = await digestsOf(ws.key, async () => {
      expect((await call("GET", "/v1/surveys", { key: ws.key })).status).toBe(200);
    });
    expect(n).toBe(1);
  });

  it("opens what its scopes allow and nothing else, as before", async () => {
    const ws = await createWorkspace();
    const made = await call("POST", "/v1/api-keys", { key: ws.key, body: { name: "reader", scopes: ["read"] } });
    expect(made.status).toBe(201);
    const reader = made.body.api_key as string;
    expect((await call("GET", "/v1/responses", { key: reader })).status).toBe(200);
    const forbidden = await call("POST", "/v1/api-keys", { key: reader, body: { name: "x", scopes: ["read"] } });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe("forbidden");

    for (const key of [undefined, "ak_not-a-key", `${reader}x`, reader.replace(/^ak_/, "")]) {
      const res = await call("GET", "/v1/responses", key ? { key } : {});
      expect(res.status, String(key)).toBe(401);
      expect(res.body.error.code).toBe("unauthorized");
    }

    expect((await call("DELETE", `/v1/api-keys/${made.body.id}`, { key: ws.key })).status).toBe(200);
    const revoked = await call("GET", "/v1/responses", { key: reader });
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe("unauthorized");
  });
});

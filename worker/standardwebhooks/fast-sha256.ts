/**
 * What the Worker bundle gets for `fast-sha256` (wrangler.toml `[alias]`), which
 * standardwebhooks calls synchronously as `sha256.hmac(key, data)` to sign and
 * verify: the runtime's own HMAC-SHA256 (node:crypto, `nodejs_compat`) in place
 * of a pure-JS SHA-256 (6 KB minified). Same bytes out:
 * test/worker/fast-sha256-alias.test.ts compares the two.
 */
import { createHmac } from "node:crypto";

export function hmac(key: Uint8Array, data: Uint8Array): Uint8Array {
  return new Uint8Array(createHmac("sha256", key).update(data).digest());
}

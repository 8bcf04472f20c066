import { env } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createApp } from "../../worker/app";
import {
  MIN_SECRET_LENGTH,
  parseSigningKeys,
  signInvitation,
  verifyInvitation,
} from "../../worker/auth/invitation-token";
import { call, createWorkspace, invite } from "../support/worker/helpers";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const claims = { workspaceId: "ws_1", surveyId: "srv_1", ticketId: "T-1", expiresAt: 4_000_000_000 };

describe("SIGNING_KEYS is refused unless every entry is kid:secret", () => {
  it("refuses a bare 16–17 character secret instead of reading kid = secret minus one character", () => {
    for (const bare of ["abcdefghijklmnop", "abcdefghijklmnopq", "x".repeat(40)]) {
      expect(() => parseSigningKeys(bare)).toThrow(/entry 1 of 1 has no key id: write it as kid:secret/);
      try {
        parseSigningKeys(bare);
      } catch (error) {
        expect((error as Error).message).not.toContain(bare.slice(0, 8));
      }
    }
  });

  it("refuses a bad key id, a short secret, a duplicate id and an empty entry, naming the entry", () => {
    const secret = "s".repeat(MIN_SECRET_LENGTH);
    expect(() => parseSigningKeys(`k 1:${secret}`)).toThrow(/entry 1 of 1: the key id must be/);
    expect(() => parseSigningKeys(`:${secret}`)).toThrow(/key id must be/);
    expect(() => parseSigningKeys(`${"k".repeat(17)}:${secret}`)).toThrow(/key id must be/);
    expect(() => parseSigningKeys(`k1:${secret.slice(1)}`)).toThrow(/secret must be 32\+ characters/);
    expect(() => parseSigningKeys(`k1:${secret},k1:${secret}x`)).toThrow(/names key id k1 twice/);
    expect(() => parseSigningKeys(`k1:${secret},,k2:${secret}`)).toThrow(/entry 2 of 3 has no key id/);
    expect(() => parseSigningKeys(`k1:${secret},k2:short`)).toThrow(/entry 2 of 2 \(key id k2\)/);
    expect(() => parseSigningKeys("")).toThrow(/SIGNING_KEYS is not set/);
    expect(parseSigningKeys(`k2:${secret}2, k1:${secret}1`).map((k) => k.id)).toEqual(["k2", "k1"]);
  });

  it("no token ever carries part of a secret written without a key id (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[A-Za-z0-9+/=]{16,48}$/), async (bare) => {
        const signed = await signInvitation(claims, bare).catch(() => null);
        expect(signed).toBeNull();
      }),
      { numRuns: 50 },
    );
  });

  it("the Worker refuses every request with a clear message while SIGNING_KEYS is malformed", async () => {
    const app = createApp();
    const bare = "abcdefghijklmnopq";
    for (const path of ["/healthz", "/v1/invitations"]) {
      const res = await app.fetch(new Request(`https://aftercare.test${path}`), { ...env, SIGNING_KEYS: bare });
      expect(res.status).toBe(500);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("misconfigured");
      expect(body.error.message).toMatch(/SIGNING_KEYS entry 1 of 1 has no key id/);
      expect(body.error.message).not.toContain("abcdefghijklmno");
    }
    const fine = await app.fetch(new Request("https://aftercare.test/healthz"), env);
    expect(fine.status).toBe(200);
  });
});

describe("a token has exactly one valid spelling", () => {
  it("refuses padding, the standard alphabet, case changes and stray bits in the last character", async () => {
    const ws = await createWorkspace();
    const { token } = await invite(ws, { ticket_id: "T-SPELL" });
    expect((await verifyInvitation(token, env.SIGNING_KEYS)).ok).toBe(true);
    const [kid, payload, mac] = token.split(".") as [string, string, string];
    const last = ALPHABET.indexOf(mac.at(-1)!);
    const variants = [
      // The MAC's last character holds 4 bits and 2 unused ones: three other spellings of the same bytes.
      ...[1, 2, 3].map((flip) => `${kid}.${payload}.${mac.slice(0, -1)}${ALPHABET[last ^ flip]}`),
      `${kid}.${payload}.${mac}=`,
      `${kid}.${payload}=.${mac}`,
      `${kid.toUpperCase()}.${payload}.${mac}`,
      `${kid}.${payload}.${mac.replace(/-/g, "+").replace(/_/g, "/")}`,
      `${kid}.${payload.replace(/[a-z]/, (ch) => ch.toUpperCase())}.${mac}`,
      `${kid}.${payload}.${mac.replace(/[a-z]/, (ch) => ch.toUpperCase())}`,
      ` ${token}`,
      `${token}.`,
    ].filter((variant) => variant !== token);
    expect(variants.length).toBeGreaterThanOrEqual(10);
    for (const variant of variants) {
      expect([variant, (await verifyInvitation(variant, env.SIGNING_KEYS)).ok]).toEqual([variant, false]);
      const page = await call("GET", `/s/${encodeURIComponent(variant)}/survey.json`);
      expect([variant, page.status]).toEqual([variant, 401]);
    }
  });
});

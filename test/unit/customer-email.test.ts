import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeEmail } from "../../worker/domain/customer-email";

describe("the normalized e-mail", () => {
  it("is trimmed and lower-cased", () => {
    expect(normalizeEmail("  Jeanne.Martin@Example.FR ")).toBe("jeanne.martin@example.fr");
  });

  it("is one address whether an accent is typed precomposed or combining", () => {
    // The orders of a shop and the tickets of a support tool may spell the same address in
    // either Unicode form; an erasure typed in one must find the other.
    expect(normalizeEmail("Jose\u0301@Soci\u0065\u0301te\u0301.fr")).toBe(normalizeEmail("josé@société.fr"));
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(normalizeEmail(text.normalize("NFD"))).toBe(normalizeEmail(text.normalize("NFC")));
      }),
    );
  });
});

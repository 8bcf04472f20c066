import { describe, expect, it } from "vitest";
import { pickLocale } from "../../widget/survey-ui/locale";
import { fetchWithRetry, HttpError } from "../../widget/survey-ui/transport";

/** A fetch that plays a script of outcomes: a status, or "down" for a network failure. */
function scripted(outcomes: (number | "down" | [number, string])[]) {
  const calls: string[] = [];
  const fake = (async (url: string) => {
    calls.push(url);
    const next = outcomes.shift() ?? 200;
    if (next === "down") throw new TypeError("Failed to fetch");
    const [status, retryAfter] = Array.isArray(next) ? next : [next, undefined];
    return new Response(status === 204 ? null : "{}", {
      status,
      headers: retryAfter ? { "retry-after": retryAfter } : {},
    });
  }) as unknown as typeof fetch;
  return { fake, calls };
}

function recorder() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

describe("fetchWithRetry", () => {
  it("retries network failures, 5xx and 429 until one succeeds", async () => {
    const { fake, calls } = scripted(["down", 503, 429, 201]);
    const { waits, sleep } = recorder();
    const res = await fetchWithRetry("https://a.test/v1/responses", {}, { fetch: fake, sleep, random: () => 1 });
    expect(res.status).toBe(201);
    expect(calls).toHaveLength(4);
    expect(waits).toEqual([500, 1000, 2000]);
  });

  it("waits as long as Retry-After asks, within the ceiling", async () => {
    const { fake } = scripted([[429, "3"], [503, "600"], 200]);
    const { waits, sleep } = recorder();
    await fetchWithRetry("u", {}, { fetch: fake, sleep, maxDelayMs: 30_000 });
    expect(waits).toEqual([3000, 30_000]);
  });

  it("backs off exponentially with jitter between half and all of each step", async () => {
    const { fake } = scripted(["down", "down", "down", 200]);
    const { waits, sleep } = recorder();
    await fetchWithRetry("u", {}, { fetch: fake, sleep, random: () => 0 });
    expect(waits).toEqual([250, 500, 1000]);
  });

  it("fails at once on a client error: retrying a 422 or a 401 cannot help", async () => {
    for (const status of [400, 401, 404, 422]) {
      const { fake, calls } = scripted([status]);
      const error = await fetchWithRetry("u", {}, { fetch: fake, sleep: async () => {} }).catch((e) => e);
      expect(error).toBeInstanceOf(HttpError);
      expect(error.status).toBe(status);
      expect(calls).toHaveLength(1);
    }
  });

  it("gives up after the last attempt, with status 0 when the network never answered", async () => {
    const { fake, calls } = scripted(["down", "down", "down"]);
    const error = await fetchWithRetry("u", {}, { fetch: fake, sleep: async () => {}, attempts: 3 }).catch((e) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(0);
    expect(calls).toHaveLength(3);
  });
});

describe("pickLocale", () => {
  it("takes the first French or English tag, in the order given", () => {
    expect(pickLocale("fr", "en", "en-US")).toBe("fr");
    expect(pickLocale(undefined, "fr-CA", "en-US")).toBe("fr");
    expect(pickLocale("", "de", "fr_FR")).toBe("fr");
    expect(pickLocale("EN-gb", "fr")).toBe("en");
    expect(pickLocale("de", "es", "it")).toBe("en");
    expect(pickLocale("fresh", "english", null)).toBe("en");
  });
});

/**
 * Property-based tests over query strings, path parameters and headers: the
 * keyed read routes, the webhook receivers and the public survey pages.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { SOURCE_NAMES } from "../../worker/hooks/sources";
import {
  checkInvariants,
  nastyString,
  seedTenants,
  snapshot,
  type Tenants,
  tenantSnapshot,
} from "../support/worker/fuzz";

const ORIGIN = "https://aftercare.test";
let t: Tenants;
let aBefore: string;

beforeAll(async () => {
  t = await seedTenants();
  aBefore = await tenantSnapshot(t.a.id);
});

/** Percent-encoding of any string; lone surrogates (which encodeURIComponent refuses) become U+FFFD. */
const encode = (s: string) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/gu, "\uFFFD"));

/** A path segment or query value, percent-encoded the way a client would send it. */
const segment = fc.oneof(
  { weight: 3, arbitrary: nastyString.map(encode) },
  { weight: 1, arbitrary: fc.constantFrom("%", "%zz", "%E0%A4%A", "..%2F..", "%00", "a%2Fb") },
);
const day = fc.oneof(
  fc
    .date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  nastyString,
);

const queryValue = (name: string): fc.Arbitrary<string> => {
  switch (name) {
    case "from":
    case "to":
      return day;
    case "metric":
      return fc.oneof(fc.constantFrom("nps", "csat", "ces"), nastyString);
    case "group_by":
      return fc.oneof(
        fc.constantFrom(
          "channel",
          "request_type",
          "agent",
          "team",
          "survey",
          "day",
          "week",
          "month",
          "nps_category",
          "csat_category",
        ),
        nastyString,
      );
    case "limit":
    case "min":
    case "max":
    case "window_days":
      return fc.oneof(fc.integer({ min: -5, max: 2000 }).map(String), nastyString);
    default:
      return nastyString;
  }
};
const QUERY_NAMES = [
  "metric",
  "from",
  "to",
  "group_by",
  "channel",
  "request_type",
  "agent",
  "team",
  "survey_id",
  "min",
  "max",
  "limit",
  "cursor",
  "window_days",
  "as_of",
  "email",
  "id",
  "week",
  "x",
];
const query = fc
  .array(
    fc.constantFrom(...QUERY_NAMES).chain((n) => fc.tuple(fc.constant(n), queryValue(n))),
    { maxLength: 6 },
  )
  .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${encode(v)}`).join("&")}` : ""));

const auth = () =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant(`Bearer ${t.b.key}`) },
    { weight: 1, arbitrary: fc.constantFrom(`Bearer ${t.a.key}0`, "Bearer", "Bearer ak_", "", `Token ${t.b.key}`) },
    { weight: 1, arbitrary: nastyString.map((s) => `Bearer ${s.replace(/[^\x20-\x7e]/g, "")}`) },
  );

const request = (method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
  new Request(`${ORIGIN}${path}`, { method, headers, body });

describe("fuzz: query strings, path parameters and headers", { timeout: 90_000 }, () => {
  it("keyed read routes with any query string", async () => {
    const route = fc.constantFrom(
      "/v1/scores",
      "/v1/repurchase",
      "/v1/responses",
      "/v1/responses.csv",
      "/v1/reports/weekly",
      "/v1/surveys",
      "/v1/api-keys",
      "/v1/integrations",
    );
    await fc.assert(
      fc.asyncProperty(route, query, auth(), async (path, q, authorization) => {
        await checkInvariants(request("GET", `${path}${q}`, authorization ? { authorization } : {}));
      }),
      { numRuns: 900 },
    );
  });

  it("keyed routes with any path parameter, including tenant A's ids", async () => {
    const id = fc.oneof(segment, fc.constantFrom(t.aSurvey, t.a.id, t.bSurvey, "standard", "shopify", "zendesk"));
    const route = fc.constantFrom(
      "GET /v1/surveys/",
      "DELETE /v1/api-keys/",
      "DELETE /v1/integrations/",
      "GET /v1/customers/",
      "DELETE /v1/customers?email=",
      "DELETE /v1/customers?id=",
    );
    await fc.assert(
      fc.asyncProperty(route, id, auth(), async (r, value, authorization) => {
        const [method = "GET", prefix = ""] = r.split(" ");
        const res = await checkInvariants(request(method, `${prefix}${value}`, authorization ? { authorization } : {}));
        // Tenant A's survey, asked for with B's valid key, does not exist for B.
        if (value === t.aSurvey && method === "GET" && authorization === `Bearer ${t.b.key}`) {
          expect(res.status).toBe(404);
        }
      }),
      { numRuns: 600 },
    );
  });

  it("webhook receivers with any workspace, source, headers and body", async () => {
    const workspace = fc.oneof(fc.constantFrom(t.a.id, t.b.id), segment);
    const source = fc.oneof(fc.constantFrom(...SOURCE_NAMES), segment);
    const headerName = fc.constantFrom(
      "webhook-id",
      "webhook-timestamp",
      "webhook-signature",
      "x-shopify-hmac-sha256",
      "x-shopify-topic",
      "x-shopify-webhook-id",
      "x-zendesk-webhook-signature",
      "x-zendesk-webhook-signature-timestamp",
      "x-aftercare-secret",
      "x-helpscout-signature",
      "x-hub-signature",
      "x-wc-webhook-signature",
      "x-wc-webhook-topic",
      "content-type",
    );
    const headerValue = fc.oneof(
      nastyString,
      fc.constantFrom(
        "v1,AAAA",
        "v1,",
        `${Math.floor(Date.now() / 1000)}`,
        "orders/create",
        "application/json",
        new Date().toISOString(),
      ),
    );
    const headers = fc.dictionary(
      headerName,
      headerValue.map((v) => v.replace(/[^\x20-\x7e]/g, "")),
      { maxKeys: 5 },
    );
    const body = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? ""),
      fc
        .record({
          type: fc.constantFrom("interaction.closed", "order.created", "order.cancelled"),
          data: fc.jsonValue({ maxDepth: 2 }),
        })
        .map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 100 }),
    );
    await fc.assert(
      fc.asyncProperty(workspace, source, headers, body, async (ws, src, h, b) => {
        await checkInvariants(request("POST", `/v1/hooks/${ws}/${src}`, h, b));
      }),
      { numRuns: 900 },
    );
  });

  it("public survey pages with any token, type and value", async () => {
    // The genuine token and a genuine CSAT value weigh more, so that valid links (the ones
    // a GET could wrongly record through) come up often enough for "a GET never writes" to bite.
    const token = fc.oneof(
      { weight: 2, arbitrary: fc.constant(t.bToken) },
      fc.constantFrom(t.aToken.slice(0, -3), `${t.bToken}A`, t.bToken.replace(/.$/, "A")),
      segment,
    );
    const route = fc.constantFrom(
      "GET /s/{t}",
      "GET /s/{t}/survey.json",
      "GET /r/{t}/{q}/{v}",
      "POST /r/{t}/{q}/{v}",
      "POST /s/{t}",
    );
    const type = fc.oneof({ weight: 2, arbitrary: fc.constant("csat") }, fc.constantFrom("nps", "ces"), segment);
    const value = fc.oneof(
      { weight: 2, arbitrary: fc.integer({ min: 1, max: 5 }).map(String) },
      fc.integer({ min: -3, max: 12 }).map(String),
      segment,
    );
    const form = fc.oneof(
      fc.constant(undefined),
      fc.string({ maxLength: 60 }),
      fc.constantFrom("csat=5", "csat=9", "csat=abc&comment=x", "nps=5"),
    );
    await fc.assert(
      fc.asyncProperty(route, token, type, value, form, async (r, tk, q, v, f) => {
        const [method = "GET", template = ""] = r.split(" ");
        const path = template.replace("{t}", tk).replace("{q}", q).replace("{v}", v);
        const headers: Record<string, string> =
          method === "POST" ? { "content-type": "application/x-www-form-urlencoded" } : {};
        const before = await snapshot();
        const res = await checkInvariants(request(method, path, headers, method === "POST" ? (f ?? "") : undefined));
        // A bare GET never records, whatever it answers: mail scanners open every link.
        if (method === "GET") expect(await snapshot(), `GET wrote: ${path} → ${res.status}`).toBe(before);
        if (method === "GET" && res.status < 400) expect(res.status).toBe(200);
      }),
      { numRuns: 800 },
    );
  });

  it("left tenant A exactly as it was", async () => {
    expect(await tenantSnapshot(t.a.id)).toBe(aBefore);
  });
});

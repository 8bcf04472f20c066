/**
 * Property-based tests over JSON bodies of every `/v1` write route, acting as
 * tenant B (or as the operator): never a 5xx, a JSON error with a code, nothing
 * written when rejected, tenant A untouched and never shown.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  anyValue,
  checkInvariants,
  nastyString,
  seedTenants,
  type Tenants,
  tenantSnapshot,
} from "../support/worker/fuzz";
import { ADMIN_TOKEN } from "../support/worker/helpers";

const ORIGIN = "https://aftercare.test";
let t: Tenants;
let aBefore: string;

beforeAll(async () => {
  t = await seedTenants();
  aBefore = await tenantSnapshot(t.a.id);
});

/** Sometimes the right shape with wrong values, sometimes anything at all. */
const orAnything = <T>(shaped: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) });
const field = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: good }, { weight: 2, arbitrary: anyValue });
const customer = field(
  fc.record({ id: field(nastyString), email: field(fc.oneof(fc.emailAddress(), nastyString)) }, { requiredKeys: [] }),
);
const questionType = fc.oneof(fc.constantFrom("nps", "csat", "ces"), nastyString);

const surveyBody = orAnything(
  fc.record(
    {
      name: field(nastyString),
      questions: field(
        fc.array(
          fc.record(
            {
              type: field(questionType),
              prompt: field(fc.record({ en: field(nastyString), fr: field(nastyString) }, { requiredKeys: [] })),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 4 },
        ),
      ),
      comment: field(fc.boolean()),
      ces_scale: field(fc.constantFrom("agree7", "effort5")),
    },
    { requiredKeys: [] },
  ),
);

const invitationBody = () =>
  orAnything(
    fc.record(
      {
        survey_id: field(fc.constantFrom(t.bSurvey, t.aSurvey, "sv_nope")),
        ticket_id: field(nastyString),
        customer,
        channel: field(nastyString),
        request_type: field(nastyString),
        agent: field(nastyString),
        team: field(nastyString),
        closed_at: field(
          fc.oneof(
            fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
            nastyString,
          ),
        ),
        locale: field(fc.constantFrom("en", "fr", "de")),
      },
      { requiredKeys: [] },
    ),
  );

const responseBody = () =>
  orAnything(
    fc.record(
      {
        token: field(
          fc.oneof(fc.constantFrom(t.bToken, `${t.aToken}x`, `${t.bToken}x`, t.bToken.slice(0, -2)), nastyString),
        ),
        answers: field(fc.dictionary(questionType, field(fc.integer({ min: -2, max: 12 })), { maxKeys: 4 })),
        comment: field(fc.oneof(nastyString, fc.string({ minLength: 1990, maxLength: 2010 }))),
        locale: field(fc.constantFrom("en", "fr", "xx")),
      },
      { requiredKeys: [] },
    ),
  );

const apiKeyBody = orAnything(
  fc.record(
    {
      name: field(nastyString),
      scopes: field(fc.array(fc.oneof(fc.constantFrom("read", "write", "admin"), nastyString), { maxLength: 4 })),
    },
    { requiredKeys: [] },
  ),
);
const workspaceBody = orAnything(
  fc.record(
    {
      name: field(nastyString),
      timezone: field(fc.oneof(fc.constantFrom("Europe/Paris", "UTC", "Mars/Olympus"), nastyString)),
    },
    { requiredKeys: [] },
  ),
);
const integrationBody = orAnything(
  fc.record(
    { secret: field(fc.oneof(fc.constant("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), nastyString)) },
    { requiredKeys: [] },
  ),
);

/** Who is calling: B's key mostly, sometimes A's key mangled, nobody, or garbage. */
const authorization = () =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant(`Bearer ${t.b.key}`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        `Bearer ${t.a.key}x`,
        `Bearer ${t.a.key.slice(0, -1)}`,
        "Bearer ",
        "Basic Zm9vOmJhcg==",
        `bearer ${t.b.key}`,
      ),
    },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );

const jsonRequest = (
  method: string,
  path: string,
  body: unknown,
  auth: string | undefined,
  contentType = "application/json",
) => {
  const headers: Record<string, string> = { "content-type": contentType };
  if (auth) headers.authorization = auth;
  return new Request(`${ORIGIN}${path}`, { method, headers, body: JSON.stringify(body) });
};

describe("fuzz: JSON bodies of the write routes", { timeout: 90_000 }, () => {
  it("POST /v1/surveys", async () => {
    await fc.assert(
      fc.asyncProperty(surveyBody, authorization(), async (body, auth) => {
        await checkInvariants(jsonRequest("POST", "/v1/surveys", body, auth));
      }),
      { numRuns: 500 },
    );
  });

  it("POST /v1/invitations", async () => {
    await fc.assert(
      fc.asyncProperty(invitationBody(), authorization(), async (body, auth) => {
        const res = await checkInvariants(jsonRequest("POST", "/v1/invitations", body, auth));
        // A's survey is a 404 to B, never an invitation into A's workspace.
        if ((body as { survey_id?: unknown })?.survey_id === t.aSurvey) expect(res.status).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: 600 },
    );
  });

  it("POST /v1/responses (public, token-authenticated)", async () => {
    await fc.assert(
      fc.asyncProperty(responseBody(), async (body) => {
        await checkInvariants(jsonRequest("POST", "/v1/responses", body, undefined), { leakCheck: true });
      }),
      { numRuns: 800 },
    );
  });

  it("POST /v1/api-keys, POST /v1/workspaces, PUT /v1/integrations/:source", async () => {
    const route = fc.constantFrom(
      { method: "POST", path: "/v1/api-keys", body: apiKeyBody, admin: false },
      { method: "POST", path: "/v1/workspaces", body: workspaceBody, admin: true },
      { method: "PUT", path: "/v1/integrations/shopify", body: integrationBody, admin: false },
      { method: "PUT", path: "/v1/integrations/standard", body: integrationBody, admin: false },
    );
    const cases = route.chain((r) => fc.tuple(fc.constant(r), r.body, authorization(), fc.boolean()));
    await fc.assert(
      fc.asyncProperty(cases, async ([r, body, auth, asAdmin]) => {
        const who = r.admin && asAdmin ? `Bearer ${ADMIN_TOKEN}` : auth;
        await checkInvariants(jsonRequest(r.method, r.path, body, who));
      }),
      { numRuns: 500 },
    );
  });

  it("any write route with a body that is not JSON, or too large", async () => {
    const route = fc.constantFrom(
      "POST /v1/surveys",
      "POST /v1/invitations",
      "POST /v1/responses",
      "POST /v1/api-keys",
      "PUT /v1/integrations/zendesk",
      "POST /v1/workspaces",
    );
    const raw = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.uint8Array({ maxLength: 200 }),
      fc.constantFrom("{", "[1,", '{"token":', "\u0000", "{}".padEnd(70_000, " "), `{"name":"${"x".repeat(70_000)}"}`),
    );
    const contentType = fc.oneof(
      fc.constantFrom(
        "application/json",
        "text/plain",
        "application/x-www-form-urlencoded",
        "application/json; charset=utf-8",
        "multipart/form-data; boundary=x",
        "",
      ),
      nastyString,
    );
    await fc.assert(
      fc.asyncProperty(route, raw, contentType, authorization(), async (r, body, type, auth) => {
        const [method = "POST", path = ""] = r.split(" ");
        const headers: Record<string, string> = {};
        if (type) headers["content-type"] = type.replace(/[^\x20-\x7e]/g, "");
        if (auth) headers.authorization = r.endsWith("workspaces") ? `Bearer ${ADMIN_TOKEN}` : auth;
        await checkInvariants(new Request(`${ORIGIN}${path}`, { method, headers, body }));
      }),
      { numRuns: 400 },
    );
  });

  it("left tenant A exactly as it was", async () => {
    expect(await tenantSnapshot(t.a.id)).toBe(aBefore);
  });
});

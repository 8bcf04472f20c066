/**
 * Property test over SIGNED webhook bodies: each platform's own sample (and our
 * standard events), with fields replaced by anything a buggy or hostile sender
 * could put there, signed as that platform signs. The signature check passes,
 * so every mapper and every write path runs on the mutant. The contract's rule
 * holds for each: 200 (recorded or acknowledged), 400 or 422 with a JSON error;
 * never a 5xx, and a refused delivery writes nothing.
 */
import fc from "fast-check";
import { beforeAll, describe, it } from "vitest";
import freshdeskSample from "../fixtures/hooks/freshdesk-ticket-closed.json?raw";
import helpscoutSample from "../fixtures/hooks/helpscout-convo-status.json?raw";
import intercom1xSample from "../fixtures/hooks/intercom-1x-conversation-admin-closed.json?raw";
import intercom2xSample from "../fixtures/hooks/intercom-2x-conversation-admin-closed.json?raw";
import shopifySample from "../fixtures/hooks/shopify-orders-create.json?raw";
import wooSample from "../fixtures/hooks/woocommerce-order.json?raw";
import zendeskEventSample from "../fixtures/hooks/zendesk-event-ticket-status-changed.json?raw";
import { anyValue, checkInvariants, nastyString } from "../support/worker/fuzz";
import { createWorkspace, type TestWorkspace } from "../support/worker/helpers";
import {
  helpscoutHeaders,
  intercomHeaders,
  PLAIN_SECRET,
  SHARED_SECRET,
  STANDARD_SECRET,
  setIntegration,
  sharedSecretHeaders,
  shopifyHeaders,
  standardHeaders,
  woocommerceHeaders,
  zendeskHeaders,
} from "../support/worker/hooks-signing";

let ws: TestWorkspace;

beforeAll(async () => {
  ws = await createWorkspace("Signed fuzz");
  await setIntegration(ws, "standard", STANDARD_SECRET);
  for (const source of ["shopify", "zendesk", "intercom", "woocommerce"])
    await setIntegration(ws, source, PLAIN_SECRET);
  await setIntegration(ws, "helpscout", "helpscout-secret-40");
  await setIntegration(ws, "freshdesk", SHARED_SECRET);
  await setIntegration(ws, "gorgias", SHARED_SECRET);
});

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path into a JSON value, the root excluded. */
function paths(value: Json, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== "object") return [];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((k) => [[...at, k], ...paths((value as Record<string, Json>)[k] as Json, [...at, k])]);
}

const REMOVE = Symbol("remove");

/** A copy of `sample` with the value at each chosen path replaced (or the key removed). */
function mutate(sample: Json, changes: [number, Json | typeof REMOVE][]): string {
  const copy = structuredClone(sample);
  const all = paths(copy);
  for (const [pick, replacement] of changes) {
    const path = all[pick % all.length];
    if (!path) continue;
    let parent: unknown = copy;
    for (const k of path.slice(0, -1)) parent = (parent as Record<string, unknown> | undefined)?.[k];
    if (parent === null || typeof parent !== "object") continue;
    const key = path[path.length - 1] as string;
    if (replacement === REMOVE) delete (parent as Record<string, unknown>)[key];
    // A copy each time: the same generated value may fill two paths, one inside the other, and
    // writing it into itself would make a cycle that no JSON body can hold.
    else (parent as Record<string, unknown>)[key] = structuredClone(replacement);
  }
  return JSON.stringify(copy);
}

/** What a sender could put in a field: anything, and the values parsers choke on. */
const replacement = fc.oneof(
  anyValue as fc.Arbitrary<Json>,
  nastyString as fc.Arbitrary<Json>,
  fc.constantFrom<Json | typeof REMOVE>(
    REMOVE,
    "",
    -1,
    0,
    1e308,
    -0.005,
    "99999999999999999999999999",
    "1e3",
    "-12.50",
    "2026-13-45T99:99:99Z",
    "0000-00-00 00:00:00",
    "closed",
    "Closed",
    "SOLVED",
    "cancelled",
    "XXX",
    "eur",
    [],
    {},
  ),
);
const changes = fc.array(fc.tuple(fc.nat(), replacement), { minLength: 1, maxLength: 4 });

type Signer = (body: string) => Promise<Record<string, string>> | Record<string, string>;

const standardSamples: Json[] = [
  {
    type: "interaction.closed",
    data: {
      ticket_id: "FZ-1",
      customer: { id: "c-1", email: "fz@example.com" },
      channel: "email",
      request_type: "refund",
      agent: "Léa",
      team: "N1",
      closed_at: "2026-02-01T10:00:00Z",
    },
  },
  {
    type: "order.created",
    data: {
      order_id: "FZ-O-1",
      customer: { email: "fz@example.com" },
      placed_at: "2026-02-03T10:00:00Z",
      total: "49.90",
      currency: "EUR",
    },
  },
  { type: "order.cancelled", data: { order_id: "FZ-O-1" } },
];

const parse = (raw: string) => JSON.parse(raw) as Json;
const receivers: { source: string; samples: Json[]; sign: (topic: string) => Signer; topics: string[] }[] = [
  { source: "standard", samples: standardSamples, sign: () => (b) => standardHeaders(b), topics: [""] },
  {
    source: "shopify",
    samples: [parse(shopifySample), { ...(parse(shopifySample) as object), test: false, cancelled_at: null }],
    sign: (topic) => (b) => shopifyHeaders(b, topic),
    topics: ["orders/create", "orders/cancelled"],
  },
  {
    source: "zendesk",
    samples: [parse(zendeskEventSample), parse(freshdeskSample)],
    sign: () => (b) => zendeskHeaders(b),
    topics: [""],
  },
  { source: "freshdesk", samples: [parse(freshdeskSample)], sign: () => () => sharedSecretHeaders(), topics: [""] },
  { source: "gorgias", samples: [parse(freshdeskSample)], sign: () => () => sharedSecretHeaders(), topics: [""] },
  {
    source: "helpscout",
    samples: [parse(helpscoutSample)],
    sign: (event) => (b) => helpscoutHeaders(b, { secret: "helpscout-secret-40", event }),
    topics: ["convo.status", "convo.created"],
  },
  {
    source: "intercom",
    samples: [parse(intercom1xSample), parse(intercom2xSample)],
    sign: () => (b) => intercomHeaders(b),
    topics: [""],
  },
  {
    source: "woocommerce",
    samples: [parse(wooSample)],
    sign: (topic) => (b) => woocommerceHeaders(b, topic),
    topics: ["order.created", "order.updated", "order.deleted"],
  },
];

describe("signed webhook bodies with any field changed", () => {
  for (const { source, samples, sign, topics } of receivers) {
    it(`${source}: 200, 400 or 422 with a JSON error, never a 5xx; a refusal writes nothing`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...samples),
          fc.constantFrom(...topics),
          changes,
          async (sample, topic, change) => {
            const body = mutate(sample, change);
            const headers = await sign(topic)(body);
            const res = await checkInvariants(
              new Request(`https://aftercare.test/v1/hooks/${ws.id}/${source}`, {
                method: "POST",
                headers: { "content-type": "application/json", ...headers },
                body,
              }),
              { leakCheck: false },
            );
            if (![200, 400, 422].includes(res.status)) {
              throw new Error(`${source} ${topic}: ${res.status} ${res.text.slice(0, 300)} for ${body.slice(0, 300)}`);
            }
          },
        ),
        { numRuns: 60 },
      );
    });
  }
});

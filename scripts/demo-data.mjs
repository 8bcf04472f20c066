// The demo workspace as SQL: a French home-decor shop with 90 days of support
// tickets, survey answers and orders. Pure (no I/O, no Node-only APIs) so that
// `npm start` can apply it with wrangler and a workerd test can apply the very
// same SQL to D1 and check the story it tells.
//
// The story a CX manager should recognise:
//   - logistics tickets (late, lost, damaged parcels) rate lower than the rest;
//   - detractors buy again far less often than promoters in the 30 days after;
//   - phone and chat do better than e-mail and social media;
//   - some agents do better than others;
//   - unhappy tickets take longer and more often end in a gesture, so what
//     support is worth (revenue per interaction against its cost) differs by
//     NPS category, and the hour of agent time is priced at 32 EUR.
//
// Every random draw comes from one seeded PRNG, so the same seed and `now` give
// byte-identical SQL.

import { BY_REQUEST_TYPE, GENERIC } from "./demo-verbatims.mjs";

/** The fixed id the `/demo` shop page looks the demo workspace up by. */
export const DEMO_WORKSPACE_ID = "ws_demo";
export const DEMO_TIMEZONE = "Europe/Paris";
export const DEMO_SURVEYS = { csat: "srv_demo_csat", nps: "srv_demo_nps", ces: "srv_demo_ces" };

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The demo workspace's hourly cost of agent time: 32.00 EUR. */
export const DEMO_COST_PER_HOUR = { minor: 3200, currency: "EUR" };
/** Typical handling minutes per channel, before the mood of the ticket stretches them. */
const HANDLING_MINUTES = { email: 14, chat: 9, phone: 12, social: 10 };

/** mulberry32: a tiny, well-distributed 32-bit PRNG; plenty for demo data. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random helpers over one PRNG. */
function draws(random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  /** Picks from `[value, weight]` pairs. */
  const weighted = (pairs) => {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let r = random() * total;
    for (const [value, w] of pairs) {
      r -= w;
      if (r < 0) return value;
    }
    return pairs[pairs.length - 1][0];
  };
  /** Standard normal (Box–Muller). */
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return { pick, weighted, normal, chance: (p) => random() < p };
}

// How each segment moves a customer's satisfaction (0..1). Logistics and
// complaints about the shop itself hurt most; quick product questions please.
const REQUEST_TYPES = [
  ["logistics", 30, -0.24],
  ["product_question", 18, 0.12],
  ["returns", 14, -0.03],
  ["billing", 12, -0.02],
  ["product_complaint", 14, -0.1],
  ["dissatisfaction", 12, -0.2],
];
const CHANNELS = [
  ["email", 40, -0.04],
  ["chat", 30, 0.05],
  ["phone", 18, 0.07],
  ["social", 12, -0.06],
];
const AGENTS = [
  ["Camille", "Front office", 0.06],
  ["Julien", "Front office", 0.0],
  ["Sofia", "Front office", 0.04],
  ["Thomas", "Front office", -0.05],
  ["Amira", "Back office", 0.05],
  ["Lucas", "Back office", -0.02],
  ["Inês", "BPO Lisbon", -0.03],
  ["Rui", "BPO Lisbon", -0.08],
];

const FIRST_NAMES = {
  fr: ["Jeanne", "Louis", "Chloé", "Hugo", "Manon", "Nathan", "Léa", "Gabriel", "Inès", "Arthur", "Zoé", "Jules"],
  en: ["Olivia", "Jack", "Amelia", "Harry", "Isla", "George", "Emily", "Oscar", "Grace", "Noah"],
};
const LAST_NAMES = {
  fr: ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau"],
  en: ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Walker"],
};

/** `YYYY-MM-DD` of an instant in a timezone, exactly as worker/domain/local-day.ts computes it. */
export function localDay(ms, timeZone) {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(ms),
  );
}

async function sha256Hex(text) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** A SQL literal: NULL, a number, or a single-quoted string. */
function lit(value) {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number") return String(value);
  return `'${String(value).replace(/'/g, "''")}'`;
}

/** Multi-row INSERTs of at most `size` rows each, so no statement grows too long for D1. */
function inserts(table, columns, rows, size = 40) {
  const out = [];
  for (let i = 0; i < rows.length; i += size) {
    const values = rows.slice(i, i + size).map((r) => `(${columns.map((c) => lit(r[c])).join(", ")})`);
    out.push(`INSERT INTO ${table} (${columns.join(", ")}) VALUES\n${values.join(",\n")};`);
  }
  return out;
}

const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));

/**
 * Generates the demo workspace.
 *
 * @param {{ now: number, apiKey: string, seed?: number }} options `now` anchors
 *   the 90 days of history; `apiKey` is the key whose SHA-256 is stored.
 * @returns {Promise<{ chunks: { label: string, statements: string[], sql: string }[], stats: Record<string, number> }>}
 *   SQL in chunks that are applied in order (each small enough for one
 *   `wrangler d1 execute`), and row counts.
 */
const FOLLOW_UP_NOTES = [
  "Called back, apologised, sent a voucher.",
  "Rappelée : colis renvoyé en express.",
  "E-mail sent with the refund confirmation.",
  "Client rappelé, geste commercial de 10 €.",
  "Explained the delay; customer satisfied with the answer.",
];

export async function generateDemoSql({ now, apiKey, seed = 20261123 }) {
  const random = prng(seed);
  const { pick, weighted, normal, chance } = draws(random);
  // Follow-up decisions draw from their own stream, so the tickets, answers and orders stay as they were.
  const loop = draws(prng(seed + 1));
  // Costs draw from a PRNG of their own, so adding them left every other figure as it was.
  const costs = draws(prng(seed ^ 0x5eed));
  const ws = DEMO_WORKSPACE_ID;
  const tz = DEMO_TIMEZONE;
  const start = now - 90 * DAY_MS;

  // Customers: French mostly, some British; a few contact support more than once.
  const customers = [];
  for (let i = 0; i < 520; i++) {
    const locale = chance(0.68) ? "fr" : "en";
    const first = pick(FIRST_NAMES[locale]);
    const last = pick(LAST_NAMES[locale]);
    const email = `${first}.${last}${i}@example.${locale === "fr" ? "fr" : "co.uk"}`
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
    const hash = await sha256Hex(`${ws}:${email}`);
    customers.push({ locale, email, hash, key: `e:${hash.slice(0, 32)}`, currency: locale === "en" ? "GBP" : "EUR" });
  }

  /**
   * The follow-up a bad answer opens under the default rules (NPS ≤ 6, CSAT ≤ 2,
   * CES agree7 ≤ 3): older ones mostly contacted and resolved, recent ones open.
   */
  const demoFollowUp = (answers, surveyId, i, openedAt) => {
    const bad =
      (answers.nps != null && answers.nps <= 6) ||
      (answers.csat != null && answers.csat <= 2) ||
      (answers.ces != null && answers.ces <= 3);
    if (!bad) return null;
    const old = openedAt < now - 4 * DAY_MS;
    const contacted = loop.chance(old ? 0.62 : 0.2);
    const contactedAt = contacted ? Math.round(openedAt + (1 + loop.normal() ** 2 * 12) * HOUR_MS) : null;
    const resolved = contacted && contactedAt < now && loop.chance(old ? 0.75 : 0.3);
    const resolvedAt = resolved ? Math.round(contactedAt + (0.5 + loop.normal() ** 2 * 20) * HOUR_MS) : null;
    const row = {
      id: `fup_demo_${String(i).padStart(4, "0")}`,
      workspace_id: ws,
      response_id: `rsp_demo_${String(i).padStart(4, "0")}`,
      interaction_id: `int_demo_${String(i).padStart(4, "0")}`,
      survey_id: surveyId,
      ticket_id: `ZD-${48_000 + i}`,
      status: resolvedAt && resolvedAt < now ? "resolved" : contactedAt && contactedAt < now ? "contacted" : "open",
      assignee: contacted || loop.chance(0.3) ? loop.pick(["Camille", "Hugo", "Sarah"]) : null,
      note: contacted ? loop.pick(FOLLOW_UP_NOTES) : null,
      resolution: null,
      opened_at: openedAt,
      opened_day: localDay(openedAt, tz),
      contacted_at: contactedAt && contactedAt < now ? contactedAt : null,
      resolved_at: resolvedAt && resolvedAt < now ? resolvedAt : null,
      updated_at: Math.min(now, resolvedAt ?? contactedAt ?? openedAt),
      change_id: `chg_demo_${i}`,
    };
    if (row.status === "resolved") row.resolution = "handled";
    followUps.push(row);
    return row;
  };

  const interactions = [];
  // Every solved ticket was invited to its survey when it closed: the response rate's denominator.
  const invitations = [];
  const responses = [];
  const followUps = [];
  const orders = [];
  const links = customers.map((c) => ({ workspace_id: ws, kind: "email", value: c.hash, customer_key: c.key }));
  let orderSeq = 10_000;

  const addOrder = (customer, placedAt) => {
    const cancelled = chance(0.04) ? 1 : 0;
    const minor = Math.round((19.9 + random() * 170) * 100);
    orders.push({
      workspace_id: ws,
      order_id: `#${++orderSeq}`,
      customer_key: customer.key,
      placed_at: placedAt,
      total_minor: minor,
      currency: customer.currency,
      cancelled,
      source: "shopify",
      created_at: placedAt,
      updated_at: placedAt,
    });
  };

  for (let i = 0; i < 640; i++) {
    // Most customers write once; a few come back (and may be counted by two windows).
    const customer = chance(0.15) ? customers[Math.floor(random() * 40)] : pick(customers);
    // Business hours in Paris, more tickets on weekdays.
    let closedAt = start + Math.floor(random() * 90) * DAY_MS + (7 + random() * 11) * HOUR_MS;
    const weekday = new Date(closedAt).getUTCDay();
    if ((weekday === 0 || weekday === 6) && chance(0.6)) closedAt -= 2 * DAY_MS;
    closedAt = Math.round(Math.min(Math.max(closedAt, start), now - 2 * HOUR_MS));
    const [requestType, , typeEffect] = weighted(REQUEST_TYPES.map((r) => [r, r[1]]));
    const [channel, , channelEffect] = weighted(CHANNELS.map((c) => [c, c[1]]));
    const [agent, team, agentEffect] = pick(AGENTS);
    const ticketId = `ZD-${48_000 + i}`;
    const interactionId = `int_demo_${String(i).padStart(4, "0")}`;
    interactions.push({
      id: interactionId,
      workspace_id: ws,
      ticket_id: ticketId,
      customer_key: customer.key,
      customer_id: null,
      email_hash: customer.hash,
      channel,
      request_type: requestType,
      agent,
      team,
      closed_at: closedAt,
      closed_day: localDay(closedAt, tz),
      source: "zendesk",
      created_at: closedAt,
      updated_at: closedAt,
      handling_seconds: null,
      compensation_minor: null,
      compensation_currency: null,
    });
    const interaction = interactions[interactions.length - 1];

    // A latent satisfaction drives every answer, so the three metrics agree.
    const trend = ((closedAt - start) / (90 * DAY_MS)) * 0.06; // the team slowly gets better
    const satisfaction = clamp(0.8 + typeEffect + channelEffect + agentEffect + trend + normal() * 0.15, 0, 1);
    customer.satisfaction ??= satisfaction;
    const metric = weighted([
      ["nps", 45],
      ["csat", 40],
      ["ces", 15],
    ]);
    invitations.push({
      workspace_id: ws,
      survey_id: DEMO_SURVEYS[metric],
      source: "zendesk",
      ticket_id: ticketId,
      customer_key: customer.key,
      invited_at: closedAt,
      invited_day: localDay(closedAt, tz),
    });
    const submittedAt = Math.round(closedAt + (0.2 + -Math.log(1 - random()) * 6) * HOUR_MS);
    const answered = chance(0.7) && submittedAt < now;
    let category = "unanswered";
    let followUp = null;
    if (answered) {
      const answers = { nps: null, csat: null, ces: null };
      if (metric === "nps") {
        answers.nps = clamp(Math.round(satisfaction * 10.6 - 0.3 + normal() * 0.7), 0, 10);
        category = answers.nps >= 9 ? "promoter" : answers.nps >= 7 ? "passive" : "detractor";
      } else if (metric === "csat") {
        answers.csat = clamp(Math.round(1 + satisfaction * 4.2 + normal() * 0.45), 1, 5);
        category = answers.csat >= 4 ? "satisfied" : "unsatisfied";
      } else {
        answers.ces = clamp(Math.round(1 + satisfaction * 6.2 + normal() * 0.6), 1, 7);
        category = answers.ces >= 5 ? "satisfied" : "unsatisfied";
      }
      const mood = satisfaction < 0.45 ? "negative" : satisfaction < 0.68 ? "neutral" : "positive";
      const specific = BY_REQUEST_TYPE[requestType]?.[customer.locale]?.[mood];
      const comment =
        chance(mood === "neutral" ? 0.35 : 0.55) &&
        (specific && chance(0.65) ? pick(specific) : pick(GENERIC[customer.locale][mood]));
      responses.push({
        id: `rsp_demo_${String(i).padStart(4, "0")}`,
        workspace_id: ws,
        survey_id: DEMO_SURVEYS[metric],
        interaction_id: interactionId,
        ticket_id: ticketId,
        source: "zendesk",
        ...answers,
        comment: comment || null,
        locale: customer.locale,
        submitted_at: submittedAt,
        submitted_day: localDay(submittedAt, tz),
        updated_at: submittedAt,
        revision: 1,
        channel,
        request_type: requestType,
        agent,
        team,
      });
      followUp = demoFollowUp(answers, DEMO_SURVEYS[metric], i, submittedAt);
    }

    // What the ticket cost: unhappy ones take longer and sometimes end in a gesture
    // (in the customer's currency: GBP compensations stay GBP, never converted).
    const unhappy = satisfaction < 0.5;
    const minutes = HANDLING_MINUTES[channel] * (unhappy ? 1.7 : 1) * Math.exp(0.35 * costs.normal());
    interaction.handling_seconds = Math.round(clamp(minutes, 2, 90) * 60);
    if (costs.chance(unhappy ? 0.3 : 0.03)) {
      interaction.compensation_minor = Math.round(5 + costs.pick([0, 5, 10, 15, 25, 35])) * 100;
      interaction.compensation_currency = customer.currency;
    }

    // Whether the customer buys again in the 30 days after: the heart of the story.
    // Unhappy customers the team called back come back far more often than those left alone.
    const buyAgain = followUp
      ? followUp.contacted_at
        ? 0.34
        : 0.06
      : {
          promoter: 0.5,
          passive: 0.31,
          detractor: 0.1,
          satisfied: 0.42,
          unsatisfied: 0.14,
          unanswered: 0.26,
        }[category];
    if (chance(buyAgain)) {
      const placedAt = Math.round(closedAt + (0.3 + random() * 29) * DAY_MS);
      if (placedAt < now) addOrder(customer, placedAt);
    }
  }

  // Everyday orders unrelated to support, so the shop looks like a shop.
  for (let i = 0; i < 50; i++) {
    addOrder(pick(customers), Math.round(start - 20 * DAY_MS + random() * 110 * DAY_MS));
  }
  // Shopping history before the 90 days, from a stream of its own (every other draw stays as it
  // was), so that `customer_tenure` tells a story: regulars are the customers who were happy
  // with the shop, so loyal customers rate higher than first-time buyers. Within the year before,
  // so the value tiers see these orders too.
  const history = draws(prng(seed + 2));
  for (const customer of customers) {
    const s = customer.satisfaction ?? 0.75;
    const weights = s >= 0.85 ? [20, 30, 50] : s < 0.65 ? [75, 20, 5] : [50, 30, 20];
    const extra = history.chance(0.5) ? 1 : 0;
    customer.prior = history.weighted([
      [0, weights[0]],
      [1 + extra, weights[1]],
      [3 + 2 * extra, weights[2]],
    ]);
  }
  for (const customer of customers) {
    for (let k = 0; k < customer.prior; k++) {
      const placedAt = Math.round(start - (25 + k * 55 + Math.abs(history.normal()) * 20) * DAY_MS);
      orders.push({
        workspace_id: ws,
        order_id: `#H${customer.hash.slice(0, 8)}-${k}`,
        customer_key: customer.key,
        placed_at: placedAt,
        total_minor: Math.round((24.9 + Math.abs(history.normal()) * 90) * 100),
        currency: customer.currency,
        cancelled: 0,
        source: "shopify",
        created_at: placedAt,
        updated_at: placedAt,
      });
    }
  }
  orders.sort((a, b) => a.placed_at - b.placed_at);

  const created = start - DAY_MS;
  const keyHash = await sha256Hex(apiKey);
  const setup = [
    ...inserts(
      "workspaces",
      [
        "id",
        "name",
        "timezone",
        "created_at",
        "cost_per_hour_minor",
        "cost_per_hour_currency",
        "value_tier_currency",
        "value_tier_mid_minor",
        "value_tier_high_minor",
      ],
      [
        {
          id: ws,
          name: "Maison Lumière (demo)",
          timezone: tz,
          created_at: created,
          cost_per_hour_minor: DEMO_COST_PER_HOUR.minor,
          cost_per_hour_currency: DEMO_COST_PER_HOUR.currency,
          // Value tiers in euros: under 100 € a year `low`, from 400 € `high` (British customers pay in GBP: `unknown`).
          value_tier_currency: "EUR",
          value_tier_mid_minor: 10_000,
          value_tier_high_minor: 40_000,
        },
      ],
    ),
    ...inserts(
      "api_keys",
      ["id", "workspace_id", "name", "scopes", "key_hash", "prefix", "created_at", "revoked_at"],
      [
        {
          id: "key_demo",
          workspace_id: ws,
          name: "Demo key",
          scopes: JSON.stringify(["read", "write", "admin"]),
          key_hash: keyHash,
          prefix: apiKey.slice(0, 7),
          created_at: created,
          revoked_at: null,
        },
      ],
    ),
    ...inserts(
      "surveys",
      ["id", "workspace_id", "name", "questions", "comment", "ces_scale", "is_default", "created_at"],
      [
        ["csat", "Default CSAT", 1],
        ["nps", "Relationship NPS", 0],
        ["ces", "Customer effort", 0],
      ].map(([type, name, isDefault]) => ({
        id: DEMO_SURVEYS[type],
        workspace_id: ws,
        name,
        questions: JSON.stringify([{ type }]),
        comment: 1,
        ces_scale: "agree7",
        is_default: isDefault,
        created_at: created,
      })),
    ),
    ...inserts("customer_links", ["workspace_id", "kind", "value", "customer_key"], links),
  ];
  const interactionColumns = Object.keys(interactions[0]);
  const responseColumns = Object.keys(responses[0]);
  const orderColumns = Object.keys(orders[0]);
  const chunk = (label, statements) => ({ label, statements, sql: statements.join("\n") });
  return {
    chunks: [
      chunk("workspace, API key, surveys and customers", setup),
      chunk(`${interactions.length} support interactions and their survey invitations`, [
        ...inserts("interactions", interactionColumns, interactions),
        ...inserts("invitations", Object.keys(invitations[0]), invitations),
      ]),
      chunk(
        `${responses.length} survey responses (and their rollups)`,
        inserts("responses", responseColumns, responses),
      ),
      chunk(`${orders.length} orders`, inserts("orders", orderColumns, orders)),
      chunk(`${followUps.length} follow-ups`, inserts("follow_ups", Object.keys(followUps[0]), followUps)),
      // Answers carry their interaction's customer segments (the Worker copies them on each answer;
      // here the rows are inserted raw), and the rollup triggers file them under their segments.
      chunk("customer segments of the answers", [
        `UPDATE responses SET customer_tenure = i.customer_tenure, value_tier = i.value_tier FROM interactions i WHERE i.id = responses.interaction_id AND responses.workspace_id = ${lit(ws)};`,
      ]),
    ],
    stats: {
      customers: customers.length,
      interactions: interactions.length,
      responses: responses.length,
      comments: responses.filter((r) => r.comment).length,
      orders: orders.length,
      "follow-ups": followUps.length,
    },
  };
}

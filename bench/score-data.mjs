// Synthetic but plausible support data for the score benchmark: 90 days, 3 channels,
// 4 request types, 3 teams of 10 agents, 3 customer tenures and 4 value tiers, answers
// skewed toward the happy end as real CSAT/NPS data is. A seeded PRNG makes every run
// load the same rows.

/** mulberry32: a tiny, well-known seeded PRNG. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHANNELS = ["email", "chat", "phone"];
const TYPES = ["order_status", "refund", "product_question", "delivery"];
const TEAMS = ["team-0", "team-1", "team-2"];
const FIRST_DAY = Date.UTC(2026, 9, 5); // 2026-10-05, a Monday
export const DAYS = 90;
const TENURES = ["first_order", "returning", "loyal"];
const TIERS = ["low", "mid", "high", "unknown"];

/** Draws from weights (index → weight). */
function pick(random, weights) {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = random() * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i];
    if (x < 0) return i;
  }
  return weights.length - 1;
}

const NPS_WEIGHTS = [3, 1, 1, 2, 2, 4, 5, 9, 14, 20, 39];
const CSAT_WEIGHTS = [8, 5, 9, 25, 53];
const CES_WEIGHTS = [3, 4, 6, 10, 17, 28, 32];

/** `count` responses for one workspace and survey. */
export function generateResponses({ workspaceId, surveyId, size }, count) {
  const random = prng(size);
  const rows = [];
  for (let i = 0; i < count; i++) {
    const dayIndex = Math.floor(random() * DAYS);
    const at = FIRST_DAY + dayIndex * 86_400_000 + Math.floor(random() * 86_400_000);
    const team = Math.floor(random() * TEAMS.length);
    const answersCsat = random() < 0.8;
    rows.push({
      id: `rsp_bench_${size}_${i}`,
      workspaceId,
      surveyId,
      ticketId: `B-${i}`,
      nps: random() < 0.9 ? pick(random, NPS_WEIGHTS) : null,
      csat: answersCsat ? 1 + pick(random, CSAT_WEIGHTS) : null,
      ces: random() < 0.6 ? 1 + pick(random, CES_WEIGHTS) : null,
      at,
      // Close enough to Europe/Paris local days for a benchmark: UTC day of the instant.
      day: new Date(at).toISOString().slice(0, 10),
      channel: CHANNELS[pick(random, [5, 3, 2])],
      requestType: TYPES[Math.floor(random() * TYPES.length)],
      team: TEAMS[team],
      agent: `agent-${team * 10 + Math.floor(random() * 10)}`,
      // Written as the segment triggers would have set them from the orders.
      customerTenure: TENURES[pick(random, [5, 3, 2])],
      valueTier: TIERS[pick(random, [4, 3, 1, 2])],
    });
  }
  return rows;
}

const text = (s) => `'${String(s).replace(/'/g, "''")}'`;
const num = (v) => (v == null ? "NULL" : String(v));

/** Multi-row INSERTs into `responses`, 250 rows per statement. */
export function responsesSql(rows) {
  const out = [];
  for (let i = 0; i < rows.length; i += 250) {
    const values = rows
      .slice(i, i + 250)
      .map(
        (r) =>
          `(${text(r.id)}, ${text(r.workspaceId)}, ${text(r.surveyId)}, ${text(r.ticketId)}, ${num(r.nps)}, ${num(r.csat)}, ${num(r.ces)}, ${r.at}, ${text(r.day)}, ${r.at}, ${text(r.channel)}, ${text(r.requestType)}, ${text(r.agent)}, ${text(r.team)}, ${text(r.customerTenure)}, ${text(r.valueTier)})`,
      )
      .join(",\n");
    out.push(
      `INSERT INTO responses (id, workspace_id, survey_id, ticket_id, nps, csat, ces, submitted_at, submitted_day, updated_at, channel, request_type, agent, team, customer_tenure, value_tier) VALUES\n${values};`,
    );
  }
  return `${out.join("\n")}\n`;
}

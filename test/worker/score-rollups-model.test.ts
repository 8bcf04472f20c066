/**
 * The rollup reads against the answers themselves: random histories of answers
 * inserted, changed (values, segments, the shop-derived `customer_tenure` and
 * `value_tier` moving as late orders re-segment them) and erased must leave
 * every grain, the channel+X pairs included, reading exactly what a recount of
 * the responses gives, for every metric, filter and group the grain serves.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { database } from "../../worker/db";
import { METRICS, type Metric } from "../../worker/domain/metrics";
import {
  dimensionsOfGrain,
  ROLLUP_GRAINS,
  SEGMENT_DIMENSIONS,
  type SegmentDimension,
} from "../../worker/domain/segments";
import { grainFor, readHistograms, type ScoreSelection } from "../../worker/store/score-reads";
import { createSurvey, createWorkspace } from "../support/worker/helpers";
import { seedResponses } from "../support/worker/scores-seed";
import { databaseOf } from "../support/worker/shards";

const DAYS = ["2026-03-01", "2026-03-02", "2026-03-03"];
/** Few values per dimension, '' (no segment) included, so cells collide and empty out. */
const VALUES: Record<SegmentDimension, string[]> = {
  channel: ["email", "chat", ""],
  request_type: ["refund", ""],
  agent: ["ana", "bob", ""],
  team: ["fr", ""],
  customer_tenure: ["first_order", "returning", "loyal", ""],
  value_tier: ["low", "high", ""],
};
const segment = (d: SegmentDimension) => fc.constantFrom(...VALUES[d]);
const segments = fc.record(
  Object.fromEntries(SEGMENT_DIMENSIONS.map((d) => [d, segment(d)])) as Record<SegmentDimension, fc.Arbitrary<string>>,
);
const scores = fc.record({
  nps: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
  csat: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  ces: fc.option(fc.integer({ min: 1, max: 7 }), { nil: null }),
});
const answer = fc.record({ day: fc.constantFrom(...DAYS), segments, scores });

/** A change to an earlier answer: its scores, one segment (a late order moving tenure…), or its erasure. */
const change = fc.oneof(
  fc.record({ kind: fc.constant("scores" as const), target: fc.nat(), scores }),
  fc.record({
    kind: fc.constant("segment" as const),
    target: fc.nat(),
    dimension: fc.constantFrom(...SEGMENT_DIMENSIONS),
    pick: fc.nat(),
  }),
  fc.record({ kind: fc.constant("erase" as const), target: fc.nat() }),
);

type Row = Record<SegmentDimension | Metric | "submitted_day", string | number | null>;

/** The recount: `metric` histogram of the rows matching `filters`, per value of `groupBy`. */
function recount(
  rows: Row[],
  metric: Metric,
  filters: Partial<Record<SegmentDimension, string>>,
  groupBy?: SegmentDimension,
) {
  const bars = new Map<string, number>();
  for (const row of rows) {
    if (row[metric] == null) continue;
    if (Object.entries(filters).some(([d, v]) => row[d as SegmentDimension] !== v)) continue;
    const key = groupBy ? (row[groupBy] as string) || null : null;
    const bar = JSON.stringify([key, row[metric]]);
    bars.set(bar, (bars.get(bar) ?? 0) + 1);
  }
  return [...bars].map(([bar, count]) => [...JSON.parse(bar), count]).sort(byBar);
}
const byBar = (a: unknown[], b: unknown[]) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);

describe("score rollups ≡ a recount of the answers", () => {
  it("agree for every grain, metric, filter and group through inserts, changes and erasures", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(answer, { minLength: 1, maxLength: 25 }),
        fc.array(change, { maxLength: 15 }),
        async (answers, changes) => {
          const ws = await createWorkspace();
          const db = await databaseOf(ws.id);
          const survey = await createSurvey(ws, { questions: [{ type: "nps" }, { type: "csat" }, { type: "ces" }] });
          const ids = await seedResponses(
            ws.id,
            answers.map((a) => ({
              surveyId: survey,
              day: a.day,
              ...a.scores,
              nps: a.scores.nps ?? undefined,
              csat: a.scores.csat ?? undefined,
              ces: a.scores.ces ?? undefined,
              channel: a.segments.channel,
              requestType: a.segments.request_type,
              agent: a.segments.agent,
              team: a.segments.team,
            })),
          );
          // The shop-derived segments, as the customer segment triggers set them on responses.
          await db.batch(
            answers.map((a, i) =>
              db
                .prepare("UPDATE responses SET customer_tenure = ?, value_tier = ? WHERE id = ?")
                .bind(a.segments.customer_tenure, a.segments.value_tier, ids[i]!),
            ),
          );
          for (const c of changes) {
            const id = ids[c.target % ids.length]!;
            if (c.kind === "erase") await db.prepare("DELETE FROM responses WHERE id = ?").bind(id).run();
            else if (c.kind === "scores")
              await db
                .prepare("UPDATE responses SET nps = ?, csat = ?, ces = ? WHERE id = ?")
                .bind(c.scores.nps, c.scores.csat, c.scores.ces, id)
                .run();
            else {
              const value = VALUES[c.dimension][c.pick % VALUES[c.dimension].length]!;
              // Dimension names are fixed identifiers from the domain list.
              await db.prepare(`UPDATE responses SET ${c.dimension} = ? WHERE id = ?`).bind(value, id).run();
            }
          }
          const rows = (
            await db
              .prepare(
                `SELECT submitted_day, ${[...METRICS, ...SEGMENT_DIMENSIONS].join(", ")} FROM responses WHERE workspace_id = ?`,
              )
              .bind(ws.id)
              .all<Row>()
          ).results;

          for (const grain of ROLLUP_GRAINS) {
            const kept = dimensionsOfGrain(grain);
            // Every read the grain serves: grouped by each of its dimensions with the others
            // filtered on each value, or filtered on all of them.
            const reads: [Partial<Record<SegmentDimension, string>>, SegmentDimension | undefined][] = [];
            const filterings = (dims: SegmentDimension[]): Partial<Record<SegmentDimension, string>>[] =>
              dims.reduce<Partial<Record<SegmentDimension, string>>[]>(
                (acc, d) => acc.flatMap((f) => VALUES[d].filter((v) => v !== "").map((v) => ({ ...f, [d]: v }))),
                [{}],
              );
            if (kept.length === 0) reads.push([{}, undefined]);
            for (const by of kept) for (const f of filterings(kept.filter((d) => d !== by))) reads.push([f, by]);
            for (const f of filterings(kept)) reads.push([f, undefined]);

            for (const metric of METRICS) {
              for (const [filters, groupBy] of reads) {
                const selection: ScoreSelection = { workspaceId: ws.id, metric, ...filters };
                expect(grainFor(selection, groupBy)).toBe(grain);
                const read = await readHistograms(database(db), selection, { groupBy });
                const got = read.rows.map((r) => [r.key, r.value, r.count]).sort(byBar);
                expect(got, `${grain} ${metric} ${JSON.stringify(filters)} by ${groupBy}`).toEqual(
                  recount(rows, metric, filters, groupBy),
                );
              }
            }
          }
          // No empty histogram row is left behind.
          const empty = await db
            .prepare("SELECT COUNT(*) AS n FROM score_histograms WHERE workspace_id = ? AND response_count <= 0")
            .bind(ws.id)
            .first<number>("n");
          expect(empty).toBe(0);
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);
});

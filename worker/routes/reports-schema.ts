import { z } from "@hono/zod-openapi";
import { CES_SCALES, METRICS } from "../domain/metrics";
import { SEGMENT_DIMENSIONS, TICKET_DIMENSIONS, type TicketDimension } from "../domain/segments";
import { AnswersSchema, TicketSourceSchema } from "../http/openapi";
import { FiguresSchema } from "./score-schemas";

/**
 * The body of `GET /v1/reports/weekly`. Imports zod and the domain only, so the
 * dashboard can take its types from here.
 */

const Segment = z.string().nullable();
/** A ticket's segments, null for none. */
const TicketSegments = Object.fromEntries(TICKET_DIMENSIONS.map((d) => [d, Segment])) as Record<
  TicketDimension,
  typeof Segment
>;

const Verbatim = z
  .object({
    id: z.string(),
    ticket_id: z.string(),
    source: TicketSourceSchema,
    survey_id: z.string(),
    answers: AnswersSchema,
    comment: z.string(),
    locale: z.string().nullable(),
    submitted_at: z.string(),
    ...TicketSegments,
    score: z
      .number()
      .openapi({ description: "Answers normalized to [0, 1] on their scales (1 happiest): the rank key" }),
  })
  .openapi("Verbatim");

const CostlyTicket = z
  .object({
    ticket_id: z.string(),
    source: z.string(),
    cost: z
      .record(z.string(), z.string())
      .openapi({ description: "handling time × cost_per_hour + compensation, per currency" }),
    answers: AnswersSchema,
    comment: z.string().nullable(),
    submitted_at: z.string(),
    ...TicketSegments,
  })
  .openapi("CostlyTicket");

/**
 * The headline figure of each metric (worker/metrics/weekly.ts `HEADLINE`, which
 * the route checks against this list at compile time).
 */
export const HEADLINE_FIGURES = ["nps", "csat", "easy_pct"] as const;

const Headline = z
  .enum(HEADLINE_FIGURES)
  .openapi({ description: "The figure `change` compares; always higher-is-better" });

export const WeeklyReport = z
  .object({
    week: z.string().openapi({ example: "2026-W47" }),
    from: z.string().openapi({ description: "Monday, inclusive" }),
    to: z.string().openapi({ description: "Next Monday, exclusive" }),
    previous_week: z.object({ week: z.string(), from: z.string(), to: z.string() }),
    metrics: z.array(
      z.object({
        metric: z.enum(METRICS),
        scale: z
          .enum(CES_SCALES)
          .nullable()
          .openapi({ description: "CES: one entry per scale answered; null for NPS and CSAT" }),
        headline: Headline,
        current: FiguresSchema,
        previous: FiguresSchema,
        change: z
          .number()
          .nullable()
          .openapi({ description: "current − previous headline; null if a week has no answers" }),
      }),
    ),
    verbatims: z.object({
      positive: z.array(Verbatim).openapi({ description: "Up to five, most positive first" }),
      negative: z
        .array(Verbatim)
        .openapi({ description: "Up to five, most negative first; never the same as a positive" }),
    }),
    movers: z
      .array(
        z.object({
          metric: z.enum(METRICS),
          scale: z.enum(CES_SCALES).nullable(),
          dimension: z.enum(SEGMENT_DIMENSIONS),
          key: Segment.openapi({ description: "The segment value; null for answers without one" }),
          headline: Headline,
          current: z.number(),
          previous: z.number(),
          change: z.number(),
          n: z.number().int(),
          previous_n: z.number().int(),
        }),
      )
      .openapi({
        description:
          "Up to ten segments whose headline moved most, largest |change| first; at least 5 answers each week",
      }),
    costliest: z.array(CostlyTicket).openapi({
      description:
        "Up to five interactions answered this week with the highest cost (in the cost_per_hour currency), costliest first",
    }),
    ticket_of_the_week: CostlyTicket.nullable().openapi({
      description: "The unhappy answer of the week (detractor, unsatisfied or high effort) with the highest cost",
    }),
  })
  .openapi("WeeklyReport");

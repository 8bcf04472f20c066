import { z } from "@hono/zod-openapi";
import { FOLLOW_UP_STATUSES } from "../domain/follow-up";
import { TICKET_DIMENSIONS, type TicketDimension } from "../domain/segments";
import { AnswersSchema } from "../http/openapi";

/**
 * A follow-up as `GET /v1/follow-ups` lists it, a page of them, and the
 * summary of `GET /v1/follow-ups/summary`. Imports zod and the domain only, so
 * the dashboard can take its types from here.
 */

export const FollowUp = z
  .object({
    id: z.string(),
    response_id: z.string(),
    ticket_id: z.string(),
    source: z.string().nullable(),
    survey_id: z.string(),
    answers: AnswersSchema,
    comment: z.string().nullable(),
    ...(Object.fromEntries(TICKET_DIMENSIONS.map((d) => [d, z.string().nullable()])) as Record<
      TicketDimension,
      z.ZodNullable<z.ZodString>
    >),
    status: z.enum(FOLLOW_UP_STATUSES),
    assignee: z.string().nullable(),
    note: z.string().nullable(),
    resolution: z.string().nullable().openapi({ description: "`handled` (resolved by a person) or `answer_changed`" }),
    opened_at: z.string(),
    contacted_at: z.string().nullable(),
    updated_at: z.string(),
    resolved_at: z.string().nullable(),
  })
  .openapi("FollowUp");

export const FollowUpPage = z.object({ items: z.array(FollowUp), next_cursor: z.string().nullable() });

export const FollowUpSummary = z
  .object({
    opened: z.number(),
    contacted: z.number(),
    resolved: z.number(),
    open: z.number(),
    median_hours_to_contact: z.number().nullable(),
    median_hours_to_resolve: z.number().nullable(),
  })
  .openapi("FollowUpSummary");

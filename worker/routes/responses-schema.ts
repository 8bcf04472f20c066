import { z } from "@hono/zod-openapi";
import { AnswersSchema, TicketSourceSchema } from "../http/openapi";

/**
 * A response as `GET /v1/responses` lists it, and a page of them. Imports zod
 * and the domain only, so the dashboard can take its types from here.
 */

export const ResponseItem = z
  .object({
    id: z.string(),
    ticket_id: z.string(),
    source: TicketSourceSchema,
    survey_id: z.string(),
    answers: AnswersSchema,
    comment: z.string().nullable(),
    locale: z.string().nullable(),
    submitted_at: z.string(),
    updated_at: z.string(),
    channel: z.string().nullable(),
    request_type: z.string().nullable(),
    agent: z.string().nullable(),
    team: z.string().nullable(),
  })
  .openapi("Response");

export const ResponsePage = z.object({ items: z.array(ResponseItem), next_cursor: z.string().nullable() });

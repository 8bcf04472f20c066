import { z } from "@hono/zod-openapi";
import { METRICS, type Metric } from "../domain/metrics";
import { CUSTOMER_TENURES, SEGMENT_DIMENSIONS, type SegmentDimension, VALUE_TIERS } from "../domain/segments";
import { TICKET_SOURCES } from "../domain/ticket-source";

/** Shared OpenAPI pieces: the error body and the standard error responses. */

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "invalid_fields" }),
      message: z.string(),
      details: z
        .union([z.array(z.object({ path: z.string(), message: z.string() })), z.record(z.string(), z.unknown())])
        .optional()
        .openapi({ description: "The invalid fields; for `throttled`, `{next_eligible_at}`" }),
    }),
  })
  .openapi("Error");

const ERROR_TEXT: Record<number, string> = {
  400: "Malformed request (for instance, JSON that does not parse)",
  401: "Missing or bad credentials, token or signature",
  403: "The API key lacks the scope this route needs",
  404: "Unknown, or another workspace's",
  409: "Conflict with the current state",
  410: "The ticket behind this link was erased (`gone`); nothing is recorded",
  413: "Body over 64 KB",
  415: "Body is not JSON",
  422: "Valid JSON with invalid fields; `details` names them",
  429: "Rate limited; see Retry-After",
  503: "Database unavailable; see Retry-After",
};

/** The error responses a route documents, keyed by status. */
export function errors(...statuses: number[]) {
  return Object.fromEntries(
    [...statuses, 503].map((s) => [
      s,
      { description: ERROR_TEXT[s] ?? "Error", content: { "application/json": { schema: ErrorBody } } },
    ]),
  );
}

/** Bearer API-key security requirement for keyed routes. */
export const bearer = [{ apiKey: [] as string[] }];

/** A JSON request body that must be present. */
export function jsonRequest<T extends z.ZodType>(schema: T) {
  return { body: { required: true, content: { "application/json": { schema } } } };
}

export function jsonResponse<T extends z.ZodType>(description: string, schema: T) {
  return { description, content: { "application/json": { schema } } };
}

/** Segment fields shared by invitations, webhooks, responses and filters. */
export const segmentText = z.string().trim().min(1).max(200);

/**
 * The query filter of one segment dimension: free text for what a support tool names,
 * one of the fixed values for what the Worker derives from orders, so a misspelt
 * `customer_tenure` is a 422 naming it rather than an empty selection that looks real.
 */
export function segmentFilter(dimension: SegmentDimension): z.ZodOptional<z.ZodType<string>> {
  if (dimension === "customer_tenure") return z.enum(CUSTOMER_TENURES).optional();
  if (dimension === "value_tier") return z.enum(VALUE_TIERS).optional();
  return segmentText.optional();
}

/** One optional query filter per segment dimension (worker/domain/segments.ts). */
export const segmentFilters = Object.fromEntries(SEGMENT_DIMENSIONS.map((d) => [d, segmentFilter(d)])) as Record<
  SegmentDimension,
  z.ZodOptional<z.ZodType<string>>
>;

/** A `YYYY-MM-DD` day in the workspace's timezone. */
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Expected a date YYYY-MM-DD")
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    "Not a real date",
  );

/** Who numbers a ticket; every object that shows `ticket_id` shows it. */
export const TicketSourceSchema = z.string().openapi({
  enum: [...TICKET_SOURCES],
  description:
    "Who numbers `ticket_id`: `own` for the workspace's own ids (invitations by default, `standard` events), else the support tool whose hook reported the ticket. A ticket is `(source, ticket_id)`.",
  example: "own",
});

/** A stored response's answers as the API shows them: one optional number per metric (worker/domain/metrics.ts). */
export const AnswersSchema = z.object(
  Object.fromEntries(METRICS.map((metric) => [metric, z.number().optional()])) as Record<
    Metric,
    z.ZodOptional<z.ZodNumber>
  >,
);

import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { requireScope } from "../auth/api-key";
import { invalid } from "../domain/errors";
import type { AppEnv } from "../env";
import { ApiError } from "../http/errors";
import { importBodyLimit, parseJson } from "../http/json-body";
import { bearer, errors, jsonResponse } from "../http/openapi";
import { readExport } from "../import/csv-import";
import { itemOfExportRow, MAX_IMPORT_ITEMS, type RawItem } from "../import/import-item";
import { importResponses } from "../services/import-responses";
import { CSV_COLUMNS } from "./responses";

const ImportResult = z
  .object({
    imported: z.number().int().openapi({ description: "New responses" }),
    updated: z
      .number()
      .int()
      .openapi({ description: "Responses that existed and changed; identical ones count in neither" }),
    errors: z.array(z.object({ index: z.number().int(), code: z.string(), message: z.string() })).openapi({
      description:
        "Items not imported: `index` is the item's position (for CSV, the data row, 0 = first after the header)",
    }),
  })
  .openapi("ImportResult");

const route = createRoute({
  method: "post",
  path: "/v1/responses/import",
  tags: ["Responses"],
  summary: "Import historical answers (JSON or our own CSV export)",
  description: `Body: \`application/json\` \`{"items": [{"survey_id", "ticket_id", "source"?, "answers", "comment"?, "submitted_at", "customer"?: {"id"?, "email"?}, "channel"?, "request_type"?, "agent"?, "team"?, "locale"?}]}\` (at most ${MAX_IMPORT_ITEMS} items), or \`text/csv\`: the file \`GET /v1/responses.csv\` wrote (any of its delimiters). Up to 1 MB.
Idempotent per ticket and survey; valid items land even when others fail. \`?survey_id=\` sends every item to that survey (for an export from another workspace). See docs/import.md.`,
  security: bearer,
  middleware: [requireScope("write"), importBodyLimit] as const,
  request: { query: z.object({ survey_id: z.string().min(1).max(100).optional() }) },
  responses: {
    200: jsonResponse("What was imported, and why the rest was not", ImportResult),
    ...errors(400, 401, 403, 404, 413, 415, 422),
  },
});

export const responseImportRoutes = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const { survey_id: surveyOverride } = c.req.valid("query");
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  let items: RawItem[];
  if (/^application\/(?:[\w.+-]*\+)?json\s*(?:;|$)/.test(type)) {
    const body = parseJson(await c.req.text()) as { items?: unknown };
    if (typeof body !== "object" || body === null || !Array.isArray(body.items)) {
      throw invalid([{ path: "items", message: "Expected an array of items" }]);
    }
    items = body.items as RawItem[];
  } else if (/^text\/csv\s*(?:;|$)/.test(type)) {
    const read = readExport(await c.req.text(), CSV_COLUMNS);
    if (!read.ok)
      throw new ApiError(422, "foreign_csv_header", read.message, [{ path: "header", message: read.message }]);
    items = read.rows.map(itemOfExportRow);
  } else {
    throw new ApiError(415, "unsupported_media_type", "Send application/json or text/csv");
  }
  if (items.length > MAX_IMPORT_ITEMS) {
    throw invalid([{ path: "items", message: `At most ${MAX_IMPORT_ITEMS} items per request` }]);
  }
  return c.json(await importResponses(c.var.db, c.var.workspaceId, items, surveyOverride), 200);
});

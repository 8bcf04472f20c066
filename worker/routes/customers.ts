import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { requireScope } from "../auth/api-key";
import { invalid } from "../domain/errors";
import { OWN, TICKET_SOURCES } from "../domain/ticket-source";
import type { AppEnv } from "../env";
import { bearer, errors, jsonResponse } from "../http/openapi";
import { eraseCustomer } from "../services/erase-customer";

const erase = createRoute({
  method: "delete",
  path: "/v1/customers",
  tags: ["Customers"],
  summary: "Erase a customer everywhere (GDPR)",
  description:
    "Deletes the customer's interactions, responses, orders and identity links; the score rollups forget their answers in the same transaction. The erased tickets keep a tombstone without personal data, so their survey links answer 410 `gone` and record nothing. Idempotent: erasing an unknown customer deletes nothing.",
  security: bearer,
  middleware: [requireScope("admin")] as const,
  request: {
    query: z.object({
      // Checked as an address: an unencoded `+` reaches us as a space, and a hash of that
      // would match no one, so the erasure would answer 200 having erased nothing.
      email: z
        .string()
        .trim()
        .max(320)
        .email({ message: "Expected an e-mail address; in a query string write + as %2B" })
        .optional(),
      id: z.string().trim().max(200).optional(),
      source: z.enum(TICKET_SOURCES).default(OWN).openapi({
        description:
          "Who numbers `id`: `own` (default) for the workspace's own customer ids, else the support tool's name. Another tool's customer with the same raw id is untouched.",
      }),
    }),
  },
  responses: {
    200: jsonResponse(
      "Erased",
      z.object({ deleted: z.object({ interactions: z.number(), responses: z.number(), orders: z.number() }) }),
    ),
    ...errors(401, 403, 422),
  },
});

export const customerRoutes = new OpenAPIHono<AppEnv>().openapi(erase, async (c) => {
  const { email, id, source } = c.req.valid("query");
  if (!email && !id) throw invalid([{ path: "email", message: "Give email or id" }]);
  const deleted = await eraseCustomer(c.var.db, c.var.workspaceId, { email, id, source });
  return c.json({ deleted }, 200);
});

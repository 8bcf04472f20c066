import { z } from "@hono/zod-openapi";

/**
 * A ticket's customer as the API takes it, in an invitation and in an import item alike: the
 * workspace's own customer id and/or an e-mail, which is kept only as a salted hash
 * (worker/store/identity.ts) to match the customer's orders and other tickets.
 */
export const CustomerSchema = z
  .object({
    id: z.union([z.string().trim().min(1).max(200), z.number().int().transform(String)]).optional(),
    email: z.string().trim().max(320).email().optional(),
  })
  .openapi("Customer");

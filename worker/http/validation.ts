import type { ZodError } from "zod";
import { type ErrorDetail, invalid } from "../domain/errors";

/** Turns a zod error into the contract's `details`: one `{path, message}` per issue. */
export function zodDetails(error: ZodError): ErrorDetail[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(root)",
    message: issue.message,
  }));
}

/**
 * The `defaultHook` of the OpenAPI app: a request that fails its schema is a 422
 * naming the fields, never a 400 with a stack or a 500.
 */
export function validationHook(result: { success: boolean; error?: ZodError }) {
  if (!result.success && result.error) throw invalid(zodDetails(result.error));
}

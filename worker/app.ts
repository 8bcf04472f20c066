import { OpenAPIHono } from "@hono/zod-openapi";
import { HTTPException } from "hono/http-exception";
import { withDatabase } from "./db";
import { DomainError } from "./domain/errors";
import type { AppEnv } from "./env";
import { ApiError, describeForLog, errorResponse, isDatabaseUnavailable } from "./http/errors";
import { jsonBody } from "./http/json-body";
import { serveOpenApiDocument } from "./http/openapi-document";
import { responsesCors, surveyJsonCors } from "./http/public-cors";
import { rateLimit } from "./http/rate-limit";
import { securityHeaders } from "./http/security-headers";
import { serverTiming } from "./http/server-timing";
import { refuseMalformedSigningKeys } from "./http/signing-keys-check";
import { validationHook } from "./http/validation";
import { apiKeyRoutes } from "./routes/api-keys";
import { customerRoutes } from "./routes/customers";
import { dashboardRoutes } from "./routes/dashboard";
import { dashboardSummaryRoutes } from "./routes/dashboard-summary";
import { demoRoutes } from "./routes/demo";
import { followUpRoutes } from "./routes/follow-ups";
import { hookRoutes } from "./routes/hooks";
import { impactRoutes } from "./routes/impact";
import { integrationRoutes } from "./routes/integrations";
import { invitationRoutes } from "./routes/invitations";
import { oneClickRoutes } from "./routes/one-click";
import { reportRoutes } from "./routes/reports";
import { repurchaseRoutes } from "./routes/repurchase";
import { responseRateRoutes } from "./routes/response-rate";
import { responseRoutes } from "./routes/responses";
import { responseImportRoutes } from "./routes/responses-import";
import { scoreRoutes } from "./routes/scores";
import { surveyJsonRoutes } from "./routes/survey-json";
import { surveyPageRoutes } from "./routes/survey-page";
import { surveyRoutes } from "./routes/surveys";
import { targetRoutes } from "./routes/targets";
import { themeRoutes } from "./routes/theme";
import { webhookEndpointRoutes } from "./routes/webhook-endpoints";
import { workspaceSettingsRoutes } from "./routes/workspace-settings";
import { workspaceRoutes } from "./routes/workspaces";
import { resolveWorkspace } from "./shards/resolve";

/**
 * Assembles the Worker: middleware, then each area's routes. Every route module
 * is an OpenAPIHono app whose zod schemas validate requests and also produce
 * `/openapi.json`.
 */
export function createApp() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use("*", securityHeaders);
  // Public routes first: every later refusal (body, rate limit, database) stays readable cross-origin.
  app.use("/v1/responses", responsesCors);
  app.use("/s/:token/survey.json", surveyJsonCors);
  app.use("*", serverTiming);
  app.use("*", refuseMalformedSigningKeys);
  app.use("*", withDatabase);
  app.use("/v1/*", async (c, next) => {
    // Webhook receivers verify signatures over the raw bytes, so they read the body themselves.
    if (c.req.path.startsWith("/v1/hooks/")) return next();
    // Imports take JSON or our own CSV export, up to 1 MB: the route reads its body itself.
    if (c.req.path === "/v1/responses/import") return next();
    return jsonBody(c, next);
  });
  // After the body check, so POST /v1/responses can be keyed by the token in its body.
  app.use("*", rateLimit);
  // After the rate limit, so a refused request costs no directory read.
  app.use("*", resolveWorkspace);

  app.get("/healthz", (c) => c.json({ ok: true }));

  app.route("/", workspaceRoutes);
  app.route("/", apiKeyRoutes);
  app.route("/", surveyRoutes);
  app.route("/", invitationRoutes);
  app.route("/", responseImportRoutes);
  app.route("/", responseRoutes);
  app.route("/", customerRoutes);
  app.route("/", scoreRoutes);
  app.route("/", reportRoutes);
  app.route("/", integrationRoutes);
  app.route("/", hookRoutes);
  app.route("/", repurchaseRoutes);
  app.route("/", dashboardSummaryRoutes);
  app.route("/", webhookEndpointRoutes);
  app.route("/", followUpRoutes);
  app.route("/", impactRoutes);
  app.route("/", workspaceSettingsRoutes);
  app.route("/", responseRateRoutes);
  app.route("/", targetRoutes);
  app.route("/", surveyJsonRoutes);
  app.route("/", surveyPageRoutes);
  app.route("/", oneClickRoutes);
  app.route("/", demoRoutes);
  app.route("/", themeRoutes);
  app.route("/", dashboardRoutes);

  app.openAPIRegistry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    description: "A workspace API key (`ak_…`)",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "adminToken", {
    type: "http",
    scheme: "bearer",
    description: "The operator's ADMIN_TOKEN",
  });
  // Generated at build time (scripts/build-openapi.mjs) from these routes.
  app.get("/openapi.json", serveOpenApiDocument);

  app.notFound((c) => errorResponse(c, new ApiError(404, "not_found", `No route for ${c.req.method} ${c.req.path}`)));

  app.onError((err, c) => {
    // The one place a failure becomes a status and the JSON error shape.
    if (err instanceof ApiError || err instanceof DomainError) return errorResponse(c, err);
    if (err instanceof HTTPException) {
      const status = err.status;
      const code = status === 400 ? "bad_request" : status === 413 ? "body_too_large" : "http_error";
      return errorResponse(c, new ApiError(status as 400, code, err.message || "Bad request"));
    }
    if (isDatabaseUnavailable(err)) {
      return errorResponse(
        c,
        new ApiError(503, "database_unavailable", "The database is unavailable; retry shortly", undefined, {
          "Retry-After": "5",
        }),
      );
    }
    // Never the error itself: its message may hold the bound values of a failed query.
    console.error("unhandled", describeForLog(err));
    return errorResponse(c, new ApiError(500, "internal_error", "Something went wrong on our side"));
  });

  return app;
}

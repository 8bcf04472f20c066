import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";

/**
 * CORS for the two routes any shop's page calls: `POST /v1/responses` and
 * `GET /s/:token/survey.json`. The signed token is the credential, not a cookie,
 * so any origin may call them. Mounted ahead of the body check, the rate limit
 * and the database (worker/app.ts), so their errors (400, 413, 415, 429, 503)
 * reach the widget readable too; exposing Retry-After lets it wait as long as
 * a 429/503 asks.
 */
const answerCors = cors({
  origin: "*",
  allowMethods: ["POST", "OPTIONS"],
  allowHeaders: ["Content-Type"],
  exposeHeaders: ["Retry-After"],
  maxAge: 86400,
});

export const surveyJsonCors = cors({
  origin: "*",
  allowMethods: ["GET"],
  exposeHeaders: ["Retry-After"],
  maxAge: 86400,
});

/** `/v1/responses`: only the public POST (and its preflight); the keyed GET grants no other origin. */
export const responsesCors: MiddlewareHandler = (c, next) =>
  c.req.method === "POST" || c.req.method === "OPTIONS" ? answerCors(c, next) : next();

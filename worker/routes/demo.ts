import { OpenAPIHono } from "@hono/zod-openapi";
import { h } from "preact";
import { pickLocale } from "../../widget/survey-ui/locale";
import { PAGE_STRINGS } from "../../widget/survey-ui/strings";
import { DomainError, notFound } from "../domain/errors";
import { OWN } from "../domain/ticket-source";
import type { AppEnv } from "../env";
import { publicOrigin } from "../http/public-origin";
import { DemoShopPage } from "../pages/DemoShopPage";
import { htmlResponse } from "../pages/html-response";
import { MessagePage } from "../pages/MessagePage";
import { invite } from "../services/invite";
import { findDefaultSurvey } from "../store/surveys";
import { getWorkspace } from "../store/workspaces";

/** The demo shop's workspace, created by the demo seeder (`npm start`). */
export const DEMO_WORKSPACE_ID = "ws_demo";

/** The `/demo` shop, a page with the widget on it, for trying Aftercare locally. */
export const demoRoutes = new OpenAPIHono<AppEnv>();

// The demo shop: a fresh ticket and invitation on each visit, so every visitor answers afresh.
demoRoutes.get("/demo", async (c) => {
  const locale = pickLocale(c.req.query("lang"), "fr");
  const db = c.var.db;
  try {
    const workspace = await getWorkspace(db, DEMO_WORKSPACE_ID);
    const survey = await findDefaultSurvey(db, DEMO_WORKSPACE_ID);
    if (!survey) throw notFound("Demo survey");
    const origin = publicOrigin(c.env, c.req.url);
    const ticketId = `DEMO-${crypto.randomUUID().slice(0, 8).toUpperCase()}`;
    const invitation = await invite(
      db,
      c.env,
      origin,
      workspace,
      survey,
      { ticketId, channel: "chat", requestType: "delivery", agent: "Camille", team: "Service client", source: OWN },
      locale,
    );
    return htmlResponse(h(DemoShopPage, { locale, origin, token: invitation.token, ticketId }));
  } catch (error) {
    if (!(error instanceof DomainError && error.kind === "not_found")) throw error;
    const t = PAGE_STRINGS[locale];
    return htmlResponse(h(MessagePage, { locale, title: t.demoMissingTitle, body: t.demoMissingBody }), 404);
  }
});

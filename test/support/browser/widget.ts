import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import type { Page } from "playwright-core";

/** Helpers shared by the widget, hosted-page and one-click browser tests. */

export interface Workspace {
  id: string;
  key: string;
  defaultSurveyId: string;
}

export class Api {
  constructor(
    readonly origin: string,
    private readonly adminToken: string,
  ) {}

  private async call(method: string, route: string, key: string, body?: unknown) {
    const res = await fetch(`${this.origin}${route}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = (await res.json()) as any;
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  async workspace(name = "Browser shop"): Promise<Workspace> {
    const body = await this.call("POST", "/v1/workspaces", this.adminToken, { name });
    return { id: body.workspace.id, key: body.api_key, defaultSurveyId: body.workspace.default_survey_id };
  }

  async survey(ws: Workspace, body: Record<string, unknown>): Promise<string> {
    return (await this.call("POST", "/v1/surveys", ws.key, { name: "Survey", ...body })).id;
  }

  async invite(
    ws: Workspace,
    body: Record<string, unknown>,
  ): Promise<{ token: string; url: string; links: Record<string, string> }> {
    return this.call("POST", "/v1/invitations", ws.key, { survey_id: ws.defaultSurveyId, ...body });
  }

  async responses(
    ws: Workspace,
  ): Promise<{ ticket_id: string; answers: Record<string, number>; comment: string | null }[]> {
    return (await this.call("GET", "/v1/responses", ws.key)).items;
  }
}

/**
 * A shop on another origin (another port of 127.0.0.1), serving one page with
 * the CSP and stylesheet a test gives it. The widget must live with both.
 */
export async function startShop(): Promise<{
  origin: string;
  serve: (page: { html: string; csp?: string; css?: string }) => void;
  close: () => Promise<void>;
}> {
  let current = { html: "", csp: "", css: "" };
  const server: Server = createServer((req, res) => {
    if (req.url === "/shop.css") {
      res.writeHead(200, { "content-type": "text/css" }).end(current.css);
      return;
    }
    res
      .writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        ...(current.csp ? { "content-security-policy": current.csp } : {}),
      })
      .end(current.html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    serve: (page) => {
      current = { html: page.html, csp: page.csp ?? "", css: page.css ?? "" };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const AXE = readFileSync(path.resolve(import.meta.dirname, "../../../node_modules/axe-core/axe.min.js"), "utf8");

/** The WCAG 2.0/2.1/2.2 A and AA rules. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** The WCAG 2.0/2.1 A and AA rules (the dashboard's and the docs page's checks). */
export const WCAG21_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Runs axe-core in the page (open shadow roots included) and returns its
 * violations, summarised: over the whole document, or `within` one selector.
 * Injected through the DevTools protocol, so the page's own CSP does not stop it.
 */
export async function axeViolations(
  page: Page,
  options: { within?: string; tags?: string[] } = {},
): Promise<{ id: string; impact: string; targets: string[] }[]> {
  await page.evaluate(AXE);
  return page.evaluate(
    async ({ tags, within }) => {
      const axe = (window as any).axe;
      const result = await axe.run(within ?? document, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations"],
      });
      return result.violations.map((v: any) => ({
        id: v.id,
        impact: v.impact,
        targets: v.nodes.map((n: any) => JSON.stringify(n.target)),
      }));
    },
    { tags: options.tags ?? WCAG_TAGS, within: options.within ?? null },
  );
}

import { describe, expect, it } from "vitest";
import { ApiFailure, apiClient, withQuery } from "../../widget/src/dashboard/api";
import { apiFilters, nextDay, readFilters, writeFilters } from "../../widget/src/dashboard/filters";
import { formatter, initialLang, MESSAGES, translate } from "../../widget/src/dashboard/i18n";
import { bandName, position } from "../../widget/src/dashboard/stats";
import { shiftWeek } from "../../widget/src/dashboard/weeks";
import { anchorFor, expandable, groupByTag, type OpenApiDocument, typeLabel } from "../../widget/src/docs/openapi";
import { wilsonPercent } from "../../worker/domain/intervals";
import { csatFigures } from "../../worker/metrics/scores";

describe("dashboard filters in the URL", () => {
  it("reads what it writes, and leaves other parameters alone", () => {
    const filters = {
      from: "2026-09-01",
      to: "2026-09-30",
      channel: "chat",
      request_type: "logistics",
      trend: "month" as const,
    };
    const query = writeFilters(filters, "?lang=fr&channel=email");
    expect(query).toContain("lang=fr");
    expect(query).toContain("channel=chat");
    expect(query).not.toContain("email");
    expect(readFilters(query)).toEqual(filters);
  });

  it("drops malformed values rather than guessing", () => {
    expect(readFilters("?from=2026-02-30&to=yesterday&trend=year&agent=%20")).toEqual({ trend: "week" });
    expect(writeFilters({ trend: "week" })).toBe("");
  });

  it("turns the inclusive end date into the API's exclusive `to`", () => {
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
    expect(nextDay("2028-02-28")).toBe("2028-02-29");
    expect(apiFilters({ from: "2026-11-01", to: "2026-11-07", team: "N1", trend: "day" })).toEqual({
      from: "2026-11-01",
      to: "2026-11-08",
      channel: undefined,
      request_type: undefined,
      agent: undefined,
      team: "N1",
    });
  });
});

describe("dashboard maths and formatting", () => {
  it("computes the Wilson interval like the API's CSAT interval", () => {
    expect(wilsonPercent(0, 0)).toBeNull();
    const [lo, hi] = wilsonPercent(8, 10) as [number, number];
    // Hand-computed: p = 0.8, n = 10, z = 1.96 → [49.02, 94.33]
    expect(lo).toBeCloseTo(49.02, 1);
    expect(hi).toBeCloseTo(94.33, 1);
    const [lo0, hi0] = wilsonPercent(0, 5) as [number, number];
    expect(lo0).toBe(0);
    expect(hi0).toBeCloseTo(43.45, 1);
  });

  it("shows the very interval the API computes (one implementation, one z)", () => {
    for (let n = 1; n <= 60; n++)
      for (let s = 0; s <= n; s++) {
        const api = csatFigures(
          new Map(
            [
              [5, s],
              [1, n - s],
            ].filter(([, c]) => c! > 0) as [number, number][],
          ),
        ).ci95;
        expect(wilsonPercent(s, n)).toEqual(api);
      }
  });

  it("places values on a scale and normalises band names", () => {
    expect(position(0, -100, 100)).toBe(50);
    expect(position(150, -100, 100)).toBe(100);
    expect(bandName("World class")).toBe("world-class");
    expect(bandName({ band: "good" })).toBe("good");
    expect(bandName(null)).toBeNull();
  });

  it("formats in French and English", () => {
    const fr = formatter("fr");
    const en = formatter("en");
    expect(en.signed(23.4)).toBe("+23");
    expect(en.signed(-5.6)).toBe("−6");
    expect(en.pct(76.4)).toBe("76%");
    expect(fr.pct(76.4).replace(/\s/g, " ")).toBe("76 %");
    expect(fr.decimal(4.25).replace(/\s/g, " ")).toBe("4,3");
    expect(en.money("12.50", "EUR")).toBe("€12.50");
    expect(en.period("2026-W07")).toBe("W7 2026");
    expect(fr.period("2026-W07")).toBe("S7 2026");
  });

  it("picks the saved language, else the browser's, else English", () => {
    expect(initialLang("fr", ["en-US"])).toBe("fr");
    expect(initialLang(null, ["de-DE", "fr-CA", "en"])).toBe("fr");
    expect(initialLang(null, ["de"])).toBe("en");
    expect(translate("fr", "answers", { n: 12 })).toBe("12 réponses");
  });

  it("has every message in both languages", () => {
    const keys = (o: object) => Object.keys(o).sort();
    expect(keys(MESSAGES.fr)).toEqual(keys(MESSAGES.en));
    expect(keys(MESSAGES.fr.bands)).toEqual(keys(MESSAGES.en.bands));
    expect(keys(MESSAGES.fr.values)).toEqual(keys(MESSAGES.en.values));
  });

  it("steps ISO weeks across year ends", () => {
    expect(shiftWeek("2026-W47", -1)).toBe("2026-W46");
    expect(shiftWeek("2026-W01", -1)).toBe("2025-W52");
    expect(shiftWeek("2026-W53", 1)).toBe("2027-W01");
  });
});

describe("dashboard API client", () => {
  it("sends the key, leaves out empty parameters and turns errors into ApiFailure", async () => {
    expect(withQuery("/v1/scores", { metric: "nps", channel: undefined, team: "" })).toBe("/v1/scores?metric=nps");
    const seen: { url: string; auth: string | null }[] = [];
    const fake = (async (url: string, init?: RequestInit) => {
      seen.push({ url, auth: new Headers(init?.headers).get("authorization") });
      return Response.json({ error: { code: "unauthorized", message: "Unknown or revoked API key" } }, { status: 401 });
    }) as typeof fetch;
    const get = apiClient("ak_x", fake);
    const failure: unknown = await get("/v1/scores", { metric: "csat" }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiFailure);
    expect((failure as ApiFailure).status).toBe(401);
    expect(seen).toEqual([{ url: "/v1/scores?metric=csat", auth: "Bearer ak_x" }]);
  });

  it("tells a missing route from a missing object", () => {
    expect(new ApiFailure(404, "not_found", "No route for GET /v1/repurchase").missingRoute).toBe(true);
    expect(new ApiFailure(404, "not_found", "Survey not found").missingRoute).toBe(false);
  });
});

describe("docs renderer helpers", () => {
  const doc: OpenApiDocument = {
    openapi: "3.1.0",
    info: { title: "T", version: "1" },
    paths: {
      "/v1/b": { get: { tags: ["B"], responses: {} } },
      "/v1/a/{id}": { post: { tags: ["A"], responses: {} }, delete: { responses: {} } },
    },
    components: {
      schemas: {
        Node: {
          type: "object",
          properties: { child: { $ref: "#/components/schemas/Node" }, n: { type: ["integer", "null"] } },
        },
      },
    },
  };

  it("groups operations by tag, untagged ones last under Other", () => {
    const groups = groupByTag(doc);
    expect(groups.map((g) => [g.tag, g.operations.map((o) => `${o.method} ${o.path}`)])).toEqual([
      ["B", ["get /v1/b"]],
      ["A", ["post /v1/a/{id}"]],
      ["Other", ["delete /v1/a/{id}"]],
    ]);
    expect(anchorFor("post", "/v1/hooks/{workspace_id}/{source}")).toBe("post-v1-hooks-workspace_id-source");
  });

  it("labels types and stops at a self reference", () => {
    expect(typeLabel(doc, { type: "array", items: { $ref: "#/components/schemas/Node" } })).toBe("array of Node");
    expect(typeLabel(doc, { anyOf: [{ type: "string" }, { type: "null" }] })).toBe("string | null");
    expect(typeLabel(doc, { type: "object", additionalProperties: { type: "integer" } })).toBe(
      "map of string → integer",
    );
    const top = expandable(doc, { $ref: "#/components/schemas/Node" });
    expect(top && "schema" in top).toBe(true);
    expect(expandable(doc, { $ref: "#/components/schemas/Node" }, top?.seen)).toBeNull();
  });
});

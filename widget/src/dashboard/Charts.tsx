import { csatBand } from "../../../worker/domain/benchmarks";
import { CSAT_CATEGORIES } from "../../../worker/domain/metrics";
import type { CsatFigures, Grouped, NpsFigures, RepurchaseFigures } from "./api";
import { type Bar, BarList } from "./charts/BarList";
import { ChartUnavailable } from "./charts/ChartFigure";
import { Columns } from "./charts/Columns";
import { SplitBar } from "./charts/SplitBar";
import { TrendLine } from "./charts/TrendLine";
import type { TrendGrain } from "./filters";
import type { DashboardData, Section } from "./load";
import { type LocaleTools, useLocale } from "./locale-context";
import { CSAT_VALUES, NPS_CATEGORY_ORDER, toneOf } from "./tones";

/** Renders `ok` sections with `draw`, and anything else as a titled placeholder. */
function when<T>(
  section: Section<T>,
  id: string,
  title: string,
  tools: LocaleTools,
  draw: (data: T) => preact.JSX.Element,
) {
  if (section.status === "ok") return draw(section.data);
  const message =
    section.status === "missing" ? tools.t("unavailable") : tools.t("failed", { message: section.message });
  return <ChartUnavailable id={id} title={title} message={message} />;
}

function repurchaseBars(data: Grouped<RepurchaseFigures>, tools: LocaleTools, order?: string[]): Bar[] {
  const groups = [...(data.groups ?? [])];
  if (order) groups.sort((a, b) => order.indexOf(a.key ?? "") - order.indexOf(b.key ?? ""));
  else groups.sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1));
  return groups.map((g) => ({
    key: g.key ?? "",
    label: order && NPS_CATEGORY_ORDER.includes(g.key ?? "") ? tools.t(g.key as "promoter") : tools.label(g.key),
    value: g.rate === null ? null : g.rate * 100,
    text: g.rate === null ? "—" : tools.fmt.pct(g.rate * 100),
    detail: `${tools.fmt.count(g.repurchased)}/${tools.fmt.count(g.eligible)}`,
    tone: order ? (g.key ?? "unanswered") : "repurchase",
  }));
}

function trendPoints(
  data: Grouped<NpsFigures> | Grouped<CsatFigures>,
  value: (g: any) => number | null,
  tools: LocaleTools,
) {
  return [...(data.groups ?? [])]
    .sort((a, b) => String(a.key).localeCompare(String(b.key)))
    .map((g) => ({ key: String(g.key), label: tools.fmt.period(String(g.key)), value: value(g), n: g.n }));
}

/** The charts section: the NPS split, trends, the CSAT distribution and the repurchase breakdowns. */
export function Charts(props: { data: DashboardData; grain: TrendGrain }) {
  const tools = useLocale();
  const { t, fmt } = tools;
  const d = props.data;
  const grain = t(props.grain).toLowerCase();
  return (
    <div class="charts">
      {when(d.nps, "chart-split", t("split"), tools, (nps) => (
        <SplitBar
          id="chart-split"
          title={t("split")}
          parts={[
            { key: "promoter", label: t("promoters"), count: nps.promoters?.count ?? 0, pct: nps.promoters?.pct ?? 0 },
            { key: "passive", label: t("passives"), count: nps.passives?.count ?? 0, pct: nps.passives?.pct ?? 0 },
            {
              key: "detractor",
              label: t("detractors"),
              count: nps.detractors?.count ?? 0,
              pct: nps.detractors?.pct ?? 0,
            },
          ]}
        />
      ))}
      {when(d.csat, "chart-csat-distribution", t("csatDistribution"), tools, (csat) => (
        <Columns
          id="chart-csat-distribution"
          title={t("csatDistribution")}
          columns={CSAT_VALUES.map((k) => ({
            key: k,
            count: Number(csat.distribution?.[k] ?? 0),
            tone: toneOf(CSAT_CATEGORIES, Number(k)),
          }))}
        />
      ))}
      {when(d.trendNps, "chart-trend-nps", t("trendNps", { grain }), tools, (trend) => (
        <TrendLine
          id="chart-trend-nps"
          title={t("trendNps", { grain })}
          points={trendPoints(trend, (g: NpsFigures) => g.nps, tools)}
          min={-100}
          max={100}
          ticks={[-100, -50, 0, 50, 100]}
          format={fmt.signed}
          tone="nps"
        />
      ))}
      {when(d.trendCsat, "chart-trend-csat", t("trendCsat", { grain }), tools, (trend) => (
        <TrendLine
          id="chart-trend-csat"
          title={t("trendCsat", { grain })}
          points={trendPoints(trend, (g: CsatFigures) => g.csat, tools)}
          min={0}
          max={100}
          ticks={[0, 25, 50, 75, 100]}
          format={fmt.pct}
          tone="csat"
        />
      ))}
      {when(d.csatByType, "chart-csat-by-type", t("csatByType"), tools, (byType) => (
        <BarList
          id="chart-csat-by-type"
          title={t("csatByType")}
          valueColumn={t("csat")}
          detailColumn={t("count")}
          bars={[...(byType.groups ?? [])]
            .sort((a, b) => (b.csat ?? -1) - (a.csat ?? -1))
            .map((g) => ({
              key: g.key ?? "",
              label: tools.label(g.key),
              value: g.csat,
              text: g.csat === null ? "—" : fmt.pct(g.csat),
              detail: `n = ${fmt.count(g.n)}`,
              // Red for a CSAT in the benchmark's lowest band.
              tone: csatBand(g.csat) === "critical" ? "bad" : "csat",
            }))}
        />
      ))}
      {when(d.repurchaseByNps, "chart-repurchase-by-nps", t("repurchaseByNps"), tools, (data) => (
        <BarList
          id="chart-repurchase-by-nps"
          title={t("repurchaseByNps")}
          valueColumn={t("rate")}
          detailColumn={t("eligible")}
          bars={repurchaseBars(data, tools, NPS_CATEGORY_ORDER)}
        />
      ))}
      {when(d.repurchaseByType, "chart-repurchase-by-type", t("repurchaseByType"), tools, (data) => (
        <BarList
          id="chart-repurchase-by-type"
          title={t("repurchaseByType")}
          valueColumn={t("rate")}
          detailColumn={t("eligible")}
          bars={repurchaseBars(data, tools)}
        />
      ))}
      {when(d.repurchaseByChannel, "chart-repurchase-by-channel", t("repurchaseByChannel"), tools, (data) => (
        <BarList
          id="chart-repurchase-by-channel"
          title={t("repurchaseByChannel")}
          valueColumn={t("rate")}
          detailColumn={t("eligible")}
          bars={repurchaseBars(data, tools)}
        />
      ))}
    </div>
  );
}

import { useEffect, useState } from "preact/hooks";
import type { ApiGet, WeeklyReportBody } from "./api";
import { type Section, section } from "./load";
import { useLocale } from "./locale-context";
import { useAnswerTone } from "./survey-scales";
import { answerText } from "./Verbatims";
import { shiftWeek } from "./weeks";

/**
 * The managers' weekly ritual: each metric against the week before, the
 * segments that moved most and the strongest comments both ways. Follows its
 * own week (the report takes no segment filters), starting at the last
 * complete week.
 */
export function WeeklyReport(props: { get: ApiGet; onKeyRejected: (e: unknown) => void }) {
  const { t, tc, fmt, label, segmentValue, lang } = useLocale();
  const tone = useAnswerTone();
  const [week, setWeek] = useState<string | null>(null);
  const [report, setReport] = useState<Section<WeeklyReportBody> | null>(null);

  useEffect(() => {
    let live = true;
    section(props.get<WeeklyReportBody>("/v1/reports/weekly", { week: week ?? undefined })).then(
      (result) => live && setReport(result),
      (e) => live && props.onKeyRejected(e),
    );
    return () => {
      live = false;
    };
  }, [week, props.get]);

  if (!report) return <p class="note">{t("loading")}</p>;
  if (report.status !== "ok") {
    return (
      <p class="note weekly-unavailable">
        <span aria-hidden="true">— </span>
        {report.status === "missing" ? t("unavailable") : t("failed", { message: report.message })}
      </p>
    );
  }
  const r = report.data;
  const headline = (metric: string, value: unknown) =>
    typeof value !== "number" ? "—" : metric === "nps" ? fmt.signed(value) : fmt.pct(value);
  const delta = (metric: string, change: number | null) =>
    change === null
      ? "—"
      : `${change > 0 ? "▲ " : change < 0 ? "▼ " : ""}${metric === "nps" ? fmt.signed(change) : `${change > 0 ? "+" : change < 0 ? "−" : ""}${fmt.decimal(Math.abs(change))}`}`;
  // CES answered on both scales gets one entry per scale: name the 1–5 one apart.
  const metricName = (m: { metric: string; scale?: string | null }) =>
    m.metric === "ces" && m.scale === "effort5" ? `${t("ces")} 1–5` : t(m.metric as "nps");
  const lastDay = new Date(Date.parse(`${r.to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

  return (
    <div class="weekly">
      <div class="weekly-nav">
        <button type="button" onClick={() => setWeek(shiftWeek(r.week, -1))}>
          <span aria-hidden="true">← </span>
          {fmt.period(shiftWeek(r.week, -1))}
        </button>
        <h3 class="weekly-title">
          {fmt.period(r.week)}{" "}
          <span class="meta">
            ({fmt.period(r.from)} – {fmt.period(lastDay)})
          </span>
        </h3>
        <button type="button" onClick={() => setWeek(shiftWeek(r.week, 1))}>
          {fmt.period(shiftWeek(r.week, 1))}
          <span aria-hidden="true"> →</span>
        </button>
      </div>
      <ul class="weekly-metrics">
        {r.metrics.map((m) => (
          <li key={`${m.metric}-${m.scale}`} class="weekly-metric">
            <span class="weekly-name">{metricName(m)}</span>
            <strong class="weekly-value">
              {/* The schema's union of NPS, CSAT and CES figures does not say which metric's these are. */}
              {headline(m.metric, (m.current as Record<string, unknown>)[m.headline])}
              {m.headline === "easy_pct" ? ` ${t("easyShort")}` : ""}
            </strong>
            <span class={`weekly-change ${m.change === null ? "" : m.change >= 0 ? "up" : "down"}`}>
              {t("weekChange", { delta: delta(m.metric, m.change) })}
            </span>
            <span class="meta">{tc("answers", m.current.n)}</span>
          </li>
        ))}
      </ul>
      <h4>{t("movers")}</h4>
      {r.movers.length === 0 ? (
        <p class="note">{t("noMovers")}</p>
      ) : (
        <div class="table-scroll">
          <table class="movers">
            <thead>
              <tr>
                <th scope="col">{t("segment")}</th>
                <th scope="col">{t("score")}</th>
                <th scope="col">{lang === "fr" ? "Avant → après" : "Before → after"}</th>
                <th scope="col">{t("count")}</th>
              </tr>
            </thead>
            <tbody>
              {r.movers.map((m) => (
                <tr key={`${m.metric}-${m.dimension}-${m.key}`}>
                  <th scope="row">
                    {t(m.dimension)}: {segmentValue(m.dimension, m.key)}
                  </th>
                  <td>
                    {metricName(m)} <span class={m.change >= 0 ? "up" : "down"}>{delta(m.metric, m.change)}</span>
                  </td>
                  <td>
                    {headline(m.metric, m.previous)} → {headline(m.metric, m.current)}
                  </td>
                  <td>
                    {fmt.count(m.previous_n)} → {fmt.count(m.n)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div class="weekly-verbatims">
        {(["positive", "negative"] as const).map((side) => (
          <div key={side}>
            <h4>{side === "positive" ? t("mostPositive") : t("mostNegative")}</h4>
            {r.verbatims[side].length === 0 ? (
              <p class="note">{t("noVerbatims")}</p>
            ) : (
              <ul class="verbatims">
                {r.verbatims[side].map((v) => (
                  <li key={v.id} class="verbatim">
                    <span class={`chip ${tone(v.answers, v.survey_id)}`}>{answerText(v.answers)}</span>
                    <blockquote lang={v.locale ?? undefined}>{v.comment}</blockquote>
                    <p class="meta">
                      {[v.channel, v.request_type].filter(Boolean).map(label).join(" · ")}
                      {v.agent ? ` · ${v.agent}` : ""}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>
    </div>
  );
}

import { useLocale } from "../locale-context";
import { ChartFigure } from "./ChartFigure";

export interface Part {
  key: string;
  label: string;
  count: number;
  pct: number;
}

/** One 100 % stacked bar (promoters, passives, detractors) with a legend that carries the numbers. */
export function SplitBar(props: { id: string; title: string; parts: Part[] }) {
  const { t, fmt } = useLocale();
  const n = props.parts.reduce((s, p) => s + p.count, 0);
  const summary =
    n === 0
      ? t("chartEmpty", { title: props.title })
      : t("chartSummaryBars", {
          title: props.title,
          items: props.parts.map((p) => `${p.label} ${fmt.pct(p.pct)} (${fmt.count(p.count)})`).join(", "),
        });
  return (
    <ChartFigure
      id={props.id}
      title={props.title}
      summary={summary}
      columns={[t("segment"), t("share"), t("count")]}
      rows={props.parts.map((p) => [p.label, fmt.pct(p.pct), fmt.count(p.count)])}
    >
      {n === 0 ? (
        <p class="note">{t("noData")}</p>
      ) : (
        <>
          <div class="split">
            {props.parts.map((p) =>
              p.count > 0 ? <span key={p.key} class={`split-part ${p.key}`} style={{ flexGrow: p.count }} /> : null,
            )}
          </div>
          <ul class="legend">
            {props.parts.map((p) => (
              <li key={p.key}>
                <span class={`swatch ${p.key}`} />
                {p.label}: <strong>{fmt.pct(p.pct)}</strong> ({fmt.count(p.count)})
              </li>
            ))}
          </ul>
        </>
      )}
    </ChartFigure>
  );
}

import { useLocale } from "../locale-context";
import { ChartFigure } from "./ChartFigure";

/** Vertical columns for a rating distribution (1 to 5), tallest column = full height. */
export function Columns(props: { id: string; title: string; columns: { key: string; count: number; tone: string }[] }) {
  const { t, fmt } = useLocale();
  const n = props.columns.reduce((s, c) => s + c.count, 0);
  const top = Math.max(1, ...props.columns.map((c) => c.count));
  const share = (c: number) => (n ? fmt.pct((100 * c) / n) : "—");
  const summary =
    n === 0
      ? t("chartEmpty", { title: props.title })
      : t("chartSummaryBars", {
          title: props.title,
          items: props.columns.map((c) => `${c.key}: ${fmt.count(c.count)} (${share(c.count)})`).join(", "),
        });
  return (
    <ChartFigure
      id={props.id}
      title={props.title}
      summary={summary}
      columns={[t("ratingLabel"), t("count"), t("share")]}
      rows={props.columns.map((c) => [c.key, fmt.count(c.count), share(c.count)])}
    >
      {n === 0 ? (
        <p class="note">{t("noData")}</p>
      ) : (
        <div class="columns">
          {props.columns.map((c) => (
            <div class="column" key={c.key}>
              <span class="column-value">{fmt.count(c.count)}</span>
              <span class="column-track">
                <span class={`column-fill ${c.tone}`} style={{ height: `${(c.count / top) * 100}%` }} />
              </span>
              <span class="column-label">{c.key}</span>
            </div>
          ))}
        </div>
      )}
    </ChartFigure>
  );
}

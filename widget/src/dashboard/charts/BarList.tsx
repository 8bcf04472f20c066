import { useLocale } from "../locale-context";
import { ChartFigure } from "./ChartFigure";

export interface Bar {
  key: string;
  label: string;
  /** Position on the scale, or null when there is nothing to measure (n = 0). */
  value: number | null;
  /** The value as people read it ("42 %"). */
  text: string;
  /** What the value rests on ("n = 31"). */
  detail: string;
  /** An extra class for the bar's colour (e.g. `promoter`). */
  tone?: string;
}

/**
 * Horizontal bars on a fixed scale (0–100 % by default), one per segment: the
 * shape that reads best on a phone, since labels wrap instead of overlapping.
 */
export function BarList(props: {
  id: string;
  title: string;
  bars: Bar[];
  valueColumn: string;
  detailColumn: string;
  min?: number;
  max?: number;
  note?: string;
}) {
  const { t } = useLocale();
  const min = props.min ?? 0;
  const max = props.max ?? 100;
  const summary =
    props.bars.length === 0
      ? t("chartEmpty", { title: props.title })
      : t("chartSummaryBars", {
          title: props.title,
          items: props.bars.map((b) => `${b.label} ${b.text} (${b.detail})`).join(", "),
        });
  return (
    <ChartFigure
      id={props.id}
      title={props.title}
      summary={summary}
      note={props.note}
      columns={[t("segment"), props.valueColumn, props.detailColumn]}
      rows={props.bars.map((b) => [b.label, b.text, b.detail])}
    >
      {props.bars.length === 0 ? (
        <p class="note">{t("noData")}</p>
      ) : (
        <ul class="bars">
          {props.bars.map((b) => (
            <li key={b.key} class="bar-row">
              <span class="bar-label">{b.label}</span>
              <span class="bar-track">
                {b.value === null ? null : (
                  <span
                    class={`bar-fill ${b.tone ?? ""}`}
                    style={{ width: `${Math.max(0.5, ((b.value - min) / (max - min)) * 100)}%` }}
                  />
                )}
              </span>
              <span class="bar-value">
                {b.text} <span class="bar-detail">{b.detail}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </ChartFigure>
  );
}

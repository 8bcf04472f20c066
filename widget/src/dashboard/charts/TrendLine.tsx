import { useEffect, useRef, useState } from "preact/hooks";
import { useLocale } from "../locale-context";
import { ChartFigure } from "./ChartFigure";

export interface TrendPoint {
  key: string;
  label: string;
  /** The score of the period, or null when nobody answered. */
  value: number | null;
  n: number;
}

const HEIGHT = 200;
/** Below this many answers a period's score is mostly noise: drawn apart, not joined to the line. */
export const MIN_TREND_N = 5;
const PAD = { top: 12, right: 14, bottom: 26, left: 40 };

/** The width the chart is drawn at: its container's, so text keeps its real size on a phone. */
function useWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.round(entry?.contentRect.width ?? 0);
      if (w > 0) setWidth(w);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/**
 * A score over time as a line in SVG. Periods without answers break the line
 * rather than pretending to be zero; periods with very few answers (a week
 * that has just begun) are grey dots off the line, so one early detractor does
 * not read as a collapse.
 */
export function TrendLine(props: {
  id: string;
  title: string;
  points: TrendPoint[];
  min: number;
  max: number;
  ticks: number[];
  format: (value: number) => string;
  tone: string;
}) {
  const { t, fmt } = useLocale();
  const [ref, width] = useWidth(560);
  const { points, min, max } = props;
  const measured = points.filter((p): p is TrendPoint & { value: number } => p.value !== null);
  const innerW = Math.max(10, width - PAD.left - PAD.right);
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length > 1 ? (i / (points.length - 1)) * innerW : innerW / 2);
  const y = (v: number) => PAD.top + ((max - v) / (max - min)) * innerH;

  const segments: string[] = [];
  let current = "";
  points.forEach((p, i) => {
    if (p.value === null || p.n < MIN_TREND_N) {
      if (current) segments.push(current);
      current = "";
      return;
    }
    current += `${current ? "L" : "M"}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`;
  });
  if (current) segments.push(current);

  const everyNth = Math.max(1, Math.ceil(points.length / Math.max(2, Math.floor(innerW / 70))));
  const values = measured.map((p) => p.value);
  const summary =
    measured.length === 0
      ? t("chartEmpty", { title: props.title })
      : t("chartSummaryTrend", {
          title: props.title,
          count: points.length,
          first: points[0]?.label ?? "",
          last: points[points.length - 1]?.label ?? "",
          min: props.format(Math.min(...values)),
          max: props.format(Math.max(...values)),
        });
  return (
    <ChartFigure
      id={props.id}
      title={props.title}
      summary={summary}
      note={measured.some((p) => p.n < MIN_TREND_N) ? t("sparse", { min: MIN_TREND_N }) : undefined}
      columns={[t("period"), t("score"), t("count")]}
      rows={points.map((p) => [p.label, p.value === null ? "—" : props.format(p.value), fmt.count(p.n)])}
    >
      <div ref={ref} class="trend">
        {measured.length === 0 ? (
          <p class="note">{t("noData")}</p>
        ) : (
          <svg width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} focusable="false" aria-hidden="true">
            {props.ticks.map((tick) => (
              <g key={tick} class="grid">
                <line x1={PAD.left} x2={width - PAD.right} y1={y(tick)} y2={y(tick)} />
                <text x={PAD.left - 6} y={y(tick) + 4} text-anchor="end">
                  {props.format(tick)}
                </text>
              </g>
            ))}
            {points.map((p, i) =>
              (i % everyNth === 0 && points.length - 1 - i >= everyNth / 2) || i === points.length - 1 ? (
                <text
                  key={p.key}
                  class="axis"
                  x={x(i)}
                  y={HEIGHT - 8}
                  text-anchor={i === 0 ? "start" : i === points.length - 1 ? "end" : "middle"}
                >
                  {p.label}
                </text>
              ) : null,
            )}
            {segments.map((d) => (
              <path key={d} d={d} class={`line ${props.tone}`} />
            ))}
            {points.map((p, i) =>
              p.value === null ? null : (
                <circle
                  key={p.key}
                  cx={x(i)}
                  cy={y(p.value)}
                  r={points.length > 40 ? 2 : 3.5}
                  class={`dot ${props.tone}`}
                />
              ),
            )}
          </svg>
        )}
      </div>
    </ChartFigure>
  );
}

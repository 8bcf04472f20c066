import type { ComponentChildren } from "preact";
import { useLocale } from "../locale-context";
import { DataTable } from "./DataTable";

/**
 * A chart with its two text alternatives: a one-sentence summary as the
 * drawing's accessible name, and the data as a visually hidden table. The
 * drawing itself is a single image to assistive technology.
 */
export function ChartFigure(props: {
  id: string;
  title: string;
  summary: string;
  columns: string[];
  rows: (string | number)[][];
  children: ComponentChildren;
  note?: string;
}) {
  const { t } = useLocale();
  return (
    <figure class="chart" id={props.id}>
      <figcaption class="chart-title">{props.title}</figcaption>
      <div class="chart-body" role="img" aria-label={props.summary}>
        {props.children}
      </div>
      {props.note ? <p class="note">{props.note}</p> : null}
      <DataTable caption={t("tableCaption", { title: props.title })} columns={props.columns} rows={props.rows} />
    </figure>
  );
}

/** A chart-sized placeholder for a section that failed or that this server lacks. */
export function ChartUnavailable(props: { id: string; title: string; message: string }) {
  return (
    <figure class="chart" id={props.id}>
      <figcaption class="chart-title">{props.title}</figcaption>
      <p class="note">
        <span aria-hidden="true">— </span>
        {props.message}
      </p>
    </figure>
  );
}

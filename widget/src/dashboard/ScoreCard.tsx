import type { ComponentChildren } from "preact";
import { useLocale } from "./locale-context";

/** What a score rests on: the response rate in words, and a warning when it is low. */
export interface ResponseRateLine {
  text: string;
  warning: string | null;
}

/**
 * One headline figure: its name, the value in large type, the benchmark band
 * it falls in, what it rests on, and a scale drawing. A figure that this server
 * cannot give yet reads "—" with a note, never a made-up zero.
 */
export function ScoreCard(props: {
  id: string;
  title: string;
  value: string | null;
  band?: string | null;
  lines?: (string | null | false)[];
  note?: string | null;
  responseRate?: ResponseRateLine | null;
  children?: ComponentChildren;
}) {
  const { t, band } = useLocale();
  const headingId = `${props.id}-title`;
  return (
    <article class="card" id={props.id} aria-labelledby={headingId}>
      <h3 id={headingId} class="card-title">
        {props.title}
      </h3>
      <p class="card-value">{props.value ?? t("dash")}</p>
      {props.band ? <p class={`badge band-${props.band}`}>{t("benchmark", { band: band(props.band) })}</p> : null}
      {props.lines?.filter(Boolean).map((line) => (
        <p class="card-line" key={line as string}>
          {line}
        </p>
      ))}
      {props.responseRate ? (
        <p class="card-rate">
          {props.responseRate.text}
          {props.responseRate.warning ? (
            <>
              {" "}
              <strong class="card-warning">{props.responseRate.warning}</strong>
            </>
          ) : null}
        </p>
      ) : null}
      {props.note ? <p class="note">{props.note}</p> : null}
      {props.children}
    </article>
  );
}

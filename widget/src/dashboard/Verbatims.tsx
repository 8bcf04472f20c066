import { METRICS } from "../../../worker/domain/metrics";
import type { ResponseItem } from "./api";
import { useLocale } from "./locale-context";
import { useAnswerTone } from "./survey-scales";

/** "NPS 9", "CSAT 2": the answer a comment came with. */
export function answerText(answers: ResponseItem["answers"]): string {
  return METRICS.filter((m) => answers[m] !== undefined)
    .map((m) => `${m.toUpperCase()} ${answers[m]}`)
    .join(" · ");
}

/** The latest customer comments with their score and segments, each in its own language. */
export function Verbatims(props: { items: ResponseItem[]; limit?: number }) {
  const { t, fmt, label } = useLocale();
  const tone = useAnswerTone();
  const withComment = props.items.filter((r) => r.comment?.trim()).slice(0, props.limit ?? 8);
  if (withComment.length === 0) return <p class="note">{t("noVerbatims")}</p>;
  return (
    <ul class="verbatims">
      {withComment.map((r) => (
        <li key={r.id} class="verbatim">
          <span class={`chip ${tone(r.answers, r.survey_id)}`}>{answerText(r.answers)}</span>
          <blockquote lang={r.locale ?? undefined}>{r.comment}</blockquote>
          <p class="meta">
            <time dateTime={r.submitted_at}>{fmt.dateTime(r.submitted_at)}</time>
            {[r.channel, r.request_type].filter(Boolean).map((v) => ` · ${label(v)}`)}
            {r.agent ? ` · ${r.agent}` : ""}
            {r.team ? ` (${r.team})` : ""} · {r.source === "own" ? r.ticket_id : `${r.source} ${r.ticket_id}`}
          </p>
        </li>
      ))}
    </ul>
  );
}

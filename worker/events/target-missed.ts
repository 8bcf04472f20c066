import type { Locale } from "../domain/questions";
import type { ReportItem } from "../services/target-report";

/**
 * `target.missed`: the event's `data` is the target report item frozen when
 * its period closed (worker/targets/announce-missed.ts), and its Slack body.
 */

/** What the event carries of the report item. */
type MissedItem = Pick<ReportItem, "target" | "period" | "value" | "n" | "certain">;

/** The item of `subject` (`<target id>/<period>`), or null when it is gone. */
export async function missedTargetData(
  db: D1Database,
  workspaceId: string,
  subject: string,
): Promise<MissedItem | null> {
  const cut = subject.lastIndexOf("/");
  const row = await db
    .prepare("SELECT data FROM target_misses WHERE workspace_id = ? AND target_id = ? AND period = ?")
    .bind(workspaceId, subject.slice(0, cut), subject.slice(cut + 1))
    .first<{ data: string }>();
  return row ? (JSON.parse(row.data) as MissedItem) : null;
}

const STRINGS = {
  en: {
    title: "Target missed",
    certain: "certain at 95 %",
    uncertain: "not certain yet",
    answers: "answers",
    open: "Open the dashboard",
  },
  fr: {
    title: "Objectif manqué",
    certain: "certain à 95 %",
    uncertain: "pas encore certain",
    answers: "réponses",
    open: "Ouvrir le tableau de bord",
  },
} as const;

const escapeMrkdwn = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function targetSlackBody(
  item: MissedItem,
  locale: Locale,
  dashboardUrl: string,
): { text: string; blocks: unknown[] } {
  const t = STRINGS[locale];
  const { target } = item;
  const threshold = [target.min != null ? `≥ ${target.min}` : null, target.max != null ? `≤ ${target.max}` : null]
    .filter(Boolean)
    .join(" ");
  const scope = [target.channel, target.request_type, target.team, target.agent].filter(Boolean).join(", ");
  const value = item.value == null ? "—" : item.value.toFixed(1);
  const line = `${target.metric.toUpperCase()} ${value} (${threshold}) · ${item.period}${scope ? ` · ${scope}` : ""} · n = ${item.n} ${t.answers} · ${item.certain ? t.certain : t.uncertain}`;
  return {
    text: `${t.title}: ${line}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*${t.title}*\n${escapeMrkdwn(line)}` } },
      {
        type: "actions",
        elements: [{ type: "button", text: { type: "plain_text", text: t.open }, url: dashboardUrl }],
      },
    ],
  };
}

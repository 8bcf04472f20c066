import type { Locale } from "../domain/questions";

/**
 * Slack incoming-webhook bodies (`text` for notifications and screen readers,
 * `blocks` for the message): the score, the comment, the ticket, the agent and
 * a link to the dashboard's follow-up inbox, in the endpoint's language. Pure.
 */

interface AnswerFacts {
  ticket_id: string;
  source?: string | null;
  answers: Partial<Record<"nps" | "csat" | "ces", number>>;
  comment: string | null;
  agent: string | null;
}

interface FollowUpFacts extends AnswerFacts {
  status: string;
  assignee: string | null;
}

const STRINGS = {
  en: {
    "response.created": "New answer",
    "response.updated": "Changed answer",
    "follow_up.opened": "Follow-up opened",
    "follow_up.updated": "Follow-up updated",
    "target.missed": "Target missed",
    ticket: "Ticket",
    agent: "Agent",
    noAgent: "no agent",
    noComment: "No comment",
    status: "Status",
    assignee: "Assignee",
    unassigned: "unassigned",
    open: "Open the follow-up inbox",
    statuses: { open: "open", contacted: "contacted", resolved: "resolved" } as Record<string, string>,
  },
  fr: {
    "response.created": "Nouvelle réponse",
    "response.updated": "Réponse modifiée",
    "follow_up.opened": "Suivi ouvert",
    "follow_up.updated": "Suivi mis à jour",
    "target.missed": "Objectif manqué",
    ticket: "Ticket",
    agent: "Agent",
    noAgent: "aucun agent",
    noComment: "Pas de commentaire",
    status: "Statut",
    assignee: "Responsable",
    unassigned: "non attribué",
    open: "Ouvrir la boîte des suivis",
    statuses: { open: "ouvert", contacted: "contacté", resolved: "résolu" } as Record<string, string>,
  },
} as const;

/**
 * Slack's mrkdwn treats &, < and > as markup; everything else is literal. The
 * notification `text` is parsed the same way (`<!channel>` would ping a whole
 * channel from a customer's comment), so it is escaped too.
 */
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function scoreText(answers: AnswerFacts["answers"]): string {
  const parts: string[] = [];
  if (answers.nps != null) parts.push(`NPS ${answers.nps}/10`);
  if (answers.csat != null) parts.push(`CSAT ${answers.csat}/5`);
  if (answers.ces != null) parts.push(`CES ${answers.ces}`);
  return parts.join(" · ");
}

export function slackBody(
  type: string,
  data: AnswerFacts | FollowUpFacts,
  locale: Locale,
  dashboardUrl: string,
): { text: string; blocks: unknown[] } {
  const t = STRINGS[locale];
  const title = t[type as keyof typeof t] as string;
  const score = scoreText(data.answers);
  const ticket = `${t.ticket} ${data.source && data.source !== "own" ? `${data.source} ` : ""}#${data.ticket_id}`;
  const agent = data.agent ? `${t.agent} ${data.agent}` : t.noAgent;
  const comment = data.comment ? `“${data.comment}”` : t.noComment;
  const facts = [ticket, agent];
  if ("status" in data) {
    facts.push(`${t.status}: ${t.statuses[data.status] ?? data.status}`);
    facts.push(`${t.assignee}: ${data.assignee ?? t.unassigned}`);
  }
  const text = escapeMrkdwn(`${title}: ${score} (${facts.join(", ")}) ${comment}`);
  return {
    text,
    blocks: [
      {
        type: "section",
        text: { type: "mrkdwn", text: `*${escapeMrkdwn(title)}: ${escapeMrkdwn(score)}*\n>${escapeMrkdwn(comment)}` },
      },
      { type: "context", elements: facts.map((f) => ({ type: "mrkdwn", text: escapeMrkdwn(f) })) },
      {
        type: "actions",
        elements: [{ type: "button", text: { type: "plain_text", text: t.open }, url: dashboardUrl }],
      },
    ],
  };
}

/** Zones where a workspace most likely works in French; anything else gets English. */
const FRENCH_ZONES =
  /^(Europe\/(Paris|Brussels|Luxembourg|Monaco)|America\/(Montreal|Martinique|Guadeloupe|Cayenne)|Indian\/(Reunion|Mayotte)|Pacific\/(Noumea|Tahiti)|Africa\/(Dakar|Abidjan|Casablanca|Tunis|Algiers))$/;

/** An endpoint's default language from its workspace's timezone. */
export function localeForTimezone(timezone: string): Locale {
  return FRENCH_ZONES.test(timezone) ? "fr" : "en";
}

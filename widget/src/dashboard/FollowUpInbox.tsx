import { useEffect, useState } from "preact/hooks";
import {
  ApiFailure,
  type ApiGet,
  apiSend,
  type FollowUpItem,
  type FollowUpPage,
  type FollowUpSummary,
  type Grouped,
  type RepurchaseFigures,
} from "./api";
import { useLocale } from "./locale-context";
import { useAnswerTone } from "./survey-scales";
import { answerText } from "./Verbatims";

type Status = FollowUpItem["status"];
const STATUSES: Status[] = ["open", "contacted", "resolved"];
const STATUS_KEY = { open: "fuStatusOpen", contacted: "fuStatusContacted", resolved: "fuStatusResolved" } as const;
const GROUP_KEY = { contacted: "fuContacted", not_contacted: "fuNotContacted", none: "fuNone" } as const;

interface InboxData {
  items: FollowUpItem[];
  summary: FollowUpSummary;
  repurchase: Grouped<RepurchaseFigures> | null;
}

async function loadInbox(get: ApiGet): Promise<InboxData> {
  const [page, summary, repurchase] = await Promise.all([
    get<FollowUpPage>("/v1/follow-ups", { status: "open", limit: 50 }),
    get<FollowUpSummary>("/v1/follow-ups/summary"),
    get<Grouped<RepurchaseFigures>>("/v1/repurchase", { group_by: "follow_up" }).catch(() => null),
  ]);
  return { items: page.items, summary, repurchase };
}

/** What the person has typed into one follow-up's form and not saved yet. */
interface Draft {
  assignee: string;
  note: string;
  status: Status;
}

const draftOf = (item: FollowUpItem): Draft => ({
  assignee: item.assignee ?? "",
  note: item.note ?? "",
  status: item.status,
});

/**
 * One follow-up's form. It keeps the person's typing in its own state: the
 * dashboard re-renders around it while its other sections arrive (a slow
 * network makes that seconds), and a controlled field re-rendered from the
 * server's value would wipe what was typed. Only a new server value for this
 * very follow-up (after a save) replaces the draft.
 */
function FollowUpForm(props: { item: FollowUpItem; onSave: (item: FollowUpItem, draft: Draft) => void }) {
  const { t } = useLocale();
  const { item } = props;
  const [draft, setDraft] = useState<Draft>(() => draftOf(item));
  useEffect(() => setDraft(draftOf(item)), [item.assignee, item.note, item.status]);
  const edit = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));

  return (
    <form
      class="follow-up-form"
      aria-label={t("fuFormLabel", { ticket: item.ticket_id })}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave(item, draft);
      }}
    >
      <label>
        {t("fuAssignee")}
        <input
          name="assignee"
          type="text"
          maxLength={200}
          value={draft.assignee}
          onInput={(e) => edit({ assignee: e.currentTarget.value })}
          autoComplete="off"
        />
      </label>
      <label>
        {t("fuStatus")}
        <select name="status" value={draft.status} onChange={(e) => edit({ status: e.currentTarget.value as Status })}>
          {STATUSES.map((st) => (
            <option key={st} value={st}>
              {t(STATUS_KEY[st])}
            </option>
          ))}
        </select>
      </label>
      <label class="wide">
        {t("fuNote")}
        <textarea
          name="note"
          rows={2}
          maxLength={2000}
          value={draft.note}
          onInput={(e) => edit({ note: e.currentTarget.value })}
        />
      </label>
      <button type="submit">{t("fuSave")}</button>
    </form>
  );
}

/**
 * The follow-up inbox: open follow-ups oldest first, each with its answer,
 * comment, ticket, agent and age, and a small form to assign, note and move it;
 * above them the summary and whether contacted detractors bought again.
 */
export function FollowUpInbox(props: { get: ApiGet; apiKey: string; onKeyRejected: (e: unknown) => void }) {
  const { t, fmt } = useLocale();
  const tone = useAnswerTone();
  const [data, setData] = useState<InboxData | null>(null);
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");

  const reload = () =>
    loadInbox(props.get).then(setData, (e) => {
      if (e instanceof ApiFailure && (e.status === 401 || e.status === 403)) props.onKeyRejected(e);
      else setError(t("failed", { message: (e as Error).message }));
    });

  useEffect(() => {
    reload();
  }, [props.get]);

  async function save(item: FollowUpItem, draft: Draft) {
    const assignee = draft.assignee.trim();
    const { note, status } = draft;
    setError("");
    try {
      await apiSend(props.apiKey, "PATCH", `/v1/follow-ups/${encodeURIComponent(item.id)}`, {
        assignee: assignee || null,
        note: note || null,
        ...(status !== item.status ? { status } : {}),
      });
      setMessage(t("fuSaved", { ticket: item.ticket_id }));
      await reload();
    } catch (e) {
      const forbidden = e instanceof ApiFailure && e.status === 403;
      setError(forbidden ? t("errWriteScope") : t("failed", { message: (e as Error).message }));
    }
  }

  if (!data) return error ? <p class="error">{error}</p> : <p class="note">{t("loading")}</p>;
  const s = data.summary;
  return (
    <div class="follow-ups">
      <p class="follow-up-summary">
        {t("followUpSummary", {
          opened: fmt.count(s.opened),
          contacted: fmt.count(s.contacted),
          resolved: fmt.count(s.resolved),
          open: fmt.count(s.open),
        })}
        {s.median_hours_to_contact != null
          ? ` · ${t("medianContact", { h: fmt.decimal(s.median_hours_to_contact) })}`
          : ""}
        {s.median_hours_to_resolve != null
          ? ` · ${t("medianResolve", { h: fmt.decimal(s.median_hours_to_resolve) })}`
          : ""}
      </p>
      {data.repurchase ? (
        <>
          <h3 id="follow-up-repurchase-title">{t("repurchaseByFollowUp")}</h3>
          <ul class="follow-up-repurchase" aria-labelledby="follow-up-repurchase-title">
            {(["contacted", "not_contacted", "none"] as const).map((key) => {
              const g = data.repurchase?.groups?.find((x) => x.key === key);
              const label = t(GROUP_KEY[key]);
              return (
                <li key={key}>
                  {g && g.rate != null
                    ? t("fuRate", {
                        label,
                        rate: fmt.pct(g.rate * 100),
                        r: fmt.count(g.repurchased),
                        e: fmt.count(g.eligible),
                      })
                    : t("fuRateNone", { label })}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      <h3 id="follow-ups-open-title">{t("followUpsOpen")}</h3>
      <p class="status" role="status">
        {message}
      </p>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {data.items.length === 0 ? (
        <p class="note">{t("noFollowUps")}</p>
      ) : (
        <ul class="verbatims follow-up-list" aria-labelledby="follow-ups-open-title">
          {data.items.map((item) => (
            <li key={item.id} class="verbatim">
              <span class={`chip ${tone(item.answers, item.survey_id)}`}>{answerText(item.answers)}</span>
              <blockquote>{item.comment ?? t("fuNoComment")}</blockquote>
              <p class="meta">
                {t("fuTicket", { ticket: item.ticket_id })} · {item.agent ?? t("fuNoAgent")} ·{" "}
                <time dateTime={item.opened_at}>{t("fuAge", { age: fmt.ago(item.opened_at) })}</time>
              </p>
              <FollowUpForm item={item} onSave={save} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

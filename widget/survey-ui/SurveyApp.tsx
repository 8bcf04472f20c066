import { Component, createRef } from "preact";
import { CommentField, MAX_COMMENT } from "./CommentField";
import type { Locale } from "./locale";
import { ScoreQuestion } from "./ScoreQuestion";
import type { Answers, QuestionType, SurveyView } from "./survey-view";
import { ThankYou } from "./ThankYou";
import { fetchWithRetry } from "./transport";

export interface SurveyAppProps {
  view: SurveyView;
  locale: Locale;
  token: string;
  /** Origin of the Aftercare API ("" for the page's own origin). */
  api: string;
  /** Where the form posts when no script runs (the hosted page); the widget has none. */
  action?: string;
  /**
   * The widget shows the comment box and Send once a score is picked; the
   * hosted page shows them from the start, because without script nothing
   * could reveal them.
   */
  revealComment?: boolean;
  /** A message from the server about the last submission (e.g. "choose a score"). */
  notice?: string;
  /** Start on the thank-you state. */
  done?: boolean;
}

type Status = "idle" | "saving" | "saved" | "failed" | "empty";

interface State {
  answers: Answers;
  comment: string;
  status: Status;
  done: boolean;
  /** Height kept on the thank-you state so the content below does not jump. */
  height?: number;
}

interface Pending {
  body: { answers: Answers; comment?: string };
  finish: boolean;
}

/**
 * The interactive survey shared by the widget and the hosted page (which the
 * server renders with this very component, then hydrates).
 *
 * Picking a score records it at once. Saves go out one at a time and coalesce
 * to the latest state, so a burst of arrow-key presses sends at most two
 * requests and an older answer can never land after a newer one. Each save
 * retries on its own (see `fetchWithRetry`); the API counts a token once.
 */
export class SurveyApp extends Component<SurveyAppProps, State> {
  private next: Pending | null = null;
  private failed: Pending | null = null;
  private busy = false;
  private title = createRef<HTMLParagraphElement>();
  private root = createRef<HTMLDivElement>();

  constructor(props: SurveyAppProps) {
    super(props);
    const given = props.view.response;
    this.state = {
      answers: { ...given?.answers },
      comment: given?.comment ?? "",
      status: "idle",
      done: !!props.done,
    };
  }

  override componentDidUpdate(_: SurveyAppProps, previous: State) {
    if (this.state.done && !previous.done) this.title.current?.focus();
  }

  private pick = (type: QuestionType, value: number) => {
    const answers = { ...this.state.answers, [type]: value };
    this.setState({ answers });
    const allAnswered = this.props.view.questions.every((q) => answers[q.type] !== undefined);
    // With no comment to wait for, the last score ends the survey.
    this.save({ body: { answers }, finish: allAnswered && !this.props.view.comment });
  };

  private submit = (event: Event) => {
    event.preventDefault();
    const { answers, comment } = this.state;
    if (Object.keys(answers).length === 0) return this.setState({ status: "empty" });
    const text = comment.trim().slice(0, MAX_COMMENT);
    this.save({ body: text ? { answers, comment: text } : { answers }, finish: true });
  };

  private retry = () => {
    if (this.failed) this.save(this.failed);
  };

  private save(pending: Pending) {
    // A later save carries every answer so far; a finishing one stays finishing.
    this.next = { body: pending.body, finish: pending.finish || !!this.next?.finish };
    if (!this.busy) void this.flush();
  }

  private async flush() {
    this.busy = true;
    while (this.next) {
      const pending = this.next;
      this.next = null;
      this.failed = null;
      this.setState({ status: "saving" });
      try {
        await fetchWithRetry(`${this.props.api}/v1/responses`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ token: this.props.token, locale: this.props.locale, ...pending.body }),
        });
        if (pending.finish) {
          const height = this.root.current?.getBoundingClientRect().height;
          this.next = null;
          this.setState({ done: true, height });
        } else if (!this.next) this.setState({ status: "saved" });
      } catch {
        this.failed = pending;
        if (!this.next) this.setState({ status: "failed" });
      }
    }
    this.busy = false;
  }

  override render() {
    const { view, locale, action, revealComment, notice } = this.props;
    const { answers, comment, status, done, height } = this.state;
    const t = view.strings[locale];
    if (done) {
      return (
        <div class="ac-root" lang={locale} style={height ? { minHeight: `${height}px` } : undefined}>
          <ThankYou title={t.thanks} body={t.thanksBody} titleRef={this.title} />
        </div>
      );
    }
    const answered = Object.keys(answers).length > 0;
    const open = !revealComment || answered;
    const message = status === "idle" ? "" : status === "empty" ? t.choose : t[status];
    return (
      <div class="ac-root" lang={locale} ref={this.root}>
        <form class="ac-form" method="post" action={action} onSubmit={this.submit}>
          {notice && (
            <p class="ac-notice" role="alert">
              {notice}
            </p>
          )}
          {view.questions.map((q) => (
            <ScoreQuestion key={q.type} question={q} locale={locale} value={answers[q.type]} onPick={this.pick} />
          ))}
          {open && view.comment && (
            <CommentField label={t.comment} value={comment} onInput={(value) => this.setState({ comment: value })} />
          )}
          <div class="ac-actions">
            {open && (view.comment || !revealComment) && (
              <button type="submit" class="ac-send">
                {t.send}
              </button>
            )}
            <p class="ac-status" role="status">
              {message}
            </p>
            {status === "failed" && (
              <button type="button" class="ac-retry" onClick={this.retry}>
                {t.retry}
              </button>
            )}
          </div>
        </form>
      </div>
    );
  }
}

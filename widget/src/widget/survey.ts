import { MAX_COMMENT_CHARS as MAX_COMMENT } from "../../../worker/domain/comment";
import type { Locale } from "../../survey-ui/locale";
import type { Answers, QuestionType, SurveyView } from "../../survey-ui/survey-view";
import { fetchWithRetry } from "../../survey-ui/transport";

type Status = "saving" | "saved" | "failed" | "empty";

interface Pending {
  body: { answers: Answers; comment?: string };
  finish: boolean;
}

/** `<tag class=… attr=…>children</tag>`: the widget's whole templating. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const name in attrs) node.setAttribute(name, String(attrs[name]));
  node.append(...children);
  return node;
}

/**
 * The widget's survey, written against the DOM: the same markup, behaviour and
 * accessibility as the Preact SurveyApp the hosted page renders and hydrates
 * (widget/survey-ui/SurveyApp.tsx; test/browser/widget*.test.ts hold both to
 * it), without shipping Preact to every shop page (4.6 of the widget's 8.1 KB
 * gzip when it did). It builds the form once and then touches only what
 * changes, so focus and native radio state stay put.
 *
 * Picking a score records it at once. Saves go out one at a time and coalesce
 * to the latest state, so a burst of arrow-key presses sends at most two
 * requests and an older answer can never land after a newer one. Each save
 * retries on its own (see `fetchWithRetry`); the API counts a token once.
 */
export function mountSurvey(root: HTMLElement, view: SurveyView, locale: Locale, token: string, api: string) {
  const t = view.strings[locale];
  const answers: Answers = { ...view.response?.answers };
  let next: Pending | null = null;
  let failed: Pending | null = null;
  let busy = false;

  const status = el("p", { class: "ac-status", role: "status" });
  const retry = el("button", { type: "button", class: "ac-retry" }, t.retry);
  const actions = el("div", { class: "ac-actions" }, status);
  const form = el("form", { class: "ac-form", method: "post" });
  root.className = "ac-root";
  root.removeAttribute("aria-busy");
  root.replaceChildren(form);

  for (const q of view.questions) {
    const lowId = `ac-${q.type}-low`;
    const highId = `ac-${q.type}-high`;
    const scale = el("div", { class: `ac-scale ac-n${q.max - q.min + 1}` });
    for (let v = q.min; v <= q.max; v++) {
      const radio = el("input", { type: "radio", name: q.type, value: v });
      if (v === q.min || v === q.max) radio.setAttribute("aria-describedby", v === q.min ? lowId : highId);
      radio.checked = answers[q.type] === v;
      radio.onchange = () => pick(q.type, v);
      scale.append(el("label", { class: "ac-opt" }, radio, el("span", {}, String(v))));
    }
    const [low, high] = q.anchors[locale];
    form.append(
      el(
        "fieldset",
        { class: "ac-q" },
        el("legend", { class: "ac-prompt" }, q.prompt[locale]),
        scale,
        el("div", { class: "ac-anchors" }, el("span", { id: lowId }, low), el("span", { id: highId }, high)),
      ),
    );
  }
  form.append(actions);

  // The comment box and Send appear once a score is picked (or was, on a reload).
  const comment = el("textarea", { id: "ac-comment", name: "comment", rows: 3, maxlength: MAX_COMMENT });
  comment.value = view.response?.comment ?? "";
  let revealed = false;
  const reveal = () => {
    if (revealed || !view.comment) return;
    revealed = true;
    form.insertBefore(
      el("div", { class: "ac-comment" }, el("label", { for: "ac-comment" }, t.comment), comment),
      actions,
    );
    actions.prepend(el("button", { type: "submit", class: "ac-send" }, t.send));
  };
  if (Object.keys(answers).length) reveal();

  const show = (state: Status) => {
    status.textContent = state === "empty" ? t.choose : t[state];
    if (state === "failed") actions.append(retry);
    else retry.remove();
  };

  const pick = (type: QuestionType, value: number) => {
    answers[type] = value;
    reveal();
    const allAnswered = view.questions.every((q) => answers[q.type] !== undefined);
    // With no comment to wait for, the last score ends the survey.
    save({ body: { answers: { ...answers } }, finish: allAnswered && !view.comment });
  };

  form.onsubmit = (event) => {
    event.preventDefault();
    if (!Object.keys(answers).length) return show("empty");
    const text = comment.value.trim().slice(0, MAX_COMMENT);
    save({ body: text ? { answers: { ...answers }, comment: text } : { answers: { ...answers } }, finish: true });
  };
  retry.onclick = () => failed && save(failed);

  function save(pending: Pending) {
    // A later save carries every answer so far; a finishing one stays finishing.
    next = { body: pending.body, finish: pending.finish || !!next?.finish };
    if (!busy) void flush();
  }

  async function flush() {
    busy = true;
    while (next) {
      const pending = next;
      next = null;
      failed = null;
      show("saving");
      try {
        await fetchWithRetry(`${api}/v1/responses`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ token, locale, ...pending.body }),
        });
        if (pending.finish) {
          next = null;
          thank();
        } else if (!next) show("saved");
      } catch {
        failed = pending;
        if (!next) show("failed");
      }
    }
    busy = false;
  }

  /** The closing state, as tall as the form was so the page below does not jump; its title takes focus. */
  function thank() {
    root.style.minHeight = `${root.getBoundingClientRect().height}px`;
    const title = el("p", { class: "ac-title", tabindex: -1 }, t.thanks);
    root.replaceChildren(el("div", { class: "ac-thanks" }, title, el("p", {}, t.thanksBody)));
    title.focus();
  }
}

import type { Ref } from "preact";

export interface ThankYouProps {
  title: string;
  body: string;
  /** Receives the title, which takes focus so screen readers announce the new state. */
  titleRef?: Ref<HTMLParagraphElement>;
}

/** The closing state: the survey is done. */
export function ThankYou({ title, body, titleRef }: ThankYouProps) {
  return (
    <div class="ac-thanks">
      <p class="ac-title" tabIndex={-1} ref={titleRef}>
        {title}
      </p>
      <p>{body}</p>
    </div>
  );
}

import type { Ref } from "preact";
export interface ThankYouProps {
    title: string;
    body: string;
    /** Receives the title, which takes focus so screen readers announce the new state. */
    titleRef?: Ref<HTMLParagraphElement>;
}
/** The closing state: the survey is done. */
export declare function ThankYou({ title, body, titleRef }: ThankYouProps): import("preact").JSX.Element;

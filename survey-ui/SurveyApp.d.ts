import { Component } from "preact";
import type { Locale } from "./locale";
import type { Answers, SurveyView } from "./survey-view";
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
/**
 * The interactive survey shared by the widget and the hosted page (which the
 * server renders with this very component, then hydrates).
 *
 * Picking a score records it at once. Saves go out one at a time and coalesce
 * to the latest state, so a burst of arrow-key presses sends at most two
 * requests and an older answer can never land after a newer one. Each save
 * retries on its own (see `fetchWithRetry`); the API counts a token once.
 */
export declare class SurveyApp extends Component<SurveyAppProps, State> {
    private next;
    private failed;
    private busy;
    private title;
    private root;
    constructor(props: SurveyAppProps);
    componentDidUpdate(_: SurveyAppProps, previous: State): void;
    private pick;
    private submit;
    private retry;
    private save;
    private flush;
    render(): import("preact").JSX.Element;
}
export {};

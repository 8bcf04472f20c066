/** The maximum comment length the API accepts. */
export declare const MAX_COMMENT = 2000;
export interface CommentFieldProps {
    label: string;
    value: string;
    onInput: (value: string) => void;
}
/** The optional free-text comment, labelled, posted as `comment`. */
export declare function CommentField({ label, value, onInput }: CommentFieldProps): import("preact").JSX.Element;

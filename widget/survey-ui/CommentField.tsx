import { MAX_COMMENT_CHARS as MAX_COMMENT } from "../../worker/domain/comment";

/** The maximum comment length the API accepts, for the form's own limit. */
export { MAX_COMMENT };

export interface CommentFieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
}

/** The optional free-text comment, labelled, posted as `comment`. */
export function CommentField({ label, value, onInput }: CommentFieldProps) {
  return (
    <div class="ac-comment">
      <label for="ac-comment">{label}</label>
      <textarea
        id="ac-comment"
        name="comment"
        rows={3}
        maxLength={MAX_COMMENT}
        value={value}
        onInput={(e) => onInput((e.currentTarget as HTMLTextAreaElement).value)}
      />
    </div>
  );
}

/** The maximum comment length the API accepts. */
export const MAX_COMMENT = 2000;

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

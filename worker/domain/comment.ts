/**
 * The longest comment a customer may leave, in characters as a person counts them (an emoji
 * is one), the same through the API, the hosted page's form, the widget and an import.
 */
export const MAX_COMMENT_CHARS = 2000;

/** Whether `text` fits, counted in code points rather than UTF-16 units. */
export function fitsComment(text: string): boolean {
  return [...text].length <= MAX_COMMENT_CHARS;
}

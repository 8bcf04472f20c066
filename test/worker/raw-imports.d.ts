/** Vite's `?raw` imports: a file's text, byte for byte (the webhook fixtures are signed as read). */
declare module "*?raw" {
  const text: string;
  export default text;
}

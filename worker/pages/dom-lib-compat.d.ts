/**
 * The pages render Preact components, and Preact's JSX types pull the DOM lib
 * into the Worker's type program. The DOM's `SubtleCrypto` then hides
 * Cloudflare's `timingSafeEqual` extension (used by worker/auth), so it is
 * restated here. Types only: nothing changes at run time.
 */
interface SubtleCrypto {
  timingSafeEqual(a: ArrayBuffer | ArrayBufferView, b: ArrayBuffer | ArrayBufferView): boolean;
}

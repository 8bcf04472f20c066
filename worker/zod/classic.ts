// zod's classic API (`z.object`, `z.string`…) without `locales`: see ./index.ts.
// Local exports shadow the star export's `core` and `locales`.
export * from "../../node_modules/zod/v4/classic/external.js";
export * as core from "./core";
export const locales = {};

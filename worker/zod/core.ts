// zod's core without `locales`: see ./index.ts. A local export shadows the star export.
export * from "../../node_modules/zod/v4/core/index.js";
export const locales = {};

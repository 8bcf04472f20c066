// zod's classic API as the Worker gets it (see ./index.ts): only the members of
// `z` the Worker's code uses at run time. A member missing here is `undefined` on
// `z` in the deployed Worker, in /openapi.json's build and in the worker tests
// (vitest.config.ts aliases zod here too); test/static/zod-members.test.ts checks
// every `z.<member>` written in worker/, schema/ and widget/ against this list,
// so using a new one is a line here.

export * as coerce from "../../node_modules/zod/v4/classic/coerce.js";
export {
  array,
  boolean,
  discriminatedUnion,
  enum,
  literal,
  NEVER,
  number,
  object,
  record,
  string,
  tuple,
  union,
  unknown,
  // Read as values: extendZodWithOpenApi patches ZodType.prototype; the rest are
  // named in types only, and cost nothing as their classes are reached anyway.
  ZodNullable,
  ZodNumber,
  ZodObject,
  ZodOptional,
  ZodString,
  ZodType,
} from "../../node_modules/zod/v4/classic/external.js";
export * as iso from "../../node_modules/zod/v4/classic/iso.js";

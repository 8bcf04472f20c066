import type { Env } from "../env";

/** The origin survey links point at: the configured public one, else the request's. */
export function publicOrigin(env: Pick<Env, "PUBLIC_ORIGIN">, requestUrl: string): string {
  return (env.PUBLIC_ORIGIN || new URL(requestUrl).origin).replace(/\/+$/, "");
}

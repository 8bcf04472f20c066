/**
 * The D1 Sessions API bookmark travels between a client's requests in this header: every
 * response of a workspace's request carries the bookmark of what it read or wrote, and a client
 * that sends it back reads from a replica at least that recent (docs/SCALING.md).
 */
export const BOOKMARK_HEADER = "x-d1-bookmark";

/** What a D1 bookmark looks like (hex groups and dashes); anything else is ignored, never passed on. */
const BOOKMARK = /^[0-9A-Za-z_.:-]{1,256}$/;

/**
 * Where a request's session starts. A bookmark sent back starts after it. Otherwise the API's
 * read routes (GET under /v1/) may start on any replica; every other request starts on the
 * primary, including GET pages that write (a survey opened, a one-click answer).
 */
export function sessionStart(method: string, path: string, bookmark: string | undefined): string {
  if (bookmark && BOOKMARK.test(bookmark)) return bookmark;
  return (method === "GET" || method === "HEAD") && path.startsWith("/v1/") ? "first-unconstrained" : "first-primary";
}

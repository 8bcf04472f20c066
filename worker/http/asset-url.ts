import { ASSET_MANIFEST } from "../../widget/dist/manifest";

/**
 * The URL a page embeds for a browser asset (`/assets/page.css` →
 * `/assets/page.<hash>.css`). The files are Workers Static Assets built by
 * scripts/build-client.mjs: the asset server answers them before the Worker
 * runs, so the Worker only names them.
 */
export function assetUrl(logicalPath: string): string {
  const served = ASSET_MANIFEST[logicalPath];
  if (!served) throw new Error(`no built asset ${logicalPath}: run npm run build`);
  return served;
}

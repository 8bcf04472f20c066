import { freshdeskSource } from "./freshdesk";
import { gorgiasSource } from "./gorgias";
import { helpscoutSource } from "./helpscout";
import { intercomSource } from "./intercom";
import { shopifySource } from "./shopify";
import type { HookSource } from "./source";
import { standardSource } from "./standard";
import { woocommerceSource } from "./woocommerce";
import { zendeskSource } from "./zendesk";

/** Every webhook source Aftercare receives, by the name used in URLs. */
export const HOOK_SOURCES: Readonly<Record<string, HookSource>> = Object.fromEntries(
  [
    standardSource,
    shopifySource,
    zendeskSource,
    freshdeskSource,
    gorgiasSource,
    helpscoutSource,
    intercomSource,
    woocommerceSource,
  ].map((s) => [s.name, s]),
);

export const SOURCE_NAMES = Object.keys(HOOK_SOURCES) as [string, ...string[]];

export function hookSource(name: string): HookSource | null {
  return Object.hasOwn(HOOK_SOURCES, name) ? (HOOK_SOURCES[name] as HookSource) : null;
}

import { checkSharedSecret, verifySharedSecret } from "./shared-secret";
import type { HookSource } from "./source";
import { mapTemplated } from "./templated";

/**
 * `freshdesk`: an automation rule's "Trigger webhook" action with a JSON body
 * shaped like the `interaction.closed` data (template in docs/webhooks.md). Freshdesk signs
 * nothing, so the rule sends the secret in `X-Aftercare-Secret`.
 */
export const freshdeskSource: HookSource = {
  name: "freshdesk",
  trustsCustomerIds: true,
  checkSecret: checkSharedSecret,
  verify: verifySharedSecret,
  map: (payload, delivery) => mapTemplated(payload, delivery, ["resolved", "closed"]),
};

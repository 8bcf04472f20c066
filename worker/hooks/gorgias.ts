import { checkSharedSecret, verifySharedSecret } from "./shared-secret";
import type { HookSource } from "./source";
import { mapTemplated } from "./templated";

/**
 * `gorgias`: an HTTP integration triggered on ticket updates, with a JSON body
 * shaped like the `interaction.closed` data plus `"status": "{{ticket.status}}"`
 * (template in docs/webhooks.md): only closed tickets are recorded. Gorgias signs nothing,
 * so the integration sends the secret in `X-Aftercare-Secret`.
 */
export const gorgiasSource: HookSource = {
  name: "gorgias",
  trustsCustomerIds: true,
  checkSecret: checkSharedSecret,
  verify: verifySharedSecret,
  map: (payload, delivery) => mapTemplated(payload, delivery, ["closed"]),
};

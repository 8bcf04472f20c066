import { createApp } from "./app";
import type { Env, EventMessage } from "./env";
import { deliverBatch, redrivePending } from "./events/deliver";
import { announceMissedTargets, TARGETS_CRON } from "./targets/announce-missed";

const app = createApp();

export default {
  fetch: app.fetch,
  /** Delivers outbound events (webhook endpoints, Slack) from the EVENTS Queue. */
  async queue(batch: MessageBatch<EventMessage>, env: Env): Promise<void> {
    await deliverBatch(batch, env);
  },
  /** Re-sends outbox rows whose Queue message was lost; hourly, announces missed targets. */
  async scheduled(controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
    if (controller.cron === TARGETS_CRON) ctx.waitUntil(announceMissedTargets(env));
    else ctx.waitUntil(redrivePending(env));
  },
} satisfies ExportedHandler<Env, EventMessage>;

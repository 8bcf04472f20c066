import { localDay } from "../domain/local-day";
import type { Env } from "../env";
import { enqueueDeliveries, outboxIds } from "../events/outbox";
import { describeForLog } from "../http/errors";
import { type ReportItem, targetReport } from "../services/target-report";
import { everyShard, type Shard } from "../shards/every-shard";
import { workspacesWithTargets } from "../store/targets";
import { lastClosedPeriods } from "./periods";
import type { Target } from "./target";

/** The Cron Trigger that announces missed targets (wrangler.toml `[triggers]`): hourly, so every timezone's midnight is seen. */
export const TARGETS_CRON = "7 * * * *";

/**
 * One `target.missed` row per subscribed endpoint, unless this target and
 * period were already announced. Runs in the same batch as, and BEFORE, the
 * insert into `target_misses`, so the event exists exactly once whatever the
 * number of cron runs. Binds: now, workspace, subject, target id, period.
 */
const MISSED_EVENT_SQL = `
INSERT INTO event_deliveries (id, workspace_id, endpoint_id, type, subject_id, interaction_id, status, attempts,
  next_attempt_at, created_at)
SELECT 'msg_' || lower(hex(randomblob(16))), e.workspace_id, e.id, 'target.missed', ?3, NULL, 'pending', 0, ?1, ?1
FROM webhook_endpoints e
WHERE e.workspace_id = ?2
  AND EXISTS (SELECT 1 FROM json_each(e.events) j WHERE j.value = 'target.missed')
  AND NOT EXISTS (SELECT 1 FROM target_misses m WHERE m.workspace_id = ?2 AND m.target_id = ?4 AND m.period = ?5)
RETURNING id`;

const MISS_SQL =
  "INSERT OR IGNORE INTO target_misses (workspace_id, target_id, period, data, created_at) VALUES (?, ?, ?, ?, ?)";

/** The subject of a `target.missed` event: which target, which period. */
export const missSubject = (targetId: string, period: string) => `${targetId}/${period}`;

/**
 * For every workspace with targets: the last month and ISO week that closed
 * (in its timezone), and for each target missed there, the event, once.
 */
export async function announceMissedTargets(env: Env, now = Date.now()): Promise<void> {
  for (const shard of await everyShard(env)) {
    try {
      await announceOnShard(env, shard, now);
    } catch (err) {
      // One unreachable shard must not keep the others from their events; the next run retries it.
      console.error("target check failed", shard.name, describeForLog(err));
    }
  }
}

async function announceOnShard(env: Pick<Env, "EVENTS">, { db, name }: Shard, now: number): Promise<void> {
  for (const ws of await workspacesWithTargets(db.$client)) {
    try {
      const list = JSON.parse(ws.targets) as Target[];
      for (const period of lastClosedPeriods(localDay(now, ws.timezone))) {
        const items = await targetReport(db, ws.workspace_id, list, period, now);
        const missed = items.filter((i) => i.status === "missed");
        if (missed.length > 0)
          await enqueueDeliveries(env, await recordMisses(db.$client, ws.workspace_id, missed, now), name);
      }
    } catch (err) {
      // One workspace's failure must not keep the others from their events; the next run retries it.
      console.error("target check failed", describeForLog(err));
    }
  }
}

async function recordMisses(db: D1Database, workspaceId: string, missed: ReportItem[], now: number): Promise<string[]> {
  const statements = missed.flatMap((item) => [
    db
      .prepare(MISSED_EVENT_SQL)
      .bind(now, workspaceId, missSubject(item.target.id, item.period), item.target.id, item.period),
    db.prepare(MISS_SQL).bind(workspaceId, item.target.id, item.period, JSON.stringify(item), now),
  ]);
  return outboxIds(await db.batch(statements));
}

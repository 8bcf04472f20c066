import type { Database } from "../db";
import { invalid } from "../domain/errors";
import { type CesScale, CSAT_CATEGORIES, categoryOf, SCALES } from "../domain/metrics";
import { isEasy, npsCategory } from "../metrics/scores";
import { type Measure, type Verdict, verdict } from "../metrics/target-verdict";
import { queryRepurchase } from "../store/repurchase-query";
import { readHistograms } from "../store/score-reads";
import { cesScaleBook } from "../store/score-summary";
import { listTargets } from "../store/targets";
import { parsePeriod } from "../targets/periods";
import type { Period, Target } from "../targets/target";

/** One line of `GET /v1/targets/report`. */
export type ReportItem = { target: Target; period: string } & Verdict;

/** The repurchase window targets count in (the contract's default). */
const REPURCHASE_WINDOW_DAYS = 30;

/**
 * `GET /v1/targets/report?period=`: the verdict of the workspace's targets of that period's
 * kind, for a month `YYYY-MM` or an ISO week `YYYY-Www`.
 */
export async function reportTargets(
  db: Database,
  workspaceId: string,
  periodLabel: string,
  now = Date.now(),
): Promise<ReportItem[]> {
  const period = parsePeriod(periodLabel);
  if (!period) throw invalid([{ path: "period", message: "Expected YYYY-MM or an ISO week YYYY-Www" }]);
  return targetReport(db, workspaceId, await listTargets(db, workspaceId), period, now);
}

/**
 * The verdict of every target of the period's kind (weekly targets for a
 * week, monthly for a month), each measured on its own selection.
 */
export async function targetReport(
  db: Database,
  workspaceId: string,
  list: readonly Target[],
  period: Period,
  now: number,
): Promise<ReportItem[]> {
  const mine = list.filter((t) => t.period === period.kind);
  const needsCes = mine.some((t) => t.metric === "ces");
  const book = needsCes ? await cesScaleBook(db, workspaceId) : null;
  return Promise.all(
    mine.map(async (target) => {
      const m = await measure(db, workspaceId, target, period, now, book?.scaleOf ?? new Map());
      return { target, period: period.label, ...verdict(m, { min: target.min, max: target.max }) };
    }),
  );
}

async function measure(
  db: Database,
  workspaceId: string,
  target: Target,
  period: Period,
  now: number,
  scaleOf: ReadonlyMap<string, CesScale>,
): Promise<Measure> {
  const segments = {
    channel: target.channel,
    requestType: target.request_type,
    agent: target.agent,
    team: target.team,
  };
  if (target.metric === "repurchase") {
    const rows = await queryRepurchase(db, {
      workspaceId,
      windowDays: REPURCHASE_WINDOW_DAYS,
      asOf: now,
      from: period.from,
      to: period.to,
      ...segments,
    });
    return { kind: "share", successes: rows.total.repurchased, n: rows.total.eligible };
  }
  const { rows } = await readHistograms(
    db,
    { workspaceId, metric: target.metric, from: period.from, to: period.to, ...segments },
    { bySurvey: target.metric === "ces" },
  );
  if (target.metric === "nps") {
    let promoters = 0;
    let detractors = 0;
    let n = 0;
    for (const r of rows) {
      if (!onScale(r.value, SCALES.nps)) continue;
      n += r.count;
      const category = npsCategory(r.value);
      if (category === "promoter") promoters += r.count;
      else if (category === "detractor") detractors += r.count;
    }
    return { kind: "nps", promoters, detractors, n };
  }
  let successes = 0;
  let n = 0;
  for (const r of rows) {
    if (target.metric === "csat") {
      if (!onScale(r.value, SCALES.csat)) continue;
      n += r.count;
      if (categoryOf(CSAT_CATEGORIES, r.value) === "satisfied") successes += r.count;
    } else {
      // CES: the share of easy answers, which means the same on both scales, so surveys on
      // agree7 and effort5 can share a target (their means could not).
      const scale = scaleOf.get(r.surveyId ?? "") ?? "agree7";
      if (!onScale(r.value, SCALES.ces[scale])) continue;
      n += r.count;
      if (isEasy(r.value, scale)) successes += r.count;
    }
  }
  return { kind: "share", successes, n };
}

const onScale = (value: number, scale: { min: number; max: number }) => value >= scale.min && value <= scale.max;

/**
 * What score figures need besides the histograms: the CES scale of each survey,
 * and the figures of one histogram by metric. The use case that gathers them for
 * `GET /v1/scores` is worker/services/scores.ts.
 */

import { eq } from "drizzle-orm";
import { surveys } from "../../schema/tables";
import type { Database } from "../db";
import type { CesScale, QuestionType } from "../domain/questions";
import { cesFigures, csatFigures, type Figures, type Histogram, npsFigures } from "../metrics/scores";

/** The figures of `metric` for one histogram; CES needs the scale its answers are on. */
export function figuresOf(metric: QuestionType, histogram: Histogram, cesScale: CesScale | null): Figures {
  if (metric === "nps") return npsFigures(histogram);
  if (metric === "csat") return csatFigures(histogram);
  return cesFigures(histogram, cesScale);
}

/** The workspace's surveys' CES scales. Surveys cannot change scale once created. */
export interface CesScaleBook {
  /** Survey id → the CES scale it asks on. */
  scaleOf: ReadonlyMap<string, CesScale>;
  /** The scale every survey asking CES shares; null if none asks CES or they differ. */
  unanimous: CesScale | null;
}

export async function cesScaleBook(db: Database, workspaceId: string): Promise<CesScaleBook> {
  const rows = await db
    .select({ id: surveys.id, scale: surveys.cesScale, questions: surveys.questions })
    .from(surveys)
    .where(eq(surveys.workspaceId, workspaceId))
    .all();
  const asking = new Set(rows.filter((r) => r.questions.some((q) => q.type === "ces")).map((r) => r.scale));
  return {
    scaleOf: new Map(rows.map((r) => [r.id, r.scale])),
    unanimous: asking.size === 1 ? [...asking][0]! : null,
  };
}

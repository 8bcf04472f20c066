import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { type CesScale, DEFAULT_CES_SCALE } from "../../../worker/domain/metrics";
import type { ApiGet } from "./api";
import { answerTone, type Tone } from "./tones";

/**
 * The CES scale each of the workspace's surveys asks on (worker/domain/metrics.ts defines the
 * scales): a listed answer names its survey, not its scale, and CES 4 is a middling answer on
 * agree7 but a hard one on effort5, so a comment's colour needs its survey's scale.
 */
export type SurveyScales = ReadonlyMap<string, CesScale>;

export const SurveyScalesContext = createContext<SurveyScales>(new Map());

/** `GET /v1/surveys` as survey id → CES scale; empty when it cannot be read (answers then read on the default scale). */
export async function loadSurveyScales(get: ApiGet): Promise<SurveyScales> {
  try {
    const { items } = await get<{ items: { id: string; ces_scale: CesScale }[] }>("/v1/surveys");
    return new Map(items.map((s) => [s.id, s.ces_scale]));
  } catch {
    return new Map();
  }
}

/** How an answer of a survey reads at a glance, CES on that survey's own scale. */
export function useAnswerTone(): (answers: { nps?: number; csat?: number; ces?: number }, surveyId: string) => Tone {
  const scales = useContext(SurveyScalesContext);
  return (answers, surveyId) => answerTone(answers, scales.get(surveyId) ?? DEFAULT_CES_SCALE);
}

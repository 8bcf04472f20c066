import { newId } from "../auth/crypto";
import type { Database } from "../db";
import { MIN_CONTRAST, whiteContrast } from "../domain/brand";
import { DomainError } from "../domain/errors";
import type { CesScale, Question } from "../domain/questions";
import { insertSurvey, type Survey } from "../store/surveys";

export interface NewSurvey {
  name: string;
  questions: Question[];
  comment: boolean;
  cesScale: CesScale;
  isDefault: boolean;
  /** `#rrggbb` in any case, or null for Aftercare's own colour. */
  accent: string | null;
}

/**
 * `POST /v1/surveys`. An accent on which white text is below WCAG AA contrast is refused
 * (`low_contrast`): the widget writes white on it. A new default survey takes the place of the
 * previous one in the same batch.
 */
export async function createSurvey(
  db: Database,
  workspaceId: string,
  input: NewSurvey,
  now = Date.now(),
): Promise<Survey> {
  const accent = input.accent?.toLowerCase() ?? null;
  if (accent && whiteContrast(accent) < MIN_CONTRAST) {
    throw new DomainError("invalid", "low_contrast", "White text on this accent is below WCAG AA contrast (4.5:1)", [
      {
        path: "theme.accent",
        message: `Contrast with white is ${whiteContrast(accent).toFixed(2)}:1; pick a darker colour`,
      },
    ]);
  }
  const survey: Survey = { id: newId("srv"), workspaceId, ...input, accent, createdAt: now };
  await insertSurvey(db, survey);
  return survey;
}

import type { Locale } from "./locale";
import type { QuestionType, UiStrings } from "./survey-view";

/**
 * Every customer-facing word, in French and English. The server sends the
 * interactive strings to the widget inside survey.json, so the widget bundle
 * carries no dictionary of its own; the hosted pages use the same table.
 */

export const UI_STRINGS: Record<Locale, UiStrings> = {
  en: {
    comment: "Anything to add? (optional)",
    send: "Send",
    saving: "Saving…",
    saved: "Thank you, your answer is saved.",
    failed: "Your answer could not be saved.",
    retry: "Try again",
    choose: "Please choose a score first.",
    thanks: "Thank you!",
    thanksBody: "Your feedback helps us improve our service.",
  },
  fr: {
    comment: "Un commentaire ? (facultatif)",
    send: "Envoyer",
    saving: "Enregistrement…",
    saved: "Merci, votre réponse est enregistrée.",
    failed: "Votre réponse n’a pas pu être enregistrée.",
    retry: "Réessayer",
    choose: "Choisissez d’abord une note.",
    thanks: "Merci !",
    thanksBody: "Votre avis nous aide à améliorer notre service.",
  },
};

/** The scale a question is shown on: CES has two. */
export type ScaleKey = "nps" | "csat" | "ces_agree7" | "ces_effort5";

export function scaleKey(type: QuestionType, cesScale: "agree7" | "effort5"): ScaleKey {
  return type === "ces" ? `ces_${cesScale}` : type;
}

/** Labels of the lowest and highest score of each scale. */
export const ANCHORS: Record<ScaleKey, Record<Locale, [string, string]>> = {
  nps: { en: ["Not at all likely", "Extremely likely"], fr: ["Pas du tout probable", "Très probable"] },
  csat: { en: ["Very dissatisfied", "Very satisfied"], fr: ["Très insatisfait", "Très satisfait"] },
  ces_agree7: { en: ["Strongly disagree", "Strongly agree"], fr: ["Pas du tout d’accord", "Tout à fait d’accord"] },
  ces_effort5: { en: ["Very easy", "Very difficult"], fr: ["Très facile", "Très difficile"] },
};

/** A word for each score where the scale has one (the one-click page says what was chosen). */
export const VALUE_LABELS: Partial<Record<ScaleKey, Record<Locale, string[]>>> = {
  csat: {
    en: ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"],
    fr: ["Très insatisfait", "Insatisfait", "Neutre", "Satisfait", "Très satisfait"],
  },
  ces_agree7: {
    en: ["Strongly disagree", "Disagree", "Somewhat disagree", "Neutral", "Somewhat agree", "Agree", "Strongly agree"],
    fr: [
      "Pas du tout d’accord",
      "Pas d’accord",
      "Plutôt pas d’accord",
      "Neutre",
      "Plutôt d’accord",
      "D’accord",
      "Tout à fait d’accord",
    ],
  },
  ces_effort5: {
    en: ["Very easy", "Easy", "Neither easy nor difficult", "Difficult", "Very difficult"],
    fr: ["Très facile", "Facile", "Ni facile ni difficile", "Difficile", "Très difficile"],
  },
};

/** Words of the server-rendered pages (hosted survey, one-click link, errors, demo). */
export interface PageStrings {
  surveyTitle: string;
  surveyIntro: string;
  chooseScore: string;
  commentTooLong: string;
  oneClickTitle: string;
  youChose: string;
  confirm: string;
  oneClickHint: string;
  recordedTitle: string;
  recordedBody: string;
  invalidTitle: string;
  invalidBody: string;
  expiredTitle: string;
  expiredBody: string;
  goneTitle: string;
  goneBody: string;
  erasedTitle: string;
  erasedBody: string;
  badLinkTitle: string;
  badLinkBody: string;
  tooLargeTitle: string;
  tooLargeBody: string;
  unsupportedTitle: string;
  unsupportedBody: string;
  unavailableTitle: string;
  unavailableBody: string;
  demoMissingTitle: string;
  demoMissingBody: string;
}

export const PAGE_STRINGS: Record<Locale, PageStrings> = {
  en: {
    surveyTitle: "Your opinion matters",
    surveyIntro: "A few seconds to tell us how we did.",
    chooseScore: "Please choose a score before sending.",
    commentTooLong: "Your comment is too long (2,000 characters at most).",
    oneClickTitle: "Confirm your answer",
    youChose: "You chose",
    confirm: "Confirm my answer",
    oneClickHint: "Nothing is recorded until you press “Confirm my answer”: opening this page does not answer.",
    recordedTitle: "Thank you, your answer is recorded",
    recordedBody: "You can add a comment or change your answer below.",
    invalidTitle: "This survey link is not valid",
    invalidBody: "The link may have been cut or changed. Please open it again from your e-mail.",
    expiredTitle: "This survey has expired",
    expiredBody: "The link is no longer open for answers. Thank you all the same.",
    goneTitle: "This survey is no longer available",
    goneBody: "It may have been removed by the company that sent it.",
    erasedTitle: "This survey link no longer works",
    erasedBody:
      "The data it referred to was erased at your request or the company’s. Nothing you send here is recorded.",
    badLinkTitle: "This answer link is not valid",
    badLinkBody: "The score in the link does not belong to this survey. Please use the survey page instead.",
    tooLargeTitle: "Your answer is too long",
    tooLargeBody: "Please shorten your comment and send it again.",
    unsupportedTitle: "This form could not be read",
    unsupportedBody: "Please go back and send the form again.",
    unavailableTitle: "The service is busy",
    unavailableBody: "Your answer was not recorded. Please try again in a moment.",
    demoMissingTitle: "The demo shop is not set up",
    demoMissingBody:
      "The demo workspace (ws_demo) does not exist in this database. Run `npm start` without DEMO=0: on an empty database it seeds the demo workspace, then reload this page.",
  },
  fr: {
    surveyTitle: "Votre avis compte",
    surveyIntro: "Quelques secondes pour nous dire comment nous avons fait.",
    chooseScore: "Veuillez choisir une note avant d’envoyer.",
    commentTooLong: "Votre commentaire est trop long (2 000 caractères au plus).",
    oneClickTitle: "Confirmez votre réponse",
    youChose: "Vous avez choisi",
    confirm: "Confirmer ma réponse",
    oneClickHint:
      "Rien n’est enregistré tant que vous n’appuyez pas sur « Confirmer ma réponse » : ouvrir cette page ne répond pas.",
    recordedTitle: "Merci, votre réponse est enregistrée",
    recordedBody: "Vous pouvez ajouter un commentaire ou modifier votre réponse ci-dessous.",
    invalidTitle: "Ce lien de questionnaire n’est pas valide",
    invalidBody: "Le lien a peut-être été coupé ou modifié. Ouvrez-le de nouveau depuis votre e-mail.",
    expiredTitle: "Ce questionnaire a expiré",
    expiredBody: "Le lien n’accepte plus de réponses. Merci tout de même.",
    goneTitle: "Ce questionnaire n’est plus disponible",
    goneBody: "Il a peut-être été retiré par l’entreprise qui vous l’a envoyé.",
    erasedTitle: "Ce lien de questionnaire ne fonctionne plus",
    erasedBody:
      "Les données auxquelles il renvoyait ont été effacées, à votre demande ou à celle de l’entreprise. Rien de ce que vous envoyez ici n’est enregistré.",
    badLinkTitle: "Ce lien de réponse n’est pas valide",
    badLinkBody: "La note du lien n’appartient pas à ce questionnaire. Utilisez plutôt la page du questionnaire.",
    tooLargeTitle: "Votre réponse est trop longue",
    tooLargeBody: "Raccourcissez votre commentaire et envoyez-le de nouveau.",
    unsupportedTitle: "Ce formulaire n’a pas pu être lu",
    unsupportedBody: "Revenez en arrière et envoyez le formulaire de nouveau.",
    unavailableTitle: "Le service est occupé",
    unavailableBody: "Votre réponse n’a pas été enregistrée. Réessayez dans un instant.",
    demoMissingTitle: "La boutique de démonstration n’est pas installée",
    demoMissingBody:
      "L’espace de démonstration (ws_demo) n’existe pas dans cette base. Lancez `npm start` sans DEMO=0 : sur une base vide, il crée l’espace de démonstration. Rechargez ensuite cette page.",
  },
};

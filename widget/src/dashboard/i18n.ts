import type { CUSTOMER_TENURES, VALUE_TIERS } from "../../../worker/domain/segments";

type Tenure = (typeof CUSTOMER_TENURES)[number];
type ValueTier = (typeof VALUE_TIERS)[number];

/**
 * The dashboard's words in English and French, and number formatting per
 * language. Segment values the demo and the README use (request types,
 * channels) have labels; any other value is shown as the API returned it.
 */

export type Lang = "en" | "fr";
export const LANGS: readonly Lang[] = ["en", "fr"];

const en = {
  appTitle: "Support dashboard",
  tagline: "What support did for your customers, and what it was worth.",
  langSwitch: "Français",
  langSwitchLabel: "Afficher en français",
  signInTitle: "Sign in",
  keyLabel: "API key",
  keyHelp: "A workspace key with the read scope (it starts with ak_). It is kept in this browser tab only.",
  signIn: "Open the dashboard",
  checking: "Checking the key…",
  signOut: "Sign out",
  errUnauthorized: "This API key was not accepted. Check it and try again.",
  errForbidden: "This API key lacks the read scope, which the dashboard needs.",
  errNetwork: "The server could not be reached. Try again in a moment.",
  errOther: "The server answered with an error: {message}",
  errEmptyKey: "Enter an API key.",
  filters: "Filters",
  from: "From",
  to: "To (inclusive)",
  all: "All",
  channel: "Channel",
  request_type: "Request type",
  agent: "Agent",
  team: "Team",
  customer_tenure: "Customer tenure",
  value_tier: "Customer value",
  cardResponseRate: "Response rate {rate}: {answered} of {invited} invited customers answered",
  cardResponseRateNone: "No invitation in this selection: the response rate is unknown.",
  lowResponseRate: "Only {rate} of invited customers answered: this score speaks for them, not for the other {rest}.",
  breakdown: "By segment",
  breakdownBy: "Break down by",
  breakdownCaption: "Scores, response rate and repurchase by {by}",
  responseRate: "Response rate",
  breakdownEmpty: "No answer, invitation or interaction in this selection.",
  trendBy: "Trends by",
  day: "Day",
  week: "Week",
  month: "Month",
  reset: "Reset filters",
  loading: "Loading figures…",
  updated: "Figures updated.",
  skip: "Skip to the figures",
  headline: "Headline figures",
  nps: "NPS",
  csat: "CSAT",
  ces: "Customer effort (CES)",
  repurchase: "Repurchase within {days} days",
  answers: "{n} answers",
  answersOne: "{n} answer",
  ci: "95% interval: {lo} to {hi}",
  margin: "margin of error ±{m} points",
  benchmark: "Benchmark: {band}",
  noBenchmark: "No published benchmark",
  mean: "mean {mean} out of {max}",
  easy: "{pct} found it easy",
  easyShort: "easy",
  satisfied: "satisfied (4–5)",
  repurchased: "{r} of {e} interactions bought again",
  pending: "{p} windows still open ({pr} bought already)",
  revenuePer: "Revenue per interaction: {amounts}",
  noData: "No answers in this selection.",
  noInteractions: "No interaction whose window has closed in this selection.",
  unavailable: "Not available on this server yet.",
  failed: "Could not load: {message}",
  dash: "—",
  scaleOf: "Scale from {min} to {max}",
  charts: "Charts",
  split: "Promoters, passives and detractors",
  promoters: "Promoters (9–10)",
  passives: "Passives (7–8)",
  detractors: "Detractors (0–6)",
  trends: "Trends",
  trendNps: "NPS by {grain}",
  trendCsat: "CSAT by {grain}",
  csatDistribution: "CSAT distribution",
  csatByType: "Satisfaction by request type",
  repurchaseByType: "Repurchase by request type",
  repurchaseByChannel: "Repurchase by channel",
  repurchaseByNps: "Repurchase by NPS category",
  tableCaption: "Data of the chart “{title}”",
  period: "Period",
  score: "Score",
  count: "Answers",
  share: "Share",
  rate: "Repurchase rate",
  eligible: "Eligible interactions",
  segment: "Segment",
  ratingLabel: "Rating",
  chartSummaryBars: "{title}: {items}.",
  chartSummaryTrend: "{title}: {count} periods, from {first} to {last}; lowest {min}, highest {max}.",
  chartEmpty: "{title}: no data in this selection.",
  sparse: "Grey dots: periods with fewer than {min} answers, left off the line.",
  verbatims: "Latest comments",
  noVerbatims: "No comments in this selection.",
  followUps: "Follow-ups",
  followUpsOpen: "Open follow-ups, oldest first",
  noFollowUps: "No open follow-up. Every unhappy customer has been handled.",
  followUpSummary: "{opened} opened · {contacted} contacted · {resolved} resolved · {open} still open",
  medianContact: "Median time to contact: {h} h",
  medianResolve: "Median time to resolve: {h} h",
  repurchaseByFollowUp: "Repurchase after a bad answer",
  fuContacted: "Contacted",
  fuNotContacted: "Not contacted",
  fuNone: "No follow-up",
  fuRate: "{label}: {rate} bought again ({r} of {e})",
  fuRateNone: "{label}: no closed window yet",
  fuTicket: "Ticket {ticket}",
  fuAge: "opened {age}",
  fuNoAgent: "no agent",
  fuNoComment: "No comment.",
  fuAssignee: "Assignee",
  fuNote: "Note",
  fuStatus: "Status",
  fuSave: "Save",
  fuSaved: "Follow-up on ticket {ticket} saved.",
  fuFormLabel: "Follow-up on ticket {ticket}",
  fuStatusOpen: "Open",
  fuStatusContacted: "Contacted",
  fuStatusResolved: "Resolved",
  errWriteScope: "This API key cannot change follow-ups: it needs the write scope.",
  weekly: "Weekly report",
  weekLabel: "Week",
  weekChange: "{delta} vs previous week",
  mostPositive: "Most positive comments",
  mostNegative: "Most negative comments",
  movers: "Segments that moved most",
  noMovers: "No segment moved noticeably.",
  unanswered: "Unanswered",
  promoter: "Promoters",
  passive: "Passives",
  detractor: "Detractors",
  unsatisfied: "Unsatisfied",
  impactTitle: "What support is worth",
  impactCompare: "Compare",
  impactByNps: "NPS categories",
  impactByCsat: "CSAT categories",
  impactMore: "{key} bought again {points} points more often than {vs} [{lo} to {hi}].",
  impactLess: "{key} bought again {points} points less often than {vs} [{lo} to {hi}].",
  impactSame: "{key} bought again as often as {vs} [{lo} to {hi}].",
  impactStake: "At that rate, the {n} {vs} of this selection would have spent about {value} more [{low} to {high}].",
  impactStakeIn:
    "At that rate, the {n} {vs} of this selection would have spent about {value} more in {currency} orders [{low} to {high}].",
  impactNoStake: "{key} have not bought again yet: no amount to put at stake.",
  impactNoUplift: "Not enough data yet: {key} or {vs} have no interaction whose {days}-day window has closed.",
  impactCaveat:
    "An association, not a proof of cause: customers who had a good experience may be those who would have bought again anyway. Read it as an order of magnitude, with its range.",
  impactCategory: "Category",
  impactRate: "Bought again [95% interval]",
  impactRevenue: "Revenue per interaction",
  impactCost: "Cost per interaction",
  impactNet: "Net per interaction",
  impactAll: "All interactions",
  impactTableCaption: "Repurchase, revenue, cost and net per interaction by {by}",
  impactNoCost: "No cost recorded yet: send handling_minutes with tickets and set the workspace's cost per hour.",
  impactSatisfied: "Satisfied",
  impactWho: {
    promoter: "promoters",
    detractor: "detractors",
    satisfied: "satisfied customers",
    unsatisfied: "unsatisfied customers",
  } as Record<string, string>,
  none: "(none)",
  bands: {
    poor: "poor",
    healthy: "healthy",
    good: "good",
    excellent: "excellent",
    "world-class": "world-class",
    critical: "critical",
    fair: "fair",
    "high-effort": "high effort",
  } as Record<string, string>,
  /** `customer_tenure`: counting orders placed before the interaction closed. */
  tenures: {
    first_order: "No earlier order",
    returning: "Returning (1–2 orders)",
    loyal: "Loyal (3+ orders)",
  } satisfies Record<Tenure, string>,
  /** `value_tier`: the customer's spend over the 365 days before the interaction, by the workspace's bounds. */
  tiers: {
    low: "Low value",
    mid: "Mid value",
    high: "High value",
    unknown: "Value unknown",
  } satisfies Record<ValueTier, string>,
  values: {
    logistics: "Logistics",
    dissatisfaction: "Dissatisfaction",
    product_complaint: "Product complaint",
    billing: "Billing",
    product_question: "Product question",
    returns: "Returns",
    email: "E-mail",
    chat: "Chat",
    phone: "Phone",
    social: "Social media",
  } as Record<string, string>,
};

export type Messages = typeof en;

const fr: Messages = {
  appTitle: "Tableau de bord du support",
  tagline: "Ce que le support a fait pour vos clients, et ce que cela a rapporté.",
  langSwitch: "English",
  langSwitchLabel: "Show in English",
  signInTitle: "Connexion",
  keyLabel: "Clé d'API",
  keyHelp:
    "Une clé de l'espace de travail avec le droit read (elle commence par ak_). Elle n'est gardée que dans cet onglet.",
  signIn: "Ouvrir le tableau de bord",
  checking: "Vérification de la clé…",
  signOut: "Se déconnecter",
  errUnauthorized: "Cette clé d'API n'a pas été acceptée. Vérifiez-la et réessayez.",
  errForbidden: "Cette clé d'API n'a pas le droit read, nécessaire au tableau de bord.",
  errNetwork: "Le serveur est injoignable. Réessayez dans un instant.",
  errOther: "Le serveur a répondu par une erreur : {message}",
  errEmptyKey: "Saisissez une clé d'API.",
  filters: "Filtres",
  from: "Du",
  to: "Au (inclus)",
  all: "Tous",
  channel: "Canal",
  request_type: "Type de demande",
  agent: "Conseiller",
  team: "Équipe",
  customer_tenure: "Ancienneté client",
  value_tier: "Valeur client",
  cardResponseRate: "Taux de réponse {rate} : {answered} clients sur {invited} invités ont répondu",
  cardResponseRateNone: "Aucune invitation dans cette sélection : le taux de réponse est inconnu.",
  lowResponseRate:
    "Seuls {rate} des clients invités ont répondu : ce score parle pour eux, pas pour les {rest} restants.",
  breakdown: "Par segment",
  breakdownBy: "Détailler par",
  breakdownCaption: "Scores, taux de réponse et réachat par {by}",
  responseRate: "Taux de réponse",
  breakdownEmpty: "Aucune réponse, invitation ni interaction dans cette sélection.",
  trendBy: "Tendances par",
  day: "Jour",
  week: "Semaine",
  month: "Mois",
  reset: "Réinitialiser les filtres",
  loading: "Chargement des chiffres…",
  updated: "Chiffres à jour.",
  skip: "Aller aux chiffres",
  headline: "Chiffres clés",
  nps: "NPS",
  csat: "CSAT",
  ces: "Effort client (CES)",
  repurchase: "Réachat sous {days} jours",
  answers: "{n} réponses",
  answersOne: "{n} réponse",
  ci: "Intervalle à 95 % : {lo} à {hi}",
  margin: "marge d'erreur ±{m} points",
  benchmark: "Référence : {band}",
  noBenchmark: "Pas de référence publiée",
  mean: "moyenne {mean} sur {max}",
  easy: "{pct} l'ont trouvé facile",
  easyShort: "facile",
  satisfied: "satisfaits (4–5)",
  repurchased: "{r} interactions sur {e} suivies d'un achat",
  pending: "{p} fenêtres encore ouvertes ({pr} déjà suivies d'un achat)",
  revenuePer: "Chiffre d'affaires par interaction : {amounts}",
  noData: "Aucune réponse pour cette sélection.",
  noInteractions: "Aucune interaction dont la fenêtre est close pour cette sélection.",
  unavailable: "Pas encore disponible sur ce serveur.",
  failed: "Chargement impossible : {message}",
  dash: "—",
  scaleOf: "Échelle de {min} à {max}",
  charts: "Graphiques",
  split: "Promoteurs, passifs et détracteurs",
  promoters: "Promoteurs (9–10)",
  passives: "Passifs (7–8)",
  detractors: "Détracteurs (0–6)",
  trends: "Tendances",
  trendNps: "NPS par {grain}",
  trendCsat: "CSAT par {grain}",
  csatDistribution: "Répartition des notes CSAT",
  csatByType: "Satisfaction par type de demande",
  repurchaseByType: "Réachat par type de demande",
  repurchaseByChannel: "Réachat par canal",
  repurchaseByNps: "Réachat par catégorie NPS",
  tableCaption: "Données du graphique « {title} »",
  period: "Période",
  score: "Score",
  count: "Réponses",
  share: "Part",
  rate: "Taux de réachat",
  eligible: "Interactions éligibles",
  segment: "Segment",
  ratingLabel: "Note",
  chartSummaryBars: "{title} : {items}.",
  chartSummaryTrend: "{title} : {count} périodes, du {first} au {last} ; minimum {min}, maximum {max}.",
  chartEmpty: "{title} : aucune donnée pour cette sélection.",
  sparse: "Points gris : périodes de moins de {min} réponses, hors de la courbe.",
  verbatims: "Derniers commentaires",
  noVerbatims: "Aucun commentaire pour cette sélection.",
  followUps: "Suivis",
  followUpsOpen: "Suivis ouverts, les plus anciens d'abord",
  noFollowUps: "Aucun suivi ouvert. Chaque client mécontent a été traité.",
  followUpSummary: "{opened} ouverts · {contacted} contactés · {resolved} résolus · {open} encore ouverts",
  medianContact: "Délai médian avant contact : {h} h",
  medianResolve: "Délai médian de résolution : {h} h",
  repurchaseByFollowUp: "Réachat après une mauvaise réponse",
  fuContacted: "Contactés",
  fuNotContacted: "Non contactés",
  fuNone: "Sans suivi",
  fuRate: "{label} : {rate} ont racheté ({r} sur {e})",
  fuRateNone: "{label} : aucune fenêtre close pour l'instant",
  fuTicket: "Ticket {ticket}",
  fuAge: "ouvert {age}",
  fuNoAgent: "aucun agent",
  fuNoComment: "Pas de commentaire.",
  fuAssignee: "Responsable",
  fuNote: "Note",
  fuStatus: "Statut",
  fuSave: "Enregistrer",
  fuSaved: "Suivi du ticket {ticket} enregistré.",
  fuFormLabel: "Suivi du ticket {ticket}",
  fuStatusOpen: "Ouvert",
  fuStatusContacted: "Contacté",
  fuStatusResolved: "Résolu",
  errWriteScope: "Cette clé d'API ne peut pas modifier les suivis : il lui faut le droit write.",
  weekly: "Rapport hebdomadaire",
  weekLabel: "Semaine",
  weekChange: "{delta} par rapport à la semaine précédente",
  mostPositive: "Commentaires les plus positifs",
  mostNegative: "Commentaires les plus négatifs",
  movers: "Segments qui ont le plus bougé",
  noMovers: "Aucun segment n'a nettement bougé.",
  unanswered: "Sans réponse",
  promoter: "Promoteurs",
  passive: "Passifs",
  detractor: "Détracteurs",
  unsatisfied: "Insatisfaits",
  impactTitle: "Ce que vaut le support",
  impactCompare: "Comparer",
  impactByNps: "Catégories NPS",
  impactByCsat: "Catégories CSAT",
  impactMore: "Les {key} ont racheté {points} points plus souvent que les {vs} [{lo} à {hi}].",
  impactLess: "Les {key} ont racheté {points} points moins souvent que les {vs} [{lo} à {hi}].",
  impactSame: "Les {key} ont racheté aussi souvent que les {vs} [{lo} à {hi}].",
  impactStake: "À ce taux, les {n} {vs} de cette sélection auraient dépensé environ {value} de plus [{low} à {high}].",
  impactStakeIn:
    "À ce taux, les {n} {vs} de cette sélection auraient dépensé environ {value} de plus en commandes en {currency} [{low} à {high}].",
  impactNoStake: "Les {key} n'ont pas encore racheté : aucun montant en jeu.",
  impactNoUplift:
    "Pas encore assez de données : les {key} ou les {vs} n'ont aucune interaction dont la fenêtre de {days} jours est close.",
  impactCaveat:
    "Une association, pas une preuve de cause : les clients bien servis sont peut-être ceux qui auraient racheté de toute façon. À lire comme un ordre de grandeur, avec sa fourchette.",
  impactCategory: "Catégorie",
  impactRate: "Ont racheté [intervalle à 95 %]",
  impactRevenue: "Chiffre d'affaires par interaction",
  impactCost: "Coût par interaction",
  impactNet: "Net par interaction",
  impactAll: "Toutes les interactions",
  impactTableCaption: "Réachat, chiffre d'affaires, coût et net par interaction, par {by}",
  impactNoCost:
    "Aucun coût enregistré : envoyez handling_minutes avec les tickets et fixez le coût horaire de l'espace de travail.",
  impactSatisfied: "Satisfaits",
  impactWho: {
    promoter: "promoteurs",
    detractor: "détracteurs",
    satisfied: "clients satisfaits",
    unsatisfied: "clients insatisfaits",
  },
  none: "(aucun)",
  bands: {
    poor: "faible",
    healthy: "correct",
    good: "bon",
    excellent: "excellent",
    "world-class": "exceptionnel",
    critical: "critique",
    fair: "passable",
    "high-effort": "effort élevé",
  },
  tenures: {
    first_order: "Aucune commande antérieure",
    returning: "Récurrent (1–2 commandes)",
    loyal: "Fidèle (3 commandes ou plus)",
  },
  tiers: {
    low: "Valeur faible",
    mid: "Valeur moyenne",
    high: "Valeur élevée",
    unknown: "Valeur inconnue",
  },
  values: {
    logistics: "Logistique",
    dissatisfaction: "Mécontentement",
    product_complaint: "Réclamation produit",
    billing: "Facturation",
    product_question: "Question produit",
    returns: "Retours",
    email: "E-mail",
    chat: "Chat",
    phone: "Téléphone",
    social: "Réseaux sociaux",
  },
};

export const MESSAGES: Record<Lang, Messages> = { en, fr };

export type TextKey = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];

/** The message `key` in `lang`, with `{name}` placeholders filled in. */
export function translate(lang: Lang, key: TextKey, vars: Record<string, string | number> = {}): string {
  return String(MESSAGES[lang][key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) =>
    String(vars[name] ?? `{${name}}`),
  );
}

/** The messages that name a count: those with a `…One` form for the singular. */
export type CountKey = { [K in TextKey]: `${K}One` extends TextKey ? K : never }[TextKey];

/**
 * The message `key` for `count` things, `{n}` the count formatted: its `…One` form where the
 * language's plural rules say singular (English 1; French 0 and 1), so never "1 answers".
 */
export function translateCount(lang: Lang, key: CountKey, count: number): string {
  return translate(lang, isSingular(lang, count) ? `${key}One` : key, { n: formatter(lang).count(count) });
}

/** Whether `lang` says `count` things in the singular: English 1; French 0 and 1. */
export function isSingular(lang: Lang, count: number): boolean {
  return new Intl.PluralRules(lang).select(count) === "one";
}

/** The language to start in: the one chosen before, else the browser's, else English. */
export function initialLang(saved: string | null, browserLanguages: readonly string[]): Lang {
  if (saved === "en" || saved === "fr") return saved;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split("-")[0];
    if (base === "fr" || base === "en") return base;
  }
  return "en";
}

/** Number formatting in one language; every figure on the page goes through it. */
export function formatter(lang: Lang) {
  const locale = lang === "fr" ? "fr-FR" : "en-GB";
  const fixed = (digits: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const whole = fixed(0);
  const one = fixed(1);
  return {
    /** An integer count. */
    count: (n: number) => whole.format(n),
    /** A score in points, signed (NPS): "+23", "−5". */
    signed: (n: number) => `${n > 0 ? "+" : n < 0 ? "−" : ""}${whole.format(Math.abs(Math.round(n)))}`,
    /** A percentage, 0 decimals: "76 %" in French. */
    pct: (n: number) => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(n / 100),
    /** One decimal, for means and margins. */
    decimal: (n: number) => one.format(n),
    /** An amount from the API's decimal string, in its currency. */
    money: (amount: string, currency: string) => {
      const value = Number(amount);
      if (!Number.isFinite(value)) return `${amount} ${currency}`;
      try {
        return new Intl.NumberFormat(locale, { style: "currency", currency }).format(value);
      } catch {
        return `${amount} ${currency}`;
      }
    },
    /** An amount rounded to whole units, for "about €4,200". */
    moneyWhole: (amount: string, currency: string) => {
      const value = Number(amount);
      if (!Number.isFinite(value)) return `${amount} ${currency}`;
      try {
        return new Intl.NumberFormat(locale, {
          style: "currency",
          currency,
          maximumFractionDigits: 0,
          minimumFractionDigits: 0,
        }).format(Math.round(value));
      } catch {
        return `${Math.round(value)} ${currency}`;
      }
    },
    /** A `YYYY-MM-DD`, `YYYY-Www` or `YYYY-MM` period label, as people read it. */
    period: (key: string) => {
      const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
      if (day) {
        return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" }).format(
          new Date(`${key}T00:00:00Z`),
        );
      }
      const month = /^(\d{4})-(\d{2})$/.exec(key);
      if (month) {
        return new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }).format(
          new Date(`${key}-01T00:00:00Z`),
        );
      }
      const week = /^(\d{4})-W(\d{2})$/.exec(key);
      if (week) return lang === "fr" ? `S${Number(week[2])} ${week[1]}` : `W${Number(week[2])} ${week[1]}`;
      return key;
    },
    /** How long ago a timestamp was: "3 days ago", "il y a 3 jours". */
    ago: (iso: string, now = Date.now()) => {
      const minutes = (new Date(iso).getTime() - now) / 60_000;
      const rtf = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
      if (Math.abs(minutes) < 60) return rtf.format(Math.round(minutes), "minute");
      if (Math.abs(minutes) < 48 * 60) return rtf.format(Math.round(minutes / 60), "hour");
      return rtf.format(Math.round(minutes / 1440), "day");
    },
    /** A timestamp, as a short date and time. */
    dateTime: (iso: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso)),
  };
}

export type Format = ReturnType<typeof formatter>;

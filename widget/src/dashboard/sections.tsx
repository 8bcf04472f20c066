import type { VNode } from "preact";
import type { ApiGet } from "./api";
import { Charts } from "./Charts";
import { FollowUpInbox } from "./FollowUpInbox";
import { apiFilters, type Filters } from "./filters";
import { ImpactCard } from "./ImpactCard";
import type { TextKey } from "./i18n";
import type { Details, Headline } from "./load";
import { useLocale } from "./locale-context";
import { SegmentBreakdown } from "./SegmentBreakdown";
import { Verbatims } from "./Verbatims";
import { WeeklyReport } from "./WeeklyReport";

/** What a section below the headline gets: it renders after the first figures are on screen. */
export interface SectionContext {
  get: ApiGet;
  /** The signed-in key, for a section that builds its own links or requests (the follow-up inbox). */
  apiKey: string;
  filters: Filters;
  headline: Headline;
  /** The shared trends, breakdowns and comments; null while they load. */
  details: Details | null;
  onKeyRejected: (e: unknown) => void;
}

/** A block of the page below the headline cards: `<section aria-labelledby="{id}-title">`. */
export interface LazySection {
  id: string;
  title: TextKey;
  /** The section element's own id, when something links to it (`/dashboard#follow-ups`). */
  anchor?: string;
  render: (ctx: SectionContext) => VNode;
}

function Pending() {
  const { t } = useLocale();
  return <p class="note">{t("loading")}</p>;
}

/**
 * The sections after the headline, in page order. They mount once the headline
 * is shown, so whatever they fetch never delays the first figures. A new card
 * that loads its own data is one line here: `{ id, title, render: (c) => <Card get={c.get} … /> }`.
 */
export const LAZY_SECTIONS: LazySection[] = [
  {
    id: "impact",
    title: "impactTitle",
    render: (c) => <ImpactCard get={c.get} filters={apiFilters(c.filters)} onKeyRejected={c.onKeyRejected} />,
  },
  {
    id: "breakdown",
    title: "breakdown",
    render: (c) => <SegmentBreakdown get={c.get} filters={apiFilters(c.filters)} onKeyRejected={c.onKeyRejected} />,
  },
  {
    id: "charts",
    title: "charts",
    render: (c) =>
      c.details ? <Charts data={{ ...c.headline, ...c.details }} grain={c.filters.trend} /> : <Pending />,
  },
  {
    id: "verbatims",
    title: "verbatims",
    render: (c) => (c.details ? <VerbatimsSection details={c.details} /> : <Pending />),
  },
  {
    id: "follow-ups",
    anchor: "follow-ups",
    title: "followUps",
    render: (c) => <FollowUpInbox get={c.get} apiKey={c.apiKey} onKeyRejected={c.onKeyRejected} />,
  },
  { id: "weekly", title: "weekly", render: (c) => <WeeklyReport get={c.get} onKeyRejected={c.onKeyRejected} /> },
];

function VerbatimsSection(props: { details: Details }) {
  const { t } = useLocale();
  const v = props.details.verbatims;
  return v.status === "ok" ? <Verbatims items={v.data.items} /> : <p class="note">{t("unavailable")}</p>;
}

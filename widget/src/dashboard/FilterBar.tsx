import { type Filters, SEGMENTS, TREND_GRAINS, type TrendGrain } from "./filters";
import type { SegmentOptions } from "./load";
import { useLocale } from "./locale-context";

/**
 * Dates, segments and the trend grain. Every change applies at once and is
 * written to the URL by the caller, so the view can be bookmarked.
 */
export function FilterBar(props: { filters: Filters; options: SegmentOptions; onChange: (f: Filters) => void }) {
  const { t, segmentValue } = useLocale();
  const f = props.filters;
  const set = (patch: Partial<Filters>) => props.onChange({ ...f, ...patch });
  const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;
  return (
    <form class="filters" aria-labelledby="filters-title" onSubmit={(e) => e.preventDefault()}>
      <h2 id="filters-title" class="visually-hidden">
        {t("filters")}
      </h2>
      <div class="field">
        <label for="filter-from">{t("from")}</label>
        <input
          id="filter-from"
          type="date"
          value={f.from ?? ""}
          max={f.to}
          onChange={(e) => set({ from: value(e) || undefined })}
        />
      </div>
      <div class="field">
        <label for="filter-to">{t("to")}</label>
        <input
          id="filter-to"
          type="date"
          value={f.to ?? ""}
          min={f.from}
          onChange={(e) => set({ to: value(e) || undefined })}
        />
      </div>
      {SEGMENTS.map((segment) => {
        const options = props.options[segment] ?? [];
        const current = f[segment];
        // A value from a shared URL stays selectable even if no answer carries it yet.
        const all = current && !options.includes(current) ? [current, ...options] : options;
        return (
          <div class="field" key={segment}>
            <label for={`filter-${segment}`}>{t(segment)}</label>
            <select
              id={`filter-${segment}`}
              name={segment}
              value={current ?? ""}
              onChange={(e) => set({ [segment]: value(e) || undefined })}
            >
              <option value="">{t("all")}</option>
              {all.map((o) => (
                <option key={o} value={o}>
                  {segmentValue(segment, o)}
                </option>
              ))}
            </select>
          </div>
        );
      })}
      <div class="field">
        <label for="filter-trend">{t("trendBy")}</label>
        <select id="filter-trend" value={f.trend} onChange={(e) => set({ trend: value(e) as TrendGrain })}>
          {TREND_GRAINS.map((g) => (
            <option key={g} value={g}>
              {t(g)}
            </option>
          ))}
        </select>
      </div>
      <div class="field field-button">
        <button type="button" onClick={() => props.onChange({ trend: f.trend })}>
          {t("reset")}
        </button>
      </div>
    </form>
  );
}

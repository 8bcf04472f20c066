import { useEffect, useState } from "preact/hooks";
import type { ApiGet, CsatFigures, Grouped, NpsFigures, Params, RepurchaseFigures, ResponseRate } from "./api";
import { FIXED_SEGMENT_VALUES, SEGMENTS, type Segment } from "./filters";
import { type Section, section } from "./load";
import { useLocale } from "./locale-context";

/** The four grouped reads behind the table, each its own section so one missing route blanks one column. */
interface BreakdownData {
  nps: Section<Grouped<NpsFigures>>;
  csat: Section<Grouped<CsatFigures>>;
  rate: Section<Grouped<ResponseRate>>;
  repurchase: Section<Grouped<RepurchaseFigures>>;
}

async function loadBreakdown(get: ApiGet, filters: Params, by: Segment): Promise<BreakdownData> {
  const params = { ...filters, group_by: by };
  const [nps, csat, rate, repurchase] = await Promise.all([
    section(get<Grouped<NpsFigures>>("/v1/scores", { ...params, metric: "nps" })),
    section(get<Grouped<CsatFigures>>("/v1/scores", { ...params, metric: "csat" })),
    section(get<Grouped<ResponseRate>>("/v1/response-rate", params)),
    section(get<Grouped<RepurchaseFigures>>("/v1/repurchase", params)),
  ]);
  return { nps, csat, rate, repurchase };
}

/** A grouped read's figures by key (`null`, no value, keyed ""). */
function byKey<T>(s: Section<Grouped<T>>): Map<string, T> {
  return new Map(s.status === "ok" ? (s.data.groups ?? []).map((g) => [g.key ?? "", g]) : []);
}

/**
 * Every figure side by side for the values of one segment (the support tool's
 * channel, request type, agent or team, or the shop-derived customer tenure and
 * value tier): NPS, CSAT, the response rate they rest on and the repurchase
 * rate, each with its n, as the API computes them grouped.
 */
export function SegmentBreakdown(props: { get: ApiGet; filters: Params; onKeyRejected: (e: unknown) => void }) {
  const { t, fmt, segmentValue } = useLocale();
  const [by, setBy] = useState<Segment>("customer_tenure");
  const [data, setData] = useState<BreakdownData | null>(null);
  const filterKey = JSON.stringify(props.filters);

  useEffect(() => {
    let live = true;
    setData(null);
    loadBreakdown(props.get, props.filters, by).then(
      (result) => live && setData(result),
      (e) => live && props.onKeyRejected(e),
    );
    return () => {
      live = false;
    };
  }, [by, filterKey, props.get]);

  const nps = data ? byKey(data.nps) : new Map<string, NpsFigures>();
  const csat = data ? byKey(data.csat) : new Map<string, CsatFigures>();
  const rate = data ? byKey(data.rate) : new Map<string, ResponseRate>();
  const repurchase = data ? byKey(data.repurchase) : new Map<string, RepurchaseFigures>();
  // The domain's own order for the shop-derived segments (first order → loyal), else alphabetical.
  const fixed = FIXED_SEGMENT_VALUES[by];
  const keys = [...new Set([...nps.keys(), ...csat.keys(), ...rate.keys(), ...repurchase.keys()])].sort((a, b) =>
    fixed ? fixed.indexOf(a) - fixed.indexOf(b) : a.localeCompare(b),
  );
  const missing = (s: Section<unknown> | undefined) => (s && s.status !== "ok" ? t("unavailable") : "—");

  return (
    <div class="breakdown" id="breakdown">
      <div class="field">
        <label for="breakdown-by">{t("breakdownBy")}</label>
        <select
          id="breakdown-by"
          value={by}
          onChange={(e) => setBy((e.currentTarget as HTMLSelectElement).value as Segment)}
        >
          {SEGMENTS.map((s) => (
            <option key={s} value={s}>
              {t(s)}
            </option>
          ))}
        </select>
      </div>
      {!data ? (
        <p class="note">{t("loading")}</p>
      ) : keys.length === 0 ? (
        <p class="note">{t("breakdownEmpty")}</p>
      ) : (
        <div class="table-scroll">
          <table class="movers" id="breakdown-table">
            <caption class="visually-hidden">{t("breakdownCaption", { by: t(by).toLowerCase() })}</caption>
            <thead>
              <tr>
                <th scope="col">{t(by)}</th>
                <th scope="col">{t("nps")}</th>
                <th scope="col">{t("csat")}</th>
                <th scope="col">{t("responseRate")}</th>
                <th scope="col">{t("rate")}</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => {
                const n = nps.get(key);
                const c = csat.get(key);
                const r = rate.get(key);
                const p = repurchase.get(key);
                return (
                  <tr key={key} data-key={key}>
                    <th scope="row">{segmentValue(by, key || null)}</th>
                    <td class="breakdown-nps">
                      {n && n.nps !== null ? `${fmt.signed(n.nps)} (n = ${fmt.count(n.n)})` : missing(data.nps)}
                    </td>
                    <td class="breakdown-csat">
                      {c && c.csat !== null ? `${fmt.pct(c.csat)} (n = ${fmt.count(c.n)})` : missing(data.csat)}
                    </td>
                    <td class="breakdown-rate">
                      {r && r.rate !== null
                        ? `${fmt.pct(r.rate * 100)} (${fmt.count(r.answered)}/${fmt.count(r.invited)})`
                        : missing(data.rate)}
                    </td>
                    <td class="breakdown-repurchase">
                      {p && p.rate !== null
                        ? `${fmt.pct(p.rate * 100)} (${fmt.count(p.repurchased)}/${fmt.count(p.eligible)})`
                        : missing(data.repurchase)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

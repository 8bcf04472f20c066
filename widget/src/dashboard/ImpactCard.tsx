import { useEffect, useState } from "preact/hooks";
import type { ApiGet, ImpactBody, Params } from "./api";
import { MESSAGES } from "./i18n";
import { type Section, section } from "./load";
import { useLocale } from "./locale-context";

type Money = Record<string, string>;

const BY = ["nps_category", "csat_category"] as const;

/** Points of a share, rounded for reading: 0.3512 → 35. */
const points = (share: number) => Math.round(share * 100);
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * "What support is worth": the repurchase uplift between the best and the
 * worst category with its interval, the revenue at stake in each currency,
 * and cost and net per interaction by category, in sentences a CX director
 * can repeat, with the caveat that this is an association, not a cause.
 */
export function ImpactCard(props: { get: ApiGet; filters: Params; onKeyRejected: (e: unknown) => void }) {
  const { t, fmt, label, lang } = useLocale();
  const [by, setBy] = useState<(typeof BY)[number]>("nps_category");
  const [impact, setImpact] = useState<Section<ImpactBody> | null>(null);
  const filterKey = JSON.stringify(props.filters);

  useEffect(() => {
    let live = true;
    section(props.get<ImpactBody>("/v1/impact", { ...props.filters, by })).then(
      (result) => live && setImpact(result),
      (e) => live && props.onKeyRejected(e),
    );
    return () => {
      live = false;
    };
  }, [by, filterKey, props.get]);

  if (!impact) return <p class="note">{t("loading")}</p>;
  if (impact.status !== "ok") {
    return (
      <p class="note" id="impact-unavailable">
        <span aria-hidden="true">— </span>
        {impact.status === "missing" ? t("unavailable") : t("failed", { message: impact.message })}
      </p>
    );
  }
  const r = impact.data;
  const who = (key: string) => MESSAGES[lang].impactWho[key] ?? key;
  const range = (lo: number, hi: number) => ({ lo: fmt.count(points(lo)), hi: fmt.count(points(hi)) });
  const money = (amounts: Money | null) =>
    amounts && Object.keys(amounts).length
      ? Object.entries(amounts)
          .map(([currency, amount]) => fmt.money(amount, currency))
          .join(" · ")
      : "—";
  const categoryName = (key: string) => (key === "satisfied" ? t("impactSatisfied") : label(t(key as "promoter")));
  const { uplift } = r;
  const vsCount = r.categories.find((c) => c.key === uplift.vs)?.eligible ?? 0;
  const anyCost = r.cost_per_interaction && Object.keys(r.cost_per_interaction).length > 0;

  let headline: string;
  if (uplift.difference === null || !uplift.ci95) {
    headline = t("impactNoUplift", { key: who(uplift.key), vs: who(uplift.vs), days: r.window_days });
  } else {
    const p = points(uplift.difference);
    const vars = { key: who(uplift.key), vs: who(uplift.vs), points: fmt.count(Math.abs(p)), ...range(...uplift.ci95) };
    headline = t(p > 0 ? "impactMore" : p < 0 ? "impactLess" : "impactSame", vars);
    if (lang === "en") headline = capitalise(headline);
  }

  return (
    <div class="impact" id="impact">
      <label class="impact-by">
        {t("impactCompare")}{" "}
        <select value={by} onChange={(e) => setBy((e.currentTarget as HTMLSelectElement).value as typeof by)}>
          <option value="nps_category">{t("impactByNps")}</option>
          <option value="csat_category">{t("impactByCsat")}</option>
        </select>
      </label>
      <p class="impact-headline" id="impact-uplift">
        {headline}
      </p>
      {r.at_stake ? (
        <ul class="impact-stake">
          {Object.keys(r.at_stake).length === 0 ? (
            <li>{t("impactNoStake", { key: capitalise(who(uplift.key)) })}</li>
          ) : (
            Object.entries(r.at_stake).map(([currency, s]) => (
              <li key={currency} id={`impact-at-stake-${currency}`}>
                {t(Object.keys(r.at_stake ?? {}).length > 1 ? "impactStakeIn" : "impactStake", {
                  currency,
                  n: fmt.count(vsCount),
                  vs: who(uplift.vs),
                  value: fmt.moneyWhole(s.value, currency),
                  low: fmt.moneyWhole(s.low, currency),
                  high: fmt.moneyWhole(s.high, currency),
                })}
              </li>
            ))
          )}
        </ul>
      ) : null}
      <p class="impact-caveat" id="impact-caveat">
        {t("impactCaveat")}
      </p>
      <div class="table-scroll">
        <table class="movers impact-table" id="impact-table">
          <caption class="visually-hidden">
            {t("impactTableCaption", { by: by === "nps_category" ? t("impactByNps") : t("impactByCsat") })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("impactCategory")}</th>
              <th scope="col">{t("eligible")}</th>
              <th scope="col">{t("impactRate")}</th>
              <th scope="col">{t("impactRevenue")}</th>
              <th scope="col">{t("impactCost")}</th>
              <th scope="col">{t("impactNet")}</th>
            </tr>
          </thead>
          <tbody>
            {r.categories.map((c) => (
              <tr key={c.key} id={`impact-row-${c.key}`}>
                <th scope="row">{categoryName(c.key)}</th>
                <td>{fmt.count(c.eligible)}</td>
                <td>
                  {c.rate === null ? "—" : fmt.pct(c.rate * 100)}
                  {c.ci95 ? ` [${fmt.pct(c.ci95[0] * 100)}–${fmt.pct(c.ci95[1] * 100)}]` : ""}
                </td>
                <td>{money(c.revenue_per_interaction)}</td>
                <td>{money(c.cost_per_interaction)}</td>
                <td>{money(c.net_per_interaction)}</td>
              </tr>
            ))}
            <tr id="impact-row-all">
              <th scope="row">{t("impactAll")}</th>
              <td>{fmt.count(r.categories.reduce((n, c) => n + c.eligible, 0))}</td>
              <td />
              <td />
              <td>{money(r.cost_per_interaction)}</td>
              <td>{money(r.net_per_interaction)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      {anyCost ? null : <p class="note">{t("impactNoCost")}</p>}
    </div>
  );
}

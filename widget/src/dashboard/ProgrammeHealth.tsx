import { useEffect, useState } from "preact/hooks";
import type { ApiGet, Params, ResponseRate, TargetItem, TargetReport } from "./api";
import { isSingular, type Lang } from "./i18n";
import { type Section, section } from "./load";
import { useLocale } from "./locale-context";
import { isoWeekOf } from "./weeks";

const WORDS: Record<Lang, Record<string, string>> = {
  en: {
    title: "Programme health",
    rate: "Response rate",
    rateOf: "{answered} of {invited}",
    answered: "{n} answered",
    answeredOne: "{n} answered",
    invited: "{n} invited",
    invitedOne: "{n} invited",
    rateNone: "No invitation in this period.",
    rateCaveat: "The scores speak for the customers who answered, not for the others.",
    targets: "Contract targets",
    noTargets: "No target set (PUT /v1/targets).",
    metric: "Target",
    value: "This period",
    verdict: "Verdict",
    met: "Met",
    missed: "Missed",
    no_data: "No answers",
    certain: "certain at 95 %",
    uncertain: "not certain: about {n} answers would tell",
    uncertainOne: "not certain: about {n} answer would tell",
    undecidable: "not certain: right on the threshold",
    month: "this month",
    week: "this week",
  },
  fr: {
    title: "Santé du programme",
    rate: "Taux de réponse",
    rateOf: "{answered} sur {invited}",
    answered: "{n} réponses",
    answeredOne: "{n} réponse",
    invited: "{n} invitations",
    invitedOne: "{n} invitation",
    rateNone: "Aucune invitation sur cette période.",
    rateCaveat: "Les scores parlent pour les clients qui ont répondu, pas pour les autres.",
    targets: "Objectifs contractuels",
    noTargets: "Aucun objectif défini (PUT /v1/targets).",
    metric: "Objectif",
    value: "Sur la période",
    verdict: "Verdict",
    met: "Atteint",
    missed: "Manqué",
    no_data: "Pas de réponse",
    certain: "certain à 95 %",
    uncertain: "pas certain : il faudrait environ {n} réponses",
    uncertainOne: "pas certain : il faudrait environ {n} réponse",
    undecidable: "pas certain : pile sur le seuil",
    month: "ce mois-ci",
    week: "cette semaine",
  },
};

const fill = (text: string | undefined, vars: Record<string, string>) =>
  (text ?? "").replace(/\{(\w+)\}/g, (_, k) => vars[k] ?? "");

/** `key`, or its `…One` form where the language says `count` in the singular (never "1 réponses"). */
const counted = (lang: Lang, key: string, count: number) => (isSingular(lang, count) ? `${key}One` : key);

/**
 * Response rate and contract targets: the rate comes with the headline summary
 * (no request of its own), the targets are loaded here, after the headline:
 * a score answered by 5 % of customers is not a measure of the other 95 %, and
 * a target is "missed" only as surely as its interval says.
 */
export function ProgrammeHealth(props: {
  get: ApiGet;
  filters: Params;
  /** The response rate the headline summary already carries for these filters. */
  rate: Section<ResponseRate>;
  onKeyRejected: (e: unknown) => void;
}) {
  const { lang, fmt, label } = useLocale();
  const w = WORDS[lang];
  const rate = props.rate;
  const [targets, setTargets] = useState<TargetItem[] | null>(null);
  const filterKey = JSON.stringify(props.filters);

  useEffect(() => {
    let live = true;
    const today = new Date().toISOString().slice(0, 10);
    const periods = [today.slice(0, 7), isoWeekOf(today)];
    Promise.all(periods.map((period) => section(props.get<TargetReport>("/v1/targets/report", { period })))).then(
      (reports) => live && setTargets(reports.flatMap((r) => (r.status === "ok" ? r.data.items : []))),
      (e) => live && props.onKeyRejected(e),
    );
    return () => {
      live = false;
    };
  }, [filterKey, props.get]);

  const threshold = (t: TargetItem["target"]) =>
    [t.min != null ? `≥ ${fmt.count(t.min)}` : "", t.max != null ? `≤ ${fmt.count(t.max)}` : ""]
      .filter(Boolean)
      .join(" ");
  const scope = (t: TargetItem["target"]) =>
    [t.channel, t.request_type, t.team, t.agent]
      .filter(Boolean)
      .map((v) => label(v))
      .join(", ");
  const shown = (item: TargetItem) =>
    item.value == null ? "—" : item.target.metric === "nps" ? fmt.signed(item.value) : fmt.pct(item.value);

  return (
    <div class="health">
      <h2 id="health-title">{w.title}</h2>
      <div class="health-rate" id="response-rate">
        <h3>{w.rate}</h3>
        {rate.status === "ok" && rate.data.rate != null ? (
          <>
            <p class="health-figure">{fmt.pct(rate.data.rate * 100)}</p>
            <p class="note">
              {fill(w.rateOf, {
                answered: fill(w[counted(lang, "answered", rate.data.answered)], { n: fmt.count(rate.data.answered) }),
                invited: fill(w[counted(lang, "invited", rate.data.invited)], { n: fmt.count(rate.data.invited) }),
              })}
              . {w.rateCaveat}
            </p>
          </>
        ) : (
          <p class="note">{w.rateNone}</p>
        )}
      </div>
      <div class="health-targets" id="targets">
        <h3>{w.targets}</h3>
        {!targets ? null : targets.length === 0 ? (
          <p class="note">{w.noTargets}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{w.metric}</th>
                <th scope="col">{w.value}</th>
                <th scope="col">{w.verdict}</th>
              </tr>
            </thead>
            <tbody>
              {targets.map((item) => (
                <tr key={`${item.target.id}-${item.period}`} class={`target-${item.status}`}>
                  <th scope="row">
                    {item.target.metric.toUpperCase()} {threshold(item.target)}{" "}
                    <span class="note">
                      ({item.target.period === "month" ? w.month : w.week}
                      {scope(item.target) ? ` · ${scope(item.target)}` : ""})
                    </span>
                  </th>
                  <td>
                    {shown(item)} <span class="note">(n = {fmt.count(item.n)})</span>
                  </td>
                  <td>
                    <strong>{w[item.status]}</strong>
                    {item.status === "no_data" ? null : (
                      <span class="note">
                        {" — "}
                        {item.certain
                          ? w.certain
                          : item.n_needed != null
                            ? fill(w[counted(lang, "uncertain", item.n_needed)], { n: fmt.count(item.n_needed) })
                            : w.undecidable}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}

import { CES_AGREE7_BANDS, CES_EFFORT5_BANDS, CSAT_BANDS, NPS_BANDS } from "../../../worker/domain/benchmarks";
import { wilsonPercent } from "../../../worker/domain/intervals";
import { SCALES } from "../../../worker/domain/metrics";
import { BenchmarkScale } from "./BenchmarkScale";
import type { Headline, Section } from "./load";
import { type LocaleTools, useLocale } from "./locale-context";
import { type ResponseRateLine, ScoreCard } from "./ScoreCard";
import { bandName, LOW_RESPONSE_RATE } from "./stats";

/** Why a card has no figure: the route is missing, the call failed, or nobody answered. */
function absence(section: Section<unknown>, tools: LocaleTools, empty: boolean, emptyText = tools.t("noData")) {
  if (section.status === "missing") return tools.t("unavailable");
  if (section.status === "error") return tools.t("failed", { message: section.message });
  return empty ? emptyText : null;
}

const interval = (tools: LocaleTools, ci: [number, number] | null | undefined, format: (n: number) => string) =>
  ci ? tools.t("ci", { lo: format(ci[0]), hi: format(ci[1]) }) : null;

/**
 * What a score rests on: the response rate of the same selection, and a plain
 * warning when it is low. Empty when the server did not send it.
 */
function responseRateOf(section: Headline["responseRate"], tools: LocaleTools): ResponseRateLine | null {
  if (section.status !== "ok") return null;
  const { answered, invited } = section.data;
  const { t, fmt } = tools;
  if (section.data.rate === null) return { text: t("cardResponseRateNone"), warning: null };
  const rate = section.data.rate * 100;
  return {
    text: t("cardResponseRate", { rate: fmt.pct(rate), answered: fmt.count(answered), invited: fmt.count(invited) }),
    warning: rate < LOW_RESPONSE_RATE ? t("lowResponseRate", { rate: fmt.pct(rate), rest: fmt.pct(100 - rate) }) : null,
  };
}

/** The four headline cards: NPS, CSAT, CES and the repurchase rate. */
export function Cards(props: { data: Headline }) {
  const tools = useLocale();
  const { t, fmt } = tools;
  const { nps, csat, ces, repurchase } = props.data;
  const responseRate = responseRateOf(props.data.responseRate, tools);

  const n = nps.status === "ok" ? nps.data : null;
  const c = csat.status === "ok" ? csat.data : null;
  const e = ces.status === "ok" ? ces.data : null;
  const r = repurchase.status === "ok" ? repurchase.data : null;

  const cesMax = SCALES.ces[e?.scale ?? "agree7"].max;
  const easyCount = e && e.easy_pct !== null ? Math.round((e.easy_pct * e.n) / 100) : 0;
  const cesCi = e && e.n > 0 ? wilsonPercent(easyCount, e.n) : null;
  const repCi = r && r.eligible > 0 ? wilsonPercent(r.repurchased, r.eligible) : null;
  const money = (amounts: Record<string, string> | undefined) =>
    Object.entries(amounts ?? {})
      .map(([currency, amount]) => fmt.money(amount, currency))
      .join(" · ");

  return (
    <div class="cards">
      <ScoreCard
        id="card-nps"
        title={t("nps")}
        value={n && n.nps !== null ? fmt.signed(n.nps) : null}
        band={n && n.nps !== null ? bandName(n.benchmark) : null}
        lines={
          n && n.n > 0
            ? [
                tools.tc("answers", n.n),
                interval(tools, n.ci95, fmt.signed),
                n.margin_of_error !== null ? t("margin", { m: fmt.decimal(n.margin_of_error) }) : null,
              ]
            : []
        }
        note={absence(nps, tools, !n || n.n === 0)}
        responseRate={responseRate}
      >
        <BenchmarkScale
          min={-100}
          max={100}
          bands={NPS_BANDS}
          value={n?.nps ?? null}
          ci={n?.ci95}
          current={n ? bandName(n.benchmark) : null}
          format={fmt.signed}
        />
      </ScoreCard>

      <ScoreCard
        id="card-csat"
        title={t("csat")}
        value={c && c.csat !== null ? fmt.pct(c.csat) : null}
        band={c && c.csat !== null ? bandName(c.benchmark) : null}
        lines={
          c && c.n > 0
            ? [
                `${tools.tc("answers", c.n)}, ${t("satisfied")}`,
                interval(tools, c.ci95, fmt.pct),
                c.mean !== null ? t("mean", { mean: fmt.decimal(c.mean), max: SCALES.csat.max }) : null,
              ]
            : []
        }
        note={absence(csat, tools, !c || c.n === 0)}
        responseRate={responseRate}
      >
        <BenchmarkScale
          min={0}
          max={100}
          bands={CSAT_BANDS}
          value={c?.csat ?? null}
          ci={c?.ci95}
          current={c ? bandName(c.benchmark) : null}
          format={fmt.pct}
        />
      </ScoreCard>

      <ScoreCard
        id="card-ces"
        title={t("ces")}
        value={e && e.mean !== null ? `${fmt.decimal(e.mean)} / ${cesMax}` : null}
        band={e && e.mean !== null ? bandName(e.benchmark) : null}
        lines={
          e && e.n > 0
            ? [
                tools.tc("answers", e.n),
                e.easy_pct !== null ? t("easy", { pct: fmt.pct(e.easy_pct) }) : null,
                interval(tools, cesCi, fmt.pct),
              ]
            : []
        }
        note={absence(ces, tools, !e || e.n === 0)}
        responseRate={responseRate}
      >
        <BenchmarkScale
          min={1}
          max={cesMax}
          bands={e?.scale === "effort5" ? CES_EFFORT5_BANDS : CES_AGREE7_BANDS}
          value={e?.mean ?? null}
          current={e ? bandName(e.benchmark) : null}
          format={(v) => String(v)}
        />
      </ScoreCard>

      <ScoreCard
        id="card-repurchase"
        title={t("repurchase", { days: r?.window_days ?? 30 })}
        value={r && r.rate !== null ? fmt.pct(r.rate * 100) : null}
        lines={
          r
            ? [
                r.eligible > 0 ? t("repurchased", { r: fmt.count(r.repurchased), e: fmt.count(r.eligible) }) : null,
                interval(tools, repCi, fmt.pct),
                r.pending > 0 ? t("pending", { p: fmt.count(r.pending), pr: fmt.count(r.pending_repurchased) }) : null,
                Object.keys(r.revenue_per_interaction ?? {}).length > 0
                  ? t("revenuePer", { amounts: money(r.revenue_per_interaction) })
                  : null,
                // No published band for repurchase: the API gives none, and the card says so.
                t("noBenchmark"),
              ]
            : []
        }
        note={absence(repurchase, tools, !r || r.eligible === 0, t("noInteractions"))}
      >
        <BenchmarkScale
          min={0}
          max={100}
          value={r && r.rate !== null ? r.rate * 100 : null}
          ci={repCi}
          format={fmt.pct}
        />
      </ScoreCard>
    </div>
  );
}

import type { BandRange } from "../../../worker/domain/benchmarks";
import { position } from "./stats";

/**
 * A card's scale: the benchmark bands side by side, the 95 % interval as a
 * whisker and the figure as a marker. Purely visual; the card's text says the
 * same, so this is hidden from assistive technology.
 */
export function BenchmarkScale(props: {
  min: number;
  max: number;
  bands?: readonly Pick<BandRange<string>, "name" | "from" | "to">[];
  value: number | null;
  ci?: [number, number] | null;
  current?: string | null;
  format: (n: number) => string;
}) {
  const { min, max } = props;
  return (
    <div class="scale" aria-hidden="true">
      <div class="scale-track">
        {(props.bands ?? [{ from: min, to: max, name: "plain" }]).map((b) => (
          <span
            key={b.name}
            class={`scale-band band-${b.name}${props.current === b.name ? " current" : ""}`}
            style={{ flexGrow: b.to - b.from }}
          />
        ))}
        {props.ci && props.value !== null ? (
          <span
            class="scale-ci"
            style={{
              left: `${position(props.ci[0], min, max)}%`,
              width: `${position(props.ci[1], min, max) - position(props.ci[0], min, max)}%`,
            }}
          />
        ) : null}
        {props.value !== null ? (
          <span class="scale-marker" style={{ left: `${position(props.value, min, max)}%` }} />
        ) : null}
      </div>
      <div class="scale-ends">
        <span>{props.format(min)}</span>
        <span>{props.format(max)}</span>
      </div>
    </div>
  );
}

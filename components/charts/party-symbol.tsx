import type { TPartyStyle } from "@/lib/analysis/chart-data";

export const SYMBOL_PATHS: Record<TPartyStyle["shape"], string> = {
  circle: "M8 2a6 6 0 1 0 0.001 0Z",
  square: "M2.5 2.5h11v11h-11Z",
  triangle: "M8 1.5 14.5 13.5h-13Z",
  diamond: "M8 1 15 8 8 15 1 8Z",
  star: "M8 1l1.9 4.4 4.8.4-3.6 3.2 1.1 4.7L8 11.3 3.8 13.7l1.1-4.7L1.3 5.8l4.8-.4Z",
  cross: "M6 1.5h4v4.5h4.5v4H10v4.5H6V10H1.5V6H6Z",
  wye: "M6.5 1.5h3v5.2l4.5 2.6-1.5 2.6L8 9.3l-4.5 2.6L2 9.3l4.5-2.6Z",
};

/** A party's marker as a small inline SVG, for legends and lists beside the charts. */
export function PartySymbol({ style }: { style: TPartyStyle }) {
  return (
    <svg className="party-symbol" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={SYMBOL_PATHS[style.shape]} fill={style.color} stroke="currentColor" strokeWidth="0.6" />
    </svg>
  );
}

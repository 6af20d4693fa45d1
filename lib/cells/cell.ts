// The cell's types for every module, client components included: types only, derived from the one
// definition in ./schema (a type import carries none of its code to the browser).
import type { TCellContent, TReading, TSource } from "./schema";
import type { TRange } from "./readings";

export type { TCellContent, TReading, TSource };

/** A cell as the views show it: its issue and party, and the content of its version on the view's day. */
export type TCell = TCellContent & {
  issue: string;
  party: string;
  /** Whether the readings that stand disagree, and their range (lib/cells/readings.ts), derived when the cell is read. */
  contested: boolean;
  range: TRange | null;
  /** With a search: whether the cell's own texts (label, summary, quote, notes, its sources' titles and publishers) contain it. */
  match?: boolean;
};

/** A source with its number in the negotiation's bibliography (1, 2, ... in the order first cited). */
export type TNumberedSource = TSource & { number: number };

/** The address of a cell: the negotiation, the issue (row) and the party (column). */
export type TCellAddress = { slug: string; issue: string; party: string };

import { compareParties, type TComparison } from "../compare";
import { parseCompareParams, type TCompareParams } from "../compare-params";
import { buildMatrix, type TMatrix } from "../matrix";
import { parseMatrixParams, type TMatrixParams, type TRawSearchParams } from "../matrix-params";
import type { TNegotiation } from "../domain";
import { getNegotiation } from "./negotiations";

export type TMatrixView = {
  negotiation: TNegotiation;
  params: TMatrixParams;
  notices: string[];
  matrix: TMatrix;
};

/**
 * The one way a view is built from a URL, shared by the page, the CSV and the JSON routes:
 * read the negotiation, parse the query against its slugs, assemble the matrix. Null when the
 * negotiation does not exist.
 */
export async function getMatrixView(slug: string, raw: TRawSearchParams): Promise<TMatrixView | null> {
  const negotiation = await getNegotiation(slug);
  if (!negotiation) return null;
  const { params, notices } = parseMatrixParams(raw, {
    issues: negotiation.issues.map((i) => i.slug),
    parties: negotiation.parties.map((p) => p.slug),
  });
  return { negotiation, params, notices, matrix: buildMatrix(negotiation, params) };
}

export type TCompareView = { negotiation: TNegotiation; comparison: TComparison | null; params: TCompareParams };

/** The compare view from a URL, shared by the page and its CSV: null only when the negotiation does not exist. */
export async function getCompareView(slug: string, raw: TRawSearchParams): Promise<TCompareView | null> {
  const negotiation = await getNegotiation(slug);
  if (!negotiation) return null;
  const params = parseCompareParams(raw, negotiation.parties.map((p) => p.slug));
  const a = negotiation.parties.find((p) => p.slug === params.a);
  const b = negotiation.parties.find((p) => p.slug === params.b);
  return { negotiation, params, comparison: a && b ? compareParties(negotiation, a, b) : null };
}

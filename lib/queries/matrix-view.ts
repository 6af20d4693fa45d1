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

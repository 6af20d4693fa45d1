import { jsonError, withJsonErrors } from "@/lib/http";
import { toCellJson } from "@/lib/json-formats";
import { mayEdit } from "@/lib/queries/accounts";
import { CellNotFoundError, CellValidationError, NotAllowedError, recordCellEdit, StaleVersionError } from "@/lib/queries/cell-edits";
import { getCellState, type TCellAddress, type TCellState } from "@/lib/queries/cell-state";
import { authenticate } from "@/lib/request-auth";

export const dynamic = "force-dynamic";

type TParams = TCellAddress;

/** A request body past this size is refused before it is read whole. */
const MAX_BODY_BYTES = 256 * 1024;

const etagOf = (state: TCellState) => `"v${state.head?.id ?? 0}"`;

function cellResponse(state: TCellState, status = 200): Response {
  return Response.json(toCellJson(state), { status, headers: { ETag: etagOf(state), "Cache-Control": "no-store" } });
}

const notFound = ({ slug, issue, party }: TParams) =>
  jsonError(404, `There is no cell for the issue “${issue}” and the party “${party}” in a negotiation called “${slug}”.`);

/** The cell's current content (`ZCellJson`), with its latest version as the ETag a `PUT` must send back. */
export const GET = withJsonErrors<TParams>(async (_request, { params }) => {
  const address = await params;
  const state = getCellState(address);
  return state ? cellResponse(state) : notFound(address);
});

/**
 * Records a new version of the cell from a JSON body of the position's fields plus `reason`.
 * `If-Match` must carry the ETag of the version the change starts from: 428 without it, 412 with
 * the current cell when another version landed since. 401 without credentials, 403 without rights
 * on this negotiation, 400 with every validation problem, 201 with the new version.
 */
export const PUT = withJsonErrors<TParams>(async (request, { params }) => {
  const address = await params;
  const { account, refusal } = await authenticate(request);
  if (refusal) return jsonError(refusal.status, refusal.message);
  if (!account) return jsonError(401, "Sign in, or send a personal API token as `Authorization: Bearer …`.");
  const state = getCellState(address);
  if (!state) return notFound(address);
  if (account.mustChangePassword) return jsonError(403, "Choose your own password at /account before you edit.");
  if (!mayEdit(account, state.negotiation.id)) return jsonError(403, `You have no rights to edit “${state.negotiation.slug}”.`);
  const ifMatch = request.headers.get("if-match");
  if (ifMatch === null) return jsonError(428, "Send If-Match with the ETag of the version this change starts from (GET the cell for it).");
  const base = /^(?:W\/)?"v(\d+)"$/.exec(ifMatch.trim());
  if (!base) return jsonError(412, 'If-Match must be an ETag of this cell, such as "v12".');
  if (!(request.headers.get("content-type") ?? "").includes("application/json"))
    return jsonError(415, "Send the change as JSON (Content-Type: application/json).");
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES)
    return jsonError(413, `The body is larger than ${MAX_BODY_BYTES / 1024} KB.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return jsonError(413, `The body is larger than ${MAX_BODY_BYTES / 1024} KB.`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return jsonError(400, "The body is not valid JSON.");
  }
  try {
    const saved = recordCellEdit({
      address,
      baseVersionId: Number(base[1]),
      authorId: account.id,
      edit: body,
      authorize: (negotiationId) => mayEdit(account, negotiationId),
    });
    return cellResponse(saved.state, 201);
  } catch (error) {
    if (error instanceof StaleVersionError)
      return Response.json(
        { error: "The cell has changed since the version in If-Match; its current state is attached.", current: toCellJson(error.current) },
        { status: 412, headers: { ETag: etagOf(error.current), "Cache-Control": "no-store" } },
      );
    if (error instanceof CellValidationError)
      return Response.json(
        { error: "The change is invalid.", problems: error.problems },
        { status: 400, headers: { "Cache-Control": "no-store" } },
      );
    if (error instanceof CellNotFoundError) return notFound(address);
    if (error instanceof NotAllowedError) return jsonError(403, error.message);
    throw error;
  }
});

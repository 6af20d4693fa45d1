import { authorOf, checkEditRight } from "@/lib/auth/permissions";
import { authenticate } from "@/lib/auth/request-auth";
import type { TCellAddress } from "@/lib/cells/cell";
import { recordCellEdit } from "@/lib/cells/edit";
import { getCellState, type TCellState } from "@/lib/cells/state";
import { AppError, isAppError } from "@/lib/domain/errors";
import { toCellApiJson } from "@/lib/formats/cell-json";
import { errorResponse, withJsonErrors } from "@/lib/http/errors";
import { BODY_LIMITS } from "@/lib/http/gate";

export const dynamic = "force-dynamic";

type TParams = TCellAddress;

/** A request body past this size is refused before it is read whole (the server's gate refuses it earlier still). */
const MAX_BODY_BYTES = BODY_LIMITS.other;

const etagOf = (state: TCellState) => `"v${state.head?.id ?? 0}"`;

function cellResponse(state: TCellState, status = 200): Response {
  return Response.json(toCellApiJson(state), { status, headers: { ETag: etagOf(state), "Cache-Control": "no-store" } });
}

const noSuchCell = ({ slug, issue, party }: TParams) =>
  new AppError("not_found", `There is no cell for the issue “${issue}” and the party “${party}” in a negotiation called “${slug}”.`);

/** The cell's current content (`ZCellApiJson`), with its latest version as the ETag a `PUT` must send back. */
export const GET = withJsonErrors<TParams>(async (_request, { params }) => {
  const address = await params;
  const state = await getCellState(address);
  if (!state) throw noSuchCell(address);
  return cellResponse(state);
});

/** The body as JSON, after the checks of its headers; an AppError for each way it can be wrong. */
async function readBody(request: Request): Promise<unknown> {
  if (!(request.headers.get("content-type") ?? "").includes("application/json"))
    throw new AppError("unsupported_media", "Send the change as JSON (Content-Type: application/json).");
  const tooLarge = new AppError("too_large", `The body is larger than ${MAX_BODY_BYTES / 1024} KB.`);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw tooLarge;
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw tooLarge;
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid", "The body is not valid JSON.");
  }
}

/**
 * Records a new version of the cell from a JSON body of the position's fields plus `reason`.
 * `If-Match` must carry the ETag of the version the change starts from: 428 without it, 412 with
 * the current cell when another version landed since. 401 without credentials, 403 without rights
 * on this negotiation, 400 with every validation problem, 201 with the new version.
 */
export const PUT = withJsonErrors<TParams>(async (request, { params }) => {
  const address = await params;
  const account = await authenticate(request);
  if (!account) throw new AppError("unauthenticated", "Sign in, or send a personal API token as `Authorization: Bearer …`.");
  const state = await getCellState(address);
  if (!state) throw noSuchCell(address);
  const refusal = await checkEditRight(account, state.negotiation.id);
  if (refusal) throw refusal;
  const ifMatch = request.headers.get("if-match");
  if (ifMatch === null)
    throw new AppError(
      "precondition_required",
      "Send If-Match with the ETag of the version this change starts from (GET the cell for it).",
    );
  const base = /^(?:W\/)?"v(\d+)"$/.exec(ifMatch.trim());
  if (!base) throw new AppError("stale", 'If-Match must be an ETag of this cell, such as "v12".');
  const body = await readBody(request);
  try {
    const saved = await recordCellEdit({ address, baseVersionId: Number(base[1]), author: authorOf(account), edit: body });
    return cellResponse(saved.state, 201);
  } catch (error) {
    if (!isAppError(error, "stale")) throw error;
    const current = error.detail as TCellState;
    return errorResponse(new AppError("stale", "The cell has changed since the version in If-Match; its current state is attached."), {
      body: { current: toCellApiJson(current) },
      headers: { ETag: etagOf(current) },
    });
  }
});

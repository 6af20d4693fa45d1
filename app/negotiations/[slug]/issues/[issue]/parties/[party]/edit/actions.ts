"use server";

import { redirect } from "next/navigation";
import { cellHref } from "@/lib/matrix";
import { mayEdit } from "@/lib/queries/accounts";
import { CellValidationError, recordCellEdit, StaleVersionError } from "@/lib/queries/cell-edits";
import type { TCellAddress } from "@/lib/queries/cell-state";
import { toCellJson } from "@/lib/json-formats";
import { formToEdit, type TEditFormState } from "@/lib/edit-form";
import { getViewer } from "@/lib/viewer";

/**
 * Saves the editor's form as a new version of the cell. Next checks the request's origin for every
 * server action; this checks who is signed in and their rights again, on the server, whatever the
 * page showed. A conflict or invalid input returns to the form with the editor's values kept.
 */
export async function saveCellEdit(address: TCellAddress, _previous: TEditFormState, form: FormData): Promise<TEditFormState> {
  const viewer = await getViewer();
  const values = Object.fromEntries([...form.keys()].map((key) => [key, form.getAll(key).map(String)]));
  if (!viewer)
    return { values, problems: [{ path: "(form)", message: "Your session has ended: sign in again in another tab, then save." }] };
  const baseVersionId = Number(form.get("baseVersion"));
  try {
    const { state } = recordCellEdit({
      address,
      baseVersionId,
      authorId: viewer.id,
      edit: formToEdit(form),
      authorize: (negotiationId) => mayEdit(viewer, negotiationId),
    });
    redirect(`${cellHref(state.negotiation.slug, state.issue.slug, state.party.slug)}?saved=${state.head!.id}`);
  } catch (error) {
    if (error instanceof StaleVersionError) return { values, conflict: toCellJson(error.current) };
    if (error instanceof CellValidationError) return { values, problems: error.problems };
    throw error;
  }
}

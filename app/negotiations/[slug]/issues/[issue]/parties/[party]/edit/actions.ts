"use server";

import { redirect } from "next/navigation";
import { href } from "@/lib/params/urls";
import { authorOf } from "@/lib/auth/permissions";
import { recordCellEdit } from "@/lib/cells/edit";
import type { TCellState } from "@/lib/cells/state";
import { isAppError } from "@/lib/domain/errors";
import type { TCellAddress } from "@/lib/cells/cell";
import { toCellApiJson } from "@/lib/formats/cell-json";
import { formToEdit, type TEditFormState } from "@/lib/formats/edit-form";
import { getViewer } from "@/lib/auth/viewer";

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
  let saved: TCellState;
  try {
    ({ state: saved } = await recordCellEdit({ address, baseVersionId, author: authorOf(viewer), edit: formToEdit(form) }));
  } catch (error) {
    if (isAppError(error, "stale")) return { values, conflict: toCellApiJson(error.detail as TCellState) };
    if (isAppError(error, "invalid")) return { values, problems: error.problems };
    if (isAppError(error)) return { values, problems: [{ path: "(form)", message: error.message }] };
    throw error;
  }
  redirect(href("cell", { slug: saved.negotiation.slug, issue: saved.issue.slug, party: saved.party.slug }, { saved: saved.head!.id }));
}

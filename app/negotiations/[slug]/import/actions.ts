"use server";

import { redirect } from "next/navigation";
import { mayEditSlug, mayEdit } from "@/lib/queries/accounts";
import { CellValidationError } from "@/lib/queries/cell-edits";
import { confirmImport, MAX_IMPORT_BYTES, saveImportDraft, StalePreviewError } from "@/lib/queries/dossier-import";
import { getDatabase } from "@/lib/db";
import { getViewer } from "@/lib/viewer";

export type TUploadState = { error?: string };

const importPage = (slug: string) => `/negotiations/${slug}/import`;

/** Keeps an uploaded file as a draft and shows its preview; nothing is written to the dossier yet. */
export async function uploadImport(slug: string, _previous: TUploadState, form: FormData): Promise<TUploadState> {
  const viewer = await getViewer();
  if (!viewer || !mayEditSlug(viewer, slug)) return { error: "You have no rights to import into this negotiation." };
  const file = form.get("file");
  const reason = String(form.get("reason") ?? "").trim();
  if (!(file instanceof File) || file.size === 0) return { error: "Choose a CSV or JSON file." };
  if (file.size > MAX_IMPORT_BYTES)
    return {
      error: `The file is ${(file.size / 1048576).toFixed(1)} MB; an import takes at most ${MAX_IMPORT_BYTES / 1048576} MB. Split it.`,
    };
  if (reason.length === 0 || reason.length > 500)
    return { error: "Give a reason for the import (at most 500 characters); it goes into the log." };
  let content: string;
  try {
    content = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return { error: "The file is not UTF-8 text." };
  }
  const negotiationId = getDatabase().prepare(`SELECT "id" FROM "Negotiation" WHERE "slug" = ?`).pluck().get(slug) as number;
  const id = saveImportDraft({ userId: viewer.id, negotiationId, fileName: file.name.slice(0, 200), content, reason });
  redirect(`${importPage(slug)}?draft=${id}`);
}

/** Writes a previewed import, all or nothing, if the data has not changed since the preview. */
export async function confirmImportAction(slug: string, form: FormData): Promise<void> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?next=${encodeURIComponent(importPage(slug))}`);
  const draftId = String(form.get("draft") ?? "");
  let outcome: string;
  try {
    const written = confirmImport({
      draftId,
      userId: viewer.id,
      previewedDataVersion: String(form.get("dataVersion") ?? ""),
      authorize: (negotiationId) => mayEdit(viewer, negotiationId),
    });
    outcome = written ? `imported=${written.added + written.changed}` : "error=gone";
  } catch (error) {
    if (error instanceof StalePreviewError) redirect(`${importPage(slug)}?draft=${draftId}&stale=1`);
    if (error instanceof CellValidationError) redirect(`${importPage(slug)}?draft=${draftId}`);
    throw error;
  }
  redirect(`${importPage(slug)}?${outcome}`);
}

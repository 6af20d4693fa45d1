"use server";

import { redirect } from "next/navigation";
import { authorOf, mayEditSlug } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/viewer";
import { isAppError } from "@/lib/domain/errors";
import { href } from "@/lib/params/urls";
import { getNegotiation } from "@/lib/read/rows";
import { confirmImport, MAX_IMPORT_BYTES, saveImportDraft } from "@/lib/write/imports";

export type TUploadState = { error?: string };

/** Keeps an uploaded file as a draft and shows its preview; nothing is written to the dossier yet. */
export async function uploadImport(slug: string, _previous: TUploadState, form: FormData): Promise<TUploadState> {
  const viewer = await getViewer();
  const negotiation = await getNegotiation(slug);
  if (!viewer || !negotiation || !(await mayEditSlug(viewer, slug)))
    return { error: "You have no rights to import into this negotiation." };
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
  const id = await saveImportDraft({
    userId: viewer.id,
    negotiationId: negotiation.id,
    fileName: file.name.slice(0, 200),
    content,
    reason,
  });
  redirect(href("import", { slug }, { draft: id }));
}

/** Writes a previewed import, all or nothing, if the data has not changed since the preview. */
export async function confirmImportAction(slug: string, form: FormData): Promise<void> {
  const viewer = await getViewer();
  if (!viewer) redirect(href("signIn", {}, { next: href("import", { slug }) }));
  const draftId = String(form.get("draft") ?? "");
  let outcome: Record<string, string | number>;
  try {
    const written = await confirmImport({
      draftId,
      author: authorOf(viewer),
      previewedDataVersion: String(form.get("dataVersion") ?? ""),
    });
    outcome = written ? { imported: written.added + written.changed } : { error: "gone" };
  } catch (error) {
    // A stale preview is shown again against the data now; an invalid file shows its problems.
    if (isAppError(error, "stale")) outcome = { draft: draftId, stale: 1 };
    else if (isAppError(error, "invalid")) outcome = { draft: draftId };
    else if (isAppError(error)) outcome = { error: error.code };
    else throw error;
  }
  redirect(href("import", { slug }, outcome));
}

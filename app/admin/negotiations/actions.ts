"use server";

import { redirect } from "next/navigation";
import { CellValidationError } from "@/lib/queries/cell-edits";
import { createNegotiation, StructureError } from "@/lib/queries/structure";
import { getViewer } from "@/lib/viewer";

/** An administrator creates a negotiation with an empty matrix, then adds its issues and parties. */
export async function createNegotiationAction(form: FormData): Promise<void> {
  const viewer = await getViewer();
  if (viewer?.role !== "admin")
    redirect(`/admin/negotiations?error=${encodeURIComponent("Only an administrator can create a negotiation.")}`);
  const fields = Object.fromEntries(["slug", "title", "summary", "scaleNote"].map((key) => [key, String(form.get(key) ?? "").trim()]));
  let target: string;
  try {
    const { slug } = createNegotiation({ fields, userId: viewer.id });
    target = `/negotiations/${slug}/structure?done=${encodeURIComponent(`negotiation.create ${slug}`)}`;
  } catch (error) {
    if (error instanceof CellValidationError)
      target = `/admin/negotiations?error=${encodeURIComponent(error.problems.map((p) => `${p.path}: ${p.message}`).join("; "))}`;
    else if (error instanceof StructureError) target = `/admin/negotiations?error=${encodeURIComponent(error.message)}`;
    else throw error;
  }
  redirect(target);
}

"use server";

import { redirect } from "next/navigation";
import { mayEdit } from "@/lib/queries/accounts";
import { CellValidationError } from "@/lib/queries/cell-edits";
import { changeStructure, StructureError } from "@/lib/queries/structure";
import { getViewer } from "@/lib/viewer";

const text = (form: FormData, key: string) => String(form.get(key) ?? "").trim();

/** The structure form's fields as a change (`ZStructureChange`); the schema checks them. */
function toChange(form: FormData): Record<string, unknown> {
  const action = text(form, "action");
  const issue = {
    name: text(form, "name"),
    description: text(form, "description"),
    isCore: form.get("isCore") === "on",
    lowLabel: text(form, "lowLabel"),
    highLabel: text(form, "highLabel"),
  };
  const party = { name: text(form, "name"), kind: text(form, "kind"), date: text(form, "date"), description: text(form, "description") };
  switch (action) {
    case "issue.add":
      return { action, issue: { slug: text(form, "slug"), ...issue } };
    case "issue.update":
      return { action, slug: text(form, "slug"), fields: issue };
    case "party.add":
      return { action, party: { slug: text(form, "slug"), ...party } };
    case "party.update":
      return { action, slug: text(form, "slug"), fields: party };
    case "issue.move":
    case "party.move":
      return { action, slug: text(form, "slug"), direction: text(form, "direction") };
    case "event.add":
      return {
        action,
        event: {
          slug: text(form, "slug") || null,
          date: text(form, "date"),
          title: text(form, "title"),
          summary: text(form, "summary"),
          sources: [
            {
              title: text(form, "sourceTitle"),
              publisher: text(form, "sourcePublisher"),
              url: text(form, "sourceUrl") || null,
              publishedAt: text(form, "sourcePublishedAt") || null,
            },
          ],
        },
      };
    default:
      return { action };
  }
}

/**
 * One change to the negotiation's structure, from a plain form (it works without JavaScript): the
 * signed-in user and their rights are checked here, the change is validated and written with its
 * audit entry, and the page shows what happened.
 */
export async function structureAction(slug: string, form: FormData): Promise<void> {
  const here = `/negotiations/${slug}/structure`;
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?next=${encodeURIComponent(here)}`);
  const reason = text(form, "reason") || (String(form.get("action")).endsWith(".move") ? "Reordered" : "");
  let outcome: string;
  try {
    const done = changeStructure({ slug, change: toChange(form), reason, userId: viewer.id, authorize: (id) => mayEdit(viewer, id) });
    outcome = `done=${encodeURIComponent(`${done.action} ${done.target}`)}`;
  } catch (error) {
    if (error instanceof CellValidationError)
      outcome = `error=${encodeURIComponent(error.problems.map((p) => `${p.path}: ${p.message}`).join("; "))}`;
    else if (error instanceof StructureError) outcome = `error=${encodeURIComponent(error.message)}`;
    else throw error;
  }
  redirect(`${here}?${outcome}`);
}

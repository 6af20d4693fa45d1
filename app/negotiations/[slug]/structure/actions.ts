"use server";

import { redirect } from "next/navigation";
import { authorOf } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/viewer";
import { describeError, isAppError } from "@/lib/domain/errors";
import { href } from "@/lib/params/urls";
import { changeStructure } from "@/lib/write/structure";

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
    case "redline.add": {
      const url = text(form, "sourceUrl");
      const number = (key: string) => (text(form, key) === "" ? NaN : Number(text(form, key)));
      return {
        action,
        line: {
          issue: text(form, "issue"),
          party: text(form, "party"),
          min: number("min"),
          max: number("max"),
          basis: text(form, "basis"),
          validFrom: text(form, "validFrom") || null,
          quote: text(form, "quote") || null,
          notes: text(form, "notes") || null,
          sources: text(form, "sourceTitle")
            ? [
                {
                  title: text(form, "sourceTitle"),
                  publisher: text(form, "sourcePublisher"),
                  url: url || null,
                  publishedAt: text(form, "sourcePublishedAt") || null,
                },
              ]
            : [],
        },
      };
    }
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
  const viewer = await getViewer();
  if (!viewer) redirect(href("signIn", {}, { next: href("structure", { slug }) }));
  const reason = text(form, "reason") || (String(form.get("action")).endsWith(".move") ? "Reordered" : "");
  let outcome: Record<string, string>;
  try {
    const done = await changeStructure({ slug, change: toChange(form), reason, author: authorOf(viewer) });
    outcome = { done: `${done.action} ${done.target}` };
  } catch (error) {
    if (!isAppError(error)) throw error;
    outcome = { error: describeError(error) };
  }
  redirect(href("structure", { slug }, outcome));
}

"use server";

import { redirect } from "next/navigation";
import { authorOf } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/viewer";
import { AppError, describeError, isAppError } from "@/lib/domain/errors";
import { href } from "@/lib/params/urls";
import { getPointView } from "@/lib/read/lineage-view";
import { changeStructure } from "@/lib/write/structure";

// An editor's new version of a point or of one of its links, from a plain form on the point's page:
// the fields the form does not show (the text, its sources) are kept from the version the editor
// saw, and that version is named, so that a change made meanwhile is refused rather than overwritten.

export type TPointAddress = { slug: string; draft: string; number: string };

const text = (form: FormData, key: string) => String(form.get(key) ?? "").trim();
const orNull = (value: string) => (value === "" ? null : value);

async function record(
  address: TPointAddress,
  form: FormData,
  build: (view: NonNullable<Awaited<ReturnType<typeof getPointView>>>) => unknown,
) {
  const here = href("point", address);
  const viewer = await getViewer();
  if (!viewer) redirect(href("signIn", {}, { next: here }));
  const view = await getPointView(address.slug, address.draft, address.number, {});
  let outcome: Record<string, string>;
  try {
    // The address comes with the request (a bound argument), so it may name no point at all.
    if (!view) throw new AppError("not_found", "There is no such point.");
    await changeStructure({ slug: address.slug, change: build(view), reason: text(form, "reason"), author: authorOf(viewer) });
    outcome = { saved: text(form, "what") === "link" ? "link" : "point" };
  } catch (error) {
    if (!isAppError(error)) throw error;
    outcome = { error: describeError(error) };
  }
  redirect(href("point", address, outcome));
}

/** A new version of the point: its title, status and notes as the form gives them, everything else as it was. */
export async function editPoint(address: TPointAddress, form: FormData): Promise<void> {
  await record(address, form, ({ point: { version: _, sources, ...point } }) => ({
    action: "point.add",
    draft: address.draft,
    basedOn: Number(text(form, "basedOn")) || null,
    point: {
      ...point,
      sources,
      title: text(form, "title"),
      status: text(form, "status"),
      statusNote: orNull(text(form, "statusNote")),
      statusDate: orNull(text(form, "statusDate")),
      notes: orNull(text(form, "notes")),
    },
  }));
}

/** A new version of one of the point's links out: its change, summary, basis and confidence as the form gives them. */
export async function editLink(address: TPointAddress, form: FormData): Promise<void> {
  await record(address, form, ({ out }) => {
    // The link by its two ends; the version the editor saw goes with it, and the writer refuses it if another came since.
    const found = out.find((l) => `${l.toDraft}|${l.toPoint ?? ""}` === text(form, "to"));
    if (!found) throw new AppError("not_found", "That link is not on file.");
    const { version: _, ...kept } = found;
    return {
      action: "link.add",
      basedOn: Number(text(form, "basedOn")) || null,
      link: {
        ...kept,
        change: text(form, "change"),
        summary: text(form, "summary"),
        basis: text(form, "basis"),
        confidence: text(form, "confidence"),
      },
    };
  });
}

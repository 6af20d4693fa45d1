"use server";

import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { describeError, isAppError } from "@/lib/domain/errors";
import { href } from "@/lib/params/urls";
import { createNegotiation } from "@/lib/write/structure";

/** An administrator creates a negotiation with an empty matrix, then adds its issues and parties. */
export async function createNegotiationAction(form: FormData): Promise<void> {
  const viewer = await getViewer();
  if (viewer?.role !== "admin") redirect(href("adminNegotiations", {}, { error: "Only an administrator can create a negotiation." }));
  const fields = Object.fromEntries(["slug", "title", "summary", "scaleNote"].map((key) => [key, String(form.get(key) ?? "").trim()]));
  let target: string;
  try {
    const { slug } = await createNegotiation({ fields, userId: viewer.id });
    target = href("structure", { slug }, { done: `negotiation.create ${slug}` });
  } catch (error) {
    if (!isAppError(error)) throw error;
    target = href("adminNegotiations", {}, { error: describeError(error) });
  }
  redirect(target);
}

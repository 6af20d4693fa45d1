"use server";

import { revalidatePath } from "next/cache";
import { createApiToken, DEFAULT_TOKEN_DAYS, revokeApiToken, TOKEN_LIFETIMES } from "@/lib/auth/tokens";
import { getViewer } from "@/lib/auth/viewer";
import { href } from "@/lib/params/urls";

export type TTokenState = { token?: string; name?: string; error?: string };

/** Creates a personal API token for the signed-in user; it is returned (and shown) this once only. */
export async function createToken(_previous: TTokenState, form: FormData): Promise<TTokenState> {
  const viewer = await getViewer();
  if (!viewer) return { error: "Your session has ended: sign in again." };
  if (viewer.mustChangePassword) return { error: "Choose your own password first." };
  const name = String(form.get("name") ?? "").trim();
  if (name.length === 0 || name.length > 100) return { error: "Give the token a name of 1 to 100 characters." };
  const asked = Number(form.get("days"));
  const days = (TOKEN_LIFETIMES as readonly number[]).includes(asked) ? asked : DEFAULT_TOKEN_DAYS;
  const { token } = await createApiToken(viewer.id, name, days);
  revalidatePath(href("account", {}));
  return { token, name };
}

/** Revokes one of the signed-in user's own tokens. */
export async function revokeToken(form: FormData): Promise<void> {
  const viewer = await getViewer();
  if (!viewer) return;
  await revokeApiToken(viewer.id, Number(form.get("id")));
  revalidatePath(href("account", {}));
}

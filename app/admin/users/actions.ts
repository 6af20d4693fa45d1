"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createUser, generatePassword, setAccountDisabled, setNegotiations } from "@/lib/queries/accounts";
import { getViewer } from "@/lib/viewer";

export type TInviteState = { error?: string; invited?: { email: string; password: string } };

/**
 * An administrator invites a user: the account is made with a random password, shown once to the
 * administrator to pass on. Only an administrator may do this, checked here on the server.
 */
export async function inviteUser(_previous: TInviteState, form: FormData): Promise<TInviteState> {
  const viewer = await getViewer();
  if (viewer?.role !== "admin") return { error: "Only an administrator can invite users." };
  const password = generatePassword();
  try {
    const user = await createUser({
      email: String(form.get("email") ?? ""),
      name: String(form.get("name") ?? ""),
      role: String(form.get("role") ?? "") as "editor",
      password,
      negotiations: form.getAll("negotiation").map(String),
      mustChangePassword: true,
    });
    revalidatePath("/admin/users");
    return { invited: { email: user.email, password } };
  } catch (error) {
    if (error instanceof z.ZodError) return { error: error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join("; ") };
    return { error: (error as Error).message };
  }
}

/** An administrator sets which negotiations an editor may edit. */
export async function setUserNegotiations(form: FormData): Promise<void> {
  const viewer = await getViewer();
  if (viewer?.role !== "admin") return;
  setNegotiations(String(form.get("userId") ?? ""), form.getAll("negotiation").map(String));
  revalidatePath("/admin/users");
}

/** An administrator disables an account (its sessions and tokens stop at once) or enables it again. */
export async function setUserDisabled(form: FormData): Promise<void> {
  const viewer = await getViewer();
  if (viewer?.role !== "admin") return;
  const userId = String(form.get("userId") ?? "");
  if (userId === viewer.id) return; // an administrator never locks themselves out
  setAccountDisabled(userId, form.get("disabled") === "true", viewer.id);
  revalidatePath("/admin/users");
}

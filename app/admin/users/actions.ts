"use server";

import { revalidatePath } from "next/cache";
import { createUser, generatePassword, setAccountDisabled, setNegotiations } from "@/lib/auth/accounts";
import { getViewer } from "@/lib/auth/viewer";
import { describeError, isAppError } from "@/lib/domain/errors";
import { href } from "@/lib/params/urls";

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
    revalidatePath(href("adminUsers", {}));
    return { invited: { email: user.email, password } };
  } catch (error) {
    if (isAppError(error)) return { error: describeError(error) };
    throw error;
  }
}

/** An administrator sets which negotiations an editor may edit. */
export async function setUserNegotiations(form: FormData): Promise<void> {
  const viewer = await getViewer();
  if (viewer?.role !== "admin") return;
  await setNegotiations(String(form.get("userId") ?? ""), form.getAll("negotiation").map(String));
  revalidatePath(href("adminUsers", {}));
}

/** An administrator disables an account (its sessions and tokens stop at once) or enables it again. */
export async function setUserDisabled(form: FormData): Promise<void> {
  const viewer = await getViewer();
  if (viewer?.role !== "admin") return;
  const userId = String(form.get("userId") ?? "");
  if (userId === viewer.id) return; // an administrator never locks themselves out
  await setAccountDisabled(userId, form.get("disabled") === "true", viewer.id);
  revalidatePath(href("adminUsers", {}));
}

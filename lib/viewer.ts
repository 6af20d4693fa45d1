import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { getAuth, type TRole } from "./auth";
import type { TAccount } from "./queries/accounts";

/** The account a request is signed in with (its session cookie), or null for a reader. */
export async function accountOfRequest(requestHeaders: Headers): Promise<TAccount | null> {
  if (!requestHeaders.get("cookie")) return null;
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  // A disabled account's sessions are deleted when it is disabled; the check here covers a session read in between.
  if (!session || session.user.disabledAt) return null;
  const { id, name, email, role, mustChangePassword } = session.user;
  return { id, name, email, role: role as TRole, mustChangePassword: mustChangePassword === true };
}

/** The signed-in account of the page being rendered, read once per render. */
export const getViewer = cache(async (): Promise<TAccount | null> => accountOfRequest(await headers()));

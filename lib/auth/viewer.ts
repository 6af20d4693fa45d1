import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { toAccount, type TAccount } from "./account";
import { getAuth } from "./better-auth";

/** The account a request is signed in with (its session cookie), or null for a reader. */
export async function accountOfRequest(requestHeaders: Headers): Promise<TAccount | null> {
  if (!requestHeaders.get("cookie")) return null;
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  // A disabled account's sessions are deleted when it is disabled; the check here covers a session read in between.
  if (!session || session.user.disabledAt) return null;
  return toAccount(session.user);
}

/** The signed-in account of the page being rendered, read once per render. */
export const getViewer = cache(async (): Promise<TAccount | null> => accountOfRequest(await headers()));

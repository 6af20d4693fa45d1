import "server-only";
import { getDb } from "../db/connection";
import { writeTransaction } from "../db/transactions";

// Sign-ins are limited per account as well as per address: failures are counted per email (in the
// database, so every instance shares the count) over a window, and a success clears them.

/** Failed sign-ins an account may have in the window before it is refused until they age out. */
export const SIGN_IN_FAILURES_PER_ACCOUNT = Math.max(1, Number(process.env.AUTH_SIGN_IN_FAILURES_PER_ACCOUNT) || 10);
export const SIGN_IN_WINDOW_MS = 15 * 60_000;

/** How many failed sign-ins an email had in the window before `now`. */
export async function countSignInFailures(email: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS).toISOString();
  const row = await getDb()
    .selectFrom("SignInFailure")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("email", "=", email.toLowerCase())
    .where("at", ">", since)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** Records a failed sign-in for an email (and drops failures older than the window). */
export async function recordSignInFailure(email: string, now = new Date()): Promise<void> {
  await writeTransaction(async (db) => {
    await db
      .deleteFrom("SignInFailure")
      .where("at", "<=", new Date(now.getTime() - SIGN_IN_WINDOW_MS).toISOString())
      .execute();
    await db.insertInto("SignInFailure").values({ email: email.toLowerCase(), at: now.toISOString() }).execute();
  });
}

/** Clears an email's failed sign-ins after it signed in. */
export async function clearSignInFailures(email: string): Promise<void> {
  await getDb().deleteFrom("SignInFailure").where("email", "=", email.toLowerCase()).execute();
}

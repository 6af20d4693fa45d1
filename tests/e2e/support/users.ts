type TUser = { email: string; name: string; role: "editor" | "admin"; password: string };

/** The accounts the browser tests sign in with (made by `npm run user:create` when the server starts). */
export const EDITOR: TUser = { email: "editor@example.org", name: "Erin Editor", role: "editor", password: "quiet harbour lamps 1234" };
export const ADMIN: TUser = { email: "admin@example.org", name: "Ada Admin", role: "admin", password: "copper kettle morning 1234" };
/** Changes their own password in a test: no other test signs in as them. */
export const NEWCOMER: TUser = { email: "newcomer@example.org", name: "Nia Newcomer", role: "editor", password: "first password 123" };
export const E2E_USERS = [EDITOR, ADMIN, NEWCOMER];

import { ROLES, type TRole } from "./constants";

/** A signed-in user as the app knows them. */
export type TAccount = {
  id: string;
  name: string;
  email: string;
  role: TRole;
  /** An invited user who has not yet chosen their own password: they may do nothing else until they have. */
  mustChangePassword: boolean;
};

/** An account from a stored user row (booleans are 0/1 or true/false depending on the engine and the reader). */
export function toAccount(row: { id: string; name: string; email: string; role: string; mustChangePassword: unknown }): TAccount {
  const role = ROLES.find((r) => r === row.role) ?? "editor";
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role,
    mustChangePassword: row.mustChangePassword === true || row.mustChangePassword === 1,
  };
}

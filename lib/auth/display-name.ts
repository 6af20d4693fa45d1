// A display name is what readers see next to a change, so every path that sets one checks it the
// same way: the invitation, the command line, and Better Auth's own endpoints.

export const DISPLAY_NAME_MAX = 100;

/** Why a display name is refused (uniqueness aside, which needs the database), or null. */
export function checkDisplayName(name: unknown): string | null {
  if (typeof name !== "string") return "A display name is required.";
  const trimmed = name.trim();
  if (trimmed.length === 0) return "A display name is required.";
  if (trimmed.length > DISPLAY_NAME_MAX) return `A display name has at most ${DISPLAY_NAME_MAX} characters.`;
  if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(trimmed)) return "A display name cannot hold control or invisible formatting characters.";
  if (trimmed !== name) return "A display name cannot start or end with spaces.";
  return null;
}

/** The form two names are compared in: case- and width-insensitive, so "Admin" and "ＡＤＭＩＮ" are the same name. */
export function foldDisplayName(name: string): string {
  return name.normalize("NFKC").toLowerCase().replace(/\s+/g, " ");
}

import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const TMP = path.join(ROOT, "tests", ".tmp");
/** A migrated, seeded database built once per run; each test worker copies it. */
export const BASE_DB = path.join(TMP, "base.db");

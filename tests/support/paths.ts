import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
/** Per-run scratch files (database copies); emptied at the start of each run. */
export const TMP = path.join(ROOT, "tests", ".tmp");
/** Base databases kept between runs, one per hash of what builds them. */
export const CACHE = path.join(ROOT, "tests", ".cache");

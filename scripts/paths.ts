import path from "node:path";

/** The project's root folder and the folders the scripts read. */
export const ROOT = path.resolve(import.meta.dirname, "..");
export const SEED_DIR = path.join(ROOT, "prisma", "seed-data");

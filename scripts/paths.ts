import path from "node:path";

/** The project's root folder (the standalone server's own folder when it runs from one) and the folders the scripts read. */
export const ROOT = process.env.APP_ROOT ?? path.resolve(import.meta.dirname, "..");
export const SEED_DIR = path.join(ROOT, "prisma", "seed-data");

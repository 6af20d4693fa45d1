// The self-contained server's entry: `node server.mjs` in the folder `npm run build` writes
// (scripts/standalone.ts bundles this file there). It prepares the database (migrations, and the
// seed on an empty one) as `npm start` does, then serves with the same gate and response cache.
import { readFileSync } from "node:fs";
import path from "node:path";

const root = import.meta.dirname;
process.env.APP_ROOT = root;
// Next reads its configuration from the build (there is no next.config.js in this folder).
const build = readFileSync(path.join(root, ".next", "builds", "current"), "utf8").trim();
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ??= JSON.stringify(
  (JSON.parse(readFileSync(path.join(root, ".next", "builds", build, "required-server-files.json"), "utf8")) as { config: unknown }).config,
);

await import("./setup-db");
await import("./server");

// The self-contained server's entry: `node server.mjs` in the folder `npm run build` writes
// (scripts/standalone.ts bundles this file there). It prepares the database (migrations, and the
// seed on an empty one) as `npm start` does, then serves with the same gate and response cache.
process.env.APP_ROOT = import.meta.dirname;

await import("./setup-db");
await import("./server");

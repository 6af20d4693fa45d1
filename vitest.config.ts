import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
// Server-only modules import "server-only", which throws outside React's server build; tests run them directly.
const resolve = { alias: { "@": root, "server-only": path.join(root, "node_modules", "server-only", "empty.js") } };

// `npm test` runs the unit project and the integration project on both engines; `npm run test:cli` the Prisma CLI project; `npm run test:faults` the restart project.
export default defineConfig({
  resolve,
  test: {
    projects: [
      // jsdom renders of the charts take seconds on a busy 2-core machine: a longer timeout than the default 5 s.
      {
        resolve,
        test: { name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}"], setupFiles: ["tests/support/console.ts"], testTimeout: 30_000 },
      },
      // The integration suite on each engine: the same files (a `.sqlite.` or `.postgres.` file only on its own),
      // each on its own copy of a seeded base database.
      {
        resolve,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          exclude: ["tests/integration/**/*.postgres.test.ts"],
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/database.ts", "tests/support/console.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve,
        test: {
          name: "integration-postgres",
          include: ["tests/integration/**/*.test.ts"],
          exclude: ["tests/integration/**/*.sqlite.test.ts"],
          globalSetup: ["tests/support/global-setup-postgres.ts"],
          setupFiles: ["tests/support/database-postgres.ts", "tests/support/console.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve,
        test: { name: "cli", include: ["tests/cli/**/*.test.ts"], setupFiles: ["tests/support/console.ts"], testTimeout: 120_000 },
      },
      // Restarts and builds beside a running production server: needs a build, so CI runs it after one.
      { resolve, test: { name: "faults", include: ["tests/faults/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 240_000 } },
    ],
  },
});

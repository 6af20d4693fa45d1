import { copyFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, vi } from "vitest";
import { BASE_DB, TMP } from "./paths";

// Each test file gets its own copy of the seeded database, set before lib/db.ts is imported.
const copy = path.join(TMP, `test-${process.pid}-${Math.random().toString(36).slice(2)}.db`);
copyFileSync(BASE_DB, copy);
process.env.DATABASE_URL = `file:${copy}`;

// Any console.error during a test fails it: errors must not pass unnoticed.
let errors: unknown[][] = [];
beforeEach(() => {
  errors = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  if (errors.length > 0) throw new Error(`console.error was called: ${errors.map((e) => e.join(" ")).join("\n")}`);
});

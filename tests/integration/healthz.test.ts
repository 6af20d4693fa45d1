import { copyFileSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { GET } from "@/app/healthz/route";
import { getDatabaseFile } from "@/lib/db/connection";
import { ROOT } from "@/tests/support/paths";

describe("GET /healthz", () => {
  it("is 200 while the database is reachable and has every migration", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    // The committed migrations, counted from the folder (the route's own reading of it is what is under test).
    const committed = readdirSync(path.join(ROOT, "prisma", "migrations"), { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(committed.length).toBeGreaterThan(0);
    expect(await response.json()).toEqual({ status: "ok", migrations: committed.length });
  });

  it("is 503 with a plain reason once the file is replaced under the running process", async () => {
    const file = getDatabaseFile();
    copyFileSync(file, `${file}.copy`);
    renameSync(`${file}.copy`, file); // a new inode at the same path
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      error: "The database file was deleted or replaced while the server runs; restart the server.",
    });
    expect(logged).toHaveBeenCalledTimes(1);
    rmSync(`${file}.copy`, { force: true });
  });
});

import { copyFileSync, renameSync, rmSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { GET } from "@/app/healthz/route";
import { getDatabaseFile } from "@/lib/db/connection";

// SQLite's own case: the file under a running server is a thing that can be replaced.
describe("GET /healthz on SQLite", () => {
  it("is 503 with a plain reason once the file is replaced under the running process", async () => {
    expect((await GET()).status).toBe(200); // the process has its file open
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

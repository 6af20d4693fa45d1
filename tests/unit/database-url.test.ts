import { describe, expect, it } from "vitest";
import { resolveDatabaseFile } from "@/lib/database-url";

const USAGE = "DATABASE_URL must be a SQLite file URL such as file:./prisma/dev.db";

describe("resolveDatabaseFile", () => {
  it.each([
    [undefined, "/srv/app/prisma/dev.db"],
    ["", "/srv/app/prisma/dev.db"],
    ["   ", "/srv/app/prisma/dev.db"],
    ["file:./data/x.db", "/srv/app/data/x.db"],
    ["file:data/x.db", "/srv/app/data/x.db"],
    [" file:/var/db/x.db ", "/var/db/x.db"],
    ["file:///var/db/x.db", "/var/db/x.db"],
    ["file:../up.db", "/srv/up.db"],
  ])("%j → %s", (raw, file) => {
    expect(resolveDatabaseFile(raw, "/srv/app")).toBe(file);
  });

  it.each([
    ["postgres://localhost/db", USAGE],
    ["./prisma/dev.db", USAGE],
    ["file:", `${USAGE}, naming a file`],
    ["file:./data/", `${USAGE}, naming a file`],
    ["file:./prisma/dev.db?mode=ro", `${USAGE}, without query parameters`],
    ["file:./x.db#frag", `${USAGE}, without query parameters`],
  ])("refuses %j with a plain message", (raw, message) => {
    expect(() => resolveDatabaseFile(raw, "/srv/app")).toThrow(message);
  });
});

import { describe, expect, it } from "vitest";
import { describeConnectionError, parseDatabaseUrl, redactUrl, resolveDatabaseFile } from "@/lib/db/url";

const USAGE = "DATABASE_URL must be a SQLite file URL such as file:./prisma/dev.db, or a PostgreSQL URL";

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
    ["mysql://localhost/db", USAGE],
    ["./prisma/dev.db", USAGE],
    ["file:", "a file URL must name a file"],
    ["file:./data/", "a file URL must name a file"],
    ["file:./prisma/dev.db?mode=ro", "a file URL takes no query parameters"],
    ["file:./x.db#frag", "a file URL takes no query parameters"],
  ])("refuses %j with a plain message", (raw, message) => {
    expect(() => resolveDatabaseFile(raw, "/srv/app")).toThrow(message);
  });
});

describe("parseDatabaseUrl", () => {
  it("reads a PostgreSQL URL, and keeps its password out of the text it shows", () => {
    const target = parseDatabaseUrl("postgresql://app:s3cret@db.example:5432/positions");
    expect(target).toEqual({
      engine: "postgres",
      url: "postgresql://app:s3cret@db.example:5432/positions",
      display: "postgresql://app:****@db.example:5432/positions",
    });
    expect(parseDatabaseUrl("postgres://db.example/positions").engine).toBe("postgres");
    expect(parseDatabaseUrl("file:./x.db", "/srv/app")).toEqual({ engine: "sqlite", file: "/srv/app/x.db" });
  });

  it.each(["postgresql://app:s3cret@db.example:5432/", "postgresql://app:s3cret@/positions"])(
    "refuses %j, naming the setting and never the password",
    (raw) => {
      let message = "";
      try {
        parseDatabaseUrl(raw);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain("DATABASE_URL");
      expect(message).not.toContain("s3cret");
    },
  );

  it("describes a connection failure by the setting, without the password", () => {
    const target = parseDatabaseUrl("postgresql://app:s3cret@127.0.0.1:1/positions");
    for (const code of ["ECONNREFUSED", "ENOTFOUND", "28P01", "3D000", "XX000"]) {
      const text = describeConnectionError(
        Object.assign(new Error(`failed at postgresql://app:s3cret@127.0.0.1:1/positions`), { code }),
        target,
      );
      expect(text).toContain("DATABASE_URL");
      expect(text).not.toContain("s3cret");
    }
    expect(redactUrl("postgresql://a:b@h/d")).toBe("postgresql://a:****@h/d");
  });
});

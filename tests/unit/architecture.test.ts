// The architecture, checked: the one URL table matches the routes under app/ both ways, and no
// module of lib/ imports code from a layer above its own.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { href, matchRoute, ROUTES, type TRoute } from "@/lib/params/urls";
import { ROOT } from "@/tests/support/paths";

const files = (dir: string) => readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" }).map((f) => path.join(dir, f));

/** The address pattern of every page and route handler under app/ (route groups and parallel slots, which add no segment, left out). */
function appRoutes(): string[] {
  return files("app")
    .filter((f) => /(^|\/)(page\.tsx|route\.ts)$/.test(f))
    .filter((f) => !f.split(path.sep).some((segment) => segment.startsWith("@")))
    .map((f) => {
      const segments = path.dirname(f).split(path.sep).slice(1);
      return `/${segments.filter((s) => !/^\(.*\)$/.test(s)).join("/")}`;
    })
    .sort();
}

describe("the URL table (lib/params/urls.ts)", () => {
  it("names every route under app/, and nothing else", () => {
    expect(Object.values(ROUTES).sort()).toEqual(appRoutes());
  });

  it("recognises every address it builds, with its parameters, percent-encoded and back", () => {
    const params = {
      slug: "talks 2025",
      issue: "a/b",
      party: "ü",
      chart: "lean",
      all: "sign-in",
      draft: "us-draft",
      number: "20pt-Dec (a)",
    };
    for (const route of Object.keys(ROUTES) as TRoute[]) {
      const address = href(route, params as never, { q: "x y" });
      const found = matchRoute(address);
      expect(found?.route, address).toBe(route);
      for (const [name, value] of Object.entries(found!.params)) expect(value).toBe(params[name as keyof typeof params]);
    }
    expect(matchRoute("/nowhere")).toBeNull();
    expect(matchRoute("/negotiations/%E0%A4%A")).toBeNull();
  });

  it("builds queries without empty values and with a fragment", () => {
    expect(href("sources", { slug: "s" }, { page: 2, q: "", asOf: null }, "source-7")).toBe("/negotiations/s/sources?page=2#source-7");
  });
});

// Layers, lowest first. A module may import code from its own layer or a lower one; a type import
// carries no code, so it may name a type of any layer (a view's result type, a cell's type).
const LAYERS = [
  ["domain"], // words, dates, errors, text: pure, no dependencies
  ["params", "analysis"], // URL parameters and addresses; the numbers and sentences of the views
  ["db"], // the connection, transactions, dialect, migrations
  ["cells", "redlines", "lineage"], // the one homes of a cell, a red line and the lineage of points: schema, the rule for a day, reads and one writer
  ["formats"], // CSV, JSON, Atom, the data package: serialising what the reads return
  ["read", "write"], // the views' queries; dossier imports, imports with preview, the structure editor
  ["auth"], // accounts, tokens, the permission check, Better Auth
  ["http"], // the server's gate, response cache, error mapping
];
const layerOf = (folder: string) => LAYERS.findIndex((names) => names.includes(folder));

describe("lib/ by layer", () => {
  const modules = files("lib").filter((f) => /\.(ts|tsx|mjs)$/.test(f) && !f.includes(`${path.sep}generated${path.sep}`));

  it("puts every folder of lib/ in a layer", () => {
    const folders = [...new Set(modules.map((f) => f.split(path.sep)[1]!))];
    expect(folders.filter((folder) => layerOf(folder) === -1)).toEqual([]);
  });

  it("imports no code from a layer above", () => {
    const upward: string[] = [];
    for (const file of modules) {
      const from = file.split(path.sep)[1]!;
      const source = readFileSync(path.join(ROOT, file), "utf8");
      for (const [, typeOnly, specifier] of source.matchAll(/^import\s+(type\s+)?[^"']*?from\s+["'](\.[^"']+)["']/gm)) {
        const target = path.normalize(path.join(path.dirname(file), specifier!)).split(path.sep)[1]!;
        if (typeOnly || target === "generated") continue;
        if (layerOf(target) > layerOf(from)) upward.push(`${file} imports ${specifier}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it("marks every module that reaches the database as server-only", () => {
    const unmarked = modules.filter((file) => {
      const source = readFileSync(path.join(ROOT, file), "utf8");
      const layer = layerOf(file.split(path.sep)[1]!);
      // The pure layers, and what the production server's gate reads outside React's server build (the database's opening, its reader).
      const gate = [path.join("db", "open.ts"), path.join("http", "server-reader.ts")].some((f) => file.endsWith(f));
      if (layer <= layerOf("analysis") || gate || file.endsWith(".mjs")) return false;
      return /from "\.\.?\/(db|cells)\/|from "\.\/(connection|transactions)"/.test(source) && !source.startsWith('import "server-only";');
    });
    expect(unmarked).toEqual([]);
  });
});

// The change log and its Atom feed on the real query and route: newest first, who (display name
// only), why and what changed, filters, paging, and a feed that parses as XML with data as text.
import { JSDOM } from "jsdom";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getAtom } from "@/app/negotiations/[slug]/log.atom/route";
import { createUser } from "@/lib/auth/accounts";
import { authorOf } from "@/lib/auth/permissions";
import { getChangeLog } from "@/lib/read/change-log";
import { recordCellEdit } from "@/lib/cells/edit";
import { getCellState } from "@/lib/cells/state";

const SLUG = "ukraine-peace-2025";

beforeAll(async () => {
  const editor = await createUser({
    email: "log@example.org",
    name: "Lou <b>Logger</b>",
    role: "editor",
    password: "log password 12",
    negotiations: [SLUG],
  });
  const address = { slug: SLUG, issue: "crimea", party: "europe" };
  const state = (await getCellState(address))!;
  const c = state.current!;
  await recordCellEdit({
    address,
    baseVersionId: state.head!.id,
    author: authorOf(editor),
    edit: {
      ...c,
      label: "Changed <i>label</i>",
      sources: c.sources.map((s) => ({ id: s.id })),
      reason: "Reason & <script>alert(1)</script>",
    },
  });
});

describe("the change log", () => {
  it("lists the newest change first, with the editor's display name, the reason and the diff", async () => {
    const log = (await getChangeLog(SLUG, {}))!;
    const [entry] = log.entries;
    expect(entry).toMatchObject({
      author: "Lou <b>Logger</b>",
      reason: "Reason & <script>alert(1)</script>",
      issue: { slug: "crimea" },
      party: { slug: "europe" },
      first: false,
    });
    expect(entry!.changes.map((c) => c.field)).toEqual(["label"]);
    expect(log.options.editors).toEqual(["Lou <b>Logger</b>"]);
    expect(JSON.stringify(log)).not.toContain("log@example.org"); // readers never see an email
  });

  it("filters by cell, editor and date, and pages by the id of the last entry", async () => {
    const cell = (await getChangeLog(SLUG, { issue: "crimea", party: "europe" }))!;
    expect(cell.entries.every((e) => e.issue.slug === "crimea" && e.party.slug === "europe")).toBe(true);
    expect(cell.entries.at(-1)!.first).toBe(true);
    expect((await getChangeLog(SLUG, { editor: "Lou <b>Logger</b>" }))!.entries).toHaveLength(1);
    expect((await getChangeLog(SLUG, { editor: "Nobody" }))!.entries).toEqual([]);
    expect((await getChangeLog(SLUG, { from: "2999-01-01" }))!.entries).toEqual([]);
    const first = (await getChangeLog(SLUG, {}, 10))!;
    expect(first.entries).toHaveLength(10);
    const second = (await getChangeLog(SLUG, { before: String(first.nextBefore) }, 10))!;
    expect(second.entries[0]!.id).toBeLessThan(first.entries.at(-1)!.id);
  });

  it("ignores a malformed date with a notice, and is null for an unknown negotiation", async () => {
    expect((await getChangeLog(SLUG, { from: "yesterday" }))!.notices).toEqual([
      "Ignored the date “yesterday” for “from”: a date is YYYY-MM-DD.",
    ]);
    expect(await getChangeLog("no-such-talks", {})).toBeNull();
  });
});

describe("the Atom feed", () => {
  it("is well-formed Atom whose entries carry the data as text", async () => {
    const response = await getAtom(new Request(`http://localhost/negotiations/${SLUG}/log.atom`), {
      params: Promise.resolve({ slug: SLUG }),
    });
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const xml = new JSDOM(await response.text(), { contentType: "application/xml" }).window.document;
    expect(xml.querySelector("parsererror")).toBeNull();
    expect(xml.documentElement.namespaceURI).toBe("http://www.w3.org/2005/Atom");
    const entry = xml.querySelector("entry")!;
    expect(entry.querySelector("author > name")!.textContent).toBe("Lou <b>Logger</b>");
    expect(entry.querySelector("summary")!.textContent).toContain("Reason: Reason & <script>alert(1)</script>");
    expect(entry.querySelector("summary")!.textContent).toContain("Label:");
    expect(entry.querySelector("link")!.getAttribute("href")).toMatch(
      /^http:\/\/localhost\/negotiations\/ukraine-peace-2025\/issues\/crimea\/parties\/europe#version-\d+$/,
    );
    expect(xml.querySelectorAll("entry").length).toBe(50);
    expect(
      (await getAtom(new Request("http://localhost/negotiations/x/log.atom"), { params: Promise.resolve({ slug: "x" }) })).status,
    ).toBe(404);
  });
});

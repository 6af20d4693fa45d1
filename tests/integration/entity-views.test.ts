import { describe, expect, it } from "vitest";
import { getBibliography, getTimelineView } from "@/lib/read/sources-view";
import { getCellView, getIssueView, getPartyView } from "@/lib/read/entity-views";
import { sourceHref } from "@/lib/params/urls";

describe("the pages of a cell, an issue, a party and the bibliography", () => {
  it("a cell: its position, its sources by bibliography number, its neighbours", async () => {
    const view = (await getCellView("fixture", "beta", "b"))!;
    expect(view.position).toMatchObject({ label: "Not disclosed.", score: null, status: "undisclosed" });
    expect(view.sources).toEqual([]);
    expect(view.neighbours).toMatchObject({
      up: { slug: "alpha" },
      down: { slug: "gamma" },
      left: { slug: "a" },
      right: { slug: "c" },
    });
    const corner = (await getCellView("fixture", "alpha", "a"))!;
    expect(corner.neighbours.up).toBeNull();
    expect(corner.neighbours.left).toBeNull();
    // Every scored fixture cell cites the one fixture source: number 1 in the bibliography.
    expect(corner.sources.map((s) => [s.number, s.title])).toEqual([[1, "Fixture source"]]);
  });

  it("a cell: the party's red line on the issue on the view's day, or none", async () => {
    const now = (await getCellView("ukraine-peace-2025", "nato", "ukraine"))!;
    expect(now.redLine).toMatchObject({ min: -2, max: 0, basis: "stated", validFrom: "2025-12-14" });
    const before = (await getCellView("ukraine-peace-2025", "nato", "ukraine", "2025-12-01"))!;
    expect(before.redLine).toMatchObject({ min: -2, max: -1, validFrom: null });
    expect((await getCellView("ukraine-peace-2025", "g8", "ukraine"))!.redLine).toBeNull();
    expect((await getCellView("fixture", "alpha", "a"))!.redLine).toBeNull();
  });

  it("a document's cell lists its points on the issue; an actor's cell and an untraced negotiation have none", async () => {
    const nato = (await getCellView("ukraine-peace-2025", "nato", "us-draft"))!;
    expect(nato.draftPoints).toMatchObject({ draft: "us-draft", name: "US 28-point draft" });
    expect(nato.draftPoints!.points.map((p) => p.number)).toEqual(["3", "4", "7", "8"]);
    const europe = (await getCellView("ukraine-peace-2025", "elections", "europe"))!;
    expect(europe.draftPoints!.points.map((p) => [p.number, p.title])).toEqual([["25", "Elections as soon as possible after signing"]]);
    // The cell has the lineage research's version now, dated, sourced and scored on the issue's step for it.
    expect(europe.position).toMatchObject({ score: 0, status: "reported", asOf: "c. 2025-11-24" });
    expect((await getCellView("ukraine-peace-2025", "nato", "russia"))!.draftPoints).toBeNull();
    expect((await getCellView("fixture", "alpha", "b"))!.draftPoints).toBeNull();
  });

  it("an issue: the drafts' points on it and every link touching them, as of the view's day", async () => {
    const view = (await getIssueView("ukraine-peace-2025", "amnesty"))!;
    expect(view.lineage.drafts.map((d) => [d.slug, d.points.map((p) => p.number)])).toEqual([
      ["us-draft", ["26"]],
      ["europe", ["26"]],
      ["us-package-dec", ["20pt-Dec (b)"]],
    ]);
    expect(view.lineage.links.map((l) => [l.fromPoint, l.toDraft, l.change])).toEqual([
      ["26", "europe", "modified"],
      ["26", "revised-framework", "deleted"],
      // The army cap's point became the December package's (b), which also drops the amnesty: it touches the issue.
      ["6", "us-package-dec", "modified"],
      ["26", "us-package-dec", "deleted"],
      ["26", "twenty-point", "deleted"],
    ]);
    const early = (await getIssueView("ukraine-peace-2025", "amnesty", "2025-11-22"))!;
    expect(early.lineage.drafts.map((d) => d.slug)).toEqual(["us-draft"]);
    expect(early.lineage.links).toEqual([]);
  });

  it("is null for an unknown negotiation, issue or party", async () => {
    expect(await getCellView("fixture", "alpha", "zz")).toBeNull();
    expect(await getCellView("fixture", "zz", "a")).toBeNull();
    expect(await getCellView("no-such-talks", "alpha", "a")).toBeNull();
    expect(await getIssueView("fixture", "zz")).toBeNull();
    expect(await getPartyView("fixture", "zz")).toBeNull();
    expect(await getBibliography("no-such-talks", 1)).toBeNull();
  });

  it("an issue: every party's cell and the spread of the known scores (gamma: unknown, −1, +2)", async () => {
    const view = (await getIssueView("fixture", "gamma"))!;
    expect(view.cells.map((c) => c.position?.score ?? null)).toEqual([null, -1, 2]);
    expect(view.divergence).toMatchObject({ scored: 2, spread: 3 });
    expect(view.neighbours).toEqual({ previous: { slug: "beta", name: "Beta issue" }, next: null });
  });

  it("a party: its positions and how many are scored and unknown", async () => {
    const view = (await getPartyView("fixture", "b"))!;
    expect(view.rows.map((r) => r.position?.score ?? null)).toEqual([2, null, -1]);
    expect(view.counts).toEqual({ scored: 2, unknown: 1 });
  });

  it("the bibliography numbers sources in the order first cited, and a number finds its page", async () => {
    expect((await getBibliography("fixture", 1))!.sources.map((s) => s.number)).toEqual([1]);
    expect((await getBibliography("fixture", 9))!.page).toBe(1);
    expect(sourceHref("talks", 1)).toBe("/negotiations/talks/sources#source-1");
    expect(sourceHref("talks", 501)).toBe("/negotiations/talks/sources?page=2#source-501");
  });

  it("tells how each seeded source is known: a CDN mirror is flagged as one", async () => {
    const { sources } = (await getCellView("ukraine-peace-2025", "army-cap", "us-draft"))!;
    expect(sources.find((s) => s.url?.includes("worldcdn.net"))).toMatchObject({ kind: "mirror", flags: ["cdn_host"] });
    expect(sources.every((s) => s.kind !== null)).toBe(true);
  });

  it("the timeline: the seeded events in date order, each with its sources in the bibliography", async () => {
    const view = (await getTimelineView("ukraine-peace-2025"))!;
    // The research's 23 dated events (the 2 Dec Kremlin meeting among them) and the 23 of its history pass.
    expect(view.total).toBe(46);
    expect(view.events[0]).toMatchObject({ date: "2025-06-02", title: "Russia's Istanbul memorandum" });
    const kremlin = view.events.find((e) => e.date === "2025-12-02")!;
    expect(kremlin.title).toBe("Witkoff and Kushner at the Kremlin");
    expect(kremlin.sources).toEqual([expect.objectContaining({ publisher: "WFTV (Associated Press)", number: expect.any(Number) })]);
    const dates = view.events.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect((await getTimelineView("fixture"))!.events).toEqual([]);
  });

  it("the context facts: dated, sourced, with their verification note kept", async () => {
    const { facts } = (await getTimelineView("ukraine-peace-2025"))!;
    expect(facts.map((f) => f.title)).toEqual([
      "Russia's stated demands",
      "Territory held by Russia",
      "European fears about the US proposals",
    ]);
    const territory = facts[1]!;
    expect(territory).toMatchObject({ date: "2025-12-02", verification: expect.stringContaining("NOT independently verified") });
    expect(territory.sources.map((s) => s.publisher)).toEqual(["unknown outlet (Reuters-based)", "The Straits Times (Reuters)"]);
  });
});

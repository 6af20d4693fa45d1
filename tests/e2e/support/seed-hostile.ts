// A second, hostile negotiation for the browser tests: markup, script and formulas in every text field.
// It goes through the one write path, like any dossier, and shows that a second negotiation fits the model.
import { closeDb } from "@/lib/db/connection";
import { generateDossier } from "@/lib/write/generate-dossier";
import { importNegotiation } from "@/lib/write/dossier";
import { FIXTURE } from "@/tests/fixtures/negotiation";
import { HOSTILE_SLUG, HOSTILE_TEXT } from "@/tests/e2e/support/hostile";
import { DRAFTS, LINKS } from "@/tests/fixtures/lineage";

/** A competing reading one step above (+1), from an outlet of the fixture's own. */
function competing(summary: string) {
  const source = { ...FIXTURE.positions[0]!.sources[0]!, title: "Another report", url: "https://example.org/another" };
  return {
    score: 1,
    status: "reported" as const,
    summary,
    quote: null,
    sources: [source],
    rank: "normal" as const,
    reason: "Another original.",
  };
}

await importNegotiation(
  {
    ...FIXTURE,
    slug: HOSTILE_SLUG,
    title: `Hostile ${HOSTILE_TEXT}`,
    positions: FIXTURE.positions.map((p, i) => ({
      ...p,
      label: i === 0 ? `=1+1 ${HOSTILE_TEXT.slice(0, 50)}` : p.label,
      summary: i === 0 ? `=HYPERLINK("http://evil.example","x") ${HOSTILE_TEXT}` : p.summary,
      quote: i === 0 ? HOSTILE_TEXT : p.quote,
      // A competing reading is data too.
      ...(i === 1 ? { readings: [competing(`=1+1 ${HOSTILE_TEXT}`)], preferredReason: HOSTILE_TEXT } : {}),
    })),
    // Points and links are data too: hostile titles and texts are shown as text.
    drafts: DRAFTS.map((d) => ({
      ...d,
      points: d.points.map((p, i) => (i === 0 ? { ...p, title: `=1+1 ${HOSTILE_TEXT.slice(0, 50)}`, text: HOSTILE_TEXT } : p)),
    })),
    links: LINKS.map((l, i) => (i === 0 ? { ...l, summary: `=HYPERLINK("http://evil.example","x") ${HOSTILE_TEXT}` } : l)),
  },
  { replace: true },
);
// One for the editing tests, so that their saves never change what the other tests read; its alpha × c
// cell has a competing reading, which the editing tests re-rank.
await importNegotiation(
  {
    ...FIXTURE,
    slug: "e2e-curation",
    title: "Curation test negotiation",
    drafts: DRAFTS,
    links: LINKS,
    positions: FIXTURE.positions.map((p) =>
      p.issue === "alpha" && p.party === "c"
        ? { ...p, readings: [competing("Another outlet reads C a step higher.")], preferredReason: "Two outlets agree on it." }
        : p,
    ),
  },
  { replace: true },
);
// And a large one (250 issues × 10 parties), for paging.
await importNegotiation(generateDossier({ issues: 250, parties: 10, slug: "e2e-large" }), { replace: true });
await closeDb();

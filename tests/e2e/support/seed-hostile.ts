// A second, hostile negotiation for the browser tests: markup, script and formulas in every text field.
// It goes through the one write path, like any dossier, and shows that a second negotiation fits the model.
import { prisma } from "@/lib/db";
import { replaceNegotiation } from "@/lib/queries/write-negotiation";
import { FIXTURE } from "../../fixtures/negotiation";

export const HOSTILE_SLUG = "hostile-test";
export const HOSTILE_TEXT = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>`;

await replaceNegotiation({
  ...FIXTURE,
  slug: HOSTILE_SLUG,
  title: `Hostile ${HOSTILE_TEXT}`,
  positions: FIXTURE.positions.map((p, i) => ({
    ...p,
    summary: i === 0 ? `=HYPERLINK("http://evil.example","x") ${HOSTILE_TEXT}` : p.summary,
    quote: i === 0 ? HOSTILE_TEXT : p.quote,
  })),
});
await prisma.$disconnect();

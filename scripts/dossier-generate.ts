// npm run dossier:generate -- --issues N --parties M [--seed S] [--slug SLUG] --out FILE.json
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { generateDossier } from "@/lib/write/generate-dossier";

const USAGE = "Usage: npm run dossier:generate -- --issues N --parties M [--seed S] [--slug SLUG] --out FILE.json";

function readCount(value: string | undefined, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) {
    console.error(`--${name} must be a whole number from 1 to 1,000,000.\n${USAGE}`);
    process.exit(1);
  }
  return n;
}

try {
  const { values } = parseArgs({
    options: {
      issues: { type: "string" },
      parties: { type: "string" },
      seed: { type: "string", default: "1" },
      slug: { type: "string" },
      out: { type: "string" },
    },
  });
  if (!values.out) throw new Error("--out is required.");
  const dossier = generateDossier({
    issues: readCount(values.issues, "issues"),
    parties: readCount(values.parties, "parties"),
    seed: Number(values.seed),
    slug: values.slug,
  });
  writeFileSync(values.out, JSON.stringify(dossier));
  console.log(
    `Wrote ${dossier.slug} to ${values.out}: ${dossier.issues.length} issues × ${dossier.parties.length} parties = ${dossier.positions.length} cells`,
  );
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(1);
}

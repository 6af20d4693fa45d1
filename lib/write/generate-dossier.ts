// Synthetic dossiers for tests and benchmarks: valid, deterministic for a seed, shaped like real ones.
import type { TNegotiationInputRaw } from "./dossier-schema";

/** A small seeded PRNG (mulberry32): the same seed always gives the same dossier. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = [
  "border",
  "ceasefire",
  "sanctions",
  "tariffs",
  "prisoners",
  "elections",
  "reconstruction",
  "security guarantees",
  "grain exports",
  "energy transit",
  "troop levels",
  "monitoring",
  "amnesty",
  "language rights",
  "frozen assets",
  "water access",
];
const VERBS = ["accepts", "rejects", "proposes", "defers", "conditions", "limits", "expands", "reopens", "guarantees", "phases in"];
const OBJECTS = [
  "a joint commission",
  "international monitors",
  "a staged withdrawal",
  "a referendum",
  "a ninety-day review",
  "third-party arbitration",
  "a demilitarised zone",
  "binding guarantees",
  "a sunset clause",
  "an escrow fund",
];
const QUALIFIERS = [
  "subject to parliamentary approval",
  "only after a ceasefire holds",
  "with unspecified timelines",
  "as reported by two outlets",
  "in the leaked draft only",
  "pending a summit",
  "according to officials",
  "for an initial period",
];
const PUBLISHERS = ["Example Wire", "Daily Record", "Foreign Desk", "Policy Review", "Northern Times", "Global Ledger"];

type TPick = <T>(items: readonly T[]) => T;

function sentence(pick: TPick): string {
  return `${pick(VERBS)[0]!.toUpperCase()}${pick(VERBS).slice(1)} ${pick(OBJECTS)} on ${pick(TOPICS)}, ${pick(QUALIFIERS)}.`;
}

/**
 * A valid dossier of `issues` × `parties` cells: summaries, quotes on about half the cells, about
 * 15% undisclosed cells with null scores and no sources, and 1–3 sources per known cell drawn from
 * a shared bibliography, so sources are cited by many cells as in real dossiers. About a fifth of
 * the known cells have a second, later version (a shift of one step), so views as of a day and
 * the changes view have history to read.
 */
export function generateDossier(options: { issues: number; parties: number; seed?: number; slug?: string }): TNegotiationInputRaw {
  const random = createRandom(options.seed ?? 1);
  const pick: TPick = (items) => items[Math.floor(random() * items.length)]!;
  const pad = (n: number, width: number) => String(n + 1).padStart(width, "0");
  const issues = Array.from({ length: options.issues }, (_, i) => ({
    slug: `issue-${pad(i, 5)}`,
    name: `${pick(TOPICS)[0]!.toUpperCase()}${pick(TOPICS).slice(1)} question ${i + 1}`,
    description: `Whether and how the parties settle question ${i + 1}.`,
    isCore: i % 4 === 0,
    lowLabel: `No change on question ${i + 1}`,
    highLabel: `Full settlement of question ${i + 1}`,
  }));
  const parties = Array.from({ length: options.parties }, (_, p) => ({
    slug: `party-${pad(p, 3)}`,
    name: p % 2 === 0 ? `Draft ${p + 1}` : `Delegation ${p + 1}`,
    kind: p % 2 === 0 ? ("document" as const) : ("actor" as const),
    date: `2025-${String((p % 12) + 1).padStart(2, "0")}-${String((p % 28) + 1).padStart(2, "0")}`,
    description: `Synthetic party ${p + 1}.`,
  }));
  const bibliography = Array.from({ length: Math.max(10, Math.ceil((options.issues * options.parties) / 8)) }, (_, s) => ({
    title: `Report ${s + 1} on ${pick(TOPICS)}`,
    publisher: pick(PUBLISHERS),
    url: `https://example.org/reports/${s + 1}`,
    publishedAt: `2025-${String((s % 12) + 1).padStart(2, "0")}-${String((s % 28) + 1).padStart(2, "0")}`,
    isDateApproximate: s % 10 === 0,
    note: null,
    kind: s % 3 === 0 ? ("secondary" as const) : ("original" as const),
    relays: s % 3 === 0 ? "Reuters" : null,
    kindNote: null,
    flags: [],
  }));
  const positions = issues.flatMap((issue) =>
    parties.map((party) => {
      if (random() < 0.15) {
        return {
          issue: issue.slug,
          party: party.slug,
          label: "Not disclosed",
          summary: "The text on this issue has not been disclosed.",
          score: null,
          status: "undisclosed" as const,
          confidence: "low" as const,
          asOf: null,
          quote: null,
          notes: null,
          sources: [],
        };
      }
      const count = 1 + Math.floor(random() * 3);
      const sources = [...new Set(Array.from({ length: count }, () => pick(bibliography)))];
      return {
        issue: issue.slug,
        party: party.slug,
        label: `${pick(VERBS)} ${pick(OBJECTS)}`.slice(0, 60),
        summary: `${sentence(pick)} ${sentence(pick)}`,
        score: Math.floor(random() * 5) - 2,
        status: random() < 0.5 ? ("stated" as const) : ("reported" as const),
        confidence: pick(["high", "medium", "low"] as const),
        asOf: party.date,
        quote: random() < 0.5 ? `“We ${pick(VERBS)} ${pick(OBJECTS)}.”` : null,
        notes: random() < 0.2 ? sentence(pick) : null,
        sources,
      };
    }),
  );
  const later = positions.flatMap((p) =>
    p.score !== null && random() < 0.2
      ? [{ ...p, asOf: "2025-12-15", score: p.score === 2 ? 1 : p.score + 1, label: `Later: ${p.label}`.slice(0, 60) }]
      : [],
  );
  return {
    slug: options.slug ?? `synthetic-${options.issues}x${options.parties}`,
    title: `Synthetic talks, ${options.issues} issues × ${options.parties} parties`,
    summary: "A generated dossier for tests and benchmarks; none of it describes real events.",
    scaleNote: "−2 means no change, +2 a full settlement, on each issue.",
    issues,
    parties,
    positions: [...positions, ...later],
  };
}

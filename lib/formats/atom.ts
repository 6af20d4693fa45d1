import { href } from "../params/urls";
import type { TChangeLog } from "../read/change-log";

// An Atom feed (RFC 4287) of a change log. Written by hand: the format is a few elements, and every
// text goes through `escapeXml`, so that data is always character data, never markup.

/** Text as XML character data: the five special characters escaped, and characters XML cannot carry dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);
}

export function toAtomFeed(log: TChangeLog, origin: string): string {
  const { negotiation, entries } = log;
  const slug = negotiation.slug;
  const updated = entries[0]?.recordedAt ?? `${negotiation.asOf}T00:00:00Z`;
  const items = entries.map((entry) => {
    const link = `${origin}${href("cell", { slug, issue: entry.issue.slug, party: entry.party.slug }, undefined, `version-${entry.id}`)}`;
    const what = entry.changes.map((c) => `${c.name}: ${c.before ?? "—"} → ${c.after ?? "(removed)"}`).join("\n");
    const summary = `${entry.reason ? `Reason: ${entry.reason}\n` : ""}${what || "No field changed."}`;
    return `  <entry>
    <id>${escapeXml(`${origin}${href("log", { slug }, undefined, `change-${entry.id}`)}`)}</id>
    <title>${escapeXml(`${entry.party.name} on ${entry.issue.name}${entry.first ? " (first recorded)" : ""}`)}</title>
    <updated>${escapeXml(entry.recordedAt)}</updated>
    <author><name>${escapeXml(entry.author ?? "Dossier import")}</name></author>
    <link rel="alternate" type="text/html" href="${escapeXml(link)}"/>
    <summary type="text">${escapeXml(summary)}</summary>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(`${origin}${href("log", { slug })}`)}</id>
  <title>${escapeXml(`Change log: ${negotiation.title}`)}</title>
  <updated>${escapeXml(updated)}</updated>
  <link rel="self" type="application/atom+xml" href="${escapeXml(`${origin}${href("logAtom", { slug })}`)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(`${origin}${href("log", { slug })}`)}"/>
${items.join("\n")}
</feed>
`;
}

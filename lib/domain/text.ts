/** Lowercase and strip accents, so that "geneve" finds "Genève". Search text is stored folded. */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
}

/**
 * Where a search matches a text, as [start, end) ranges of the original text: the same folded,
 * accent-blind comparison the search itself makes, so "geneve" marks "Genève".
 */
export function findMatches(text: string, query: string): [number, number][] {
  const needle = foldText(query.trim());
  if (!needle) return [];
  let folded = "";
  const origin: number[] = []; // origin[k]: the index in `text` of folded character k
  for (let i = 0; i < text.length; i++) {
    const piece = foldText(text[i]!);
    folded += piece;
    for (let k = 0; k < piece.length; k++) origin.push(i);
  }
  const ranges: [number, number][] = [];
  for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) {
    ranges.push([origin[at]!, origin[at + needle.length - 1]! + 1]);
  }
  return ranges;
}

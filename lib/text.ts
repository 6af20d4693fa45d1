/** Lowercase and strip accents, so that "geneve" finds "Genève". Search text is stored folded. */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
}

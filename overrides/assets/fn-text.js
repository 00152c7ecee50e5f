// Familiennetz: how the site's scripts compare German text. The table of umlauts comes
// from the page (the same one the site uses in Python: familiennetz/text.py), so that
// "Frühe" and "Fruehe" compare equal everywhere.

/** Lower case, umlauts spelt out as `table` says, other accents dropped. */
export function fold(text, table) {
  let folded = text.toLowerCase();
  for (const [letter, spelt] of Object.entries(table)) folded = folded.replaceAll(letter, spelt);
  return folded.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

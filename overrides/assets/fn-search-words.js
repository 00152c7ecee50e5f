// Familiennetz: the site's own words, for the search page (see search/vocabulary.py).
//
// Pagefind answers a word it does not know with the pages of the longest indexed word the
// query begins with ("Tagesmutter" → "Tag"), and a letter with every word that begins with
// it. So each query word is checked here first, against the words of the indexed pages:
// words too short to mean anything are left out, a compound the site uses only in parts
// is searched as its parts, and a word the site never uses finds nothing — with the
// nearest words the site does use as suggestions. The words come in small files by their
// first two letters: a query loads one or two of them.
import { fold as foldWith } from "./fn-text.js";

export class Words {
  /** `config`: the search page's settings (search/page.py); `root`: the site's base URL. */
  constructor(config, root) {
    this.config = config;
    this.folder = new URL(config.words, root);
    this.available = new Set(config.chunks.match(/.{2}/g) || []);
    this.chunks = new Map();
  }

  fold(text) {
    return foldWith(text, this.config.fold);
  }

  /** As vocabulary.py's `loose`: "Mütter", "Muetter" and "Mutter" are one key. */
  loose(text) {
    return this.fold(text).replaceAll("ae", "a").replaceAll("oe", "o").replaceAll("ue", "u");
  }

  /** The query's words: [kept, dropped] — shorter ones ("z", "B", "ab") are dropped. */
  split(query) {
    const tokens = query.match(/[\p{L}\p{M}\p{N}]+/gu) || [];
    const kept = tokens.filter((t) => t.length >= this.config.minTerm);
    return [kept, tokens.filter((t) => t.length < this.config.minTerm)];
  }

  /** The file of words beginning like `key` (loose); null if it cannot be loaded. */
  async chunk(looseWord) {
    const key = looseWord.slice(0, 2).replace(/[^a-z0-9]/g, "_");
    if (!this.available.has(key)) return { words: [], parts: [] };
    if (!this.chunks.has(key)) {
      this.chunks.set(key, fetch(new URL(`${key}.json`, this.folder))
        .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
        .then((data) => ({
          words: data.w.map(([form, pages]) => ({ form, pages, key: this.loose(form) })),
          parts: data.p,
        }))
        .catch(() => null));
    }
    return this.chunks.get(key);
  }

  /** Whether the site uses a word beginning with `word`, allowing a German ending
   *  the pages' forms lack ("Kindern" → "Kinder…"). null: the words could not be loaded. */
  async known(word) {
    const key = this.loose(word);
    const chunk = await this.chunk(key);
    if (chunk === null) return null;
    const stems = [key, ...this.config.endings
      .filter((end) => key.endsWith(end) && key.length - end.length >= this.config.minPart)
      .map((end) => key.slice(0, -end.length))];
    return stems.some((stem) => chunk.words.some((w) => w.key.startsWith(stem))
                                || chunk.parts.some((p) => p.startsWith(stem)));
  }

  /** A compound the site uses only in parts: [head, tail] as the reader spelt them
   *  (umlauts spelt out), the head a word of the site (also with a linking element:
   *  "Erziehungs|…"), the tail the start of one. The longest head wins. */
  async parts(word) {
    const folded = this.fold(word);
    const min = this.config.minPart;
    if (folded.length < 2 * min) return null;
    const chunk = await this.chunk(this.loose(folded));
    if (chunk === null) return null;
    const isWord = (text) => chunk.words.some((w) => w.key === this.loose(text));
    for (let i = folded.length - min; i >= min; i--) {
      const head = folded.slice(0, i);
      const heads = [head, ...this.config.linkers
        .filter((link) => head.endsWith(link) && head.length - link.length >= min)
        .map((link) => head.slice(0, -link.length))];
      if (heads.some(isWord) && await this.known(folded.slice(i))) {
        return [head, folded.slice(i)];
      }
    }
    return null;
  }

  /** Up to `limit` words of the site nearest to `word`: few edits apart, or sharing a
   *  long beginning; the more pages use a word, the earlier it comes. */
  async nearest(word, limit = 5) {
    const key = this.loose(word);
    const chunk = await this.chunk(key);
    if (chunk === null) return [];
    const allowed = key.length <= 5 ? 1 : key.length <= 9 ? 2 : 3;
    const shared = Math.max(5, key.length - 4);
    const found = [];
    for (const w of chunk.words) {
      if (w.key === key) continue;
      const distance = editDistance(key, w.key, allowed);
      const prefix = commonPrefix(key, w.key);
      if (distance <= allowed || prefix >= shared) found.push({ ...w, rank: Math.min(distance, allowed + 1) });
    }
    found.sort((a, b) => a.rank - b.rank || b.pages - a.pages || a.key.localeCompare(b.key, "de"));
    return found.slice(0, limit).map((w) => w.form);
  }
}

function commonPrefix(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}

/** Damerau–Levenshtein distance (adjacent swaps count once), or `limit + 1` if larger. */
function editDistance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = null;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2] + 1);
      }
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length];
}

"""The words of the indexed pages, for the search page: `suche/woerter/<xy>.json`.

Pagefind answers a word it does not know with the pages of the longest indexed word
that the query *begins* with ("Tagesmutter" → "Tag", "Familienpatenschaft" → "Familien"),
and a one-letter word with every word starting with that letter ("z. B."). The search
page therefore checks each query word against the site's own words before it asks
Pagefind: a word the site never uses is answered with "nothing found" and the nearest
words the site does use; a compound the site uses only in parts ("Familienpatenschaft":
"Familienpaten", "Patenschaftsbörse") is searched as those parts.

The words come in small files by their first two letters, so a query loads one or two
of them (a few KB each at 10,000 items), never the whole vocabulary. Each file lists:
- `w`: the words as the pages write them, with the number of pages that use them (for
  suggestions: the more pages, the likelier the reader meant it);
- `p`: the compound parts the index knows from `compounds.py` ("schutz"), which find
  pages without being words of their own.

Words are compared "loosely" on both sides (`loose`): lower case, umlauts and ß spelt
out and then reduced to the bare vowel, accents dropped — "Mütter", "Muetter" and
"Mutter" are one key, as Pagefind's German stemmer treats them. search.js repeats
`loose` and `chunk_key`; the browser tests hold the two to the same answers.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from ..addresses import SEARCH_FOLDER
from ..text import FOLD

__all__ = ["FOLDER", "MIN_TERM", "Vocabulary", "chunk_key", "loose"]

FOLDER = f"{SEARCH_FOLDER}/woerter"  # below site_dir
MIN_TERM = 3  # shorter query words ("z", "B", "ab") never find anything on their own
MAX_WORD = 40  # longer tokens are pasted noise, not words anyone types
TOKEN = re.compile(rf"[^\W_]{{{MIN_TERM},{MAX_WORD}}}")
_TRANSLIT = str.maketrans(FOLD)
_SPELT = (("ae", "a"), ("oe", "o"), ("ue", "u"))
_KEY = re.compile(r"[^a-z0-9]")


@lru_cache(maxsize=1 << 16)  # a site's few thousand compound parts, asked for page by page
def loose(word: str) -> str:
    """'Mütter', 'Muetter', 'Mutter' → 'mutter'; 'Café' → 'cafe'; 'Straße' → 'strasse'."""
    folded = unicodedata.normalize("NFD", word.lower().translate(_TRANSLIT))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    for spelt, vowel in _SPELT:
        folded = folded.replace(spelt, vowel)
    return folded


def chunk_key(loose_word: str) -> str:
    """The file a word is in: its first two letters; anything but a–z and 0–9 is `_`."""
    return _KEY.sub("_", loose_word[:2])


class Vocabulary:
    """Collects the words of the indexed pages; `write` puts them into the site."""

    def __init__(self) -> None:
        self._forms: Counter[str] = Counter()  # word as written → pages using it
        self._parts: set[str] = set()
        self._chunks: dict[str, dict[str, list[object]]] | None = None

    def add(self, text: str, terms: str = "") -> None:
        """One indexed page: its text (title, summary, body, facts) and compound parts."""
        self.add_tokens(TOKEN.findall(text), terms)

    def add_tokens(self, tokens: Iterable[str], terms: str = "") -> None:
        """One indexed page by its tokens (`TOKEN` of its text, as `words.TextWords` keeps them)."""
        self._forms.update(set(tokens))
        self._parts.update(loose(t) for t in terms.split())
        self._chunks = None

    def chunks(self) -> dict[str, dict[str, list[object]]]:
        """Key → {"w": [[word, pages], …], "p": [part, …]}, each sorted: the files' content."""
        if self._chunks is None:
            self._chunks = self._sorted()
        return self._chunks

    def keys(self) -> str:
        """The keys of the files there are, run together ("abacad…"): the search page
        asks only for files that exist."""
        return "".join(self.chunks())

    def _sorted(self) -> dict[str, dict[str, list[object]]]:
        pages: Counter[str] = Counter()
        shown: dict[str, tuple[int, str]] = {}  # loose word → (uses, form) of its commonest form
        for form, uses in self._forms.items():
            key = loose(form)
            pages[key] += uses
            if key not in shown or (uses, form) > shown[key]:
                shown[key] = (uses, form)
        words: dict[str, list[object]] = defaultdict(list)
        for key in sorted(pages):
            words[chunk_key(key)].append([shown[key][1], pages[key]])
        parts: dict[str, list[object]] = defaultdict(list)
        for part in sorted(self._parts - pages.keys()):
            parts[chunk_key(part)].append(part)
        return {k: {"w": words.get(k, []), "p": parts.get(k, [])}
                for k in sorted(words.keys() | parts.keys())}

    def write(self, site_dir: Path) -> int:
        """Write the files (the folder is emptied first); returns how many."""
        folder = site_dir / FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.json"):
            old.unlink()
        chunks = self.chunks()
        for key, content in chunks.items():
            (folder / f"{key}.json").write_text(
                json.dumps(content, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        return len(chunks)


def vocabulary_of(texts: Iterable[tuple[str, str]]) -> Vocabulary:
    """A vocabulary from (text, terms) pairs: for tests and tools."""
    vocabulary = Vocabulary()
    for text, terms in texts:
        vocabulary.add(text, terms)
    return vocabulary

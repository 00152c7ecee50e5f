"""The words of each searched text, and its compound parts, kept between builds.

Reading the words out of every searched text was most of what a rebuild spent on the
search index's input (measured at 10,000 items: 2.2 s of 3.6 s, with nothing changed): the
compound splitter wants the words of every published document (`compounds.words_of`), the
search page's word list the tokens of every indexed one (`vocabulary.TOKEN`). Both depend
on the text alone, so a text seen by an earlier build is not read again. A page's compound
parts depend on its words and on the words of the whole site: they are kept with the
digest of the site's vocabulary they were split with, and reused while it is the same —
or while the vocabulary changed only in words that are no part of the text's words (a
word's parts depend only on which of its substrings the vocabulary has, see
`compounds.Splitter`; so a new word on one page splits the others again only where they
contain it). Which vocabulary a set of texts gives is kept too, so an unchanged site does
not even gather its words.

On disk this is `<cache>/search-words.marshal`: a magic line, the SHA-256 of the rest and a
marshal of the code's version, {digest of the texts: digest of their vocabulary}, the last
vocabulary ([digest, words, tails]) and {digest of a text: [words, tokens, vocabulary
digest, parts]}, each a space-separated string
(a few strings per text, not hundreds: at 30,000 items sets of words took hundreds of MB).
Never trusted: a file that is cut, changed, of another code version or of the wrong shape
is ignored. Only the texts of the last build are kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..cache.version import code_version
from .compounds import words_of
from .vocabulary import TOKEN

__all__ = ["FILE", "TextWords"]

FILE = "search-words.marshal"
_MAGIC = b"familiennetz-search-words 3\n"
_DIGEST = 32  # bytes of SHA-256
WORDS, TOKENS, SPLIT_WITH, PARTS = range(4)  # the fields of a text's record


def _record(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 4 and all(isinstance(s, str) for s in value)


class TextWords:
    """What the search index needs of each text, by the text's digest (`key`).
    `folder`: the cache dir (None: nothing is read or kept)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.path = folder / FILE if folder is not None else None
        self._known: dict[bytes, list[str]] | None = None  # read when first asked
        self._vocabularies: dict[str, str] = {}
        self.last: list[str] = ["", "", ""]  # the vocabulary split with last: digest, words, tails
        self._next: list[str] | None = None  # the one split with now
        self._used: dict[bytes, list[str]] = {}
        self._changed = False
        self.misses = 0

    def _load(self) -> dict[bytes, list[str]]:
        if self.path is None:
            return {}
        try:
            data = self.path.read_bytes()
        except OSError:
            return {}
        head, body = data[:len(_MAGIC) + _DIGEST], data[len(_MAGIC) + _DIGEST:]
        if head[:len(_MAGIC)] != _MAGIC or hashlib.sha256(body).digest() != head[len(_MAGIC):]:
            return {}
        try:
            version, vocabularies, last, texts = marshal.loads(body)
        except (ValueError, EOFError, TypeError):
            return {}
        if version != code_version() or not isinstance(texts, dict) or not isinstance(vocabularies, dict):
            return {}
        if isinstance(last, list) and len(last) == 3 and all(isinstance(x, str) for x in last):
            self.last = last
        self._vocabularies = {k: v for k, v in vocabularies.items()
                              if isinstance(k, str) and isinstance(v, str)}
        return {k: v for k, v in texts.items() if isinstance(k, bytes) and _record(v)}

    def key(self, text: str) -> bytes:
        """The text's digest; its words and tokens are read now, unless known."""
        key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
        if key not in self._used:
            if self._known is None:
                self._known = self._load()
            found = self._known.get(key)
            if found is None:
                self.misses += 1
                self._changed = True
                found = [" ".join(words_of(text)), " ".join(set(TOKEN.findall(text))), "", ""]
            self._used[key] = found
        return key

    def words(self, key: bytes) -> list[str]:
        """The lower-case words of the text the splitter learns from (≥ 4 letters)."""
        return self._used[key][WORDS].split()

    def tokens(self, text: str) -> list[str]:
        """The words as written, for the search page's word list."""
        return self._used[self.key(text)][TOKENS].split()

    def parts(self, key: bytes, vocabulary: str, split: Callable[[], str],
              unaffected: Callable[[str], bool] = lambda words: False) -> str:
        """The text's compound parts with the vocabulary of digest `vocabulary`: as split
        before with the same one, or with the last one if `unaffected(its words)`, else
        `split()`."""
        record = self._used[key]
        if record[SPLIT_WITH] != vocabulary:
            if not (record[SPLIT_WITH] == self.last[0] != "" and unaffected(record[WORDS])):
                record[PARTS] = split()
            record[SPLIT_WITH] = vocabulary
            self._changed = True
        return record[PARTS]

    def split_with(self, digest: str, words: str, tails: str) -> None:
        """The vocabulary this build splits with (kept for the next one)."""
        self._next = [digest, words, tails]
        self._changed = True

    def vocabulary(self, texts: str, digest: Callable[[], str]) -> str:
        """The digest of the vocabulary of the texts of digest `texts`: as before, else `digest()`."""
        if self._known is None:
            self._known = self._load()
        if texts not in self._vocabularies:
            self._vocabularies = {texts: digest()}
            self._changed = True
        return self._vocabularies[texts]

    def save(self) -> None:
        """Keep the texts this build read (a cache that cannot be written is no failure)."""
        if self.path is None or self._known is None:
            return
        if not self._changed and self._used.keys() == self._known.keys():
            return
        body = marshal.dumps((code_version(), self._vocabularies, self._next or self.last, self._used))
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(dir=self.path.parent, prefix=".search-words-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(_MAGIC + hashlib.sha256(body).digest() + body)
                os.replace(name, self.path)
            finally:
                Path(name).unlink(missing_ok=True)

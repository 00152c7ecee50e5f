"""Parts of German compounds, found with the site's own vocabulary.

Pagefind matches a query word against the *start* of indexed words ("kinder" finds
"Kinderschutz"), never against their end: "schutz" does not find "Kinderschutz", nor
"treffen" "Netzwerktreffen". German builds its words by compounding, and readers search
for the part they care about. So at build time each long word of a page is split where
both sides are words the site itself uses, allowing the linking elements of German
compounds ("Erziehung·s·beratung", "Familie·n·zentrum"), and the parts after the first
are given to Pagefind as extra terms of the page (see `records.py` for how they reach
the index without showing up on the page).

No dictionary is shipped: a part counts when the site uses it as a word of its own, or
when it ends compounds with at least two different known heads ("Kinder|schutz",
"Daten|schutz" make "schutz" a part even if no page says "Schutz" alone). What the
site never says is never split, so the terms stay few and plausible.

Umlauts and ß need nothing here: Pagefind 1.5's German stemmer already matches "Fruehe"
with "Frühe" and "Strasse" with "Straße" in both directions (the search tests hold it to
that).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["MIN_PART", "Splitter", "Vocabulary", "build_vocabulary", "plausible_split", "words_of"]

WORD = re.compile(r"[^\W\d_]{4,}")  # letters only; shorter words are never compounds
MIN_PART = 4  # "Kita", "Rhein"; shorter parts ("Amt", "Rat") split too much at random
MIN_COMPOUND = 9  # "Netzwerk" (8) stays whole: "netz|werk" would only add noise
MAX_COMPOUND = 60  # longer "words" are not German compounds but pasted noise: left whole
MIN_BARE_TAIL = MIN_PART  # a part known only from compounds: "café" in "Eltern|café", "Familien|café"
LINKERS = ("s", "es", "n", "en", "er", "e", "ns")  # Fugenelemente between head and tail
ENDINGS = ("n", "en", "e", "s", "es", "er", "ern", "nen")  # inflection of the last part


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words that begin or end many words by accident ("unter|stützung"), and
# suffixes, which end many words without being a part of their own ("Erzieher|innen").
STOP = _wordset("""
    aber alle allem allen aller alles also andere anderen auch beim bereits bitte dabei
    damit dann darf dass dein denn dessen dich dies diese diesem diesen dieser dieses doch
    dort durch eine einem einen einer eines etwa euch gegen habe haben hatte hier ihre
    ihrem ihren ihrer immer jede jedem jeden jeder jetzt kann kein keine mehr mein muss
    nach nicht noch oder ohne sehr sein seine sich sind sodass sollen sowie über
    unser unter viel vom von wann warum weil wenn werden wird wieder wurde zwar zwischen
    ende erin erinnen rin rinnen innen ungen heit heiten keit keiten schaft schaften
    lich liche lichen licher ische ischen
""")


def words_of(text: str) -> set[str]:
    """The distinct lower-case words of a text that are long enough to be a part."""
    return set(WORD.findall(text.casefold()))


@dataclass(frozen=True, slots=True)
class Vocabulary:
    words: frozenset[str]  # every word the site uses, lower case
    tails: frozenset[str]  # parts seen only at the end of compounds, after ≥ 2 known heads

    def is_word(self, text: str) -> bool:
        return text in self.words and text not in STOP

    def is_head(self, text: str) -> bool:
        """A first part: a word, or a word with its linking element ("erziehungs")."""
        if self.is_word(text):
            return True
        return any(text.endswith(link) and len(text) - len(link) >= MIN_PART
                   and self.is_word(text[: -len(link)]) for link in LINKERS)

    def is_tail(self, text: str) -> bool:
        """A last part: a word or known tail, also inflected ("konferenzen", "cafés")."""
        if text in STOP:
            return False
        if text in self.words or text in self.tails:
            return True
        return any(text.endswith(end) and len(text) - len(end) >= MIN_PART
                   and (text[: -len(end)] in self.words or text[: -len(end)] in self.tails)
                   for end in ENDINGS)


# After these endings an "s" is the linking element ("Beratung·s·stelle", "Gesundheit·s·amt").
S_LINKED = ("ung", "heit", "keit", "schaft", "ion", "tät", "ität", "ling", "tum")


def plausible_split(head: str, tail: str) -> bool:
    """Could German split like this? Rules out the misreadings of linking elements:
    "Kinders|chutz", "Beratung|sstelle", "Beratung|sangebote", "Familie|nzentrum"."""
    first, second = tail[0], tail[1]
    if first == second or tail.startswith("ch"):
        return False
    if first == "s":
        return not head.endswith(S_LINKED) and second in "aeiouäöüyhptkclmnwz"
    if first in "nr":
        return second in "aeiouäöüy"
    return True


def build_vocabulary(words: Iterable[str]) -> Vocabulary:
    """The site's words, plus the tails that several of its compounds share after
    different heads ("Kinder|schutz", "Gewalt|schutz", "Daten|schutz")."""
    known = frozenset(words)
    plain = Vocabulary(known, frozenset())
    heads_of: dict[str, set[str]] = defaultdict(set)
    for word in known:
        for i in range(MIN_PART, len(word) - MIN_BARE_TAIL + 1):
            head, tail = word[:i], word[i:]
            if tail in known or tail in STOP:
                continue
            if plain.is_word(head):
                if plausible_split(head, tail):
                    heads_of[tail].add(head)
                continue
            for link in LINKERS:  # "beratungs|stelle" — unless "rhein|strasse" reads better
                stem = head[: -len(link)]
                if (head.endswith(link) and len(stem) >= MIN_PART and plain.is_word(stem)
                        and not plausible_split(stem, link + tail)):
                    heads_of[tail].add(stem)
                    break
    tails = frozenset(t for t, heads in heads_of.items() if len(heads) >= 2)
    return Vocabulary(known, tails)


class Splitter:
    """Splits words into parts; remembers every answer (a site repeats its words)."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        # what the splits depend on: the same digest, the same parts of every word
        self.digest = hashlib.sha256("\n".join([*sorted(vocabulary.words), "",
                                                 *sorted(vocabulary.tails)]).encode()).hexdigest()
        self._parts: dict[str, tuple[str, ...]] = {}
        self._splits: dict[str, tuple[str, ...] | None] = {}  # each head split once: polynomial

    def parts(self, word: str) -> tuple[str, ...]:
        """'kinderschutzkonferenz' → ('kinder', 'schutz', 'konferenz'); unsplittable
        words come back whole. Each part is a substring, linking element included."""
        word = word.casefold()
        if word not in self._parts:
            self._parts[word] = (None if self._inflected_short(word) else self._split(word)) or (word,)
        return self._parts[word]

    def _inflected_short(self, word: str) -> bool:
        """"netzwerke": an inflection of a word too short to split stays whole too."""
        return any(word.endswith(end) and len(word) - len(end) < MIN_COMPOUND
                   and self.vocabulary.is_word(word[: -len(end)]) for end in ENDINGS)

    def _split(self, word: str) -> tuple[str, ...] | None:
        """The best split: a tail the site uses as a word beats an inflected or
        compound-only one; a head that is a word beats one with a linking element or one
        that needs splitting itself; then the longer head ("kinderschutz|konferenz")."""
        if len(word) < MIN_COMPOUND or len(word) > MAX_COMPOUND:
            return None
        if word in self._splits:
            return self._splits[word]
        vocabulary = self.vocabulary
        best: tuple[tuple[int, int, int], tuple[str, ...]] | None = None
        for i in range(MIN_PART, len(word) - MIN_PART + 1):
            head, tail = word[:i], word[i:]
            if not vocabulary.is_tail(tail) or not (vocabulary.is_word(tail)
                                                    or plausible_split(head, tail)):
                continue
            if vocabulary.is_word(head):
                head_rank, head_parts = 2, self.parts(head)
            elif vocabulary.is_head(head):
                head_rank, head_parts = 1, self.parts(head)
            elif (split := self._split(head)) is not None:
                head_rank, head_parts = 0, split
            else:
                continue
            rank = (2 if vocabulary.is_word(tail) else 1, head_rank, i)
            if best is None or rank > best[0]:
                best = (rank, (*head_parts, *self.parts(tail)))
        self._splits[word] = best[1] if best else None
        return self._splits[word]

    def terms(self, words: Iterable[str]) -> list[str]:
        """The extra search terms for a page with these words: every part but the first,
        and every run of parts up to the end ("schutzkonferenz"), sorted."""
        found: set[str] = set()
        for word in words:
            parts = self.parts(word)
            for k in range(1, len(parts)):
                found.add("".join(parts[k:]))
                found.add(parts[k])
        return sorted(found)

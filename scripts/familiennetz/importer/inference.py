"""The district of a release without a lead, inferred from every mention in its text.

Each mention keeps its evidence (the phrase and the line it stands in) so that the press
officer sees why a district was offered. Names of an office ("Kreisverwaltung X",
"Landkreis X", "Kreisjugendamt X", "X-Kreis") weigh more than the bare place name, and the
issuer's lines ("Quelle: …", the contact's organisation) more still. Nothing here is final:
the draft marks the result `# bitte prüfen`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .districts import DistrictIndex, normalise

MAX_WORDS = 6
LINE_SHOWN = 90  # characters of the evidence line in the report
_WORD = re.compile(r"[^\W\d_]+")
# An office word before a bare place name makes it a name of the district's office.
_OFFICE_WORDS = frozenset(
    {"kreisjugendamt", "jugendamt", "kreisverwaltung", "kreistag", "kreishaus", "landrat",
     "landraetin", "landratsamt", "kreisvolkshochschule", "kreisstadt"}
)  # fmt: skip
WEIGHT_OFFICE, WEIGHT_PLACE, WEIGHT_ISSUER = 2, 1, 3


@dataclass(frozen=True)
class Mention:
    """One place in the text that names a district."""

    slug: str
    phrase: str
    line: str
    weight: int


@dataclass(frozen=True)
class Candidate:
    """A district with all its mentions; `score` ranks the candidates."""

    slug: str
    mentions: tuple[Mention, ...]

    @property
    def score(self) -> int:
        return sum(mention.weight for mention in self.mentions)


@dataclass
class Inference:
    candidates: list[Candidate]
    ambiguous: list[tuple[str, tuple[str, ...], str]]  # phrase, slugs, line


def _shown(line: str) -> str:
    line = line.strip()
    return line if len(line) <= LINE_SHOWN else line[: LINE_SHOWN - 1].rstrip() + "…"


def _scan(line: str, index: DistrictIndex, issuer: bool, inference: Inference) -> list[Mention]:
    words = list(_WORD.finditer(line))
    mentions: list[Mention] = []
    start = 0
    while start < len(words):
        for end in range(min(len(words), start + MAX_WORDS), start, -1):
            phrase = line[words[start].start() : words[end - 1].end()]
            key = normalise(phrase)
            slugs = [index.strong[key]] if key in index.strong else index.weak.get(key, [])
            if not slugs:
                continue
            office = key in index.strong
            before = normalise(words[start - 1].group(0)) if start else ""
            if before in _OFFICE_WORDS:
                phrase, office = line[words[start - 1].start() : words[end - 1].end()], True
            if len(slugs) > 1:
                inference.ambiguous.append((phrase, tuple(slugs), _shown(line)))
            else:
                weight = WEIGHT_ISSUER if issuer else WEIGHT_OFFICE if office else WEIGHT_PLACE
                mentions.append(Mention(slugs[0], phrase, _shown(line), weight))
            start = end - 1
            break
        start += 1
    return mentions


def infer_districts(
    lines: list[str], issuer_lines: list[str], index: DistrictIndex
) -> Inference:
    """Candidates ranked by score, then by their first mention; ambiguous places apart."""
    inference = Inference([], [])
    found: dict[str, list[Mention]] = {}
    for issuer, group in ((False, lines), (True, issuer_lines)):
        for line in group:
            for mention in _scan(line, index, issuer, inference):
                found.setdefault(mention.slug, []).append(mention)
    candidates = [Candidate(slug, tuple(mentions)) for slug, mentions in found.items()]
    order = list(found)
    candidates.sort(key=lambda candidate: (-candidate.score, order.index(candidate.slug)))
    inference.candidates = candidates
    return inference

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
from .model import Draft

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


def _shown(line: str, start: int, end: int) -> str:
    """The line, or the part of a long line around the phrase at `start`:`end`, cut at words."""
    if len(line.strip()) <= LINE_SHOWN:
        return line.strip()
    margin = max(0, (LINE_SHOWN - (end - start)) // 2)
    left, right = max(0, start - margin), min(len(line), end + margin)
    if left > 0:
        left = line.find(" ", left, start) + 1 or left
    if right < len(line):
        right = line.rfind(" ", end, right) if line.rfind(" ", end, right) > 0 else right
    text = line[left:right].strip()
    return ("…" if left > 0 else "") + text + ("…" if right < len(line) else "")


def _scan(line: str, index: DistrictIndex, issuer: bool, inference: Inference) -> list[Mention]:
    words = list(_WORD.finditer(line))
    mentions: list[Mention] = []
    start = 0
    while start < len(words):
        for end in range(min(len(words), start + MAX_WORDS), start, -1):
            first, last = words[start].start(), words[end - 1].end()
            phrase = line[first:last]
            key = normalise(phrase)
            slugs = [index.strong[key]] if key in index.strong else index.weak.get(key, [])
            if not slugs:
                continue
            office = key in index.strong
            before = normalise(words[start - 1].group(0)) if start else ""
            if before in _OFFICE_WORDS:
                first = words[start - 1].start()
                phrase, office = line[first:last], True
            if len(slugs) > 1:
                inference.ambiguous.append((phrase, tuple(slugs), _shown(line, first, last)))
            else:
                weight = WEIGHT_ISSUER if issuer else WEIGHT_OFFICE if office else WEIGHT_PLACE
                mentions.append(Mention(slugs[0], phrase, _shown(line, first, last), weight))
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


def _times(count: int) -> str:
    return "1 Nennung" if count == 1 else f"{count} Nennungen"


def offer_district(draft: Draft, index: DistrictIndex, body: str) -> list[str]:
    """Offers the best-supported district of the text, with its evidence; returns to-dos."""
    # Only the release's own words count: a photo credit names the photographer's
    # employer (often the newspaper), and dropped lines (site name, teasers) are the site's.
    captions = [picture.description or "" for picture in draft.pictures]
    lines = [draft.title or "", *body.split("\n"), *captions]
    # Shown as the report's evidence, so they keep what they were in the text.
    issuer = [f"Quelle: {draft.source}" if draft.source else "",
              f"Pressekontakt: {draft.contact['organisation']}" if "organisation" in draft.contact
              else ""]
    inference = infer_districts([line for line in lines if line.strip()],
                                [line for line in issuer if line], index)
    todos = [
        f"„{phrase}“ passt auf mehrere Kreise ({', '.join(slugs)}) – im Text „{line}“; "
        "bei Bedarf den richtigen Kreis (districts) eintragen"
        for phrase, slugs, line in dict.fromkeys(inference.ambiguous)
    ]
    if not inference.candidates:
        return todos
    top, others = inference.candidates[0], inference.candidates[1:]
    draft.add_district(top.slug)

    def described(candidate: Candidate) -> str:
        return f"{index.title(candidate.slug)} ({_times(len(candidate.mentions))})"

    draft.found.append(f"Kreis vorgeschlagen: {described(top)} – kein Vorspann, aus dem Text "
                       "erschlossen, bitte bestätigen")
    for candidate in inference.candidates:
        for mention in candidate.mentions:
            draft.found.append(f"Beleg für {index.title(candidate.slug)}: „{mention.phrase}“ "
                               f"in „{mention.line}“")
    if not others:
        draft.confirm["districts"] = "aus dem Text erschlossen"
        todos.append(f"Kreis (districts) bestätigen: vorgeschlagen ist {described(top)}")
        return todos
    tie = others[0].score == top.score
    also = ", ".join(described(candidate) for candidate in others)
    draft.confirm["districts"] = ("gleich oft genannt: " if tie else "auch genannt: ") + ", ".join(
        index.title(candidate.slug) for candidate in others
    )
    todos.append(
        f"Kreis (districts) bestätigen: vorgeschlagen ist {described(top)}, im Text auch {also}"
        + (" – beide gleich stark belegt, bitte entscheiden" if tie else "")
        + "; bei einer gemeinsamen Mitteilung beide eintragen"
    )
    return todos

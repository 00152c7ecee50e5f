"""Labels above a copied headline: the news site's category and its own name.

Only asked while no title was found, and only when a headline follows (`header.py`), so
that a short real title such as "Soziales Netzwerk wächst" over its text stays the title.
"""

from __future__ import annotations

import re

# Above the headline, news sites print a category and their own name, often run together
# when copied ("Familie & SozialesLahn-Bote") or separated ("Region · Lokales · Andernach").
_RUN_TOGETHER = re.compile(r"[a-zäöüß][A-ZÄÖÜ][a-zäöüß]")
_LABEL_PIECES = re.compile(r"\s+[|·•»›/]\s+|\s+[–—]\s+|\s*[|·•»›]\s*")
_MEDIA_WORDS = re.compile(
    r"online|zeitung|nachrichten|news|bote|anzeiger|kurier|rundschau|blick|aktuell|journal"
    r"|lokales|region|regionales|politik|soziales|gesellschaft|panorama|ressort|kategorie"
    r"|rubrik|magazin|blatt|echo|post\b|tageblatt|wochenspiegel|presse",
    re.IGNORECASE,
)


def is_category_line(line: str) -> bool:
    """Whether a short line above the headline is a category label or the site's name."""
    text = line.strip()
    words = text.split()
    if not words or len(text) > 80 or text.endswith((".", "!", "?", ":")):
        return False
    if any(char.isdigit() for char in text):
        return False
    pieces = [piece for piece in _LABEL_PIECES.split(text) if piece.strip()]
    if len(pieces) >= 2 and all(len(piece.split()) <= 4 for piece in pieces):
        return True
    if _RUN_TOGETHER.search(text):
        return True
    return len(words) <= 3 and _MEDIA_WORDS.search(text) is not None


# A news site's own name: "Rhein-Lahn-Zeitung Online", "Lahn-Bote", "Westerwälder Kurier",
# "Kreis-Anzeiger", "Lokales". Checked only for the lines above the headline.
_MASTHEAD_END = re.compile(
    r"(?:zeitung|bote|anzeiger|kurier|rundschau|tageblatt|nachrichten|blatt|echo|spiegel"
    r"|journal|post)$",
    re.IGNORECASE,
)
_SECTION_NAMES = frozenset({"lokales", "regionales", "region", "aus der region", "lokalnachrichten"})


def is_masthead(line: str) -> bool:
    """Whether a line is the name of the news site a release was copied from."""
    text = line.strip()
    words = text.split()
    if not words or len(words) > 4 or len(text) > 60 or any(char.isdigit() for char in text):
        return False
    if text.lower() in _SECTION_NAMES:
        return True
    if words[-1] == "Online" and len(words) >= 2:
        return True  # capitalised: "Anmeldung jetzt online" is a sentence, not a site
    return words[-1][0].isupper() and _MASTHEAD_END.search(words[-1]) is not None

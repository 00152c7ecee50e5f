"""Small text helpers shared by the stages: slugs, suggestions and German lists."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

__all__ = [
    "FOLD", "INVISIBLE", "SLUG_RE", "did_you_mean", "fold_umlauts", "known_values", "slugify", "sort_key_de",
    "text_problem",
]

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FOLD = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}  # also given to the pages' scripts
_TRANSLIT = str.maketrans(FOLD)


def fold_umlauts(text: str) -> str:
    """Lowercase with ä→ae, ö→oe, ü→ue, ß→ss: how slugs, sorting and matching see German."""
    return text.lower().translate(_TRANSLIT)


def sort_key_de(text: str) -> str:
    """Alphabetical order as German readers expect it (Ärzte next to Arzt, not after Zoo)."""
    return fold_umlauts(text.casefold())


# Words a shortened slug must not end in.
_FUNCTION_WORDS = frozenset(
    {"und", "oder", "in", "im", "am", "an", "fuer", "mit", "von", "vom", "zu", "zum", "zur",
     "der", "die", "das", "den", "dem", "des", "ein", "eine", "auf", "aus", "bei", "nach"}
)  # fmt: skip


def slugify(text: str, max_length: int = 80) -> str:
    """The content model's slug: lowercase ASCII with '-', umlauts transliterated, cut at a
    word boundary when longer than `max_length`, never after a function word ("und", "in")."""
    text = unicodedata.normalize("NFKD", fold_umlauts(text)).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(slug) > max_length:
        cut = slug.rfind("-", 0, max_length + 1)
        words = slug[: cut if cut > 0 else max_length].strip("-").split("-")
        while len(words) > 1 and words[-1] in _FUNCTION_WORDS:  # "…-in-mendig-und" reads cut off
            words.pop()
        slug = "-".join(words)
    return slug


def did_you_mean(value: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    matches = difflib.get_close_matches(value, list(candidates), n=1, cutoff=cutoff)
    return matches[0] if matches else None


def known_values(values: Iterable[str], limit: int = 12) -> str:
    """'a, b, c' — capped so a message about 300 topics stays readable."""
    items = sorted(values)
    shown = ", ".join(f"`{v}`" for v in items[:limit])
    if len(items) > limit:
        shown += f" … ({len(items) - limit} weitere)"
    return shown


# What a field's text must not contain, wherever it is printed: control characters (also
# those that turn the writing direction), line breaks, anything a browser could read as a
# tag (`<b`, `</`, `<!`), and HTML entities (`&lt;` would print as `<` in some places and
# as `&lt;` in others). A lone `<`, `>` or `&` is text and is escaped where it lands.
# Invisible characters (for a character class): format characters (zero-width space, word
# joiner, invisible operators, byte-order mark, interlinear annotations, tag characters),
# variation selectors (not U+FE0F: emoji need it), the braille blank and Hangul fillers —
# a title that looks like another, or a word search cannot find. Not here: the soft hyphen,
# the joiners of emoji and of Arabic and Persian script, and the marks of writing
# direction, which writing needs.
INVISIBLE = ("\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u2060-\u206f\u2800\u3164"
             "\ufe00-\ufe0e\ufeff\uffa0\ufff9-\ufffb\U00013430-\U00013438\U0001bca0-\U0001bca3"
             "\U0001d173-\U0001d17a\U000e0000-\U000e007f\U000e0100-\U000e01ef")
# Those of them Python calls printable (letters, marks and symbols that show nothing).
_SHOWS_NOTHING = re.compile("[\u034f\u115f\u1160\u17b4\u17b5\u2800\u3164\ufe00-\ufe0e\uffa0"
                            "\U000e0100-\U000e01ef]")
_UNSAFE_TEXT = re.compile(
    f"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff{INVISIBLE}]"
    "|(?P<br>[\n\u2028\u2029])"
    "|(?P<tag><[A-Za-z/!?])|(?P<entity>&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});)")
# Plain-text fields (summaries, alternative texts) are shown as they are: no Markdown.
_MARKDOWN = re.compile(r"\[[^\]]+\]\([^)]+\)|\*\*|__|^#+ ", re.MULTILINE)


def text_problem(text: str, *, plain: bool = False) -> tuple[str, str] | None:
    """(rule id, German message after the field's name) when a field's text may not be
    published as it is; None when it may."""
    clean = text.isprintable() and "<" not in text and "&" not in text \
        and _SHOWS_NOTHING.search(text) is None  # nearly every value
    m = None if clean else _UNSAFE_TEXT.search(text)
    if m is None:
        if plain and _MARKDOWN.search(text):
            return "plain-text", ("muss reiner Text sein, ohne Markdown (keine Links, `**`, "
                                  "`#`) — schreiben Sie nur den Text.")
        return None
    if m.group("br"):
        return "plain-text", ("enthält einen Zeilenumbruch — schreiben Sie den Wert in eine "
                              "Zeile.")
    if m.group("tag"):
        return "plain-text", (f"enthält HTML (`{m.group('tag')}…`) — schreiben Sie nur Text, "
                              "ohne spitze Klammern um Wörter.")
    if m.group("entity"):
        return "plain-text", (f"enthält die HTML-Umschreibung `{m.group('entity')}` — "
                              "schreiben Sie das Zeichen selbst, z. B. `&` statt `&amp;`.")
    return "control-character", (f"enthält ein unsichtbares Steuerzeichen (U+{ord(m.group(0)):04X}) "
                                 "— löschen Sie die Stelle und tippen Sie sie neu.")

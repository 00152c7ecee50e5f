"""Where a body goes beyond what Markdown renders in bounded time.

Python-Markdown (which MkDocs uses) recurses without bound on some constructs and slows
down with the square of others: 800 nested list levels or 2,000 `*` in a row end in a
RecursionError; each inline match (`\\`, `*`, `` ` ``, `&`, a line break …) copies its whole
paragraph, so 50,000 of them in one paragraph take minutes; `toc` numbers duplicate
headings one by one, so 30,000 `## a` take an hour; the HTML tokenizer of Python 3.11
before 3.11.13 reads from an unclosed `<a` to the end of the text, every time (30 KB took
half a minute). No real text comes near these limits; a body beyond them is refused
before anything renders it. The checks are substring counts first: they run on every body
(10,000 of them in about 30 ms).
"""

from __future__ import annotations

import re

__all__ = ["MARKS", "MAX_HEADINGS", "MAX_LINE", "MAX_TAG", "PER_BODY", "PER_PARAGRAPH",
           "beyond_markdown"]

MAX_LINE = 20_000  # characters in one line
MAX_HEADINGS = 500  # headings and rules (`---`) in one body
# Per paragraph (text between blank lines): what, how many at most, how it is named.
PER_PARAGRAPH = (("[", 500, "Zeichen `[`"), ("<", 500, "Zeichen `<`"), ("(", 500, "Zeichen `(`"),
                 ("\\", 2000, "Zeichen `\\`"), ("`", 2000, "Zeichen `` ` ``"),
                 ("*", 2000, "Zeichen `*`"), ("_", 2000, "Zeichen `_`"),
                 ("&", 2000, "Zeichen `&`"),
                 ("  \n", 2000, "Zeilenumbrüche mit zwei Leerzeichen am Zeilenende"))
# Per body: HTML, admonitions and code fences (fences that never close are read to the end
# of the text from each opener).
PER_BODY = (("<", 2000, "Zeichen `<`"), ("!!!", 300, "Hinweiskästen (`!!!`)"),
            ("```", 300, "Zeichen ```` ``` ````"), ("~~~", 300, "Zeichen `~~~`"))
MAX_TAG = 2000  # characters from a tag's `<` to its `>`
# What the counted limits count (bar the line breaks' spaces), and the fewest any needs.
MARKS = b"#=-[<(\\`*_&!~"
_FEWEST = 200  # `*` or `_` in a row
_TAG_START = re.compile(r"<[A-Za-z!/?]")
_LONG_LINE = re.compile(f"^[^\\n]{{{MAX_LINE + 1}}}", re.MULTILINE)  # from line starts only
_DEEP = ("\n" + " " * 120, "\n" + "\t" * 30)  # indented list levels
_EMPHASIS = ("*" * 200, "_" * 200)
# Searched in "\n" + body: a literal first character makes `re` skip ahead quickly (ten
# times faster than `^` with MULTILINE, which is tried at every position).
_NESTED = re.compile(r"\n[ \t]*+(?:(?:[-*+>]|\d{1,9}+[.)])[ \t]++){20}")
_HEADING = re.compile(r"^ {0,3}+(?:#|=++[ \t]*+$|-++[ \t]*+$)", re.MULTILINE)
_PARAGRAPHS = re.compile(r"(\n[ \t]*\n)")


def _german(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def beyond_markdown(body: str, marks: int | None = None) -> tuple[int, str, str] | None:
    """(offset, rule id, German message) of the first limit the body goes beyond, or None.
    `marks`: at most how many of the characters the counted limits count the text has
    (`MARKS`; the loader counts them in the file's bytes in one pass): with fewer than the
    smallest limit, none of the counts need be taken."""
    if len(body) > MAX_LINE and (m := _LONG_LINE.search(body)):
        return m.start(), "too-large", (f"Eine Zeile ist länger als {_german(MAX_LINE)} Zeichen "
                                        "— teilen Sie den Absatz mit Leerzeilen auf.")
    for deep in _DEEP:
        if body.startswith(deep[1:]) or deep in body:
            offset = 0 if body.startswith(deep[1:]) else body.find(deep) + 1
            return offset, "too-large", ("Zu tief eingerückt oder verschachtelt — rücken Sie "
                                         "höchstens wenige Ebenen ein.")
    if m := _NESTED.search("\n" + body):
        return m.start(), "too-large", ("Zu viele Listen- oder Zitatebenen in einer Zeile "
                                        "(`- - - …`, `> > > …`) — verschachteln Sie höchstens "
                                        "wenige Ebenen.")
    if marks is not None and marks < _FEWEST:
        if "<" in body and (found := _unclosed_tag(body)):
            return found
        return _dense_paragraph(body, ("  \n",)) if len(body) > 6000 else None
    for run in _EMPHASIS:
        if (offset := body.find(run)) >= 0:
            return offset, "too-large", "Zu viele `*` oder `_` hintereinander — entfernen Sie sie."
    if body.count("#") + body.count("=") + body.count("-") > MAX_HEADINGS:
        headings = list(_HEADING.finditer(body))
        if len(headings) > MAX_HEADINGS:
            return headings[MAX_HEADINGS].start(), "too-large", (
                f"Der Text hat {_german(len(headings))} Überschriften und Trennlinien, "
                f"höchstens {_german(MAX_HEADINGS)} — teilen Sie ihn auf mehrere Seiten auf.")
    for mark, limit, name in PER_BODY:
        if (count := body.count(mark)) > limit:
            return _nth(body, mark, limit), "too-large", (
                f"Der Text enthält {_german(count)} {name}, höchstens {_german(limit)} — teilen "
                "Sie ihn auf mehrere Beiträge auf.")
    return _unclosed_tag(body) or _dense_paragraph(body, ())


def _nth(text: str, mark: str, n: int) -> int:
    offset = -1
    for _ in range(n + 1):
        offset = text.find(mark, offset + 1)
    return offset


def _unclosed_tag(body: str) -> tuple[int, str, str] | None:
    if "<" not in body:
        return None
    for m in _TAG_START.finditer(body):
        if body.find(">", m.start(), m.start() + MAX_TAG) < 0:
            return m.start(), "unsafe-html", (
                f"`{body[m.start():m.start() + 12].split(chr(10))[0]}…` beginnt HTML, das nicht "
                "mit `>` geschlossen wird — die Seite um den Text herum würde es ergänzen. "
                "Schließen Sie es, oder schreiben Sie ein Kleiner-als-Zeichen mit Leerzeichen "
                "danach (`a < b`).")
    return None


def _dense_paragraph(body: str, only: tuple[str, ...]) -> tuple[int, str, str] | None:
    for mark, limit, name in PER_PARAGRAPH:
        if (only and mark not in only) or body.count(mark) <= limit:
            continue
        offset = 0
        for paragraph in _PARAGRAPHS.split(body):
            if (count := paragraph.count(mark)) > limit:
                return offset, "too-large", (f"Ein Absatz enthält {_german(count)} {name}, "
                                             f"höchstens {_german(limit)} — teilen Sie ihn mit "
                                             "Leerzeilen auf oder entfernen Sie die Zeichen.")
            offset += len(paragraph)
    return None

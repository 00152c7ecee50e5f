"""What a build for publication needs beyond valid content: a real address, the operator
declared, no template placeholders left on any page.

A build is for publication when its `site_url` is not this machine's, or when
`FAMILIENNETZ_PUBLISH=1` says so (the Pages workflow): then a localhost address is itself
refused — feeds, calendars and canonical links would all point to the reader's own computer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from .codeblanks import blank_code
from .documents import TextPage
from .operator import Operator, read_operator
from .problems import Level, Problem
from .validator import ValidationResult

__all__ = ["is_local", "publication_problems", "site_operator"]

_LOCAL = {"localhost", "127.0.0.1", "::1", "0.0.0.0", ""}
# "[Name der Behörde]": brackets that are not a link, an image, a footnote or a checkbox.
_PLACEHOLDER = re.compile(r"(?<![!\]\\])\[(?![ xX]\]|\^)([^\]\n]{2,300})\](?![(\[:])")


def is_local(site_url: str) -> bool:
    host = urlsplit(site_url).hostname or ""
    return host in _LOCAL or host.endswith(".localhost")


def _placeholders(page: TextPage) -> Iterable[Problem]:
    body = blank_code(page.body)  # `[a, b]` in code is YAML, not a placeholder
    for found in _PLACEHOLDER.finditer(body):
        line = page.body_line + body.count("\n", 0, found.start())
        col = found.start() - body.rfind("\n", 0, found.start())
        yield Problem(page.display, line, col, Level.ERROR, "placeholder",
                      f"Platzhalter „{found.group(0)[:80]}“ — ersetzen Sie ihn durch die echte "
                      "Angabe, bevor die Website veröffentlicht wird.")


def _line(text: str, key: str) -> int:
    found = re.search(rf"^\s*{key}:", text, re.MULTILINE)
    return text.count("\n", 0, found.start()) + 1 if found else 1


def publication_problems(*, site_url: str, publish: bool, operator: Operator | None,
                         pages: Iterable[TextPage], config_file: Path) -> list[Problem]:
    """Why this build may not be published; empty for a local preview."""
    config_name = config_file.name
    text = config_file.read_text(encoding="utf-8") if config_file.is_file() else ""
    local = is_local(site_url)
    if not publish and local:
        return []
    problems: list[Problem] = []
    if local:
        problems.append(Problem(config_name, _line(text, "site_url"), 1, Level.ERROR, "site-url",
                                f"Die Website soll veröffentlicht werden, ihre Adresse ist aber "
                                f"„{site_url}“ — setzen Sie `SITE_URL` auf die öffentliche Adresse, "
                                "z. B. `SITE_URL=https://familiennetz.kreis-beispiel.de/ make site`."))
    if operator is None:
        problems.append(Problem(config_name, _line(text, "extra"), 1, Level.ERROR, "operator-missing",
                                "Vor der Veröffentlichung braucht `extra.operator` in mkdocs.yml "
                                "alle Angaben zum Betreiber (Impressum, Datenschutz, Barrierefreiheit)."))
    for page in pages:
        if not page.draft:
            problems.extend(_placeholders(page))
    return problems


def site_operator(config_file: Path, raw: object, result: ValidationResult, *, site_url: str,
                  publish: bool) -> tuple[Operator | None, list[Problem]]:
    """The operator declared in `config_file`, and why this build may not go ahead: wrong
    operator data always; a local address, no operator or placeholders when publishing."""
    operator, problems = read_operator(config_file, raw, exists=lambda rel: rel in result.publishable)
    problems += publication_problems(site_url=site_url, publish=publish, operator=operator,
                                     pages=result.collection.pages, config_file=config_file)
    return operator, problems

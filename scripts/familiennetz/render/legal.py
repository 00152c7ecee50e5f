"""The operator's part of the legal pages, generated from `extra.operator` (operator.py):
a page asks for it with a marker, and its own free text stays around it.

| marker | page | what it writes |
|---|---|---|
| `<!-- familiennetz:impressum -->` | impressum.md | provider (§ 5 DDG), contact, § 18 MStV |
| `<!-- familiennetz:datenschutz -->` | datenschutz.md | controller, data-protection officer, authority |
| `<!-- familiennetz:barrierefreiheit -->` | barrierefreiheit.md | scope, feedback, enforcement |
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from ..markers import expand
from ..operator import Operator

__all__ = ["MARKERS", "legal_markdown"]

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+!<>|~])")
MISSING = ("*Die Angaben zum Betreiber fehlen: Sie stehen in `mkdocs.yml` unter "
           "`extra.operator` (siehe README, „Betreiber und Rechtliches“).*")


def _e(text: str) -> str:
    """Plain text as Markdown that shows it as it is."""
    return _MARKDOWN.sub(r"\\\1", text)


def _lines(*lines: str) -> str:
    """Lines of one paragraph (an address): Markdown's hard breaks."""
    return "  \n".join(lines)


def _mail(address: str) -> str:
    return f"[{_e(address)}](mailto:{address})"


def _impressum(o: Operator, site_url: str) -> str:
    return f"""## Anbieter

Angaben gemäß § 5 Digitale-Dienste-Gesetz (DDG):

{_lines(_e(o.name), _e(o.street), f"{o.postcode} {_e(o.town)}")}

{_e(o.name)} ist eine {_e(o.legal_form)}. Sie wird vertreten durch {_e(o.representative)}.

## Kontakt

{_lines(f"Telefon: {_e(o.phone)}", f"E-Mail: {_mail(o.email)}")}

## Verantwortlich für den Inhalt

Verantwortlich im Sinne von § 18 Abs. 2 Medienstaatsvertrag (MStV):

{_lines(_e(o.responsible), f"{_e(o.name)}, {_e(o.street)}, {o.postcode} {_e(o.town)}")}
"""


def _datenschutz(o: Operator, site_url: str) -> str:
    return f"""## Verantwortliche Stelle

{_lines(_e(o.name), _e(o.street), f"{o.postcode} {_e(o.town)}", f"E-Mail: {_mail(o.email)}")}

Die oder den behördlichen Datenschutzbeauftragten erreichen Sie so: {_e(o.privacy_officer)},
E-Mail {_mail(o.privacy_email)}.

Zuständige Aufsichtsbehörde ist: [{_e(o.supervisory_authority)}]({o.supervisory_url}).
"""


def _barrierefreiheit(o: Operator, site_url: str) -> str:
    return f"""{_e(o.name)} ist bemüht, diese Website im Einklang mit den Vorschriften zur
barrierefreien Informationstechnik barrierefrei zugänglich zu machen. Maßgeblich sind die
Barrierefreie-Informationstechnik-Verordnung (BITV 2.0), die Richtlinie (EU) 2016/2102 und
das {_e(o.state_law)}.

Diese Erklärung gilt für die Website <{site_url}>.

## Feedback und Kontakt

Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? Oder brauchen Sie Informationen
aus einem nicht barrierefreien Inhalt in einer anderen Form? Dann schreiben Sie uns:

- E-Mail: {_mail(o.accessibility_email)}
- Telefon: {_e(o.phone)}
- Post: {_e(o.name)}, {_e(o.street)}, {o.postcode} {_e(o.town)}

## Schlichtungsverfahren

Wenn Sie auf Ihre Rückmeldung keine oder keine zufriedenstellende Antwort erhalten, können
Sie ein Schlichtungsverfahren beantragen. Zuständig ist: [{_e(o.enforcement)}]({o.enforcement_url}).
Das Verfahren ist für Sie kostenlos, und Sie brauchen keinen Rechtsbeistand.
"""


MARKERS: dict[str, Callable[[Operator, str], str]] = {
    "impressum": _impressum, "datenschutz": _datenschutz, "barrierefreiheit": _barrierefreiheit,
}


def legal_markdown(src: str, markdown: str, operator: Operator | None, site_url: str) -> str:
    """`markdown` with the operator's marker replaced where its page holds it (or a German
    note where the operator is not declared: local previews only — a publication build
    refuses that)."""
    return expand(src, markdown, {name: (partial(generate, operator, site_url) if operator
                                         else lambda: MISSING) for name, generate in MARKERS.items()})

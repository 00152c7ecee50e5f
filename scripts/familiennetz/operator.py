"""Who runs the site: declared once in `mkdocs.yml` (`extra.operator`), checked like a
content file's header, and read by the legal pages (`render/legal.py`), the header and
footer, and the publication check (`publication.py`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .binding import Binder
from .colours import AA, contrast, passing_shade
from .fields import spec
from .problems import Level, Problem
from .types.parts import EMAIL, EMAIL_HINT, PHONE, PHONE_HINT, URL, URL_HINT
from .yaml_loader import Marks

__all__ = ["Operator", "read_operator"]

COLOUR = r"^#[0-9a-fA-F]{6}$"


@dataclass(frozen=True, slots=True, kw_only=True)
class Operator:
    name: str = spec("Name", "Die Stelle, die die Website betreibt, z. B. „Kreisverwaltung "
                     "Musterkreis“.", min_len=3, max_len=120, plain=True)
    street: str = spec("Straße", "Straße und Hausnummer.", min_len=3, plain=True)
    postcode: str = spec("Postleitzahl", "Fünf Ziffern in Anführungszeichen.", pattern=r"^[0-9]{5}$",
                         pattern_hint='fünf Ziffern in Anführungszeichen, z. B. `"56130"`')
    town: str = spec("Ort", "Sitz der Stelle.", min_len=2, plain=True)
    legal_form: str = spec("Rechtsform", "z. B. „Körperschaft des öffentlichen Rechts“.",
                           min_len=5, plain=True)
    representative: str = spec("Vertreten durch", "z. B. „Landrätin Erika Muster“.", min_len=5,
                               plain=True)
    email: str = spec("E-Mail", "Allgemeine E-Mail-Adresse.", pattern=EMAIL, pattern_hint=EMAIL_HINT)
    phone: str = spec("Telefon", "Allgemeine Telefonnummer.", pattern=PHONE, pattern_hint=PHONE_HINT)
    responsible: str = spec("Verantwortlich nach § 18 MStV", "Name und Funktion, z. B. „Max "
                            "Muster, Pressestelle“.", min_len=5, plain=True)
    privacy_officer: str = spec("Datenschutzbeauftragte Stelle", "Wer den Datenschutz der Stelle "
                                "beauftragt betreut (Name oder Stelle).", min_len=5, plain=True)
    privacy_email: str = spec("E-Mail des Datenschutzes", "E-Mail-Adresse der oder des "
                              "Datenschutzbeauftragten.", pattern=EMAIL, pattern_hint=EMAIL_HINT)
    supervisory_authority: str = spec("Datenschutz-Aufsicht", "Die zuständige Aufsichtsbehörde, "
                                      "z. B. „Der Landesbeauftragte für den Datenschutz und die "
                                      "Informationsfreiheit Rheinland-Pfalz“.", min_len=10, plain=True)
    supervisory_url: str = spec("Website der Aufsicht", "Adresse mit https://.", pattern=URL,
                                pattern_hint=URL_HINT)
    accessibility_email: str = spec("E-Mail für Barrieren", "Wohin Menschen Barrieren melden.",
                                    pattern=EMAIL, pattern_hint=EMAIL_HINT)
    enforcement: str = spec("Schlichtung/Durchsetzung", "Die Stelle, die das Landesrecht für das "
                            "Schlichtungs- oder Durchsetzungsverfahren nennt.", min_len=10, plain=True)
    enforcement_url: str = spec("Website der Schlichtungsstelle", "Adresse mit https://.",
                                pattern=URL, pattern_hint=URL_HINT)
    state_law: str = spec("Landesrecht", "Das Gesetz des Landes zur Barrierefreiheit, z. B. "
                          "„Landesinklusionsgesetz Rheinland-Pfalz“.", min_len=5, plain=True)
    colour: str = spec("Hauptfarbe", "Farbe der Kopfzeile als `#RRGGBB`; sie muss mit weißer "
                       "Schrift mindestens 4,5 : 1 Kontrast haben.", default="#1d5e7a",
                       pattern=COLOUR, pattern_hint="eine Farbe `#RRGGBB`, z. B. `#1d5e7a`")
    logo: str | None = spec("Logo oder Wappen", "SVG oder PNG unter `content/assets/`, z. B. "
                            "`assets/wappen.svg`.", default=None, pattern=r"^assets/[a-z0-9-]+\.(svg|png)$",
                            pattern_hint="ein Pfad wie `assets/wappen.svg`")
    sign_language_video: str | None = spec(
        "Video in Gebärdensprache", "Ein Video in Deutscher Gebärdensprache für die Startseite "
        "(BITV 2.0 § 4), als Datei unter `content/assets/`, z. B. `assets/dgs-startseite.mp4`.",
        default=None, pattern=r"^assets/[a-z0-9-]+\.(mp4|webm)$",
        pattern_hint="ein Pfad wie `assets/dgs-startseite.mp4`")
    demo: bool = spec("Demo", "`true`: eine Vorführung mit erfundenen Angaben; jede Seite sagt "
                      "das.", default=False)


_KEY = re.compile(r"^(\s*)operator:\s*$", re.MULTILINE)


def read_operator(config_file: Path, raw: Any, exists: Callable[[str], bool] = lambda rel: True,
                  ) -> tuple[Operator | None, list[Problem]]:
    """Bind `extra.operator` of mkdocs.yml; problems name the file and line."""
    display = config_file.name
    text = config_file.read_text(encoding="utf-8") if config_file.is_file() else ""
    if raw is None:  # a local preview may do without; a publication build may not
        return None, []
    if not isinstance(raw, dict):
        where = text[:text.find("operator:")].count("\n") + 1 if "operator:" in text else 1
        return None, [Problem(display, where, 1, Level.ERROR, "operator-missing",
                              "`extra.operator` in mkdocs.yml braucht eingerückte Angaben zum "
                              "Betreiber (`name:`, `street:`, …) — siehe README, „Betreiber und "
                              "Rechtliches“.")]
    binder = Binder(display, _marks(text))
    operator: Operator | None = binder.bind(Operator, raw, prefix="extra.operator.", at="extra.operator")
    if operator is not None and (ratio := contrast(operator.colour)) < AA:
        shown = f"{ratio:.1f}".replace(".", ",")
        binder.error("extra.operator.colour", "colour-contrast",
                     f"Die Hauptfarbe `{operator.colour}` hat mit weißer Schrift nur {shown} : 1 "
                     "Kontrast, nötig sind 4,5 : 1 (WCAG 1.4.3) — nehmen Sie einen dunkleren Ton "
                     f"derselben Farbe, etwa `{passing_shade(operator.colour)}`.")
        operator = None
    for name in ("logo", "sign_language_video"):
        path = getattr(operator, name, None)
        if operator is not None and path and not exists(path):
            binder.error(f"extra.operator.{name}", "image-missing",
                         f"Die Datei `{path}` fehlt — legen Sie sie nach `content/{path}`.")
            operator = None
    return operator, binder.problems


class _ConfigMarks(Marks):
    """Positions in mkdocs.yml: `Marks` counts a header from the line after its `---`."""

    __slots__ = ()

    def key(self, path: str, fallback: tuple[int, int] = (2, 1)) -> tuple[int, int]:
        line, col = super().key(path, fallback)
        return line - 1, col

    def value(self, path: str, fallback: tuple[int, int] = (2, 1)) -> tuple[int, int]:
        line, col = super().value(path, fallback)
        return line - 1, col


def _marks(text: str) -> Marks:
    return _ConfigMarks(text) if _KEY.search(text) else Marks("")

"""Colour contrast of the theme, computed from `overrides/assets/familiennetz.css`.

WCAG 2.1 AA: text needs a contrast ratio of at least 4.5:1 to its background (1.4.3),
focus indicators and other non-text parts at least 3:1 (1.4.11). The ratio is
(L1 + 0.05) / (L2 + 0.05) of the relative luminances, lighter over darker. Colours with
an alpha channel (Material's "87 % black" footer) are composited over what lies below.

The values are read from our stylesheet (custom properties in `:root`, and single
rules such as the footer's link colour); what we do not set comes from the installed
mkdocs-material's stylesheet, so a Material update that changes a background is seen.
The browser tests measure the rendered page; these catch a bad colour without one.
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

pytestmark = pytest.mark.slow  # builds sites with MkDocs

ROOT = Path(__file__).resolve().parents[1]
CSS_FILE = ROOT / "overrides" / "assets" / "familiennetz.css"
MATERIAL_CSS_DIR = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
WHITE = "#ffffff"
TEXT_MIN = 4.5
NON_TEXT_MIN = 3.0

Rgb = tuple[float, float, float]

# --- the formula -------------------------------------------------------------------------------


def parse_colour(value: str, below: Rgb = (255.0, 255.0, 255.0)) -> Rgb:
    """'#1b5e7a', '#fff', '#000000de' (composited over `below`), 'white', 'black'."""
    value = {"white": "#ffffff", "black": "#000000"}.get(value.strip().lower(), value.strip())
    match = re.fullmatch(r"#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})", value)
    if not match:
        raise ValueError(f"not a colour this test understands: {value!r}")
    digits = match.group(1)
    if len(digits) in (3, 4):
        digits = "".join(d * 2 for d in digits)
    channels = [int(digits[i:i + 2], 16) for i in range(0, len(digits), 2)]
    alpha = channels[3] / 255 if len(channels) == 4 else 1.0
    r, g, b = (alpha * c + (1 - alpha) * u for c, u in zip(channels[:3], below, strict=True))
    return (r, g, b)


def relative_luminance(rgb: Rgb) -> float:
    def linear(channel: float) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: Rgb, b: Rgb) -> float:
    lighter, darker = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_formula_matches_known_values() -> None:
    white, black = parse_colour("#fff"), parse_colour("#000")
    assert contrast_ratio(black, white) == pytest.approx(21.0)
    assert contrast_ratio(white, white) == pytest.approx(1.0)
    assert contrast_ratio(parse_colour("#777777"), white) == pytest.approx(4.48, abs=0.01)  # just fails AA
    assert contrast_ratio(parse_colour("#767676"), white) == pytest.approx(4.54, abs=0.01)  # just passes
    assert contrast_ratio(white, parse_colour("#1b5e7a")) == contrast_ratio(parse_colour("#1b5e7a"), white)


def test_alpha_colours_are_composited_over_their_background() -> None:
    assert parse_colour("#000000de") == pytest.approx((33.0, 33.0, 33.0), abs=0.5)  # ≈ #212121
    assert parse_colour("#0000008a") == pytest.approx((117.3, 117.3, 117.3), abs=0.5)
    with pytest.raises(ValueError, match="not a colour"):
        parse_colour("rebeccapurple")


# --- reading the stylesheets -------------------------------------------------------------------

_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")


def css_rules(css: str) -> list[tuple[list[str], dict[str, str]]]:
    """(selectors, declarations) of every innermost rule, also those inside @media."""
    rules = []
    for selectors, body in _RULE.findall(_COMMENT.sub("", css)):
        declarations = {}
        for decl in body.split(";"):
            if ":" in decl:
                prop, value = decl.split(":", 1)
                declarations[prop.strip().lower()] = value.replace("!important", "").strip()
        rules.append(([s.strip() for s in selectors.split(",")], declarations))
    return rules


def custom_properties(css: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for selectors, declarations in css_rules(css):
        if ":root" in selectors:
            found.update({k: v for k, v in declarations.items() if k.startswith("--")})
    return found


def material_properties() -> dict[str, str]:
    sheets = sorted(MATERIAL_CSS_DIR.glob("main.*.min.css"))
    assert sheets, f"no Material stylesheet in {MATERIAL_CSS_DIR}"
    text = sheets[0].read_text(encoding="utf-8")
    return dict(re.findall(r"(--md-[\w-]+):\s*(#[0-9a-fA-F]{3,8})\b", text))


OURS = CSS_FILE.read_text(encoding="utf-8")
VARIABLES = {**material_properties(), **custom_properties(OURS)}


def declared(selector: str, prop: str) -> str:
    """The value our stylesheet gives `prop` in the (last) rule for `selector`."""
    values = [d[prop] for selectors, d in css_rules(OURS) if selector in selectors and prop in d]
    assert values, f"familiennetz.css has no `{prop}` for `{selector}`"
    return values[-1]


def colour_of(expr: str, below: Rgb = (255.0, 255.0, 255.0)) -> Rgb:
    """A colour from a value: `#hex`, a keyword, `var(--x)`, or the first colour in a
    shorthand such as `3px solid #ffdd00` or `0 0 0 6px #0b0c0c`."""
    expr = expr.strip()
    for _ in range(10):
        match = re.fullmatch(r"var\(\s*(--[\w-]+)\s*(?:,\s*(.+))?\)", expr)
        if not match:
            break
        name, fallback = match.groups()
        expr = VARIABLES.get(name) or fallback or ""
        assert expr, f"`{name}` is set neither in familiennetz.css nor by Material"
    if not re.fullmatch(r"#[0-9a-fA-F]{3,8}|white|black", expr, re.IGNORECASE):
        found = re.search(r"#[0-9a-fA-F]{3,8}\b|\bvar\([^)]*\)|\b(?:white|black)\b", expr)
        assert found, f"no colour in {expr!r}"
        return colour_of(found.group(0), below)
    return parse_colour(expr, below)


# Material's footer: `.md-footer` paints --md-footer-bg-color (87 % black) over the white
# page; the meta bar on top only darkens it, so this is the lighter, conservative case.
FOOTER_BG_EXPR = "var(--md-footer-bg-color)"

TEXT_PAIRS = {
    # name: (text colour, background)
    "Hauptfarbe (Links, Überschriften) auf Weiß": ("var(--md-primary-fg-color)", WHITE),
    "Kopfzeile: weiße Schrift auf der Hauptfarbe": ("var(--md-primary-bg-color)",
                                                    "var(--md-primary-fg-color)"),
    "Links im Text auf Weiß": ("var(--md-typeset-a-color)", WHITE),
    "Links im Kasten (Kontakt, Fakten)": ("var(--md-typeset-a-color)", "box"),
    "Links im Hinweis (veraltetes Angebot)": ("var(--md-typeset-a-color)", "notice"),
    "Akzentfarbe (Links beim Überfahren) auf Weiß": ("var(--md-accent-fg-color)", WHITE),
    "dunkle Hauptfarbe (Kicker, Art der Karte) auf Weiß": ("var(--md-primary-fg-color--dark)", WHITE),
    "helle Schrift (Datum, Bildunterschrift) auf Weiß": ("var(--md-default-fg-color--light)", WHITE),
    "helle Schrift im Kasten": ("var(--md-default-fg-color--light)", "box"),
    "hellere Schrift auf Weiß": ("var(--md-default-fg-color--lighter)", WHITE),
    "Fließtext auf Weiß": ("var(--md-default-fg-color)", WHITE),
    "Fußzeile: Links": ("footer-link", FOOTER_BG_EXPR),
    "Fußzeile: Hinweis": ("footer-note", FOOTER_BG_EXPR),
    "Plakette „steht noch bevor“": ("badge", "badge-bg"),
}
NAMED = {
    "box": lambda: declared(".fn-box", "background"),
    "notice": lambda: declared(".fn-notice", "background"),
    "footer-link": lambda: declared(".fn-footer__links a", "color"),
    "footer-note": lambda: declared(".fn-footer__note", "color"),
    "badge": lambda: declared(".fn-badge", "color"),
    "badge-bg": lambda: declared(".fn-badge", "background"),
}


def _resolve(expr: str, below: Rgb = (255.0, 255.0, 255.0)) -> Rgb:
    return colour_of(NAMED[expr]() if expr in NAMED else expr, below)


@pytest.mark.parametrize(("fg", "bg"), TEXT_PAIRS.values(), ids=TEXT_PAIRS.keys())
def test_text_colours_reach_aa_contrast(fg: str, bg: str) -> None:
    background = _resolve(bg)
    ratio = contrast_ratio(_resolve(fg, below=background), background)
    assert ratio >= TEXT_MIN, f"{fg} on {bg}: {ratio:.2f}:1 < {TEXT_MIN}:1"


def test_footer_background_is_materials_dark_grey() -> None:
    assert _resolve(FOOTER_BG_EXPR) == pytest.approx(parse_colour("#212121"), abs=1)


def test_focus_indicator_is_visible_on_every_background() -> None:
    outline = colour_of(declared("a:focus-visible", "outline"))
    ring = colour_of(declared("a:focus-visible", "box-shadow"))
    backgrounds = {"Weiß": parse_colour(WHITE), "Kopfzeile": _resolve("var(--md-primary-fg-color)"),
                   "Fußzeile": _resolve(FOOTER_BG_EXPR), "Kasten": _resolve("box")}
    for name, background in backgrounds.items():
        best = max(contrast_ratio(outline, background), contrast_ratio(ring, background))
        assert best >= NON_TEXT_MIN, f"focus indicator on {name}: {best:.2f}:1"
    assert contrast_ratio(outline, ring) >= NON_TEXT_MIN  # the two rings stay apart


def test_contrast_claims_in_comments_are_not_overstated() -> None:
    """`--x: #…;  /* white on it: 7.0:1 */` and `/* on white: 6.1:1 */` must hold."""
    claims = re.findall(r"(--[\w-]+)\s*:\s*(#[0-9a-fA-F]{3,8})\s*;\s*/\*\s*(?:(\w+) )?on (it|white):\s*"
                        r"(\d+(?:\.\d+)?):1", OURS)
    assert claims, "no contrast claims found in familiennetz.css"
    for name, value, other, where, claimed in claims:
        partner = parse_colour(other or WHITE) if where == "it" else parse_colour(WHITE)
        actual = contrast_ratio(parse_colour(value), partner)
        assert actual >= float(claimed) - 0.05, f"{name}: claims {claimed}:1, is {actual:.2f}:1"
        assert actual >= TEXT_MIN, f"{name}: {actual:.2f}:1"

"""Contrast of the operator's colour (WCAG 2.x relative luminance), and a darker shade of
the same hue that passes, to suggest when it does not."""

from __future__ import annotations

__all__ = ["AA", "contrast", "darker", "passing_shade"]

AA = 4.5  # normal text, WCAG 1.4.3
WHITE = "#ffffff"


def _rgb(colour: str) -> tuple[float, float, float]:
    value = colour.lstrip("#")
    r, g, b = (int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return r, g, b


def _luminance(colour: str) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str = WHITE) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def darker(colour: str, factor: float) -> str:
    """The same hue with each channel scaled by `factor` (0..1)."""
    return "#" + "".join(f"{round(c * 255 * factor):02x}" for c in _rgb(colour))


def passing_shade(colour: str, against: str = WHITE) -> str:
    """`colour` if it has AA contrast with `against`, else the lightest darker shade that has."""
    factor = 1.0
    shade = colour
    while contrast(shade, against) < AA and factor > 0:
        factor = round(factor - 0.02, 2)
        shade = darker(colour, factor)
    return shade

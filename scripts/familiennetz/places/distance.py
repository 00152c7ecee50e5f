"""Straight-line distance on the globe, and how a card says it ("ca. 12 km").

overrides/assets/fn-near.js does the same sums in the reader's browser; the tests compare
its order and labels with these.
"""

from __future__ import annotations

from math import asin, cos, floor, radians, sin, sqrt

from .postcodes import Point

__all__ = ["EARTH_RADIUS_KM", "distance_km", "distance_label"]

EARTH_RADIUS_KM = 6371.0  # the mean radius: good to well under 1 % across Germany


def distance_km(a: Point, b: Point) -> float:
    """Great-circle distance (haversine), in kilometres."""
    lat1, lon1, lat2, lon2 = map(radians, (*a, *b))
    h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * asin(min(1.0, sqrt(h)))


def distance_label(km: float) -> str:
    """"ca. 12 km"; below one kilometre "unter 1 km". Whole kilometres only: a postcode's
    centre is no address, so anything finer would promise what it cannot keep."""
    # Halves round up, as JavaScript's Math.round does (Python's round() would go to even).
    return "unter 1 km" if km < 1 else f"ca. {floor(km + 0.5)} km"

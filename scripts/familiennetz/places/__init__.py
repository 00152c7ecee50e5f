"""Where items are, and how far that is from a reader: German postcode centroids from a
pinned, openly licensed package (`postcodes`), straight-line distance (`distance`), and the
coordinates a card carries for the page's script (`point_of`).

Nothing here is sent anywhere: the site ships the postcode table as a static file, and the
reader's browser computes every distance (overrides/assets/fn-near.js).
"""

from .distance import distance_km, distance_label
from .postcodes import CREDIT, TABLE_PATH, Point, decode_table, encode_table, point_of, postcode_table

__all__ = [
    "CREDIT", "TABLE_PATH", "Point", "decode_table", "distance_km", "distance_label", "encode_table",
    "point_of", "postcode_table",
]

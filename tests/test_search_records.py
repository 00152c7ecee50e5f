"""What pages tell Pagefind, and what the offer finder gets (search.records, search.finder),
read from the search fixture's content without a build."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import NOW
from familiennetz.collection import Collection
from familiennetz.documents import Entry
from familiennetz.render.finder import build_finder
from familiennetz.search import FILTERS, SearchRecord, SearchRecords
from familiennetz.validator import validate

CONTENT = Path(__file__).resolve().parent / "examples" / "search" / "content"


@pytest.fixture(scope="module")
def collection() -> Collection:
    result = validate(CONTENT, now=NOW)
    assert result.errors == []
    return result.collection


@pytest.fixture(scope="module")
def records(collection: Collection) -> SearchRecords:
    return SearchRecords(collection)


def entry(collection: Collection, src: str) -> Entry:
    return next(e for e in collection.entries if e.src == src)


def test_press_release_record(collection: Collection, records: SearchRecords) -> None:
    record = records.for_entry(entry(collection, "pressemitteilungen/2026/"
                                                 "2026-06-09-koordinatorin-kinderschutz-saarlouis.md"))
    assert record.type == "Pressemitteilung"
    assert record.date == "Veröffentlicht am 9. Juni 2026"  # labelled as on its card
    assert record.year == "2026"
    assert record.districts == ("Landkreis Saarlouis",)
    assert record.topics == ("Kinderschutz",)
    assert record.summary.startswith("Der Landkreis Saarlouis hat eine Koordinatorin")
    assert record.filters == [("art", "Pressemitteilung"), ("kreis", "Landkreis Saarlouis"),
                              ("thema", "Kinderschutz"), ("jahr", "2026")]
    # "Kinderschutz" and "Netzwerktreffen" are the page's compounds.
    assert {"schutz", "treffen"} <= set(record.terms.split())


def test_meeting_report_is_dated_by_its_meeting(collection: Collection, records: SearchRecords) -> None:
    record = records.for_entry(entry(collection, "netzwerktreffen/2025/"
                                                 "2025-10-10-zwoelfte-netzwerkkonferenz-kinderschutz.md"))
    assert (record.type, record.date, record.year) == ("Netzwerktreffen", "Termin: 8. Oktober 2025",
                                                       "2025")
    assert record.topics == ("Kinderschutz", "Frühe Hilfen")
    assert record.details == (  # searchable, though the page shows them in a box Pagefind skips
        "Netzwerk Kinderschutz Bad Kreuznach · Dienstleistungszentrum Ländlicher Raum, Bad Kreuznach · "
        "Jugendamt der Stadt Bad Kreuznach · Gesundheitsamt · Erika Beispiel · ISM Mainz · "
        "Familienzentren im Sozialraum")


def test_offer_record_says_when_it_was_checked(collection: Collection, records: SearchRecords) -> None:
    record = records.for_entry(entry(collection, "angebote/familienhebammen-saarlouis.md"))
    assert record.type == "Angebot"
    assert record.date == "geprüft am 1. Juni 2025 – vor über einem Jahr"  # stale
    assert record.year is None  # offers are not dated items: the year filter leaves them out
    assert ("jahr", "2025") not in record.filters
    assert record.details == "Begleitung · Gesundheitsamt Landkreis Saarlouis"  # kind, provider


def test_descriptive_pages(collection: Collection, records: SearchRecords) -> None:
    district = records.for_entry(entry(collection, "kreise/saarlouis.md"))
    assert district == SearchRecord("Kreis", districts=("Landkreis Saarlouis",),
                                    terms=district.terms, details="Saarland")
    network = records.for_entry(entry(collection, "netzwerke/netzwerk-kinderschutz-bad-kreuznach.md"))
    assert (network.type, network.districts) == ("Netzwerk", ("Stadt Bad Kreuznach",))
    topic = records.for_entry(entry(collection, "themen/kinderschutz.md"))
    assert (topic.type, topic.topics) == ("Thema", ("Kinderschutz",))
    assert topic.summary.startswith("Wie Fachkräfte")
    page = records.for_page(next(p for p in collection.pages if p.src == "datenschutz.md"))
    assert page.type == "Seite"
    assert "schutz" in page.terms.split()  # "Datenschutz": the page also says "Daten"


def test_filter_keys_are_the_search_pages_headings() -> None:
    assert list(FILTERS) == ["art", "kreis", "thema", "jahr"]


def test_hidden_items_do_not_feed_the_vocabulary(records: SearchRecords) -> None:
    assert records.texts  # the documents the vocabulary is read from
    assert not any("entwurf" in src or "sperrfrist" in src for src in records.texts)


# --- the offer finder ------------------------------------------------------------------------


def test_finder_lists_every_published_offer_in_german_order(collection: Collection) -> None:
    finder = build_finder(collection)
    titles = [o.entry.title for o in finder.items]
    assert len(titles) == 10 and "Sprachcafé für Eltern (Entwurf)" not in titles
    assert titles[:4] == ["Babytreff Dillingen", "Begleitung zu Ämtern in Lahnstein",
                          "Eltern-Kind-Gruppe in Bad Ems", "Elterncafé in der Kita Nastätten"]


def test_finder_options_are_the_values_that_occur(collection: Collection) -> None:
    finder = build_finder(collection)
    options = {c.filter.key: c.options for c in finder.choices}
    assert [(o.value, o.label, o.count) for o in options["kreis"]] == [
        ("mayen-koblenz", "Landkreis Mayen-Koblenz", 3), ("saarlouis", "Landkreis Saarlouis", 2),
        ("rhein-lahn-kreis", "Rhein-Lahn-Kreis", 3), ("stadt-bad-kreuznach", "Stadt Bad Kreuznach", 2)]
    assert [o.value for o in options["art"]] == [
        "begleitung", "beratung", "eltern-kind-gruppe", "elterncafe", "familienbildung",
        "familienzentrum", "kita-sozialarbeit"]
    assert "alle" not in [o.value for o in options["fuer"]]  # "for everyone" matches any group
    assert [(o.value, o.label) for o in options["sprache"]][:3] == [
        ("ar", "Arabisch", ), ("de", "Deutsch"), ("en", "Englisch")]
    assert [(t.toggle.key, t.count) for t in finder.toggles] == [("kostenlos", 8)]
    assert finder.stale == 2


def test_finder_card_attributes(collection: Collection) -> None:
    finder = build_finder(collection)
    offer = next(o for o in finder.items if o.entry.slug == "familienhebammen-saarlouis")
    assert offer.attributes == {
        "data-kreis": "saarlouis", "data-art": "begleitung",
        "data-fuer": "werdende-eltern eltern kinder-0-3", "data-sprache": "de ar",
        "data-kostenlos": "ja", "data-veraltet": "ja"}

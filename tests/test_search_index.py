"""The search index as the build writes it: which pages Pagefind reads, what they tell it,
and what the indexer says when Pagefind fails (tests/examples/search, built once)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import browser
from familiennetz.search import SearchIndexer, SearchIndexError, SearchRecord, search_document
from familiennetz.search.parts import CURRENT, PartSpool
from familiennetz.search.runner import Runner
from familiennetz.search.service import PagefindService
from sitebuild import Site

pytestmark = pytest.mark.slow  # builds sites with MkDocs

ITEMS = {
    "pressemitteilungen/2024/workshop-kita-sozialraumbudget/",
    "pressemitteilungen/2025/konzept-kita-sozialarbeit-mayen-koblenz/",
    "pressemitteilungen/2026/koordinatorin-kinderschutz-saarlouis/",
    "pressemitteilungen/2026/elternabend-bad-kreuznach/",
    "netzwerktreffen/2024/elfte-netzwerkkonferenz-kinderschutz/",
    "netzwerktreffen/2025/zwoelfte-netzwerkkonferenz-kinderschutz/",
    "netzwerktreffen/2026/netzwerktreffen-fruehe-hilfen-saarlouis/",
    "netzwerktreffen/2026/einladung-kita-netzwerk-bad-ems/",
    "veranstaltungen/2026/medienabend-mayen/",
    *(f"angebote/{slug}/" for slug in (
        "elterncafe-nastaetten", "eltern-kind-gruppe-bad-ems", "erziehungsberatung-bad-kreuznach",
        "familienhebammen-saarlouis", "babytreff-dillingen", "familienzentrum-polch", "elternkurs-mayen",
        "kita-sozialarbeit-andernach", "fachberatung-kinderschutz-bad-kreuznach",
        "begleitung-zu-aemtern-lahnstein")),
}
DESCRIPTIVE = {
    "kreise/rhein-lahn-kreis/", "kreise/saarlouis/", "kreise/mayen-koblenz/", "kreise/stadt-bad-kreuznach/",
    "netzwerke/netzwerk-kinderschutz-bad-kreuznach/", "netzwerke/netzwerk-fruehe-hilfen-saarlouis/",
    "netzwerke/kita-netzwerk-rhein-lahn/", "themen/fruehe-hilfen/", "themen/kinderschutz/",
    "themen/kita-sozialarbeit/", "themen/familienbildung/",
}


@pytest.fixture(scope="module")
def site(search_site: Site) -> Site:
    return search_site


def indexed(site: Site) -> set[str]:
    return set(browser.indexed_pages(site))


def test_only_items_and_descriptive_pages_are_indexed(site: Site) -> None:
    assert indexed(site) == ITEMS | DESCRIPTIVE
    # Listings, archives, the home page, the finder, the search and the feeds page are not.
    # Neither are the legal pages and the press officers' help (readers look for content).
    for url in ("", "pressemitteilungen/", "pressemitteilungen/2026/", "angebote/", "kreise/",
                "suche/", "abonnieren/", "404.html", "impressum/", "datenschutz/"):
        assert url not in indexed(site), url


ARCHIVED = {"pressemitteilungen/2024/workshop-kita-sozialraumbudget/",
            "netzwerktreffen/2024/elfte-netzwerkkonferenz-kinderschutz/"}


def test_pagefind_indexed_those_pages_in_german_the_years_before_last_as_archive(site: Site) -> None:
    # Built at 21 November 2026: 2026 and 2025 are current, 2024 is the archive's.
    assert list(browser.index_parts(site)) == ["aktuell", "2024"]
    assert set(browser.indexed_pages(site, "2024")) == ARCHIVED
    assert set(browser.indexed_pages(site, "aktuell")) == (ITEMS | DESCRIPTIVE) - ARCHIVED
    for folder, pages in ((site.root / "pagefind", 28), (site.root / "pagefind-teile" / "2024", 2)):
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert list(entry["languages"]) == ["de"]
        assert entry["languages"]["de"]["page_count"] == pages
    assert (site.root / "pagefind" / "pagefind.js").is_file()
    # The search page merges an archive part: Pagefind's script comes from the current one.
    assert sorted(p.name for p in (site.root / "pagefind-teile" / "2024").iterdir()
                  if not p.name.endswith(".pf_meta")) == ["filter", "fragment", "index",
                                                          "pagefind-entry.json"]
    # 2024's part is indexed once its last page is converted, before the current part's are.
    assert "Suchindex: 30 Seiten" in site.log and "neu erstellt: 2024, aktuell " in site.log


def test_an_item_tells_pagefind_its_details_and_filters(site: Site) -> None:
    url = "netzwerktreffen/2025/zwoelfte-netzwerkkonferenz-kinderschutz/"
    fragment = browser.indexed_pages(site)[url]
    meta = fragment["meta"]
    assert meta["title"] == site.doc(url).find("h1").text()
    assert meta["type"] == "Netzwerktreffen"
    assert meta["date"] == "Termin: 8. Oktober 2025"  # labelled as on its card
    assert meta["districts"] == "Stadt Bad Kreuznach"
    assert meta["topics"] == "Kinderschutz, Frühe Hilfen"
    assert "konferenz" in meta["terms"].split()  # "Netzwerkkonferenz"
    assert "Erika Beispiel" in meta["details"]  # the speaker, from the meeting's box
    assert browser.indexed_filters(site)[url] == {
        "art": {"Netzwerktreffen"}, "kreis": {"Stadt Bad Kreuznach"},
        "thema": {"Kinderschutz", "Frühe Hilfen"}, "jahr": {"2025"}}
    # The record is no part of the page's text: excerpts show the page's own words.
    assert "konferenz kinderschutz" not in fragment["content"].lower()
    assert meta["terms"] not in fragment["content"]


def test_an_event_is_found_by_the_day_it_takes_place(site: Site) -> None:
    url = "veranstaltungen/2026/medienabend-mayen/"
    meta = browser.indexed_pages(site)[url]["meta"]
    assert (meta["type"], meta["date"]) == ("Veranstaltung", "Termin: 20. Januar 2027, 19:00–20:30 Uhr")
    assert "Familienzentrum am Markt" in meta["details"] and "Mayen" in meta["details"]
    assert browser.indexed_filters(site)[url] == {
        "art": {"Veranstaltung"}, "kreis": {"Landkreis Mayen-Koblenz"},
        "thema": {"Familienbildung"}, "jahr": {"2027"}}


def test_pagefind_gets_the_body_not_the_boxes_around_it(site: Site) -> None:
    url = "angebote/babytreff-dillingen/"
    fragment = browser.indexed_pages(site)[url]
    doc = site.doc(url)
    body = doc.find("div", class_="fn-body")
    assert body is not None
    first_words = " ".join(body.text().split()[:6])
    assert first_words and first_words in " ".join(fragment["content"].split())
    assert fragment["meta"]["title"] == doc.find("h1").text()
    for noise in ("Auf einen Blick", "Das könnte Sie auch interessieren", "Themen", "Startseite"):
        assert noise not in fragment["content"], noise
    # The pages themselves carry nothing for Pagefind any more.
    assert "data-pagefind" not in (site.root / url / "index.html").read_text(encoding="utf-8")


def test_every_page_has_the_one_search_box(site: Site) -> None:
    for url in ("", "angebote/", "pressemitteilungen/2024/workshop-kita-sozialraumbudget/", "suche/"):
        forms = site.doc(url).find_all("form", role="search")
        assert len(forms) == 1, url
        assert site.resolve(url, forms[0].get("action")) == "suche/"
        field = forms[0].find("input", name="q")
        assert field is not None and field.get("id") == "fn-search-input"
        label = forms[0].find("label")
        assert label is not None and label.get("for") == "fn-search-input"


def test_feed_folders_answer_materials_sitemap_request(site: Site) -> None:
    for folder in ("feeds", "feeds/kreise", "kalender"):
        assert (site.root / folder / "sitemap.xml").is_file(), folder


def test_a_failing_pagefind_is_reported_in_german(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/false")  # ends at once
    indexer = SearchIndexer(2026)
    indexer.add("angebote/x/", "<html><body><main data-pagefind-body>x</main></body></html>", None)
    indexer.start_writing(tmp_path)
    with pytest.raises(SearchIndexError) as caught:
        indexer.finish()
    assert str(caught.value) == ("Der Suchindex konnte nicht erstellt werden: Pagefind hat sich "
                                 "unerwartet beendet.")
    indexer.close()


def test_the_search_document_is_the_body_and_a_hidden_record() -> None:
    record = SearchRecord("Angebot", "geprüft am 1. März 2026", None, ("Saarlouis",),
                          ("Frühe Hilfen",), "treff", "Ein <Treff> für Eltern", "Träger & Co")
    document = search_document("Babytreff <Dillingen>", "<p>Text</p>", record)
    assert document.startswith('<html lang="de"><body><main data-pagefind-body><p>Text</p>'
                               "<div data-pagefind-ignore>")
    assert '<span data-pagefind-meta="title">Babytreff &lt;Dillingen&gt;</span>' in document
    assert '<span data-pagefind-meta="summary">Ein &lt;Treff&gt; für Eltern</span>' in document
    assert '<span data-pagefind-meta="details">Träger &amp; Co</span>' in document
    assert '<span data-pagefind-filter="kreis">Saarlouis</span>' in document
    assert '<span data-pagefind-filter="art">Angebot</span>' in document
    assert 'data-pagefind-filter="jahr"' not in document  # an offer has no year


def test_a_missing_browser_skips_but_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"^Browser-Tests übersprungen: kein chromium$"):
        browser.need(False, "Browser-Tests", "kein chromium")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception,
                       match=r"^Browser-Tests unter CI=true nicht möglich: kein chromium$"):
        browser.need(False, "Browser-Tests", "kein chromium")
    browser.need(True, "Browser-Tests", "egal")  # available: nothing happens


def test_pagefind_runs_at_a_lower_priority_than_the_build() -> None:
    """The build waits for its own process, not for the index: with more busy processes
    than cores, the build keeps a whole core."""
    service = PagefindService({"force_language": "de"})
    try:
        pid = service._process.pid
        assert os.getpriority(os.PRIO_PROCESS, pid) > os.getpriority(os.PRIO_PROCESS, 0)
    finally:
        service.close()


def test_the_piece_an_edit_is_in_is_indexed_at_the_build_s_priority(tmp_path: Path) -> None:
    """A rebuild after an edit waits for that piece at its end: it is not lowered."""
    spool = PartSpool(tmp_path)
    spool.add(CURRENT, "angebote/elterncafe/", "<html><body><main>Elterncafé</main></body></html>")
    spool.close()
    runner = Runner(None)
    runner.begin_ahead({"name": CURRENT, "spool": str(spool.parts[CURRENT].spool), "index": 0, "count": 1})
    assert runner.ahead is not None
    try:
        pid = runner.ahead.service._process.pid
        assert os.getpriority(os.PRIO_PROCESS, pid) == os.getpriority(os.PRIO_PROCESS, 0)
    finally:
        runner.ahead.discard()

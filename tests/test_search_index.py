"""The search index as the build writes it: which pages Pagefind reads, what they tell it,
and what the indexer says when Pagefind fails (tests/examples/search, built once)."""

from __future__ import annotations

import json

import pytest

import browser
from familiennetz.search import SearchIndexer, SearchIndexError
from familiennetz.search.indexer import indexed_part
from sitebuild import Site

ITEMS = {
    "pressemitteilungen/2024/workshop-kita-sozialraumbudget/",
    "pressemitteilungen/2025/konzept-kita-sozialarbeit-mayen-koblenz/",
    "pressemitteilungen/2026/koordinatorin-kinderschutz-saarlouis/",
    "pressemitteilungen/2026/elternabend-bad-kreuznach/",
    "netzwerktreffen/2024/elfte-netzwerkkonferenz-kinderschutz/",
    "netzwerktreffen/2025/zwoelfte-netzwerkkonferenz-kinderschutz/",
    "netzwerktreffen/2026/netzwerktreffen-fruehe-hilfen-saarlouis/",
    "netzwerktreffen/2026/einladung-kita-netzwerk-bad-ems/",
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
    "themen/kita-sozialarbeit/", "themen/familienbildung/", "impressum/", "datenschutz/",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return browser.search_site(tmp_path_factory)


def indexed(site: Site) -> set[str]:
    return {url for url in site.pages() if site.doc(url).find(**{"data-pagefind-body": ""})}


def test_only_items_and_descriptive_pages_are_indexed(site: Site) -> None:
    assert indexed(site) == ITEMS | DESCRIPTIVE
    # Listings, archives, the home page, the finder, the search and the feeds page are not.
    for url in ("", "pressemitteilungen/", "pressemitteilungen/2026/", "angebote/", "kreise/",
                "suche/", "abonnieren/", "404.html"):
        assert url not in indexed(site), url


def test_pagefind_indexed_exactly_those_pages_in_german(site: Site) -> None:
    entry = json.loads((site.root / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["de"]
    assert entry["languages"]["de"]["page_count"] == len(ITEMS | DESCRIPTIVE)
    assert (site.root / "pagefind" / "pagefind.js").is_file()
    assert "Suchindex: 31 Seiten" in site.log


def test_an_item_tells_pagefind_its_details_and_filters(site: Site) -> None:
    doc = site.doc("netzwerktreffen/2025/zwoelfte-netzwerkkonferenz-kinderschutz/")
    meta = {s.get("data-pagefind-meta"): s.text() for s in doc.find_all("span")
            if s.get("data-pagefind-meta")}
    assert meta["type"] == "Netzwerktreffen"
    assert meta["date"] == "8. Oktober 2025"
    assert meta["districts"] == "Stadt Bad Kreuznach"
    assert meta["topics"] == "Kinderschutz, Frühe Hilfen"
    assert "konferenz" in meta["terms"].split()  # "Netzwerkkonferenz"
    assert "Erika Beispiel" in meta["details"]  # the speaker, from the meeting's box
    assert browser.indexed_filters(site)["netzwerktreffen/2025/zwoelfte-netzwerkkonferenz-kinderschutz/"] == {
        "art": {"Netzwerktreffen"}, "kreis": {"Stadt Bad Kreuznach"},
        "thema": {"Kinderschutz", "Frühe Hilfen"}, "jahr": {"2025"}}
    # The box is hidden from everyone and no part of the page's text for Pagefind.
    box = doc.find("div", class_="fn-search-data")
    assert box is not None and "hidden" in box.attrs and "data-pagefind-ignore" in box.attrs


def test_the_title_is_pagefinds_title_and_related_items_are_not_indexed(site: Site) -> None:
    doc = site.doc("angebote/babytreff-dillingen/")
    h1 = doc.find("h1")
    assert h1 is not None and h1.get("data-pagefind-meta") == "title"
    for section in doc.find_all("section", class_="fn-related"):
        assert "data-pagefind-ignore" in section.attrs


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


def test_a_failing_pagefind_is_reported_in_german(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/false")  # ends at once
    indexer = SearchIndexer()
    with pytest.raises(SearchIndexError) as caught:
        indexer.add("angebote/x/", "<html><body><main data-pagefind-body>x</main></body></html>")
    assert str(caught.value) == ("Der Suchindex konnte nicht erstellt werden: Pagefind hat sich "
                                 "unerwartet beendet.")
    indexer.close()


def test_only_the_indexed_part_of_a_page_goes_to_pagefind() -> None:
    page = ('<html><nav>Menü</nav><article><div id="inhalt" data-pagefind-body><h1>T</h1>'
            '<article>Karte</article><div hidden>Daten</div></div></article><footer>Fuß</footer></html>')
    assert indexed_part(page) == ('<html lang="de"><body><div id="inhalt" data-pagefind-body>'
                                  "<h1>T</h1><article>Karte</article><div hidden>Daten</div></div>"
                                  "</body></html>")
    unmarked = "<html><body>ohne Markierung</body></html>"
    assert indexed_part(unmarked) == unmarked


def test_a_missing_browser_skips_but_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"^Browser-Tests übersprungen: kein chromium$"):
        browser.need(False, "Browser-Tests", "kein chromium")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception,
                       match=r"^Browser-Tests unter CI=true nicht möglich: kein chromium$"):
        browser.need(False, "Browser-Tests", "kein chromium")
    browser.need(True, "Browser-Tests", "egal")  # available: nothing happens

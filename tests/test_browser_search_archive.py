"""The search's archive, in a real browser: built at 21 November 2026, the search fixture's
items of 2024 are in the archive part (search/parts.py), which the search page searches
when the reader asks, when a year filter asks for 2024, or by itself when the current
items have nothing. Every test also requires that its pages log no console error and throw
no exception (the `tab` fixture checks at the end)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

import browser
import sitebuild
from browser import Tab
from conftest import NOW
from sitebuild import Site
from test_browser_search import SHOWN, ZWOELFTE, search, shown_urls

ELFTE = "netzwerktreffen/2024/elfte-netzwerkkonferenz-kinderschutz/"
WORKSHOP = "pressemitteilungen/2024/workshop-kita-sozialraumbudget/"
ASK = "Auch ältere Beiträge durchsuchen"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(search_site: Site) -> Site:
    return search_site


@pytest.fixture
def tab(search_chromium: tuple[Any, str]) -> Iterator[Tab]:
    chrome, base = search_chromium
    context = chrome.new_context(locale="de-DE")
    tab = Tab(context.new_page(), base)
    tab.watch()
    yield tab
    context.close()
    assert tab.errors == [], "Fehler im Browser:\n" + "\n".join(tab.errors)


def status(page: Any) -> str:
    return str(page.locator("#fn-search-status").inner_text())


def test_an_old_item_is_found_only_after_asking_for_the_archive(tab: Tab) -> None:
    page = search(tab, "Netzwerkkonferenz")
    assert shown_urls(page) == [ZWOELFTE]
    assert status(page) == "1 Ergebnis für „Netzwerkkonferenz“."
    box = page.locator("[data-fn-search-archive]")
    assert box.is_visible()
    assert "Gesucht wird in allen Angeboten und Seiten und in den Beiträgen ab 2025." in box.inner_text()
    button = page.get_by_role("button", name=ASK)
    assert button.get_attribute("aria-describedby") == "fn-search-archive-note"
    button.click()
    page.wait_for_function("() => location.search === '?q=Netzwerkkonferenz&archiv=1'")
    page.wait_for_function(SHOWN)
    assert set(shown_urls(page)) == {ZWOELFTE, ELFTE}
    assert status(page) == "2 Ergebnisse für „Netzwerkkonferenz“, ältere Beiträge eingeschlossen."
    assert not box.is_visible()  # asked once: the offer is gone, the status says it
    assert page.evaluate("() => document.activeElement.id") == "fn-search-status"


def test_a_link_with_the_archive_asked_for_searches_it_at_once(tab: Tab) -> None:
    page = search(tab, "Netzwerkkonferenz", archiv="1")
    assert set(shown_urls(page)) == {ZWOELFTE, ELFTE}
    assert not page.locator("[data-fn-search-archive]").is_visible()


def test_when_the_current_items_have_nothing_the_archive_is_searched_by_itself(tab: Tab) -> None:
    page = search(tab, "Bilanz")  # only the press release of 2024 has it
    assert shown_urls(page) == [WORKSHOP]
    assert status(page) == "1 Ergebnis für „Bilanz“, ältere Beiträge eingeschlossen."
    assert not page.locator("[data-fn-search-archive]").is_visible()
    assert "archiv=1" not in page.url  # the next search starts with the current items again


def test_no_archive_is_offered_for_a_word_the_site_never_uses(tab: Tab) -> None:
    page = search(tab, "Kinderschuz")
    assert status(page).startswith("Keine Ergebnisse – „Kinderschuz“ kommt auf dieser Website nicht vor.")
    assert not page.locator("[data-fn-search-archive]").is_visible()


def test_no_archive_is_offered_for_types_it_does_not_have(tab: Tab) -> None:
    page = search(tab, "Familie", art="Angebot")  # offers are never archived
    assert not page.locator("[data-fn-search-archive]").is_visible()
    page.get_by_label("Pressemitteilung", exact=False).first.check()
    page.wait_for_function("() => location.search.includes('Pressemitteilung')")
    page.wait_for_function(SHOWN)
    assert page.locator("[data-fn-search-archive]").is_visible()


def test_a_year_of_the_archive_as_filter_searches_the_archive(tab: Tab, site: Site) -> None:
    page = search(tab, "", jahr="2024")
    assert set(shown_urls(page)) == set(browser.indexed_pages(site, "2024")) == {ELFTE, WORKSHOP}


def test_the_year_counts_of_the_archive_appear_once_it_is_searched(tab: Tab) -> None:
    page = search(tab, "Kinderschutz")
    page.locator("summary", has_text="Jahr").click()
    count = page.locator("label", has_text="2024").locator(".fn-facet__count")
    page.wait_for_function("() => document.querySelector('.fn-facet__count').textContent !== ''")
    assert count.inner_text() == ""  # not "(0)": the archive has not been searched
    page.get_by_role("button", name=ASK).click()
    page.wait_for_function("() => location.search.includes('archiv=1')")
    page.wait_for_function(SHOWN)
    assert count.inner_text() == "(1)"


def test_with_the_archive_items_still_come_before_the_pages(tab: Tab, site: Site) -> None:
    filters = browser.indexed_filters(site)
    urls = shown_urls(search(tab, "Kinderschutz", archiv="1"))
    assert ELFTE in urls
    kinds = ["seite" in filters[url] for url in urls]
    assert any(kinds) and kinds == sorted(kinds), urls  # every item, then every page


# --- a site indexed in pieces --------------------------------------------------------------

PIECES_BUILD = """import runpy, sys
from familiennetz.search import parts
parts.MAX_PAGES = 10  # the fixture's 28 current pages in three pieces, as 6,000 would be
sys.argv = ["familiennetz", *sys.argv[1:]]
runpy.run_module("familiennetz.cli", run_name="__main__")
"""


@pytest.fixture(scope="module")
def pieces(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Site, str]]:
    """The search fixture with parts of at most ten pages, served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("pieces")
    config = sitebuild.SEARCH_CONFIG
    built = subprocess.run([sys.executable, "-c", PIECES_BUILD, "build", "--config", str(config),
                            "--site-dir", str(root / "site"), f"--now={NOW.isoformat()}", "--no-cache"],
                           cwd=config.parent, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                           capture_output=True, text=True, timeout=sitebuild.BUILD_TIMEOUT, check=False)
    assert built.returncode == 0, built.stderr
    site = Site(root / "site", sitebuild.site_url_of(config))
    with browser.serve(site.root) as base:
        yield site, base


@pytest.mark.parametrize(("query", "archive"), [("Kinderschutz", False), ("Familie", False),
                                                ("Kinderschutz", True), ("Netzwerk", True)])
def test_a_site_indexed_in_pieces_finds_what_one_indexed_whole_finds(
        tab: Tab, pieces: tuple[Site, str], site: Site, search_chromium: tuple[Any, str], query: str,
        archive: bool) -> None:
    (split, base), chrome = pieces, search_chromium[0]
    assert [name for name in browser.index_parts(split) if name.startswith("aktuell")] == \
        ["aktuell", "aktuell-2", "aktuell-3"]
    assert set(browser.indexed_pages(split)) == set(browser.indexed_pages(site))
    extra = {"archiv": "1"} if archive else {}
    whole = shown_urls(search(tab, query, **extra))
    context = chrome.new_context(locale="de-DE")
    other = Tab(context.new_page(), base)
    other.watch()
    in_pieces = shown_urls(search(other, query, **extra))
    context.close()
    assert other.errors == []
    assert sorted(in_pieces) == sorted(whole) and len(whole) > 1
    filters = browser.indexed_filters(split)
    kinds = ["seite" in filters[url] for url in in_pieces]
    assert kinds == sorted(kinds), in_pieces  # items before pages, across the pieces too

"""The offer finder at /angebote/, in a real browser (Debian's chromium, Playwright): every
filter narrows to exactly the offers the content says, the choice round-trips through the
URL, it works by keyboard, and without JavaScript the page lists every offer."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

import browser
from browser import Tab, site_path
from conftest import NOW
from familiennetz.types.angebot import Offer
from familiennetz.validator import validate
from sitebuild import Site

CONTENT = Path(__file__).resolve().parent / "examples" / "search" / "content"
READY = "() => document.querySelector('[data-fn-finder]').dataset.fnReady === 'true'"
STALE = {"angebote/familienhebammen-saarlouis/", "angebote/fachberatung-kinderschutz-bad-kreuznach/"}


pytestmark = pytest.mark.browser

@pytest.fixture(scope="module")
def offers() -> dict[str, Offer]:
    """site URL → offer, from the content itself: the oracle for the filters."""
    result = validate(CONTENT, now=NOW)
    return {e.url: e.data for e in result.collection.by_type["angebote"]}


@pytest.fixture(scope="module")
def site(search_site: Site) -> Site:
    return search_site


@pytest.fixture(scope="module")
def chromium(site: Site) -> Iterator[tuple[Any, str]]:
    with browser.launch(site) as launched:
        yield launched


def _tab(chromium: tuple[Any, str], **options: Any) -> Iterator[Tab]:
    chrome, base = chromium
    context = chrome.new_context(locale="de-DE", **options)
    tab = Tab(context.new_page(), base)
    tab.watch()
    yield tab
    context.close()
    assert tab.errors == [], "Fehler im Browser:\n" + "\n".join(tab.errors)


@pytest.fixture
def tab(chromium: tuple[Any, str]) -> Iterator[Tab]:
    yield from _tab(chromium)


@pytest.fixture
def tab_without_js(chromium: tuple[Any, str]) -> Iterator[Tab]:
    yield from _tab(chromium, java_script_enabled=False)


def finder(tab: Tab, query: str = "") -> Any:
    page = tab.open(f"angebote/{query}")
    page.wait_for_function(READY)
    return page


def visible(page: Any) -> set[str]:
    return {site_path(a.evaluate("a => a.href"))
            for a in page.locator(".fn-listing article:visible .fn-card__title a").all()}


def current_url(page: Any) -> str:
    """The address as the page sees it (Playwright's `page.url` may lag behind replaceState)."""
    return str(page.evaluate("() => location.href"))


def url_state(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlsplit(current_url(page)).query)


# --- filters -------------------------------------------------------------------------------------

FILTERS: list[tuple[str, str, Callable[[Offer], bool]]] = [
    ("kreis", "saarlouis", lambda o: "saarlouis" in o.districts),
    ("art", "beratung", lambda o: o.offer_type == "beratung"),
    # "Für alle" offers belong to every target group.
    ("fuer", "fachkraefte", lambda o: bool({"fachkraefte", "alle"} & set(o.target_groups))),
    ("sprache", "uk", lambda o: "uk" in o.languages),
]


@pytest.mark.parametrize(("name", "value", "keep"), FILTERS, ids=[f[0] for f in FILTERS])
def test_each_select_narrows_to_exactly_the_matching_offers(
        tab: Tab, offers: dict[str, Offer], name: str, value: str, keep: Callable[[Offer], bool]) -> None:
    page = finder(tab)
    assert visible(page) == set(offers)
    page.select_option(f"#fn-finder-{name}", value)
    expected = {url for url, offer in offers.items() if keep(offer)}
    assert 0 < len(expected) < len(offers)
    assert visible(page) == expected
    assert url_state(page) == {name: [value]}
    assert page.locator("[data-fn-finder-count]").inner_text() == f"({len(expected)} von {len(offers)})"


def test_free_of_charge(tab: Tab, offers: dict[str, Offer]) -> None:
    page = finder(tab)
    page.check("#fn-finder-kostenlos")
    assert visible(page) == {url for url, o in offers.items() if o.is_free}
    assert url_state(page) == {"kostenlos": ["ja"]}


def test_text_query_combines_with_filters(tab: Tab) -> None:
    page = finder(tab)
    page.fill("#fn-finder-q", "hebamme")
    assert visible(page) == {"angebote/familienhebammen-saarlouis/", "angebote/babytreff-dillingen/"}
    page.select_option("#fn-finder-art", "begleitung")
    assert visible(page) == {"angebote/familienhebammen-saarlouis/"}
    # Umlauts either way, and parts of words: "Aemter" finds "Ämtern".
    page.select_option("#fn-finder-art", "")
    page.fill("#fn-finder-q", "aemter lahnstein")
    assert visible(page) == {"angebote/begleitung-zu-aemtern-lahnstein/"}
    assert url_state(page) == {"q": ["aemter lahnstein"]}


def test_no_match_says_so_and_reset_shows_all(tab: Tab, offers: dict[str, Offer]) -> None:
    page = finder(tab)
    page.select_option("#fn-finder-kreis", "saarlouis")
    page.select_option("#fn-finder-art", "familienbildung")
    assert visible(page) == set()
    assert page.locator("[data-fn-finder-empty]").is_visible()
    page.get_by_role("button", name="Filter zurücksetzen").click()
    page.wait_for_function("() => location.search === ''")
    assert visible(page) == set(offers)
    assert not page.locator("[data-fn-finder-empty]").is_visible()


def test_the_choice_round_trips_through_the_url(tab: Tab, chromium: tuple[Any, str]) -> None:
    page = finder(tab)
    page.select_option("#fn-finder-kreis", "mayen-koblenz")
    page.select_option("#fn-finder-sprache", "de")
    page.check("#fn-finder-kostenlos")
    page.fill("#fn-finder-q", "Kita")
    shared = current_url(page)
    chosen = visible(page)
    assert chosen == {"angebote/kita-sozialarbeit-andernach/"}
    other = chromium[0].new_page()  # someone else opens the link
    other.goto(shared)
    other.wait_for_function(READY)
    assert other.input_value("#fn-finder-kreis") == "mayen-koblenz"
    assert other.input_value("#fn-finder-sprache") == "de"
    assert other.is_checked("#fn-finder-kostenlos")
    assert other.input_value("#fn-finder-q") == "Kita"
    assert visible(other) == chosen
    other.close()


def test_unknown_url_values_are_ignored(tab: Tab, offers: dict[str, Offer]) -> None:
    page = finder(tab, "?kreis=atlantis&art=beratung")
    assert page.input_value("#fn-finder-kreis") == ""
    assert visible(page) == {url for url, o in offers.items() if o.offer_type == "beratung"}


def test_stale_offers_are_marked(tab: Tab, offers: dict[str, Offer]) -> None:
    page = finder(tab)
    marked = {site_path(card.locator(".fn-card__title a").evaluate("a => a.href"))
              for card in page.locator(".fn-listing article").all()
              if card.locator(".fn-card__stale").count()}
    assert marked == STALE
    card = page.locator("article[data-veraltet=ja]").first
    assert "Zuletzt geprüft am" in card.locator(".fn-card__stale").inner_text()


# --- keyboard and no JavaScript -------------------------------------------------------------------


def test_the_finder_by_keyboard_alone(tab: Tab) -> None:
    page = finder(tab)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id === 'fn-finder-q'"):
            break
    else:
        raise AssertionError("Stichwort-Feld nicht mit Tab erreichbar")
    page.keyboard.type("eltern")
    page.keyboard.press("Tab")  # to "Kreis oder Stadt"
    assert page.evaluate("() => document.activeElement.id") == "fn-finder-kreis"
    page.keyboard.type("Rhein")  # a closed <select> picks the option by typing
    assert page.input_value("#fn-finder-kreis") == "rhein-lahn-kreis"
    for _ in range(3):
        page.keyboard.press("Tab")  # Art, Für wen, Sprache
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "fn-finder-kostenlos"
    page.keyboard.press("Space")
    assert page.is_checked("#fn-finder-kostenlos")
    assert visible(page) == {"angebote/elterncafe-nastaetten/", "angebote/begleitung-zu-aemtern-lahnstein/"}
    page.wait_for_function("() => document.getElementById('fn-finder-status').textContent !== ''")
    assert page.locator("#fn-finder-status").inner_text() == "2 von 10 Angeboten passen zu Ihrer Auswahl."


def test_without_javascript_every_offer_is_listed(tab_without_js: Tab, offers: dict[str, Offer]) -> None:
    page = tab_without_js.open("angebote/?kreis=saarlouis")
    assert visible(page) == set(offers)
    assert not page.locator("[data-fn-finder]").is_visible()  # no form that would do nothing
    assert "Sprachcafé" not in page.content()  # the draft

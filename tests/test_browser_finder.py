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
from familiennetz.places import distance_km, distance_label, point_of
from familiennetz.types.angebot import Offer
from familiennetz.validator import validate
from sitebuild import FIXTURE_DIR, Site

CONTENT = Path(__file__).resolve().parent / "examples" / "search" / "content"
READY = "() => document.querySelector('[data-fn-finder]').dataset.fnReady === 'true'"
NEAR_READY = "() => document.querySelector('[data-fn-near]').dataset.fnReady === 'true'"
SORTED = "() => document.querySelector('[data-fn-near]').dataset.fnSorted !== undefined"
TABLE = "assets/fn-postleitzahlen.txt"
SAARLOUIS = "66740"
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


def _tab(search_chromium: tuple[Any, str], **options: Any) -> Iterator[Tab]:
    chrome, base = search_chromium
    context = chrome.new_context(locale="de-DE", **options)
    tab = Tab(context.new_page(), base)
    tab.watch()
    yield tab
    context.close()
    assert tab.errors == [], "Fehler im Browser:\n" + "\n".join(tab.errors)


@pytest.fixture
def tab(search_chromium: tuple[Any, str]) -> Iterator[Tab]:
    yield from _tab(search_chromium)


@pytest.fixture
def tab_without_js(search_chromium: tuple[Any, str]) -> Iterator[Tab]:
    yield from _tab(search_chromium, java_script_enabled=False)


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
    if name == "kreis":  # the district goes into the path: that page exists without JavaScript
        assert site_path(current_url(page)) == f"angebote/kreis/{value}/"
        assert url_state(page) == {}
    else:
        assert url_state(page) == {name: [value]}
    assert page.locator("[data-fn-finder-count]").inner_text() == f"({len(expected)} von {len(offers)})"


def test_free_of_charge(tab: Tab, offers: dict[str, Offer]) -> None:
    page = finder(tab)
    page.check("#fn-finder-kostenlos")
    assert visible(page) == {url for url, o in offers.items() if o.is_free}
    assert url_state(page) == {"kostenlos": ["ja"]}


def test_the_focus_ring_of_a_field_leaves_its_hint_readable(tab: Tab) -> None:
    page = finder(tab)
    page.focus("#fn-finder-q")
    field, hint = (page.locator(s).bounding_box() for s in ("#fn-finder-q", "#fn-finder-q-hint"))
    assert field is not None and hint is not None
    assert hint["y"] >= field["y"] + field["height"] + 6  # the ring's box-shadow reaches 6 px


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


def test_the_choice_round_trips_through_the_url(tab: Tab, search_chromium: tuple[Any, str]) -> None:
    page = finder(tab)
    page.select_option("#fn-finder-kreis", "mayen-koblenz")
    page.select_option("#fn-finder-sprache", "de")
    page.check("#fn-finder-kostenlos")
    page.fill("#fn-finder-q", "Kita")
    shared = current_url(page)
    chosen = visible(page)
    assert chosen == {"angebote/kita-sozialarbeit-andernach/"}
    other = search_chromium[0].new_page()  # someone else opens the link
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


# --- near me --------------------------------------------------------------------------------------


def in_order(page: Any) -> list[str]:
    """The visible cards' URLs in the order the page shows them."""
    return [site_path(a.evaluate("a => a.href"))
            for a in page.locator(".fn-listing article:visible .fn-card__title a").all()]


def distances(page: Any) -> dict[str, str]:
    return {site_path(card.locator(".fn-card__title a").evaluate("a => a.href")):
            card.locator(".fn-card__distance").inner_text()
            for card in page.locator(".fn-listing article:visible").all()}


def by_distance(items: dict[str, Any], place: Any, postcode: str) -> tuple[list[str], list[str]]:
    """(placed URLs nearest first, unplaced URLs in listing order), from the content."""
    here = point_of(postcode)
    assert here is not None
    placed = {url: point_of(place(item).postcode) for url, item in items.items()
              if place(item) is not None and point_of(place(item).postcode)}
    nearest = sorted(placed, key=lambda url: distance_km(here, placed[url]))  # type: ignore[arg-type]
    return nearest, [url for url in items if url not in placed]


def test_a_postcode_sorts_offers_by_distance_unplaced_ones_last(tab: Tab, offers: dict[str, Offer]) -> None:
    page = finder(tab)
    page.wait_for_function(NEAR_READY)
    alphabetical = in_order(page)
    page.fill("#fn-near-plz", SAARLOUIS)
    page.wait_for_function(SORTED)
    nearest, unplaced = by_distance(offers, lambda o: o.location, SAARLOUIS)
    assert nearest[0] == "angebote/babytreff-dillingen/" and len(nearest) == 4
    assert in_order(page) == nearest + [url for url in alphabetical if url in unplaced]
    here = point_of(SAARLOUIS)
    shown = distances(page)
    for url in nearest:
        there = point_of(offers[url].location.postcode)  # type: ignore[union-attr]
        assert shown[url] == distance_label(distance_km(here, there))  # type: ignore[arg-type]
    assert shown["angebote/babytreff-dillingen/"] == "ca. 7 km"
    assert {shown[url] for url in unplaced} == {"Entfernung unbekannt (ohne Ortsangabe)"}
    assert page.locator("#fn-near-status").inner_text() == (
        f"Sortiert nach Entfernung von Postleitzahl {SAARLOUIS} aus; {len(unplaced)} ohne Ortsangabe "
        "stehen am Ende.")
    # Filters still apply to the sorted list, and undoing the sort restores A–Z.
    page.select_option("#fn-finder-kreis", "rhein-lahn-kreis")
    assert in_order(page)[:2] == ["angebote/elterncafe-nastaetten/", "angebote/eltern-kind-gruppe-bad-ems/"]
    page.get_by_role("button", name="Sortierung aufheben").click()
    page.select_option("#fn-finder-kreis", "")
    assert in_order(page) == alphabetical
    assert page.locator(".fn-card__distance").count() == 0


def test_the_postcode_table_loads_only_when_the_field_is_used_and_from_the_site(tab: Tab) -> None:
    requested: list[str] = []
    tab.page.on("request", lambda r: requested.append(r.url))
    page = finder(tab)
    page.wait_for_function(NEAR_READY)
    assert not [url for url in requested if TABLE in url]
    page.fill("#fn-near-plz", "56130")
    page.wait_for_function(SORTED)
    loaded = [url for url in requested if TABLE in url]
    assert len(loaded) == 1 and loaded[0].startswith(tab.base)
    assert SAARLOUIS not in " ".join(requested) and "56130" not in " ".join(requested)


@pytest.mark.parametrize(("typed", "message"), [
    ("123", "Bitte geben Sie eine Postleitzahl mit fünf Ziffern ein, z. B. 56130."),
    ("5613a", "Bitte geben Sie eine Postleitzahl mit fünf Ziffern ein, z. B. 56130."),
    ("00000", "Die Postleitzahl 00000 kennen wir nicht. Bitte prüfen Sie sie."),
], ids=["kurz", "buchstabe", "unbekannt"])
def test_an_invalid_postcode_gets_a_german_message_on_the_field(tab: Tab, typed: str, message: str) -> None:
    page = finder(tab)
    page.wait_for_function(NEAR_READY)
    page.fill("#fn-near-plz", typed)
    page.get_by_role("button", name="Sortieren", exact=True).click()
    page.wait_for_function("() => document.getElementById('fn-near-error').textContent !== ''")
    assert page.locator("#fn-near-error").inner_text() == message
    field = page.locator("#fn-near-plz")
    assert field.get_attribute("aria-invalid") == "true"
    assert "fn-near-error" in (field.get_attribute("aria-describedby") or "")
    assert page.evaluate("() => document.activeElement.id") == "fn-near-plz"
    assert page.locator(".fn-card__distance").count() == 0
    page.fill("#fn-near-plz", SAARLOUIS)  # corrected: the message goes
    page.wait_for_function(SORTED)
    assert page.locator("#fn-near-error").inner_text() == ""
    assert field.get_attribute("aria-invalid") is None


def test_an_unknown_postcode_after_a_sort_says_the_list_keeps_the_old_order(tab: Tab) -> None:
    page = finder(tab)
    page.wait_for_function(NEAR_READY)
    page.fill("#fn-near-plz", SAARLOUIS)
    page.wait_for_function(SORTED)
    page.fill("#fn-near-plz", "00000")
    page.wait_for_function("() => document.getElementById('fn-near-error').textContent !== ''")
    status = page.locator("[data-fn-near-status]").inner_text()
    assert status == f"Die Liste bleibt nach Entfernung von Postleitzahl {SAARLOUIS} aus sortiert."


def test_my_location_is_asked_only_on_click_and_sorts_from_it(search_chromium: tuple[Any, str],
                                                               offers: dict[str, Offer]) -> None:
    chrome, base = search_chromium
    context = chrome.new_context(locale="de-DE", permissions=["geolocation"],
                                 geolocation={"latitude": 50.33, "longitude": 7.71})  # Bad Ems
    tab = Tab(context.new_page(), base)
    tab.watch()
    page = finder(tab)
    page.wait_for_function(NEAR_READY)
    assert "Ihrem Standort" not in page.locator("#fn-near-status").inner_text()
    page.get_by_role("button", name="Meinen Standort verwenden").click()
    page.wait_for_function(SORTED)
    nearest, _ = by_distance(offers, lambda o: o.location, "56130")
    assert in_order(page)[:4] == nearest
    status = page.locator("#fn-near-status").inner_text()
    assert status.startswith("Sortiert nach Entfernung von Ihrem Standort aus")
    context.close()
    assert tab.errors == []


def test_upcoming_events_sort_by_distance_too(search_chromium: tuple[Any, str], fixture_site: Site) -> None:
    """The events' listing of the other fixture, which has upcoming events in two places."""
    events = {e.url: e.data for e in validate(FIXTURE_DIR / "content", now=NOW).collection
              .by_type["veranstaltungen"]}
    chrome, _ = search_chromium  # one Playwright per process: the module's browser, another server
    with browser.serve(fixture_site.root) as base:
        context = chrome.new_context(locale="de-DE")
        tab = Tab(context.new_page(), base)
        tab.watch()
        page = tab.open("veranstaltungen/")
        page.wait_for_function(NEAR_READY)
        listed = in_order(page)
        assert len(listed) == 2
        page.fill("#fn-near-plz", "56130")  # Bad Ems: Lahnstein is nearer than Saarlouis
        page.wait_for_function(SORTED)
        nearest, unplaced = by_distance({url: events[url] for url in listed},
                                        lambda e: e.event.location, "56130")
        assert unplaced == [] and in_order(page) == nearest == list(reversed(listed))
        here = point_of("56130")
        assert list(distances(page).values()) == [
            distance_label(distance_km(here, point_of(events[url].event.location.postcode)))  # type: ignore[arg-type]
            for url in nearest]
        context.close()
    assert tab.errors == []


# --- the filter button, counts, district pages -------------------------------------------------


def test_on_a_phone_the_filters_fold_behind_one_button_that_counts_the_active_ones(
        search_chromium: tuple[Any, str]) -> None:
    chrome, base = search_chromium
    context = chrome.new_context(locale="de-DE", viewport={"width": 390, "height": 844})
    tab = Tab(context.new_page(), base)
    tab.watch()
    page = finder(tab, "kreis/saarlouis/?kostenlos=ja")
    button = page.locator("[data-fn-finder-toggle]")
    assert button.get_attribute("aria-expanded") == "false"
    assert not page.locator("#fn-finder-q").is_visible()
    assert button.inner_text() == "Filter (2 aktiv)"
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert page.locator("#fn-finder-q").is_visible()
    page.select_option("#fn-finder-art", "begleitung")
    assert button.inner_text() == "Filter (3 aktiv)"
    page.keyboard.press("Shift+Tab")  # from the select: back through the fields to the button
    button.focus()
    page.keyboard.press("Space")
    assert button.get_attribute("aria-expanded") == "false"
    assert not page.locator("#fn-finder-art").is_visible()
    context.close()
    assert tab.errors == []


def test_on_a_wide_screen_the_filters_stay_open(tab: Tab) -> None:
    page = finder(tab)
    assert page.locator("[data-fn-finder-toggle]").get_attribute("aria-expanded") == "true"
    assert page.locator("[data-fn-finder-toggle]").inner_text() == "Filter"
    assert page.locator("#fn-finder-kreis").is_visible()


def option_counts(page: Any, name: str) -> dict[str, int]:
    found = page.evaluate(f"""() => [...document.getElementById('fn-finder-{name}').options]
        .filter((o) => o.value).map((o) => [o.value, o.textContent])""")
    return {value: int(text.rsplit("(", 1)[1].rstrip(")")) for value, text in found}


def test_counts_follow_the_selection_of_the_other_groups(tab: Tab, offers: dict[str, Offer]) -> None:
    page = finder(tab)
    assert option_counts(page, "art")["beratung"] == sum(o.offer_type == "beratung" for o in offers.values())
    page.select_option("#fn-finder-kreis", "stadt-bad-kreuznach")
    in_kreuznach = [o for o in offers.values() if "stadt-bad-kreuznach" in o.districts]
    assert option_counts(page, "art") == {
        kind: sum(o.offer_type == kind for o in in_kreuznach)
        for kind in option_counts(page, "art")}
    assert option_counts(page, "art")["beratung"] == 2
    # The district's own group counts as if each district were chosen, with the others' choices.
    page.select_option("#fn-finder-art", "beratung")
    assert option_counts(page, "kreis") == {
        slug: sum(slug in o.districts and o.offer_type == "beratung" for o in offers.values())
        for slug in option_counts(page, "kreis")}
    free = page.locator("label[for=fn-finder-kostenlos]").inner_text()
    expected_free = sum(o.is_free for o in in_kreuznach if o.offer_type == "beratung")
    assert free == f"Nur kostenlose Angebote ({expected_free})"
    # every count is what choosing it shows
    for slug, count in option_counts(page, "kreis").items():
        page.select_option("#fn-finder-kreis", slug)
        assert len(visible(page)) == count


def test_a_shared_district_link_without_javascript_lists_only_its_offers(
        tab_without_js: Tab, offers: dict[str, Offer]) -> None:
    page = tab_without_js.open("angebote/kreis/saarlouis/?art=beratung")
    assert visible(page) == {url for url, o in offers.items() if "saarlouis" in o.districts}
    assert page.locator("h1").inner_text() == "Angebote: Landkreis Saarlouis"
    assert not page.locator("[data-fn-finder]").is_visible()
    nav = page.get_by_role("navigation", name="Nach Kreis oder Stadt")
    assert nav.locator("[aria-current=page]").inner_text().startswith("Landkreis Saarlouis")
    nav.get_by_role("link", name="Rhein-Lahn-Kreis").click()  # the way to another district
    assert site_path(page.url) == "angebote/kreis/rhein-lahn-kreis/"
    assert visible(page) == {url for url, o in offers.items() if "rhein-lahn-kreis" in o.districts}


def test_the_main_finder_without_javascript_links_each_district(tab_without_js: Tab) -> None:
    page = tab_without_js.open("angebote/")
    nav = page.get_by_role("navigation", name="Nach Kreis oder Stadt")
    assert [site_path(a.evaluate("a => a.href")) for a in nav.get_by_role("link").all()] == [
        "angebote/kreis/mayen-koblenz/", "angebote/kreis/saarlouis/",
        "angebote/kreis/rhein-lahn-kreis/", "angebote/kreis/stadt-bad-kreuznach/"]


def test_with_javascript_a_district_page_is_the_whole_finder(tab: Tab, offers: dict[str, Offer]) -> None:
    page = finder(tab, "kreis/saarlouis/?art=begleitung")
    assert page.input_value("#fn-finder-kreis") == "saarlouis"
    assert visible(page) == {"angebote/familienhebammen-saarlouis/"}
    assert not page.get_by_role("navigation", name="Nach Kreis oder Stadt").is_visible()
    page.select_option("#fn-finder-kreis", "rhein-lahn-kreis")  # another district, in place
    assert visible(page) == {url for url, o in offers.items()
                             if "rhein-lahn-kreis" in o.districts and o.offer_type == "begleitung"}
    assert site_path(current_url(page)) == "angebote/kreis/rhein-lahn-kreis/"
    assert page.locator("h1").inner_text() == "Angebote: Rhein-Lahn-Kreis"
    assert page.title().startswith("Angebote: Rhein-Lahn-Kreis")
    page.select_option("#fn-finder-kreis", "")
    assert site_path(current_url(page)) == "angebote/" and url_state(page) == {"art": ["begleitung"]}
    assert visible(page) == {url for url, o in offers.items() if o.offer_type == "begleitung"}


def test_links_still_lead_where_they_did_after_the_address_changed(tab: Tab) -> None:
    page = finder(tab, "?kreis=saarlouis")  # an old link: it still works
    assert site_path(current_url(page)) == "angebote/kreis/saarlouis/"
    assert page.input_value("#fn-finder-kreis") == "saarlouis"
    page.locator(".fn-listing article:visible .fn-card__title a").first.click()
    page.wait_for_url("**/angebote/babytreff-dillingen/")
    page.wait_for_load_state("load")
    page.go_back()
    page.wait_for_function(READY)
    page.get_by_role("link", name="Impressum").click()
    page.wait_for_url("**/impressum/")
    page.wait_for_load_state("load")
    assert site_path(page.url) == "impressum/"

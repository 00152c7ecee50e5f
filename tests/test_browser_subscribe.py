"""The pages to subscribe in Chromium: the copy button (with the clipboard granted, read
back; without the Clipboard API, the address selected), the overview's filter, and both
by keyboard. On the search fixture, which has four districts, three networks, four topics."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

import browser
from browser import Tab
from sitebuild import Site

pytestmark = pytest.mark.browser

FEED_PAGE = "abonnieren/kreise/saarlouis/"
OVERVIEW = "abonnieren/"
STATUS = "[data-fn-copy-status]"
VISIBLE_LINKS = """() => Array.from(document.querySelectorAll('[data-fn-subs] li a'))
  .filter((a) => a.offsetParent !== null).map((a) => a.textContent.trim())"""
VISIBLE_GROUPS = """() => Array.from(document.querySelectorAll('[data-fn-subs-group]'))
  .filter((g) => !g.hidden).map((g) => g.querySelector('h2').textContent.trim())"""
FILTER_STATUS = "document.getElementById('fn-subs-status').textContent"


@pytest.fixture(scope="module")
def site(search_site: Site) -> Site:
    return search_site


@pytest.fixture
def tab(search_chromium: tuple[Any, str]) -> Iterator[Tab]:
    """A phone-sized tab that may read and write the clipboard."""
    chrome, base = search_chromium
    context = chrome.new_context(locale="de-DE", viewport={"width": 390, "height": 844})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
    tab = Tab(context.new_page(), base)
    tab.watch()
    yield tab
    context.close()
    assert tab.errors == []


def _status_says(page: Any, index: int, words: str) -> None:
    page.wait_for_function("([s, i, w]) => document.querySelectorAll(s)[i].textContent.includes(w)",
                           arg=[STATUS, index, words])


def _tab_to(page: Any, selector: str, steps: int = 120) -> None:
    """Press Tab until `selector` has the focus, as a keyboard user would."""
    for _ in range(steps):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{selector} ist mit Tab nicht erreichbar")


def test_the_copy_button_puts_the_feed_address_on_the_clipboard_and_says_kopiert(
        tab: Tab, site: Site) -> None:
    page = tab.open(FEED_PAGE)
    address = site.site_url + "feeds/kreise/saarlouis.xml"
    assert page.locator("#fn-feed-address").text_content() == address
    button = page.get_by_role("button", name="Adresse kopieren (Feed Landkreis Saarlouis)")
    assert page.locator(STATUS).first.text_content() == ""
    button.click()
    _status_says(page, 0, "Kopiert")
    assert page.evaluate("navigator.clipboard.readText()") == address
    status = page.locator(STATUS).first
    assert status.get_attribute("role") == "status" and status.is_visible()


def test_each_calendar_has_its_own_copy_button_working_by_keyboard(tab: Tab, site: Site) -> None:
    page = tab.open(FEED_PAGE)
    _tab_to(page, "[data-fn-copy='fn-calendar-1']")
    page.keyboard.press("Enter")
    _status_says(page, 1, "Kopiert")
    assert page.evaluate("navigator.clipboard.readText()") == \
        site.site_url + "kalender/veranstaltungen/kreise/saarlouis.ics"
    _tab_to(page, "[data-fn-copy='fn-calendar-2']")
    page.keyboard.press("Space")
    _status_says(page, 2, "Kopiert")
    assert page.evaluate("navigator.clipboard.readText()") == \
        site.site_url + "kalender/kreise/saarlouis.ics"
    # the feed's own status said nothing: each button answers beside itself
    assert page.locator(STATUS).first.text_content() == ""


def test_without_the_clipboard_api_the_address_is_selected_and_the_status_says_how_to_copy(
        tab: Tab, site: Site) -> None:
    # an old browser: neither the Clipboard API nor a working execCommand("copy")
    tab.page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined});"
                             "document.execCommand = () => false;")
    page = tab.open(FEED_PAGE)
    page.get_by_role("button", name="Adresse kopieren (Feed Landkreis Saarlouis)").click()
    _status_says(page, 0, "Die Adresse ist markiert")
    assert page.evaluate("window.getSelection().toString().trim()") == \
        site.site_url + "feeds/kreise/saarlouis.xml"
    assert "Strg+C" in (page.locator(STATUS).first.text_content() or "")


def test_typing_saar_leaves_only_the_saarlouis_feeds(tab: Tab) -> None:
    page = tab.open(OVERVIEW)
    everything = page.evaluate(VISIBLE_LINKS)
    assert everything[:2] == ["Alle Beiträge abonnieren", "Pressemitteilungen abonnieren"]
    page.get_by_label("Kreis, Netzwerk oder Thema suchen").fill("Saar")
    page.wait_for_function(f"() => {FILTER_STATUS} !== ''")
    assert page.evaluate(VISIBLE_LINKS) == ["Landkreis Saarlouis abonnieren",
                                           "Netzwerk Frühe Hilfen Saarlouis abonnieren"]
    assert page.evaluate(VISIBLE_GROUPS) == ["Nach Kreis oder Stadt", "Nach Netzwerk"]
    assert page.evaluate(FILTER_STATUS) == "2 Abonnements gefunden."
    assert page.locator("summary:visible").all_text_contents() == ["Kreise und Städte (1 von 4)",
                                                                  "Netzwerke (1 von 3)"]
    # clearing the field brings back every group, closed as before
    page.get_by_label("Kreis, Netzwerk oder Thema suchen").fill("")
    page.wait_for_function(f"() => {FILTER_STATUS} === ''")
    assert len(page.evaluate(VISIBLE_GROUPS)) == 5
    assert page.evaluate("document.querySelectorAll('[data-fn-subs-more][open]').length") == 0
    assert "Kreise und Städte (4)" in page.locator("summary").all_text_contents()


def test_a_town_finds_the_feeds_of_its_district(tab: Tab) -> None:
    # A parent knows where they live, not always the district: the district's items name
    # their towns (here an offer in Nastätten, Rhein-Lahn-Kreis).
    page = tab.open(OVERVIEW)
    page.get_by_label("Kreis, Netzwerk oder Thema suchen").fill("Nastätten")
    page.wait_for_function(f"() => {FILTER_STATUS} !== ''")
    assert page.evaluate(VISIBLE_LINKS) == ["Rhein-Lahn-Kreis abonnieren"]


def test_a_filter_without_match_says_so_in_german(tab: Tab) -> None:
    page = tab.open(OVERVIEW)
    page.get_by_label("Kreis, Netzwerk oder Thema suchen").fill("Xylophon")
    page.wait_for_function(f"() => {FILTER_STATUS} !== ''")
    assert page.evaluate(VISIBLE_LINKS) == [] and page.evaluate(VISIBLE_GROUPS) == []
    assert page.evaluate(FILTER_STATUS).startswith("Keine Treffer für „Xylophon“.")


def test_the_filter_matches_umlauts_both_ways_and_group_names(tab: Tab) -> None:
    page = tab.open(OVERVIEW)
    field = page.get_by_label("Kreis, Netzwerk oder Thema suchen")
    for query in ("frühe hilfen", "Fruehe Hilfen"):
        field.fill(query)
        page.wait_for_function(f"() => {FILTER_STATUS}.includes('gefunden')")
        assert page.evaluate(VISIBLE_LINKS) == ["Netzwerk Frühe Hilfen Saarlouis abonnieren",
                                               "Thema Frühe Hilfen abonnieren"]
    field.fill("Thema")
    page.wait_for_function(f"() => {FILTER_STATUS} === '4 Abonnements gefunden.'")


def test_filter_and_results_work_by_keyboard(tab: Tab) -> None:
    page = tab.open(OVERVIEW)
    _tab_to(page, "#fn-subs-query")
    page.keyboard.type("Saar")
    page.keyboard.press("Enter")  # the form does not go anywhere
    page.wait_for_function(f"() => {FILTER_STATUS} !== ''")
    assert browser.site_path(page.url) == OVERVIEW
    # hidden groups and feeds are skipped: next come the group that was opened, its find
    focused = "document.activeElement.textContent.trim()"
    page.keyboard.press("Tab")
    assert page.evaluate(focused) == "Kreise und Städte (1 von 4)"
    page.keyboard.press("Tab")
    assert page.evaluate(focused) == "Landkreis Saarlouis abonnieren"
    page.keyboard.press("Enter")
    page.wait_for_url("**/" + FEED_PAGE)


def test_without_javascript_every_feed_page_is_reachable_from_the_overview(
        search_chromium: tuple[Any, str], site: Site) -> None:
    chrome, base = search_chromium
    context = chrome.new_context(locale="de-DE", java_script_enabled=False,
                                 viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base + OVERVIEW)
    assert not page.get_by_label("Kreis, Netzwerk oder Thema suchen").is_visible()
    summary = page.locator("summary", has_text="Kreise und Städte")
    summary.focus()
    page.keyboard.press("Enter")  # a disclosure opens without JavaScript
    saarlouis = page.get_by_role("link", name="Landkreis Saarlouis abonnieren")
    assert saarlouis.is_visible()
    for details in page.locator("details").all():
        details.evaluate("(d) => { d.open = true; }")
    hrefs = [browser.site_path(a.evaluate("(a) => a.href"))
             for a in page.locator("[data-fn-subs] li a").all() if a.is_visible()]
    context.close()
    assert len(hrefs) == 16 and all(site.exists(h) for h in hrefs)


@pytest.mark.parametrize("width", [390, 1366], ids=["Telefon", "Desktop"])
def test_opened_steps_copied_status_and_filter_results_pass_axe(search_chromium: tuple[Any, str],
                                                               width: int) -> None:
    """test_browser_a11y checks the pages as they load; this, as they are in use."""
    browser.need(browser.AXE.is_file(), "Barrierefreiheits-Tests", "axe-core fehlt")
    from test_browser_a11y import AXE_RUN

    chrome, base = search_chromium
    context = chrome.new_context(locale="de-DE", viewport={"width": width, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
    tab = Tab(context.new_page(), base)
    tab.watch()
    found = []
    page = tab.open(FEED_PAGE)
    page.locator("details").evaluate_all("(all) => all.forEach((d) => { d.open = true; })")
    page.locator("[data-fn-copy]").first.click()
    _status_says(page, 0, "Kopiert")
    page.add_script_tag(path=str(browser.AXE))
    found += page.evaluate(AXE_RUN)
    page = tab.open(OVERVIEW)
    page.get_by_label("Kreis, Netzwerk oder Thema suchen").fill("Saar")
    page.wait_for_function(f"() => {FILTER_STATUS} !== ''")
    page.add_script_tag(path=str(browser.AXE))
    found += page.evaluate(AXE_RUN)
    context.close()
    assert found == [] and tab.errors == []

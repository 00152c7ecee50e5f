"""The search, in a real browser: Debian's chromium driven by Playwright, the search fixture
served on 127.0.0.1 below /familiennetz/. Every test also requires that its pages log no
console error and throw no exception (the `tab` fixture checks at the end)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest

import browser
from browser import Tab, site_path
from sitebuild import Site

ELTERNCAFE = "angebote/elterncafe-nastaetten/"
BABYTREFF = "angebote/babytreff-dillingen/"
KOORDINATORIN = "pressemitteilungen/2026/koordinatorin-kinderschutz-saarlouis/"
ELTERNABEND = "pressemitteilungen/2026/elternabend-bad-kreuznach/"
KONZEPT = "pressemitteilungen/2025/konzept-kita-sozialarbeit-mayen-koblenz/"
ZWOELFTE = "netzwerktreffen/2025/zwoelfte-netzwerkkonferenz-kinderschutz/"
AEMTER = "angebote/begleitung-zu-aemtern-lahnstein/"
SHOWN = ("() => { const p = document.querySelector('[data-fn-search]');"
         " return p.dataset.fnShown === location.search; }")


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


def search(tab: Tab, query: str, **filters: str) -> Any:
    params = "&".join([f"q={quote(query)}", *(f"{k}={quote(v)}" for k, v in filters.items())])
    page = tab.open(f"suche/?{params}")
    page.wait_for_function(SHOWN)
    return page


def shown_urls(page: Any) -> list[str]:
    """The results on the page, in order, after loading all of them."""
    more = page.locator("[data-fn-search-more]")
    while more.is_visible():
        count = page.locator(".fn-result").count()
        more.click()
        page.wait_for_function(f"() => document.querySelectorAll('.fn-result').length > {count}")
    return [site_path(a.evaluate("a => a.href")) for a in page.locator(".fn-result__title a").all()]


def results(tab: Tab, query: str, **filters: str) -> list[str]:
    return shown_urls(search(tab, query, **filters))


# --- finding ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("query", "first"), [
    ("Elterncafé", ELTERNCAFE),
    ("Babytreff", BABYTREFF),
    ("Zwölfte Netzwerkkonferenz", ZWOELFTE),
    ("Koordinatorin Kinderschutz", KOORDINATORIN),
])
def test_the_expected_result_comes_first(tab: Tab, query: str, first: str) -> None:
    assert results(tab, query)[0] == first


def test_typing_in_the_header_box_shows_results(tab: Tab) -> None:
    page = tab.open("")
    page.fill("#fn-search-input", "Elterncafé")
    page.press("#fn-search-input", "Enter")
    page.wait_for_url("**/suche/?q=Elterncaf%C3%A9")
    page.wait_for_function(SHOWN)
    assert page.locator("[data-fn-search-status]").inner_text() == "3 Ergebnisse für „Elterncafé“."
    assert shown_urls(page)[0] == ELTERNCAFE
    # On the search page the results follow the box as you type.
    page.fill("#fn-search-input", "Babytreff")
    page.wait_for_function("() => location.search === '?q=Babytreff'")
    page.wait_for_function(SHOWN)
    assert shown_urls(page) == [BABYTREFF]
    assert page.title().startswith("„Babytreff“ – 1 Ergebnis – ")


def test_on_a_phone_the_search_page_shows_the_whole_query(search_chromium: tuple[Any, str]) -> None:
    # The header's box is small on phones; on the search page it takes the header's width.
    chrome, base = search_chromium
    context = chrome.new_context(locale="de-DE", viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(base + "suche/?q=" + quote("Elterncafé Nastätten"))
    page.wait_for_function(SHOWN)
    box = page.evaluate("(() => { const i = document.getElementById('fn-search-input');"
                        " return [i.getBoundingClientRect().width, i.scrollWidth - i.clientWidth]; })()")
    page.screenshot(path=str(browser.ROOT / ".screenshots" / "suche-390.png"))
    page.goto(base + "pressemitteilungen/")  # elsewhere the site's name keeps its room
    name = page.locator(".fn-header-name .md-ellipsis").bounding_box()
    context.close()
    assert box[0] > 200 and box[1] <= 0
    assert name is not None and name["width"] > 80


def test_a_result_shows_title_type_date_district_and_snippet(tab: Tab) -> None:
    page = search(tab, "Koordinatorin")
    first = page.locator(".fn-result").first
    assert first.locator(".fn-result__title a").inner_text() == (
        "Neue Koordinatorin für den Kinderschutz im Landkreis Saarlouis")
    assert first.locator(".fn-result__meta").inner_text() == (
        "Pressemitteilung · Veröffentlicht am 9. Juni 2026 · Landkreis Saarlouis")
    excerpt = first.locator(".fn-result__excerpt")
    assert "Koordinatorin" in excerpt.inner_text()
    assert excerpt.locator("mark").count() >= 1


# --- German ------------------------------------------------------------------------------------


def test_stems_familien_finds_familie(tab: Tab) -> None:
    # The Elternabend says only "Familie"; no word on it begins with "Familien".
    assert ELTERNABEND in results(tab, "Familien")


@pytest.mark.parametrize(("written", "typed"), [
    ("Frühe Hilfen", "Fruehe Hilfen"),
    ("Lindenstrasse", "Lindenstraße"),  # the page writes "ss", the reader types "ß"
    ("Brückenstraße", "Brueckenstrasse"),  # the page writes "ü" and "ß"
    ("Ämtern", "Aemtern"),
])
def test_umlauts_and_sharp_s_in_both_spellings(tab: Tab, written: str, typed: str) -> None:
    found = results(tab, written)
    assert found and results(tab, typed) == found


@pytest.mark.parametrize(("part", "page_url", "compound"), [
    ("schutz", KOORDINATORIN, "Kinderschutz"),
    ("treffen", KOORDINATORIN, "Netzwerktreffen"),
    ("cafe", KONZEPT, "Elterncafés"),
])
def test_parts_of_compounds_find_the_compound(tab: Tab, part: str, page_url: str, compound: str) -> None:
    page = search(tab, part)
    urls = shown_urls(page)
    assert page_url in urls
    # The snippet shows the page's own word, marked.
    result = page.locator(".fn-result").nth(urls.index(page_url))
    assert compound in result.locator(".fn-result__excerpt mark").all_inner_texts()


def test_drafts_embargoed_items_and_listings_are_not_found(tab: Tab) -> None:
    assert results(tab, "Sperrfristgeheimnis") == []
    assert results(tab, "Entwurfsgeheimnis") == []
    assert results(tab, "Mitteilungen der Kreisverwaltungen") == []  # pressemitteilungen/index.md


# --- relevance and nothing found -------------------------------------------------------------


def status(page: Any) -> str:
    return str(page.locator("[data-fn-search-status]").inner_text())


@pytest.mark.parametrize(("query", "reason"), [
    ("xqzvbnm", "„xqzvbnm“ kommt auf dieser Website nicht vor."),  # a nonsense word
    # only on the help page and in the Impressum, which are not searched
    ("Redaktionsleitfaden", "„Redaktionsleitfaden“ kommt auf dieser Website nicht vor."),
    ("Tagesmutter", "„Tagesmutter“ kommt auf dieser Website nicht vor."),  # Pagefind alone: "Tag…"
    ("ab", "Suchwörter brauchen mindestens 3 Buchstaben; „ab“ ist zu kurz."),
    ("z. B.", "Suchwörter brauchen mindestens 3 Buchstaben; „z“, „B“ sind zu kurz."),
    ("<b>x</b>", "Suchwörter brauchen mindestens 3 Buchstaben; „b“, „x“ sind zu kurz."),  # each once
])
def test_nothing_found_says_why_in_german_and_shows_the_ways_on(tab: Tab, query: str, reason: str) -> None:
    page = search(tab, query)
    assert shown_urls(page) == []
    assert status(page) == f"Keine Ergebnisse – {reason}"
    help_box = page.locator("[data-fn-search-help]")
    assert help_box.is_visible()
    assert help_box.get_by_role("link", name="Angebote finden").is_visible()
    topic = help_box.get_by_role("link", name="Kinderschutz")
    assert topic.get_attribute("href").endswith("themen/kinderschutz/")
    assert not page.locator(".fn-search-filters").is_visible()  # nothing to narrow down


def test_a_misspelt_word_is_answered_with_the_sites_nearest_word(tab: Tab) -> None:
    page = search(tab, "Kinderschuz")
    assert status(page) == "Keine Ergebnisse – „Kinderschuz“ kommt auf dieser Website nicht vor."
    suggestion = page.locator("[data-fn-search-suggestions]")
    assert suggestion.inner_text() == "Meinten Sie: Kinderschutz"
    suggestion.get_by_role("link", name="Kinderschutz").click()
    page.wait_for_url("**/suche/?q=Kinderschutz")
    page.wait_for_function(SHOWN)
    assert KOORDINATORIN in shown_urls(page)


def test_words_no_page_has_together_are_offered_one_by_one(tab: Tab) -> None:
    page = search(tab, "Babytreff Nastätten")
    assert shown_urls(page) == []
    assert status(page) == ("Keine Ergebnisse für „Babytreff Nastätten“ – "
                            "keine Seite enthält alle Suchwörter zusammen.")
    suggestion = page.locator("[data-fn-search-suggestions]")
    assert suggestion.inner_text() == "Suchen Sie nach einem Wort allein: Babytreff, Nastätten"


def test_a_known_word_beside_an_unknown_one_is_offered_alone(tab: Tab) -> None:
    page = search(tab, "Kinderschutz xqzvbnm")
    assert status(page) == "Keine Ergebnisse – „xqzvbnm“ kommt auf dieser Website nicht vor."
    without = page.locator("[data-fn-search-without]")
    assert without.inner_text() == "Ohne „xqzvbnm“ suchen: Kinderschutz"
    without.get_by_role("link", name="Kinderschutz").click()
    page.wait_for_url("**/suche/?q=Kinderschutz")
    page.wait_for_function(SHOWN)
    assert KOORDINATORIN in shown_urls(page)


def test_quotation_marks_in_the_query_are_not_shown_twice(tab: Tab) -> None:
    page = search(tab, '"Frühe Hilfen"')
    assert "Ergebnisse für „Frühe Hilfen“." in status(page) and '"' not in status(page)


def test_without_a_query_no_empty_filters_are_shown(tab: Tab) -> None:
    page = tab.open("suche/")
    page.wait_for_function(SHOWN)
    assert status(page) == "Geben Sie oben im Suchfeld einen Begriff ein."
    assert not page.locator(".fn-search-filters").is_visible()


def test_every_result_has_every_word_and_short_words_are_left_out(tab: Tab) -> None:
    page = search(tab, "Kinderschutz Saarlouis ab")
    assert status(page).endswith("„ab“ ist zu kurz und wurde nicht gesucht.")
    found = shown_urls(page)
    assert KOORDINATORIN in found and BABYTREFF not in found  # Saarlouis, but no Kinderschutz
    assert set(found) == set(results(tab, "Kinderschutz Saarlouis"))


def test_a_compound_the_site_uses_only_in_parts_finds_them(tab: Tab) -> None:
    # The Babytreff says "Familienpaten" and "Patenschaftsbörse", never "Familienpatenschaft".
    page = search(tab, "Familienpatenschaft")
    assert shown_urls(page) == [BABYTREFF]
    assert status(page) == ("1 Ergebnis für „Familienpatenschaft“. „Familienpatenschaft“ kommt als "
                            "ganzes Wort nicht vor; gesucht wurde nach „Familien“ und „Patenschaft“.")


def test_items_come_before_pages_and_kinderschutz_items_first(tab: Tab) -> None:
    page = search(tab, "schutz")
    types = page.locator(".fn-result__type").all_inner_texts()
    items = {"Pressemitteilung", "Netzwerktreffen", "Angebot", "Veranstaltung"}
    first_page = next(i for i, t in enumerate(types) if t not in items)
    assert first_page >= 3 and all(t not in items for t in types[first_page:])
    titles = page.locator(".fn-result__title").all_inner_texts()
    assert all("Kinderschutz" in title for title in titles[:first_page])


@pytest.mark.parametrize(("query", "stem"), [("Familie", "famili"), ("Saarlouis", "saarlouis")])
def test_items_with_the_word_in_their_title_come_first(tab: Tab, query: str, stem: str) -> None:
    page = search(tab, query)
    items = {"Pressemitteilung", "Netzwerktreffen", "Angebot", "Veranstaltung"}
    types = page.locator(".fn-result__type").all_inner_texts()
    titles = [t for t, kind in zip(page.locator(".fn-result__title").all_inner_texts(), types, strict=True)
              if kind in items]
    in_title = [any(w.lower().startswith(stem) for w in title.split()) for title in titles]
    assert in_title[0] and any(not t for t in in_title)
    assert in_title == sorted(in_title, reverse=True), titles


def test_help_pages_never_appear(tab: Tab) -> None:
    for query in ("Hilfe Redaktionen", "Pressestellen", "Freigabeablauf"):
        assert all(not url.startswith("hilfe/") for url in results(tab, query))
    assert results(tab, "Pressestellen") == []


def test_the_page_and_the_build_compare_words_alike(tab: Tab) -> None:
    from familiennetz.search.vocabulary import chunk_key, loose

    words = ["Mütter", "Muetter", "MUTTER", "Straße", "Café", "Ärztin", "Öffnungszeiten", "İstanbul",
             "3-Jährige", "Œuvre", "naïve", "Ǆemal"]
    page = tab.open("suche/")
    page.wait_for_function(SHOWN)
    seen = page.evaluate("""async (words) => {
      const { Words } = await import(new URL('../assets/fn-search-words.js', location.href).href);
      const config = JSON.parse(document.getElementById('fn-search-config').textContent);
      const w = new Words(config, location.href);
      return words.map((x) => [w.loose(x), w.loose(x).slice(0, 2).replace(/[^a-z0-9]/g, '_')]);
    }""", words)
    assert seen == [[loose(x), chunk_key(loose(x))] for x in words]


# --- filters ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("key", "value"), [
    ("art", "Angebot"), ("kreis", "Landkreis Saarlouis"), ("thema", "Kinderschutz"), ("jahr", "2025"),
])
def test_each_filter_narrows_to_exactly_the_matching_results(tab: Tab, site: Site, key: str,
                                                              value: str) -> None:
    page = search(tab, "Fachkräfte")
    everything = shown_urls(page)
    page.locator(".fn-facet summary", has_text=browser_heading(key)).click()
    page.get_by_label(value, exact=False).first.check()
    page.wait_for_function(f"() => new URLSearchParams(location.search).get('{key}') === {value!r}")
    page.wait_for_function(SHOWN)
    narrowed = shown_urls(page)
    filters = browser.indexed_filters(site)
    expected = [url for url in everything if value in filters[url].get(key, set())]
    assert narrowed and set(narrowed) == set(expected) and len(narrowed) < len(everything)
    assert "(gefiltert)" in page.locator("[data-fn-search-status]").inner_text()


def browser_heading(key: str) -> str:
    from familiennetz.search import FILTERS

    return FILTERS[key]


def test_filters_of_one_group_add_up_and_groups_narrow_each_other(tab: Tab, site: Site) -> None:
    filters = browser.indexed_filters(site)
    both = results(tab, "", art="Angebot", kreis="Landkreis Saarlouis")
    assert set(both) == {url for url, f in filters.items() if "Angebot" in f.get("art", set())
                         and "Landkreis Saarlouis" in f.get("kreis", set())}
    page = tab.open("suche/?kreis=Landkreis%20Saarlouis&kreis=Stadt%20Bad%20Kreuznach")
    page.wait_for_function(SHOWN)
    either = shown_urls(page)
    current = browser.indexed_filters(site, "aktuell")  # the archive only when asked for
    assert set(either) == {url for url, f in current.items()
                           if f.get("kreis", set()) & {"Landkreis Saarlouis", "Stadt Bad Kreuznach"}}


def test_the_search_state_is_in_the_url(tab: Tab) -> None:
    page = search(tab, "Netzwerk", kreis="Stadt Bad Kreuznach", jahr="2025")
    assert page.input_value("#fn-search-input") == "Netzwerk"
    assert page.get_by_label("Stadt Bad Kreuznach", exact=False).first.is_checked()
    assert page.get_by_label("2025", exact=False).first.is_checked()
    assert shown_urls(page) == [ZWOELFTE]
    page.locator("[data-fn-search-reset]").click()
    page.wait_for_function("() => location.search === '?q=Netzwerk'")
    page.wait_for_function(SHOWN)
    assert len(shown_urls(page)) > 1


# --- keyboard ---------------------------------------------------------------------------------------


def focused(page: Any) -> str:
    return str(page.evaluate("() => { const e = document.activeElement;"
                             " return e.id || e.getAttribute('href') || e.textContent.trim(); }"))


def tab_until(page: Any, predicate: str, limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(predicate):
            return
    raise AssertionError(f"nicht mit Tab erreichbar: {predicate}")


def test_search_by_keyboard_alone(tab: Tab) -> None:
    page = tab.open("")
    tab_until(page, "() => document.activeElement.id === 'fn-search-input'", limit=6)
    page.keyboard.type("Kinderschutz")
    page.keyboard.press("Enter")
    # The address is what Enter must change; the results below show the page works. (Waiting
    # for its whole load as well once took more than 30 s on a busy CI machine.)
    page.wait_for_url("**/suche/?q=Kinderschutz", wait_until="commit")
    page.wait_for_function(SHOWN)
    # On the search page: change the query, Enter leads to the result count.
    tab_until(page, "() => document.activeElement.id === 'fn-search-input'", limit=6)
    page.keyboard.press("Control+A")
    page.keyboard.type("Netzwerkkonferenz")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'fn-search-status'")
    page.wait_for_function(SHOWN)
    # Items of 2024 are the archive's: searched when asked for, by keyboard too.
    assert page.locator("#fn-search-status").inner_text() == "1 Ergebnis für „Netzwerkkonferenz“."
    tab_until(page, "() => document.activeElement.textContent.trim() === 'Auch ältere Beiträge durchsuchen'")
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.search.includes('archiv=1')")
    page.wait_for_function("() => document.activeElement.id === 'fn-search-status'")
    page.wait_for_function(SHOWN)
    assert page.locator("#fn-search-status").inner_text() == \
        "2 Ergebnisse für „Netzwerkkonferenz“, ältere Beiträge eingeschlossen."
    # Open a filter group, tick a year, and follow the first result.
    tab_until(page, "() => document.activeElement.textContent.trim() === 'Jahr'")
    page.keyboard.press("Enter")
    tab_until(page, "() => document.activeElement.value === '2025'")
    page.keyboard.press("Space")
    page.wait_for_function("() => location.search.includes('jahr=2025')")
    page.wait_for_function(SHOWN)
    tab_until(page, "() => document.activeElement.closest('.fn-result') !== null")
    assert site_path(focused(page)) == ZWOELFTE
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{ZWOELFTE}")

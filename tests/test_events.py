"""Events for families (`veranstaltungen/`), end to end on the fixture site built at NOW
(2026-11-21): a course on three evenings in Saarlouis (upcoming), a family festival in Bad
Ems (past) and a reading afternoon in Lahnstein (cancelled); their pages, listing, archive,
home page, feeds, JSON-LD and search record — and the listing in the browser."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import pytest

import browser
from browser import Tab
from conftest import NOW
from familiennetz.search import SearchRecords
from familiennetz.validator import validate
from sitebuild import FIXTURE_DIR, Node, Site

KURS = "veranstaltungen/2026/elternkurs-saarlouis/"
FEST = "veranstaltungen/2026/familienfest-bad-ems/"
VORLESEN = "veranstaltungen/2026/vorlesen-lahnstein/"
SHOTS = Path(__file__).parents[1] / ".screenshots"  # to look at; git ignores them

pytestmark = pytest.mark.slow  # builds sites with MkDocs


@pytest.fixture(scope="module")
def site(fixture_site: Site) -> Site:
    return fixture_site


def cards(site: Site, url: str) -> list[str]:
    """The item URLs a page lists, in order (cards' title links)."""
    found = []
    for card in site.doc(url).find_all("article"):
        if card.has_class("fn-card") and (link := card.find("a")) is not None:
            found.append(site.resolve(url, link.get("href")) or "")
    return found


def by_class(doc: Node, tag: str, name: str) -> Node | None:
    return next((n for n in doc.find_all(tag) if n.has_class(name)), None)


def facts(doc: Node) -> dict[str, list[str]]:
    """The facts box: label → its lines."""
    box = by_class(doc, "section", "fn-event")
    assert box is not None
    labels = [dt.text() for dt in box.find_all("dt")]
    values = [[" ".join(line.split()) for line in _lines(dd)] for dd in box.find_all("dd")]
    return dict(zip(labels, values, strict=True))


def _lines(node: Node) -> list[str]:
    """Text split at <br>."""
    lines, current = [], ""
    for child in node.children:
        if isinstance(child, str):
            current += child
        elif child.tag == "br":
            lines.append(current)
            current = ""
        else:
            current += child.raw_text()
    return [line.strip() for line in [*lines, current] if line.strip()]


# --- pages ---------------------------------------------------------------------------------


def test_the_listing_shows_whats_next_soonest_first_and_the_past_in_the_archive(site: Site) -> None:
    assert cards(site, "veranstaltungen/") == [KURS, VORLESEN]
    assert cards(site, "veranstaltungen/2026/") == [KURS, VORLESEN, FEST]
    years = by_class(site.doc("veranstaltungen/"), "nav", "fn-years")
    assert years is not None and [a.text() for a in years.find_all("a")] == ["2026"]


def test_an_events_page_says_when_where_and_how_to_sign_up(site: Site) -> None:
    doc = site.doc(KURS)
    assert facts(doc) == {
        "Wann": ["Dienstag, 1. Dezember 2026, 19:00–21:00 Uhr",
                 "Dienstag, 8. Dezember 2026, 19:00–21:00 Uhr",
                 "Dienstag, 15. Dezember 2026, 19:00–21:00 Uhr"],
        "Wo": ["Familienbildungsstätte", "Musterallee 12", "66740 Saarlouis",
               "Auf der Karte zeigen (OpenStreetMap)"],
        "Barrierefrei": ["Nein, der Ort ist nicht barrierefrei."],
        "Für wen": ["Eltern, Kinder von 0 bis 3 Jahren"],
        "Kosten": ["15 Euro"],
        "Sprachen": ["Deutsch, Französisch"],
        "Anmeldung": ["bis Mittwoch, 25. November 2026", "Online anmelden",
                      "Telefon: 06831 000-002"],
        "Veranstalter": ["Netzwerk Frühe Hilfen Saarlouis"],
        "Netzwerk": ["Netzwerk Frühe Hilfen Saarlouis"],
    }
    box = by_class(doc, "section", "fn-event")
    assert box is not None
    assert [a.get("href") for a in box.find_all("a")][:3] == [
        "https://www.openstreetmap.org/search?query=Musterallee%2012%2C%2066740%20Saarlouis",
        "https://www.example.org/anmeldung", "tel:06831000-002"]
    assert by_class(doc, "div", "fn-notice") is None  # upcoming and not cancelled
    assert [h.text() for h in doc.find_all("h1")] == ["Elternkurs an drei Abenden in Saarlouis"]


def test_a_cancelled_event_stays_visible_and_says_so(site: Site) -> None:
    doc = site.doc(VORLESEN)
    notice = by_class(doc, "div", "fn-notice")
    assert notice is not None and notice.text() == "Abgesagt: Diese Veranstaltung findet nicht statt."
    kicker = by_class(doc, "p", "fn-kicker")
    assert kicker is not None and kicker.text().startswith("Abgesagt")
    card = next(c for c in site.doc("veranstaltungen/").find_all("article")
                if c.has_class("fn-card") and "Lahnstein" in c.text())
    assert "Veranstaltung, abgesagt" in card.text()
    # in the title's link too: a screen reader's list of links says it
    link = next(a for a in card.find_all("a") if "Vorlesenachmittag" in a.text())
    assert link.text().startswith("Abgesagt ")


def test_a_past_event_keeps_its_page_and_says_it_is_over(site: Site) -> None:
    notice = by_class(site.doc(FEST), "div", "fn-notice")
    assert notice is not None and notice.text() == "Diese Veranstaltung hat bereits stattgefunden."


def test_json_ld_is_an_event_with_its_status(site: Site) -> None:
    def data(url: str) -> dict[str, Any]:
        script = site.doc(url).find("script", type="application/ld+json")
        assert script is not None
        parsed: dict[str, Any] = json.loads(script.raw_text())
        return parsed

    kurs = data(KURS)
    assert (kurs["@type"], kurs["startDate"], kurs["endDate"]) == (
        "Event", "2026-12-01T19:00:00+01:00", "2026-12-15T21:00:00+01:00")
    assert kurs["eventStatus"] == "https://schema.org/EventScheduled"
    assert kurs["location"] == {"@type": "Place", "name": "Familienbildungsstätte", "address": {
        "@type": "PostalAddress", "streetAddress": "Musterallee 12", "postalCode": "66740",
        "addressLocality": "Saarlouis", "addressCountry": "DE"}}
    assert data(VORLESEN)["eventStatus"] == "https://schema.org/EventCancelled"
    fest = data(FEST)
    assert (fest["startDate"], fest["isAccessibleForFree"]) == ("2026-10-10", True)


def test_the_home_page_shows_the_next_events_for_families(site: Site) -> None:
    doc = site.doc("")
    section = next(s for s in doc.find_all("section")
                   if (h := s.find("h2")) is not None and h.text() == "Nächste Termine für Familien")
    lines = [li.text() for li in section.find_all("li")]
    assert lines[0].startswith("Reihe mit 3 Terminen: 1.–15. Dezember 2026, je 19:00–21:00 Uhr – "
                               "Elternkurs")
    # cancelled: said first, before the date and the title
    assert lines[1].startswith("Abgesagt Termin: 5. Dezember 2026, 15:00–16:30 Uhr – Vorlesen")
    badge = section.find_all("li")[1].children[0]
    assert not isinstance(badge, str) and badge.has_class("fn-badge")
    assert "Familienfest" not in section.text()


def test_district_pages_offer_the_family_calendar(site: Site) -> None:
    # by way of the district's German page to subscribe, which carries the address
    links = [a.get("href") for a in site.doc("kreise/saarlouis/").find_all("a")]
    assert "../../abonnieren/kreise/saarlouis/#kalender" in links
    codes = [c.text() for c in site.doc("abonnieren/kreise/saarlouis/").find_all("code")]
    assert site.site_url + "kalender/veranstaltungen/kreise/saarlouis.ics" in codes
    assert site.exists("kalender/veranstaltungen/kreise/saarlouis.ics")


def test_every_feed_scope_carries_its_events(site: Site) -> None:
    def links(feed: str) -> set[str]:
        data = site.file_for(f"feeds/{feed}")
        assert data is not None
        if feed.endswith(".json"):
            items = json.loads(data.read_bytes())["items"]
            return {item["url"].removeprefix(site.site_url) for item in items}
        parsed = feedparser.parse(data.read_bytes())
        assert parsed.bozo == 0
        return {e.link.removeprefix(site.site_url) for e in parsed.entries}

    assert {KURS, FEST, VORLESEN} <= links("veranstaltungen.xml")
    assert {KURS, FEST, VORLESEN} <= links("alle.atom")
    assert KURS in links("kreise/saarlouis.xml") and KURS in links("themen/fruehe-hilfen.json")
    assert KURS in links("netzwerke/netzwerk-fruehe-hilfen-saarlouis.xml")
    assert {FEST, VORLESEN}.isdisjoint(links("kreise/saarlouis.xml"))


def test_the_search_record_files_an_event_by_its_day() -> None:
    content = FIXTURE_DIR / "content"
    collection = validate(content, now=NOW).collection
    records = SearchRecords(collection)
    by_url = {e.url: e for e in collection.items}
    kurs = records.for_entry(by_url[KURS])
    assert (kurs.type, kurs.date, kurs.year) == (
        "Veranstaltung", "Reihe mit 3 Terminen: 1.–15. Dezember 2026, je 19:00–21:00 Uhr", "2026")
    assert "Familienbildungsstätte" in kurs.details and "Saarlouis" in kurs.details
    vorlesen = records.for_entry(by_url[VORLESEN])
    assert vorlesen.date == "Abgesagt – Termin: 5. Dezember 2026, 15:00–16:30 Uhr"


# --- in the browser ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium(site: Site) -> Iterator[tuple[Any, str]]:
    with browser.launch(site) as launched:
        yield launched


@pytest.mark.browser
@pytest.mark.parametrize("width", [390, 1366])
def test_the_listing_works_by_keyboard_and_passes_axe(chromium: tuple[Any, str], width: int) -> None:
    browser.need(browser.AXE.is_file(), "Barrierefreiheits-Tests", "axe-core fehlt "
                 "(node_modules/axe-core; make test installiert es mit `npm ci`).")
    chrome, base = chromium
    context = chrome.new_context(locale="de-DE", viewport={"width": width, "height": 900})
    tab = Tab(context.new_page(), base)
    tab.watch()
    page = tab.open("veranstaltungen/")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"veranstaltungen-{width}.png"), full_page=True)
    titles = page.locator(".fn-card__title a")
    assert titles.all_inner_texts() == ["Elternkurs an drei Abenden in Saarlouis",
                                        "Abgesagt Vorlesenachmittag in Lahnstein"]
    for _ in range(60):  # by keyboard to the first event, then open it
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.fn-card') !== null"):
            break
    assert page.evaluate("document.activeElement.textContent") == \
        "Elternkurs an drei Abenden in Saarlouis"
    page.keyboard.press("Enter")
    page.wait_for_url("**/" + KURS)
    page.screenshot(path=str(SHOTS / f"veranstaltung-{width}.png"), full_page=True)
    page.add_script_tag(path=str(browser.AXE))
    violations = page.evaluate("async () => (await axe.run(document)).violations"
                               ".filter(v => ['serious', 'critical'].includes(v.impact))"
                               ".map(v => v.id)")
    context.close()
    assert violations == []
    assert tab.errors == []

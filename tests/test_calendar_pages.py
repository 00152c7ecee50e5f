"""What readers see of dates and places on the built fixture site (tests/examples/site, at
NOW = 2026-11-21): the calendar box of meeting and event pages, the map link, and cards
that say which date they show."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from icalendar import Calendar

from sitebuild import Node, Site

EINLADUNG = "netzwerktreffen/2026/einladung-kita-netzwerk-bad-ems/"  # upcoming, with address
KONFERENZ = "netzwerktreffen/2024/zwoelfte-netzwerkkonferenz/"  # past, no address
KURS = "veranstaltungen/2026/elternkurs-saarlouis/"  # a series of three evenings
VORLESEN = "veranstaltungen/2026/vorlesen-lahnstein/"  # cancelled
WORKSHOP = "pressemitteilungen/2024/workshop-sozialraumbudget/"

pytestmark = pytest.mark.slow  # builds the fixture site with MkDocs


@pytest.fixture(scope="module")
def site(fixture_site: Site) -> Site:
    return fixture_site


def by_class(doc: Node, tag: str, name: str) -> Node | None:
    return next((n for n in doc.find_all(tag) if n.has_class(name)), None)


def calendar_links(site: Site, url: str) -> list[tuple[str, str]]:
    """(link text, site-relative target) of the page's calendar box."""
    box = by_class(site.doc(url), "section", "fn-calendar")
    assert box is not None, f"/{url} has no calendar box"
    return [(a.text(), site.resolve(url, a.get("href")) or "") for a in box.find_all("a")]


@pytest.mark.parametrize(("url", "subscribe", "ics"), [
    (EINLADUNG, ("Netzwerktreffen – Kita-Netzwerk Rhein-Lahn",
                 "abonnieren/netzwerke/kita-netzwerk-rhein-lahn/"),
     "kalender/netzwerke/kita-netzwerk-rhein-lahn.ics"),
    (KONFERENZ, ("Netzwerktreffen – Netzwerk Frühe Hilfen Saarlouis",
                 "abonnieren/netzwerke/netzwerk-fruehe-hilfen-saarlouis/"),
     "kalender/netzwerke/netzwerk-fruehe-hilfen-saarlouis.ics"),
    (KURS, ("Veranstaltungen für Familien – Landkreis Saarlouis", "abonnieren/kreise/saarlouis/"),
     "kalender/veranstaltungen/kreise/saarlouis.ics"),
    (VORLESEN, ("Veranstaltungen für Familien – Rhein-Lahn-Kreis",
                "abonnieren/kreise/rhein-lahn-kreis/"),
     "kalender/veranstaltungen/kreise/rhein-lahn-kreis.ics"),
])
def test_the_page_offers_its_own_file_beside_the_calendar_to_subscribe(
        site: Site, url: str, subscribe: tuple[str, str], ics: str) -> None:
    links = calendar_links(site, url)
    own = f"kalender/termine/{url.rstrip('/')}.ics"
    # the calendar to subscribe: through its German page, which carries the file's address;
    # a past meeting offers only that (its own file still exists for those who have it)
    assert links == ([] if url == KONFERENZ else [("In meinen Kalender", own)]) + [subscribe]
    box = by_class(site.doc(url), "section", "fn-calendar")
    assert box is not None and box.find_all("a")[-1].get("href").endswith("/#kalender")
    assert ("Dieser Termin ist vorbei." in box.text()) is (url == KONFERENZ)
    page = subscribe[1]
    assert site.absolute(ics) in site.root.joinpath(page, "index.html").read_text(encoding="utf-8")
    mine = Calendar.from_ical(site.root.joinpath(own).read_bytes()).walk("VEVENT")
    theirs = Calendar.from_ical(site.root.joinpath(ics).read_bytes()).walk("VEVENT")
    assert mine and {str(e["UID"]) for e in mine} <= {str(e["UID"]) for e in theirs}
    assert all(str(e["URL"]) == site.absolute(url) for e in mine)


def test_a_series_file_holds_every_date_and_the_page_says_so(site: Site) -> None:
    data = site.root.joinpath(f"kalender/termine/{KURS.rstrip('/')}.ics").read_bytes()
    assert len(Calendar.from_ical(data).walk("VEVENT")) == 3
    box = by_class(site.doc(KURS), "section", "fn-calendar")
    assert box is not None and "mit allen 3 Terminen" in box.text()


def test_a_cancelled_events_box_says_its_entry_is_cancelled(site: Site) -> None:
    box = by_class(site.doc(VORLESEN), "section", "fn-calendar")
    assert box is not None and "als abgesagt gekennzeichnet" in box.text()


def test_what_does_not_take_place_has_no_calendar_box(site: Site) -> None:
    assert by_class(site.doc(WORKSHOP), "section", "fn-calendar") is None


def test_the_single_files_are_linked_from_their_page_only(site: Site) -> None:
    linked: dict[str, set[str]] = {}
    for url in site.pages():
        for a in site.doc(url).find_all("a"):
            target = site.resolve(url, a.get("href")) or ""
            if target.startswith("kalender/termine/"):
                linked.setdefault(target, set()).add(url)
    # … and only while they lie ahead (or say they were cancelled): not the past KONFERENZ
    # and family festival
    assert linked == {f"kalender/termine/{url.rstrip('/')}.ics": {url} for url in
                      (EINLADUNG, KURS, VORLESEN)}
    assert not list(site.root.joinpath("kalender/termine").rglob("sitemap.xml"))
    assert "kalender/termine" not in site.root.joinpath("sitemap.xml").read_text(encoding="utf-8")


def test_a_meeting_shows_its_address_and_a_map_link_that_loads_nothing_until_clicked(
        site: Site) -> None:
    box = by_class(site.doc(EINLADUNG), "section", "fn-meeting")
    assert box is not None
    place = box.find_all("dd")[1]
    assert place.text() == ("Kreisverwaltung, Bad Ems Insel Silberau 1 56130 Bad Ems "
                            "Auf der Karte zeigen (OpenStreetMap)")
    [link] = place.find_all("a")
    href = urlsplit(link.get("href"))
    assert (href.scheme, href.netloc, href.path) == ("https", "www.openstreetmap.org", "/search")
    assert parse_qs(href.query) == {"query": ["Insel Silberau 1, 56130 Bad Ems"]}
    assert link.get("rel") == "noopener"
    html = site.html(EINLADUNG)  # a link, nothing embedded
    assert "openstreetmap" not in "".join(
        n.get("src") + n.get("data") for n in site.doc(EINLADUNG).iter())
    assert html.count("openstreetmap.org") == 1
    # without an address there is nothing to find on a map
    past = by_class(site.doc(KONFERENZ), "section", "fn-meeting")
    assert past is not None and "Karte" not in past.text()


def test_the_meeting_page_gives_its_time_as_one_span(site: Site) -> None:
    box = by_class(site.doc(EINLADUNG), "section", "fn-meeting")
    assert box is not None
    when = box.find_all("dd")[0]
    assert when.text() == "Donnerstag, 3. Dezember 2026, 09:30–13:00 Uhr"
    time = when.find("time")
    assert time is not None and time.get("datetime") == "2026-12-03T09:30:00+01:00"


def card_dates(site: Site, url: str) -> dict[str, str]:
    """Card title → the labelled date on its meta line."""
    found = {}
    for card in site.doc(url).find_all("article"):
        title, when = by_class(card, "h3", "fn-card__title"), by_class(card, "span", "fn-card__when")
        if title is not None and when is not None:
            found[title.find("a").text()] = when.text()  # type: ignore[union-attr]
    return found


def test_cards_say_which_date_they_show_on_listings_and_the_home_page(site: Site) -> None:
    expected = {
        "Einladung zum Treffen des Kita-Netzwerks in Bad Ems": "Termin: 3. Dezember 2026, 09:30–13:00 Uhr",
        "Elternkurs an drei Abenden in Saarlouis":
            "Reihe mit 3 Terminen: 1.–15. Dezember 2026, je 19:00–21:00 Uhr",
        "Abgesagt Vorlesenachmittag in Lahnstein": "Termin: 5. Dezember 2026, 15:00–16:30 Uhr",
        "Familienfest im Kurpark Bad Ems": "Termin: 10. Oktober 2026",
        "Workshop zur Weiterentwicklung des Kita-Sozialraumbudgets": "Veröffentlicht am 14. Juni 2024",
    }
    home = card_dates(site, "")  # "Neueste Beiträge"
    listed = card_dates(site, "netzwerktreffen/") | card_dates(site, "veranstaltungen/2026/") | \
        card_dates(site, "pressemitteilungen/")
    for title, when in expected.items():
        assert listed[title] == when
        assert home.get(title, when) == when
    assert len(set(home) & set(expected)) >= 4


def test_a_cancelled_card_says_abgesagt_before_its_title(site: Site) -> None:
    for url in ("", "veranstaltungen/", "kreise/rhein-lahn-kreis/"):
        card = next(c for c in site.doc(url).find_all("article")
                    if c.has_class("fn-card") and "Vorlesenachmittag" in c.text())
        title = by_class(card, "h3", "fn-card__title")
        assert title is not None and title.text() == "Abgesagt Vorlesenachmittag in Lahnstein", url
        link = title.children[0]  # the badge inside the link: a list of links says it too
        assert isinstance(link, Node) and link.tag == "a", url
        first = link.children[0]
        assert isinstance(first, Node) and first.has_class("fn-badge"), url
    other = next(c for c in site.doc("veranstaltungen/").find_all("article")
                 if c.has_class("fn-card") and "Elternkurs" in c.text())
    assert "Abgesagt" not in other.text()


def test_the_home_pages_next_meetings_are_labelled_too(site: Site) -> None:
    section = next(s for s in site.doc("").find_all("section")
                   if (h := s.find("h2")) is not None and h.text() == "Nächste Netzwerktreffen")
    [line] = [li.text() for li in section.find_all("li")]
    assert line == ("Termin: 3. Dezember 2026, 09:30–13:00 Uhr – Einladung zum Treffen des "
                    "Kita-Netzwerks in Bad Ems (Kreisverwaltung, Bad Ems, Insel Silberau 1, "
                    "56130 Bad Ems)")

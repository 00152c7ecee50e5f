"""The pages to subscribe, read back from a real build of the fixture site: a German page
per feed scope with its absolute addresses, the overview that groups them, and every feed
link a reader sees leading to those pages instead of to raw XML."""

from __future__ import annotations

from pathlib import Path

import pytest

import browser
import sitebuild
from conftest import NOW, Tree
from familiennetz.addresses import ENTRY_CALENDARS
from familiennetz.collection import Collection
from familiennetz.feeds import FeedScope, feed_scopes
from familiennetz.feeds.links import calendar_keys, calendar_path
from familiennetz.validator import validate
from sitebuild import FIXTURE_DIR, Node, Site

pytestmark = pytest.mark.slow  # reads a site built with MkDocs

CONTENT = FIXTURE_DIR / "content"
FILES = ("feeds/", "kalender/")


@pytest.fixture(scope="module")
def site(fixture_site: Site) -> Site:
    return fixture_site


@pytest.fixture(scope="module")
def collection() -> Collection:
    return validate(CONTENT, now=NOW, display_base=CONTENT).collection


@pytest.fixture(scope="module")
def scopes(collection: Collection) -> list[FeedScope]:
    return feed_scopes(collection)


def _content(site: Site, url: str) -> Node:
    node = site.doc(url).find("div", id="fn-inhalt")
    assert node is not None, url
    return node


def _codes(site: Site, url: str) -> dict[str, str]:
    return {c.get("id"): c.text() for c in _content(site, url).find_all("code") if c.get("id")}


def _inside(root: Node, target: Node, css_class: str) -> bool:
    """Whether `target` lies inside an element of `root` with that class."""
    return any(target in list(box.iter()) for box in root.find_all() if box.has_class(css_class))


def test_every_feed_scope_has_its_german_page_with_the_absolute_feed_address(
        site: Site, scopes: list[FeedScope]) -> None:
    assert len(scopes) > 10
    for scope in scopes:
        url = f"abonnieren/{scope.key}/"
        doc = site.doc(url)
        assert doc.find("html").get("lang") == "de"  # type: ignore[union-attr]
        assert _content(site, url).find("h1").text() == f"{scope.name} abonnieren"  # type: ignore[union-attr]
        assert _codes(site, url)["fn-feed-address"] == site.site_url + f"feeds/{scope.key}.xml"
        assert site.exists(f"feeds/{scope.key}.xml")
        copy = _content(site, url).find("button", data_fn_copy="fn-feed-address")
        assert copy is not None and copy.text().startswith("Adresse kopieren")


def test_pages_of_scopes_with_calendars_carry_each_calendar_and_its_webcal_link(
        site: Site, scopes: list[FeedScope]) -> None:
    with_calendars = 0
    for scope in scopes:
        url = f"abonnieren/{scope.key}/"
        expected = [site.site_url + calendar_path(key) for _, key in calendar_keys(scope.key)]
        codes = [text for key, text in _codes(site, url).items() if key.startswith("fn-calendar-")]
        assert codes == expected, url
        webcal = [a.get("href") for a in _content(site, url).find_all("a")
                  if a.get("href").startswith("webcal:")]
        assert webcal == [u.replace("https://", "webcal://", 1) for u in expected], url
        section = site.doc(url).find("section", id="kalender")
        assert (section is not None) == bool(expected), url
        for _, key in calendar_keys(scope.key):
            assert site.exists(calendar_path(key))
        with_calendars += bool(expected)
    assert with_calendars >= 5  # everything, two types, each district, each network
    assert not calendar_keys("themen/fruehe-hilfen") and not calendar_keys("pressemitteilungen")


def test_a_feed_page_says_what_it_brings_and_previews_its_newest_titles(
        site: Site, scopes: list[FeedScope]) -> None:
    district = next(s for s in scopes if s.key == "kreise/saarlouis")
    page = _content(site, "abonnieren/kreise/saarlouis/")
    text = page.text()
    assert "die 50 neuesten Einträge" in text and "Pressemitteilungen" in text
    preview = page.find("ul", class_="fn-subs__preview")
    assert preview is not None
    titles = [li.find("a").text() for li in preview.find_all("li")]  # type: ignore[union-attr]
    assert titles == [e.title for e in district.items[:3]] and len(titles) == 3
    # the date is when it appeared, said so: an event's own date is another
    metas = [li.find("span").text() for li in preview.find_all("li")]  # type: ignore[union-attr]
    assert all(", erschienen am " in meta for meta in metas)
    # only this type on a type's page
    text = _content(site, "abonnieren/pressemitteilungen/").text()
    assert "Darin: Pressemitteilungen – immer die 50 neuesten Einträge." in text


def test_atom_and_json_are_named_once_in_the_experts_box_only(site: Site,
                                                              scopes: list[FeedScope]) -> None:
    for scope in scopes:
        page = _content(site, f"abonnieren/{scope.key}/")
        experts = [d for d in page.find_all("details") if d.has_class("fn-experts")]
        assert len(experts) == 1
        outside = page.text(skip=lambda n: n.has_class("fn-experts"))
        assert "Atom" not in outside and "JSON" not in outside
        hrefs = {a.get("href") for a in experts[0].find_all("a")}
        assert {h.rsplit(".", 1)[-1] for h in hrefs} >= {"xml", "atom", "json"}


def test_every_feed_link_readers_see_leads_to_a_german_page(site: Site) -> None:
    """Raw feed files are linked only from the experts' box; everything else goes to
    /abonnieren/…; only the head's <link rel="alternate"> points at the files. A meeting's
    or event's own file ("In meinen Kalender", kalender/termine/) is one click on purpose:
    it adds one date, nothing to subscribe to."""
    raw = []
    for url in site.pages():
        body = site.doc(url).find("body")
        assert body is not None
        for a in body.find_all("a"):
            target = site.resolve(url, a.get("href"))
            if target and target.startswith(FILES) and not target.startswith(f"{ENTRY_CALENDARS}/") \
                    and not _inside(body, a, "fn-experts"):
                raw.append(f"{url}: {a.get('href')}")
    assert raw == []


@pytest.mark.parametrize(("url", "scope", "calendar"), [
    ("", "alle", True), ("pressemitteilungen/", "pressemitteilungen", False),
    ("veranstaltungen/", "veranstaltungen", True), ("kreise/saarlouis/", "kreise/saarlouis", True),
    ("netzwerke/netzwerk-fruehe-hilfen-saarlouis/", "netzwerke/netzwerk-fruehe-hilfen-saarlouis",
     True), ("themen/fruehe-hilfen/", "themen/fruehe-hilfen", False),
])
def test_listings_home_and_reference_pages_offer_subscribing_in_plain_german(
        site: Site, url: str, scope: str, calendar: bool) -> None:
    box = _content(site, url).find("p", class_="fn-subscribe")
    assert box is not None, url
    links = {a.text(): site.resolve(url, a.get("href")) for a in box.find_all("a")}
    expected = {"Neue Beiträge abonnieren": f"abonnieren/{scope}/"}
    if calendar:
        expected["Termine in den Kalender übernehmen"] = f"abonnieren/{scope}/"
        assert any(a.get("href").endswith("#kalender") for a in box.find_all("a"))
    assert links == expected
    for jargon in ("RSS", "Atom", "JSON", "iCal"):
        assert jargon not in _content(site, url).text(), (url, jargon)


def test_the_head_keeps_pointing_feed_readers_at_the_real_feeds(site: Site) -> None:
    for url in ("kreise/saarlouis/", "abonnieren/kreise/saarlouis/"):
        alternates = [site.resolve(url, link.get("href")) for link in site.doc(url).find_all("link")
                      if link.get("rel") == "alternate" and link.get("type")]
        assert alternates[:3] == ["feeds/kreise/saarlouis.xml", "feeds/kreise/saarlouis.atom",
                                  "feeds/kreise/saarlouis.json"], url
        assert "feeds/alle.xml" in alternates


def test_the_overview_groups_a_link_to_every_feed_page_and_shows_no_address(
        site: Site, scopes: list[FeedScope]) -> None:
    page = _content(site, "abonnieren/")
    groups = [s for s in page.find_all("section") if "data-fn-subs-group" in s.attrs]
    assert [g.find("h2").text() for g in groups] == [  # type: ignore[union-attr]
        "Alles", "Nach Art", "Nach Kreis oder Stadt", "Nach Netzwerk", "Nach Thema"]
    linked = [site.resolve("abonnieren/", a.get("href")) for g in groups for a in g.find_all("a")]
    assert linked == [f"abonnieren/{s.key}/" for s in scopes]
    # the long groups are disclosures; short ones are open lists
    assert [g.find("details") is not None for g in groups] == [False, False, True, True, True]
    assert not page.find_all("code") and site.site_url + "feeds/" not in page.text()
    # the filter needs JavaScript: without it, it is not there, and every link still is
    form = page.find("form", data_fn_subs_filter="")
    assert form is not None and "hidden" in form.attrs
    assert form.find("label").text() == "Kreis, Netzwerk oder Thema suchen"  # type: ignore[union-attr]


def test_the_footer_says_abonnieren_without_jargon(site: Site) -> None:
    footer = site.doc("impressum/").find("footer")
    assert footer is not None
    links = {a.text(): site.resolve("impressum/", a.get("href")) for a in footer.find_all("a")}
    assert links["Abonnieren"] == "abonnieren/"
    assert "RSS" not in footer.text()


def test_the_feed_pages_are_not_in_the_search_index(search_site: Site) -> None:
    indexed = browser.indexed_pages(search_site)
    assert "kreise/saarlouis/" in indexed and search_site.exists("abonnieren/kreise/saarlouis/")
    assert [url for url in indexed if url.startswith("abonnieren")] == []


@pytest.mark.parametrize(("path", "message"), [
    ("abonnieren/kreise/eigener.md", "Der Ordner `abonnieren/` ist der Website vorbehalten"),
    ("abonnieren/index.md", "eigenen Text dafür nimmt sie aus `abonnieren.md`"),
])
def test_content_cannot_take_the_addresses_of_the_feed_pages(tree: Tree, content: Path,
                                                             path: str, message: str) -> None:
    tree({path: "---\ntitle: Eigene Seite\n---\n\nText.\n"})
    problems = validate(content, now=NOW, display_base=content).problems
    assert [(p.path, p.rule) for p in problems] == [(path, "file-name")]
    assert message in problems[0].message


def test_a_feed_without_items_yet_has_its_page_saying_so(tmp_path: Path) -> None:
    config = sitebuild.copy_fixture(tmp_path / "src")
    (config.parent / "content" / "themen" / "familienpaten.md").write_text(
        "---\ntitle: Familienpaten\nsummary: Ehrenamtliche Patinnen und Paten begleiten "
        "Familien im Alltag.\n---\n\nNoch ohne Beiträge.\n", encoding="utf-8")
    site = sitebuild.build_site(config, tmp_path / "out", NOW)
    page = _content(site, "abonnieren/themen/familienpaten/")
    assert page.find("h1").text() == "Thema Familienpaten abonnieren"  # type: ignore[union-attr]
    assert "Noch keine Einträge. Wenn Sie jetzt abonnieren" in page.text()
    assert page.find("ul", class_="fn-subs__preview") is None
    assert _codes(site, "abonnieren/themen/familienpaten/")["fn-feed-address"] == \
        site.site_url + "feeds/themen/familienpaten.xml"
    assert site.exists("feeds/themen/familienpaten.xml")

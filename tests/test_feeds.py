"""Feeds built from `tests/examples/feeds/` and parsed back with feedparser.

The fixture tree: two districts, two topics, two networks; two press releases (one with
an image file, a contact and `updated`; one with a time of day in winter), three meeting
reports (all-day, timed with end, a two-day announcement), two offers, a draft and an
item under embargo until 2030.
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import feedparser
import pytest

from conftest import NOW
from familiennetz.collection import Collection
from familiennetz.dates import BERLIN
from familiennetz.feeds import (
    build_feed_files,
    feed_links,
    feed_scopes,
    normalize_site_url,
    scope_key_for_page,
    subscription_scopes,
)
from familiennetz.feeds.html import absolutize
from familiennetz.feeds.items import MAX_CONTENT_BYTES
from familiennetz.validator import validate

FIXTURE = Path(__file__).parent / "examples" / "feeds"
EMBARGO_END = datetime(2030, 1, 15, 10, 0, tzinfo=BERLIN)
SITE = "https://familiennetz.example.org/"
NS = {"atom": "http://www.w3.org/2005/Atom", "content": "http://purl.org/rss/1.0/modules/content/",
      "dc": "http://purl.org/dc/elements/1.1/"}

WORKSHOP = "pressemitteilungen/2024/workshop-sozialraumbudget/"
WORKSHOP_SRC = "pressemitteilungen/2024/2024-06-14-workshop-sozialraumbudget.md"
KOORDINATION = "pressemitteilungen/2025/neue-koordination-fruehe-hilfen/"
EMBARGOED = "pressemitteilungen/2030/sperrfrist-jahresbericht/"
DRAFT_SLUG = "entwurf-elternbefragung"
# What MkDocs would have rendered: links relative to the page URL.
HTML = {
    "pressemitteilungen/2024/2024-06-14-workshop-sozialraumbudget.md": (
        '<p>Im Workshop ging es um das <a href="../../../angebote/elterncafe-nastaetten/">'
        'Elterncafé</a> &amp; weitere Angebote.</p>\n'
        '<p><img alt="Gruppenarbeit" src="../2024-06-14-workshop.png" '
        'srcset="../2024-06-14-workshop.png 1x, ../2024-06-14-workshop.png 2x" /></p>\n'
        '<p><a href="#ablauf">Ablauf</a>, <a href="mailto:presse@example.org">Presse</a>, '
        '<a href="https://example.org/extern">extern</a></p>'
    ),
    "netzwerktreffen/2024/2024-11-26-netzwerkerinnen-bad-ems.md": (
        '<p>Siehe <a href="../../../kreise/rhein-lahn-kreis/">Rhein-Lahn-Kreis</a>.</p>'
    ),
}
ALL_SCOPES = {
    "alle", "pressemitteilungen", "netzwerktreffen", "angebote", "veranstaltungen",
    "kreise/rhein-lahn-kreis", "kreise/saarlouis", "themen/kita-sozialarbeit",
    "themen/fruehe-hilfen", "netzwerke/kita-netzwerk-rhein-lahn",
    "netzwerke/fruehe-hilfen-saarlouis",
}


def collect(root: Path = FIXTURE, now: datetime = NOW) -> Collection:
    result = validate(root, now=now)
    assert [str(p) for p in result.errors] == []
    return result.collection


def build(collection: Collection, root: Path = FIXTURE) -> dict[str, bytes]:
    return build_feed_files(collection, site_url=SITE, html=HTML, content_root=root)


@pytest.fixture(scope="module")
def collection() -> Collection:
    return collect()


@pytest.fixture(scope="module")
def files(collection: Collection) -> dict[str, bytes]:
    return build(collection)


def parse(data: bytes) -> Any:
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def rss_channel(files: dict[str, bytes], key: str) -> ET.Element:
    channel = ET.fromstring(files[f"feeds/{key}.xml"]).find("channel")
    assert channel is not None
    return channel


def atom_root(files: dict[str, bytes], key: str) -> ET.Element:
    return ET.fromstring(files[f"feeds/{key}.atom"])


def json_feed(files: dict[str, bytes], key: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(files[f"feeds/{key}.json"])
    return data


def rss_links(files: dict[str, bytes], key: str) -> list[str]:
    return [item.findtext("link", "") for item in rss_channel(files, key).iter("item")]


class _Urls(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.urls.append(value)
            elif name == "srcset" and value is not None:
                self.urls += [part.split()[0] for part in value.split(",")]


def urls_in(html: str) -> list[str]:
    parser = _Urls()
    parser.feed(html)
    return parser.urls


# --- which files, which items ----------------------------------------------------------


def test_every_scope_has_rss_atom_and_json_and_calendars(collection: Collection,
                                                         files: dict[str, bytes]) -> None:
    expected = {f"feeds/{key}.{ext}" for key in ALL_SCOPES for ext in ("xml", "atom", "json")}
    expected |= {"kalender/alle.ics", "kalender/kreise/rhein-lahn-kreis.ics",
                 "kalender/kreise/saarlouis.ics", "kalender/netzwerke/kita-netzwerk-rhein-lahn.ics",
                 "kalender/netzwerke/fruehe-hilfen-saarlouis.ics",
                 "kalender/veranstaltungen/alle.ics",
                 "kalender/veranstaltungen/kreise/rhein-lahn-kreis.ics",
                 "kalender/veranstaltungen/kreise/saarlouis.ics"}
    # and each meeting's and event's own file (test_entry_calendars)
    expected |= {f"kalender/termine/{e.url.strip('/')}.ics" for e in collection.items
                 if e.type.calendar is not None}
    assert set(files) == expected
    assert list(files) == sorted(files)


def test_every_feed_parses_without_errors(files: dict[str, bytes]) -> None:
    for key in ALL_SCOPES:
        assert parse(files[f"feeds/{key}.xml"]).version == "rss20"
        assert parse(files[f"feeds/{key}.atom"]).version == "atom10"
        assert json_feed(files, key)["version"] == "https://jsonfeed.org/version/1.1"


def test_each_item_is_in_exactly_the_feeds_of_its_type_and_references(
        collection: Collection, files: dict[str, bytes]) -> None:
    for entry in collection.items:
        data = entry.data
        expected = {"alle", entry.type.folder}
        expected |= {f"kreise/{slug}" for slug in data.districts}
        expected |= {f"themen/{slug}" for slug in data.topics}
        if data.network:
            expected.add(f"netzwerke/{data.network}")
        url = SITE + entry.url
        for ext in ("xml", "atom"):
            found = {key for key in ALL_SCOPES
                     if url in [e.link for e in parse(files[f"feeds/{key}.{ext}"]).entries]}
            assert found == expected, (entry.src, ext)
        in_json = {key for key in ALL_SCOPES
                   if url in [item["url"] for item in json_feed(files, key)["items"]]}
        assert in_json == expected, (entry.src, "json")


def test_drafts_and_embargoed_items_are_in_no_feed(files: dict[str, bytes]) -> None:
    for path, data in files.items():
        assert DRAFT_SLUG.encode() not in data, path
        assert b"sperrfrist-jahresbericht" not in data, path


def test_embargoed_item_enters_the_feeds_when_the_embargo_ends() -> None:
    before = build(collect(now=EMBARGO_END - timedelta(seconds=1)))
    assert SITE + EMBARGOED not in rss_links(before, "alle")
    after = build(collect(now=EMBARGO_END))
    for key in ("alle", "pressemitteilungen", "kreise/saarlouis", "themen/fruehe-hilfen",
                "netzwerke/fruehe-hilfen-saarlouis"):
        assert rss_links(after, key)[0] == SITE + EMBARGOED, key
    for key in ("netzwerktreffen", "angebote", "kreise/rhein-lahn-kreis"):
        assert SITE + EMBARGOED not in rss_links(after, key), key


def test_entries_are_newest_first_offers_by_reviewed_day(files: dict[str, bytes]) -> None:
    assert rss_links(files, "alle") == [SITE + url for url in (
        "veranstaltungen/2026/vorlesen-abgesagt/",  # 2026-11-15
        "netzwerktreffen/2026/fachtag-ankuendigung/",  # 2026-11-10
        "veranstaltungen/2026/elternkurs-saarlouis/",  # 2026-11-02
        "angebote/babytreff-dillingen/",  # reviewed 2026-10-01
        "veranstaltungen/2026/familienfest-bad-ems/",  # 2026-09-30
        "angebote/elterncafe-nastaetten/",  # reviewed 2026-09-14
        "netzwerktreffen/2025/netzwerktreffen-saarlouis/",  # 2025-05-16
        KOORDINATION,  # 2025-03-05 10:30
        "netzwerktreffen/2024/netzwerkerinnen-bad-ems/",  # 2024-11-26
        WORKSHOP,  # 2024-06-14
    )]
    atom = [e.link for e in parse(files["feeds/alle.atom"]).entries]
    json_urls = [i["url"] for i in json_feed(files, "alle")["items"]]
    assert atom == json_urls == rss_links(files, "alle")


def test_ids_are_the_canonical_urls(files: dict[str, bytes]) -> None:
    for item in rss_channel(files, "alle").iter("item"):
        guid = item.find("guid")
        assert guid is not None and guid.text == item.findtext("link")
    for entry in parse(files["feeds/alle.atom"]).entries:
        assert entry.id == entry.link and entry.id.startswith(SITE)
    for item in json_feed(files, "alle")["items"]:
        assert item["id"] == item["url"]


def test_dates_carry_the_berlin_offset(files: dict[str, bytes]) -> None:
    items = {i.findtext("link"): i for i in rss_channel(files, "alle").iter("item")}
    assert items[SITE + WORKSHOP].findtext("pubDate") == "Fri, 14 Jun 2024 00:00:00 +0200"
    assert items[SITE + KOORDINATION].findtext("pubDate") == "Wed, 05 Mar 2025 10:30:00 +0100"
    entries = {e.findtext("atom:id", namespaces=NS): e
               for e in atom_root(files, "alle").findall("atom:entry", NS)}
    workshop = entries[SITE + WORKSHOP]
    assert workshop.findtext("atom:published", namespaces=NS) == "2024-06-14T00:00:00+02:00"
    assert workshop.findtext("atom:updated", namespaces=NS) == "2024-06-20T00:00:00+02:00"
    json_items = {i["url"]: i for i in json_feed(files, "alle")["items"]}
    assert json_items[SITE + KOORDINATION]["date_published"] == "2025-03-05T10:30:00+01:00"
    assert json_items[SITE + KOORDINATION]["date_modified"] == "2025-03-05T10:30:00+01:00"
    assert json_items[SITE + WORKSHOP]["date_modified"] == "2024-06-20T00:00:00+02:00"


def test_links_and_images_in_the_content_are_absolute(files: dict[str, bytes]) -> None:
    # From the raw XML: feedparser's sanitizer would drop `srcset` before we could look.
    workshop = next(i for i in rss_channel(files, "alle").iter("item")
                    if i.findtext("link") == SITE + WORKSHOP)
    html = workshop.findtext("content:encoded", namespaces=NS) or ""
    assert urls_in(html) == [
        SITE + "angebote/elterncafe-nastaetten/",
        SITE + "pressemitteilungen/2024/2024-06-14-workshop.png",
        SITE + "pressemitteilungen/2024/2024-06-14-workshop.png",
        SITE + "pressemitteilungen/2024/2024-06-14-workshop.png",
        SITE + WORKSHOP + "#ablauf",
        "mailto:presse@example.org",
        "https://example.org/extern",
    ]
    assert "&amp; weitere Angebote" in html  # the rendered HTML passes through unchanged
    json_item = next(i for i in json_feed(files, "alle")["items"] if i["url"] == SITE + WORKSHOP)
    assert json_item["content_html"] == html
    atom = next(e for e in atom_root(files, "alle").findall("atom:entry", NS)
                if e.findtext("atom:id", namespaces=NS) == SITE + WORKSHOP)
    content = atom.find("atom:content", NS)
    assert content is not None and content.get("type") == "html" and content.text == html
    assert json_item["image"] == SITE + "pressemitteilungen/2024/2024-06-14-workshop.png"


def test_an_item_without_rendered_html_carries_its_summary(collection: Collection,
                                                           files: dict[str, bytes]) -> None:
    offer = collection.by_type["angebote"][0]
    item = next(i for i in json_feed(files, "alle")["items"] if i["url"] == SITE + offer.url)
    assert item["content_html"] == f"<p>{offer.data.summary}</p>"


def test_a_body_too_long_for_a_feed_goes_out_as_summary_and_link(collection: Collection) -> None:
    long_body = "<p>" + "Sehr langer Text. " * 6000 + "</p>"  # about 108 KB
    assert len(long_body.encode("utf-8")) > MAX_CONTENT_BYTES
    files = build_feed_files(collection, site_url=SITE, html={**HTML, WORKSHOP_SRC: long_body})
    item = next(i for i in json_feed(files, "alle")["items"] if i["url"] == SITE + WORKSHOP)
    summary = next(e.data.summary for e in collection.items if e.src == WORKSHOP_SRC)
    assert item["content_html"] == (f'<p>{summary} <a href="{SITE + WORKSHOP}">Den ganzen Text '
                                    "lesen</a></p>")
    assert max(len(data) for data in files.values()) < 200 * 1024


def test_channel_link_is_the_page_and_self_link_is_the_feed(files: dict[str, bytes]) -> None:
    key, page = "kreise/rhein-lahn-kreis", SITE + "kreise/rhein-lahn-kreis/"
    channel = rss_channel(files, key)
    assert channel.findtext("link") == page
    self_link = channel.find("atom:link", NS)
    assert self_link is not None and self_link.attrib == {
        "href": SITE + f"feeds/{key}.xml", "rel": "self", "type": "application/rss+xml"}
    atom = parse(files[f"feeds/{key}.atom"]).feed
    assert {(link.rel, link.href, link.type) for link in atom.links} == {
        ("self", SITE + f"feeds/{key}.atom", "application/atom+xml"),
        ("alternate", page, "text/html")}
    assert atom.id == SITE + f"feeds/{key}.atom"
    feed = json_feed(files, key)
    assert (feed["home_page_url"], feed["feed_url"]) == (page, SITE + f"feeds/{key}.json")
    assert rss_channel(files, "alle").findtext("link") == SITE
    assert rss_channel(files, "angebote").findtext("link") == SITE + "angebote/"


def test_titles_and_descriptions_are_german(files: dict[str, bytes]) -> None:
    assert rss_channel(files, "pressemitteilungen").findtext("title") == \
        "Familiennetz – Pressemitteilungen"
    assert rss_channel(files, "kreise/rhein-lahn-kreis").findtext("title") == \
        "Familiennetz – Rhein-Lahn-Kreis"
    assert rss_channel(files, "themen/fruehe-hilfen").findtext("description") == (
        "Thema Frühe Hilfen: Pressemitteilungen, Veranstaltungen, Berichte aus Netzwerktreffen "
        "und Angebote für Familien.")
    assert json_feed(files, "alle")["language"] == "de"
    assert atom_root(files, "alle").get("{http://www.w3.org/XML/1998/namespace}lang") == "de"


def test_categories_are_topics_and_districts_with_the_slug_as_term(
        files: dict[str, bytes]) -> None:
    workshop = next(e for e in parse(files["feeds/alle.atom"]).entries
                    if e.link == SITE + WORKSHOP)
    assert [(t.term, t.scheme, t.label) for t in workshop.tags] == [
        ("kita-sozialarbeit", SITE + "themen/", "Kita-Sozialarbeit"),
        ("rhein-lahn-kreis", SITE + "kreise/", "Rhein-Lahn-Kreis")]
    item = next(i for i in rss_channel(files, "alle").iter("item")
                if i.findtext("link") == SITE + WORKSHOP)
    assert [(c.text, c.get("domain")) for c in item.findall("category")] == [
        ("Kita-Sozialarbeit", SITE + "themen/"), ("Rhein-Lahn-Kreis", SITE + "kreise/")]
    json_item = next(i for i in json_feed(files, "alle")["items"] if i["url"] == SITE + WORKSHOP)
    assert json_item["tags"] == ["Kita-Sozialarbeit", "Rhein-Lahn-Kreis"]


def test_feed_updated_is_the_newest_entry_not_now(files: dict[str, bytes]) -> None:
    # The cancelled reading afternoon, updated on 20 November.
    assert rss_channel(files, "alle").findtext("lastBuildDate") == "Fri, 20 Nov 2026 00:00:00 +0100"
    assert rss_channel(files, "themen/fruehe-hilfen").findtext("lastBuildDate") == \
        "Mon, 02 Nov 2026 00:00:00 +0100"
    # An old item updated later makes the feed newer than its newest item's publication.
    assert atom_root(files, "pressemitteilungen").findtext("atom:updated", namespaces=NS) == \
        "2025-03-05T10:30:00+01:00"
    for key in ALL_SCOPES:
        feed = parse(files[f"feeds/{key}.atom"])
        newest = max(e.updated_parsed for e in feed.entries)
        assert feed.feed.updated_parsed == newest, key


def test_an_empty_feed_takes_the_newest_time_of_the_site(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(FIXTURE, root)
    (root / "themen" / "kinderschutz.md").write_text(
        "---\ntitle: Kinderschutz\nsummary: Kinder vor Gewalt und Vernachlässigung schützen und "
        "ihr Wohl fördern.\n---\n\nText.\n", encoding="utf-8")
    files = build(collect(root), root)
    channel = rss_channel(files, "themen/kinderschutz")
    assert channel.findall("item") == []
    assert channel.findtext("lastBuildDate") == "Fri, 20 Nov 2026 00:00:00 +0100"
    assert parse(files["feeds/themen/kinderschutz.atom"]).feed.updated == \
        "2026-11-20T00:00:00+01:00"


def test_two_builds_are_byte_identical_and_do_not_depend_on_now(
        files: dict[str, bytes]) -> None:
    assert build(collect()) == files
    assert build(collect(now=NOW + timedelta(days=3, hours=5))) == files


def test_a_feed_holds_the_newest_50_items(tmp_path: Path) -> None:
    root = tmp_path / "content"
    for folder in ("kreise", "themen", "netzwerke"):
        shutil.copytree(FIXTURE / folder, root / folder)
    start = datetime(2024, 1, 1, tzinfo=BERLIN)
    for n in range(60):
        day = (start + timedelta(days=n)).date()
        folder = root / "pressemitteilungen" / str(day.year)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{day.isoformat()}-mitteilung-{n:02d}.md").write_text(
            f"---\ntitle: Mitteilung Nummer {n}\ndate: {day.isoformat()}\n"
            "districts: [saarlouis]\ntopics: [fruehe-hilfen]\n"
            "summary: Eine von sechzig Mitteilungen für den Test der Obergrenze.\n---\n\nText.\n",
            encoding="utf-8")
    files = build(collect(root), root)
    for key in ("alle", "pressemitteilungen", "kreise/saarlouis", "themen/fruehe-hilfen"):
        links = rss_links(files, key)
        assert len(links) == 50, key
        assert links[0].endswith("/mitteilung-59/") and links[-1].endswith("/mitteilung-10/")
        assert len(json_feed(files, key)["items"]) == 50
        assert len(parse(files[f"feeds/{key}.atom"]).entries) == 50


# --- the feedgen traps of STYLE.md, one test each ------------------------------------


def test_trap_add_entry_prepends_unless_order_append(collection: Collection,
                                                     files: dict[str, bytes]) -> None:
    for scope in feed_scopes(collection):
        assert rss_links(files, scope.key) == [SITE + e.url for e in scope.items]


class _Meta(type):
    def __instancecheck__(cls, instance: object) -> bool:
        return isinstance(instance, datetime)  # feedgen checks isinstance(…, datetime)


class _Year2099(datetime, metaclass=_Meta):
    """A clock that reads 2099: any default of "now" would show up in the output."""

    @classmethod
    def now(cls, tz: Any = None) -> datetime:  # type: ignore[override]
        return datetime(2099, 1, 1, tzinfo=tz)


@pytest.fixture
def clock_2099(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("feedgen.feed.datetime", _Year2099)
    monkeypatch.setattr("feedgen.entry.datetime", _Year2099)


@pytest.mark.usefixtures("clock_2099")
def test_trap_entry_updated_defaults_to_now(collection: Collection,
                                            files: dict[str, bytes]) -> None:
    assert build(collection) == files
    entries = {e.link: e for e in parse(files["feeds/alle.atom"]).entries}
    assert entries[SITE + WORKSHOP].updated == "2024-06-20T00:00:00+02:00"  # from `updated`
    assert entries[SITE + KOORDINATION].updated == "2025-03-05T10:30:00+01:00"  # = published
    for entry in collection.items:
        assert entries[SITE + entry.url].updated == collection.facts[entry.src].updated_at.isoformat()


@pytest.mark.usefixtures("clock_2099")
def test_trap_last_build_date_defaults_to_now(collection: Collection) -> None:
    files = build(collection)
    assert all(b"2099" not in data for data in files.values())
    for scope in feed_scopes(collection):
        newest = max(collection.facts[e.src].updated_at for e in scope.items)
        assert rss_channel(files, scope.key).findtext("lastBuildDate") == \
            newest.strftime("%a, %d %b %Y %H:%M:%S %z")


def test_trap_naive_datetimes_raise(collection: Collection) -> None:
    # feedgen raises on naive datetimes; every time we hand it is aware, in Berlin.
    for entry in collection.items:
        facts = collection.facts[entry.src]
        for moment in (facts.published_at, facts.updated_at):
            assert moment.tzinfo is BERLIN, entry.src
        assert facts.updated_at >= facts.published_at


def test_trap_rss_channel_link_is_the_last_link_call(files: dict[str, bytes]) -> None:
    for key in ALL_SCOPES:
        link = rss_channel(files, key).findtext("link", "")
        assert not link.startswith(SITE + "feeds/"), key


def test_trap_guid_is_not_a_permalink_unless_said(files: dict[str, bytes]) -> None:
    for key in ALL_SCOPES:
        for guid in rss_channel(files, key).iter("guid"):
            assert guid.get("isPermaLink") == "true"


def test_trap_rss_drops_authors_without_email(files: dict[str, bytes]) -> None:
    creators = {i.findtext("link"): i.findtext("dc:creator", namespaces=NS)
                for i in rss_channel(files, "alle").iter("item")}
    assert creators[SITE + WORKSHOP] == "Kreisverwaltung Rhein-Lahn"  # contact.organisation
    assert creators[SITE + KOORDINATION] == "Landkreis Saarlouis"  # first district
    assert creators[SITE + "angebote/babytreff-dillingen/"] == "Jugendamt Landkreis Saarlouis"
    assert all(creators.values())
    assert b"<author>" not in files["feeds/alle.xml"]  # RSS <author> would need an e-mail
    atom = {e.link: e.author for e in parse(files["feeds/alle.atom"]).entries}
    assert atom[SITE + KOORDINATION] == "Landkreis Saarlouis"


def test_trap_atom_entry_links_lose_rel_type_and_length(files: dict[str, bytes]) -> None:
    for entry in atom_root(files, "alle").findall("atom:entry", NS):
        links = entry.findall("atom:link", NS)
        alternates = [link for link in links if link.get("rel", "alternate") == "alternate"]
        assert len(alternates) == 1
    workshop = next(e for e in parse(files["feeds/alle.atom"]).entries
                    if e.link == SITE + WORKSHOP)
    assert [(e.href, e.type, e.length) for e in workshop.enclosures] == [
        (SITE + "pressemitteilungen/2024/2024-06-14-workshop.png", "image/png", "69")]


def test_generator_names_no_version(files: dict[str, bytes]) -> None:
    assert rss_channel(files, "alle").findtext("generator") == "Familiennetz"
    generator = atom_root(files, "alle").find("atom:generator", NS)
    assert generator is not None and generator.text == "Familiennetz" and not generator.attrib


# --- what the W3C Feed Validator checks, asserted structurally ------------------------

RFC822 = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|"
                    r"Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$")
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")


def test_rss_follows_the_feed_validator_rules(files: dict[str, bytes]) -> None:
    for key in ALL_SCOPES:
        raw = files[f"feeds/{key}.xml"]
        assert raw.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
        channel = rss_channel(files, key)
        for name in ("title", "link", "description"):
            assert channel.findtext(name), (key, name)
        assert channel.findtext("language") == "de"
        assert RFC822.match(channel.findtext("lastBuildDate", ""))
        self_link = channel.find("atom:link[@rel='self']", NS)
        assert self_link is not None and self_link.get("type") == "application/rss+xml"
        assert self_link.get("href") == SITE + f"feeds/{key}.xml"
        for item in channel.iter("item"):
            assert item.findtext("title") and item.findtext("description")
            assert RFC822.match(item.findtext("pubDate", ""))
            guid = item.find("guid")
            assert guid is not None and guid.get("isPermaLink") == "true"
            assert (guid.text or "").startswith(SITE)
            content = item.findtext("content:encoded", namespaces=NS) or ""
            assert content and all(url.startswith(("https://", "mailto:"))
                                   for url in urls_in(content))
            for enclosure in item.findall("enclosure"):
                assert enclosure.get("url", "").startswith(SITE)
                assert int(enclosure.get("length", "0")) > 0
                assert enclosure.get("type", "").startswith("image/")
    enclosure = next(i for i in rss_channel(files, "alle").iter("item")
                     if i.findtext("link") == SITE + WORKSHOP).find("enclosure")
    image = FIXTURE / "pressemitteilungen/2024/2024-06-14-workshop.png"
    assert enclosure is not None and enclosure.attrib == {
        "url": SITE + "pressemitteilungen/2024/2024-06-14-workshop.png",
        "length": str(image.stat().st_size), "type": "image/png"}


def test_json_feed_follows_version_1_1(files: dict[str, bytes]) -> None:
    for key in ALL_SCOPES:
        feed = json_feed(files, key)
        assert list(feed) == ["version", "title", "home_page_url", "feed_url", "description",
                              "language", "items"]
        for item in feed["items"]:
            assert {"id", "url", "title", "summary", "content_html", "date_published",
                    "date_modified", "authors", "tags"} <= set(item)
            assert RFC3339.match(item["date_published"]) and RFC3339.match(item["date_modified"])
            assert item["authors"][0]["name"]
    assert files["feeds/alle.json"].decode("utf-8").count("Frühe Hilfen") > 0  # not \u00fc


# --- links for pages and the subscription page ---------------------------------------


def test_feed_links_of_a_district_include_its_calendar() -> None:
    links = feed_links("kreise/saarlouis", SITE)
    assert [(link.href, link.type) for link in links] == [
        ("feeds/kreise/saarlouis.xml", "application/rss+xml"),
        ("feeds/kreise/saarlouis.atom", "application/atom+xml"),
        ("feeds/kreise/saarlouis.json", "application/feed+json"),
        ("kalender/veranstaltungen/kreise/saarlouis.ics", "text/calendar"),
        ("kalender/kreise/saarlouis.ics", "text/calendar")]
    assert links[0].url == SITE + "feeds/kreise/saarlouis.xml"
    assert [link.title for link in links] == [
        "RSS-Feed", "Atom-Feed", "JSON-Feed", "Kalender der Veranstaltungen für Familien (iCal)",
        "Kalender der Netzwerktreffen (iCal)"]
    assert [link.href for link in feed_links("themen/fruehe-hilfen", SITE)][-1] == \
        "feeds/themen/fruehe-hilfen.json"
    assert feed_links("netzwerktreffen", SITE)[-1].href == "kalender/alle.ics"


def test_every_subscription_link_points_to_a_built_file(collection: Collection,
                                                        files: dict[str, bytes]) -> None:
    scopes = subscription_scopes(collection, site_url=SITE)
    assert {scope.key for scope, _ in scopes} == ALL_SCOPES
    assert scopes[0][0].key == "alle"
    for _scope, links in scopes:
        for link in links:
            assert link.href in files


def test_pages_map_to_their_feed_scope(collection: Collection) -> None:
    for scope in feed_scopes(collection):
        assert scope_key_for_page(scope.page_url) == scope.key
    for page in (WORKSHOP, "impressum/", "kreise/", "themen/x/y/"):
        assert scope_key_for_page(page) is None


@pytest.mark.parametrize("site_url", ["", "/", "familiennetz.example.org", None])
def test_feeds_need_an_absolute_site_url(site_url: str | None) -> None:
    with pytest.raises(ValueError, match="absolute Adresse — `site_url`"):
        normalize_site_url(site_url)


def test_without_content_root_items_go_out_without_image(collection: Collection) -> None:
    files = build_feed_files(collection, site_url=SITE.rstrip("/"), html=HTML)
    assert b"<enclosure" not in files["feeds/alle.xml"]
    assert b'"image"' not in files["feeds/alle.json"]
    assert rss_channel(files, "alle").findtext("link") == SITE


def test_absolutize_keeps_markup_resolves_every_url_and_drops_comments() -> None:
    base = "https://example.org/a/b/"
    html = ('<p class="x">A &amp; B &#8211; <a href="../c/" title="T &quot;x&quot;">c</a>'
            '<!-- note --><br><img src="i.png" alt="Bild"></p>')
    assert absolutize(html, base) == (
        '<p class="x">A &amp; B \u2013 <a href="https://example.org/a/c/" '
        'title="T &quot;x&quot;">c</a><br><img src="https://example.org/a/b/i.png" alt="Bild"></p>')
    assert absolutize('<a href="tel:+49">x</a>', base) == '<a href="tel:+49">x</a>'

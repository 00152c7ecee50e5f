"""What the built site shows: the fixture in `tests/examples/site/`, built for real.

One `mkdocs build --strict` of the fixture per session (at NOW = 2026-11-21 12:00), plus
a few builds of variants: after the Sperrfrist, a tree with one broken file, and a tree
with 45 generated press releases for pagination. Pages are read with the stdlib HTML
parser; links are resolved the way a browser resolves them, below the fixture's
sub-path `site_url`.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml

import sitebuild
from familiennetz.render.labels import label
from familiennetz.types import TYPES
from sitebuild import Node, Site

pytestmark = pytest.mark.slow  # builds sites with MkDocs

BERLIN = ZoneInfo("Europe/Berlin")
AFTER_EMBARGO = "2030-01-02T00:00:00+01:00"
MARKERS = ("GEHEIMENTWURF", "SPERRFRISTTEXT", "SEITENENTWURF")

# --- what the fixture contains ----------------------------------------------------------


@dataclass(frozen=True)
class Item:
    url: str
    folder: str
    title: str
    districts: tuple[str, ...]
    topics: tuple[str, ...]
    network: str | None
    schema_type: str

    @property
    def year(self) -> str | None:
        match = re.match(r"^[a-z]+/(\d{4})/", self.url)
        return match.group(1) if match else None


WORKSHOP = Item("pressemitteilungen/2024/workshop-sozialraumbudget/", "pressemitteilungen",
                "Workshop zur Weiterentwicklung des Kita-Sozialraumbudgets", ("rhein-lahn-kreis",),
                ("kita-sozialarbeit",), "kita-netzwerk-rhein-lahn", "NewsArticle")
FRUEHE_HILFEN = Item("pressemitteilungen/2025/fruehe-hilfen-saarlouis/", "pressemitteilungen",
                     "Frühe Hilfen im Landkreis Saarlouis stellen ihre Angebote vor", ("saarlouis",),
                     ("fruehe-hilfen",), "netzwerk-fruehe-hilfen-saarlouis", "NewsArticle")
AUSTAUSCH = Item("pressemitteilungen/2026/laenderuebergreifender-austausch/", "pressemitteilungen",
                 "Länderübergreifender Austausch zu Frühen Hilfen und Kita-Sozialarbeit",
                 ("rhein-lahn-kreis", "saarlouis"), ("kita-sozialarbeit", "fruehe-hilfen"), None,
                 "NewsArticle")
KONFERENZ = Item("netzwerktreffen/2024/zwoelfte-netzwerkkonferenz/", "netzwerktreffen",
                 "Zwölfte Netzwerkkonferenz Frühe Hilfen im Landratsamt Saarlouis", ("saarlouis",),
                 ("fruehe-hilfen",), "netzwerk-fruehe-hilfen-saarlouis", "Event")
EINLADUNG = Item("netzwerktreffen/2026/einladung-kita-netzwerk-bad-ems/", "netzwerktreffen",
                 "Einladung zum Treffen des Kita-Netzwerks in Bad Ems", ("rhein-lahn-kreis",),
                 ("kita-sozialarbeit",), "kita-netzwerk-rhein-lahn", "Event")
ELTERNCAFE = Item("angebote/elterncafe-nastaetten/", "angebote", "Elterncafé in der Kita Nastätten",
                  ("rhein-lahn-kreis",), ("kita-sozialarbeit",), "kita-netzwerk-rhein-lahn", "Service")
SPRECHSTUNDE = Item("angebote/aerztliche-elternsprechstunde-dillingen/", "angebote",
                    "Ärztliche Elternsprechstunde in Dillingen", ("saarlouis",), ("fruehe-hilfen",),
                    "netzwerk-fruehe-hilfen-saarlouis", "Service")
KURS = Item("veranstaltungen/2026/elternkurs-saarlouis/", "veranstaltungen",
            "Elternkurs an drei Abenden in Saarlouis", ("saarlouis",), ("fruehe-hilfen",),
            "netzwerk-fruehe-hilfen-saarlouis", "Event")
FEST = Item("veranstaltungen/2026/familienfest-bad-ems/", "veranstaltungen",  # past at NOW
            "Familienfest im Kurpark Bad Ems", ("rhein-lahn-kreis",), ("kita-sozialarbeit",),
            "kita-netzwerk-rhein-lahn", "Event")
VORLESEN = Item("veranstaltungen/2026/vorlesen-lahnstein/", "veranstaltungen",  # cancelled
                "Vorlesenachmittag in Lahnstein", ("rhein-lahn-kreis",), ("kita-sozialarbeit",),
                None, "Event")
PUBLISHED = (WORKSHOP, FRUEHE_HILFEN, AUSTAUSCH, KONFERENZ, EINLADUNG, ELTERNCAFE, SPRECHSTUNDE,
             KURS, FEST, VORLESEN)
PRESS_RELEASES_NEWEST_FIRST = (AUSTAUSCH, FRUEHE_HILFEN, WORKSHOP)
OFFERS_IN_GERMAN_ORDER = (SPRECHSTUNDE, ELTERNCAFE)  # Ä sorts with A, not after Z

DRAFT_URL = "pressemitteilungen/2026/geheimentwurf-kinderschutzkonzept/"
DRAFT_IMAGE = "2026-11-19-geheimentwurf-skizze.svg"
EMBARGOED_URL = "pressemitteilungen/2030/sperrfristtext-fachtag-fruehe-hilfen/"
EMBARGOED_IMAGE = "2030-01-01-sperrfristtext-plakat.svg"
REF_FOLDERS = {"district": "kreise", "topic": "themen", "network": "netzwerke"}
LEGAL_PAGES = {"impressum/": "Impressum", "datenschutz/": "Datenschutz",
               "barrierefreiheit/": "Barrierefreiheit", "leichte-sprache/": "Leichte Sprache"}
# Footer links to a page the fixture (and the project's content/) does not have; see
# test_footer_links_lead_to_existing_pages.
KNOWN_MISSING_FOOTER_TARGETS = {"hilfe/"}


@pytest.fixture(scope="session")
def site(fixture_site: Site) -> Site:
    return fixture_site


@pytest.fixture(scope="session")
def site_after_embargo(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return sitebuild.build_site(sitebuild.FIXTURE_CONFIG, tmp_path_factory.mktemp("later"),
                                datetime.fromisoformat(AFTER_EMBARGO))


# --- reading pages ------------------------------------------------------------------------


def _is_nav_or_card(node: Node) -> bool:
    """Navigation and nested <article>s (cards of other items) are not the page's own content."""
    return node.tag == "nav" or (node.tag == "article" and not node.has_class("md-content__inner"))


def main_of(doc: Node) -> Node:
    mains = doc.find_all("main")
    assert len(mains) == 1, f"expected one <main>, found {len(mains)}"
    return mains[0]


def own_text(doc: Node) -> str:
    return main_of(doc).text(skip=_is_nav_or_card)


def own_links(site: Site, url: str) -> list[tuple[str, str | None, str]]:
    """(href, resolved site URL or None, text) of the links in the page's own content."""
    main = main_of(site.doc(url))
    return [(a.get("href"), site.resolve(url, a.get("href")), a.text())
            for a in main.find_all("a", skip=_is_nav_or_card) if "href" in a.attrs]


def cards(site: Site, url: str) -> list[str]:
    """Site URLs of the items listed on a page, in order (the first link of each card)."""
    found = []
    for article in main_of(site.doc(url)).find_all("article"):
        if article.has_class("md-content__inner"):
            continue
        link = article.find("a")
        assert link is not None, f"/{url}: a card without a link"
        target = site.resolve(url, link.get("href"))
        assert target is not None
        found.append(target)
    return found


def pagination_link(site: Site, url: str, rel: str) -> str | None:
    links = [a for a in main_of(site.doc(url)).find_all("a") if rel in a.get("rel").split()]
    assert len(links) <= 1, f"/{url}: {len(links)} links with rel={rel}"
    return site.resolve(url, links[0].get("href")) if links else None


def listing_items(site: Site, url: str) -> list[str]:
    """Every item on a listing, following rel=next through its pages."""
    items: list[str] = []
    seen: set[str] = set()
    page: str | None = url
    while page is not None and page not in seen:
        seen.add(page)
        items += cards(site, page)
        page = pagination_link(site, page, "next")
    return items


def json_ld(doc: Node) -> list[dict[str, object]]:
    return [json.loads(s.raw_text()) for s in doc.find_all("script", type="application/ld+json")]


def meta_property(doc: Node, name: str) -> list[str]:
    return [m.get("content") for m in doc.find_all("meta") if m.get("property") == name]


def moment(value: str) -> datetime:
    if len(value) == 10:
        return datetime.combine(date.fromisoformat(value), datetime.min.time(), tzinfo=BERLIN)
    return datetime.fromisoformat(value)


def card_times(site: Site, url: str) -> list[datetime]:
    """The dates of the dated cards on a page, in order (offers have none)."""
    times = []
    for article in main_of(site.doc(url)).find_all("article"):
        if not article.has_class("md-content__inner") and (tag := article.find("time")) is not None:
            times.append(moment(tag.get("datetime")))
    return times


def ref_url(kind: str, slug: str) -> str:
    return f"{REF_FOLDERS[kind]}/{slug}/"


def problems_on_every_page(site: Site, check: Callable[[str, Node], list[str]]) -> list[str]:
    assert len(site.pages()) > 25, "the fixture site lost its pages"
    return [f"/{url}: {problem}" for url in site.pages() for problem in check(url, site.doc(url))]


# --- the fixture is the project's configuration ----------------------------------------


def _load_mkdocs_yml(path: Path) -> dict[str, object]:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)
    assert isinstance(data, dict)
    return data


def test_the_menu_leads_to_every_listing_of_the_registry() -> None:
    menu = {page: title for entry in _load_mkdocs_yml(sitebuild.PROJECT_CONFIG)["nav"]  # type: ignore[union-attr]
            for title, page in entry.items() if isinstance(page, str)}
    for kind in TYPES:
        assert f"{kind.folder}/index.md" in menu, f"mkdocs.yml: `nav` lacks {kind.plural}"
    assert menu["veranstaltungen/index.md"] == "Termine für Familien"


def test_fixture_site_uses_the_project_configuration() -> None:
    project = _load_mkdocs_yml(sitebuild.PROJECT_CONFIG)
    fixture = _load_mkdocs_yml(sitebuild.FIXTURE_CONFIG)
    for key in ("markdown_extensions", "validation", "use_directory_urls", "strict", "docs_dir"):
        assert fixture.get(key) == project.get(key), f"tests/examples/site/mkdocs.yml: `{key}` differs"
    # The help pages are content of the real site; the rest of the navigation is the same.
    project_nav = [e for e in project["nav"] if "Hilfe für Redaktionen" not in e]  # type: ignore[union-attr]
    assert fixture.get("nav") == project_nav
    project_theme = {k: v for k, v in project["theme"].items() if k != "custom_dir"}  # type: ignore[attr-defined]
    fixture_theme = dict(fixture["theme"])  # type: ignore[call-overload]
    assert (sitebuild.FIXTURE_DIR / fixture_theme.pop("custom_dir")).resolve() == sitebuild.OVERRIDES
    assert fixture_theme == project_theme

    def names(plugins: object) -> list[str]:
        assert isinstance(plugins, list)
        return [p if isinstance(p, str) else next(iter(p)) for p in plugins]

    assert names(fixture["plugins"]) == names(project["plugins"])


# --- item pages ---------------------------------------------------------------------------


def test_every_published_item_has_a_page_at_its_stable_url(site: Site) -> None:
    for item in PUBLISHED:
        assert site.exists(item.url), f"no page at /{item.url}"


def test_dated_urls_carry_no_date_prefix(site: Site) -> None:
    dated = [url for url in site.pages() if re.search(r"(^|/)\d{4}-\d{2}-\d{2}-", url)]
    assert dated == []


def test_press_release_page_shows_its_facts(site: Site) -> None:
    doc = site.doc(WORKSHOP.url)
    text = own_text(doc)
    assert "14. Juni 2024" in text
    assert "Nr. 176" in text
    assert "aktualisiert am 18. Juni 2024" in text
    assert "Quelle: Kreisverwaltung Rhein-Lahn, Pressestelle" in text
    assert "Foto: Kreisverwaltung Rhein-Lahn" in text
    assert "Der Workshop fand in der Kreisverwaltung in Bad Ems statt." in text
    links = {(target, link_text) for _, target, link_text in own_links(site, WORKSHOP.url)}
    assert ("kreise/rhein-lahn-kreis/", "Rhein-Lahn-Kreis") in links
    assert ("netzwerke/kita-netzwerk-rhein-lahn/", "Kita-Netzwerk Rhein-Lahn") in links
    assert ("themen/kita-sozialarbeit/", "Kita-Sozialarbeit") in links
    assert ("angebote/elterncafe-nastaetten/", "Elterncafé in Nastätten") in links  # body link


def test_press_release_image_is_shown_with_alt_text_and_credit(site: Site) -> None:
    main = main_of(site.doc(WORKSHOP.url))
    images = main.find_all("img", skip=_is_nav_or_card)
    assert [img.get("alt") for img in images] == ["Teilnehmende des Workshops sitzen in Gruppen an Tischen."]
    src = site.resolve(WORKSHOP.url, images[0].get("src"))
    assert src is not None and site.exists(src), f"image {images[0].get('src')} is not in the site"
    figure = next(f for f in main.find_all("figure") if images[0] in list(f.iter()))
    assert "Foto: Kreisverwaltung Rhein-Lahn" in figure.text()


def test_press_release_contact_box_links_mail_and_phone(site: Site) -> None:
    hrefs = [href for href, _, _ in own_links(site, WORKSHOP.url)]
    assert "mailto:presse@example.org" in hrefs
    phones = [href for href in hrefs if href.startswith("tel:")]
    assert [re.sub(r"\D", "", p) for p in phones] == ["026039720"]
    text = own_text(site.doc(WORKSHOP.url))
    for part in ("Vorname Nachname", "Pressesprecherin", "Kreisverwaltung Rhein-Lahn", "02603 972-0"):
        assert part in text


def test_press_release_with_time_shows_date_and_time(site: Site) -> None:
    text = own_text(site.doc(FRUEHE_HILFEN.url))
    assert re.search(r"20\. Mai 2025, 0?9[:.]15 Uhr", text), text[:400]
    assert "Nr. 58" in text


def test_past_meeting_report_shows_the_meeting(site: Site) -> None:
    text = own_text(site.doc(KONFERENZ.url))
    for fact in ("8. Oktober 2024", "Landratsamt, Saarlouis", "12.", "120",
                 "Jugendamt Landkreis Saarlouis", "Gesundheitsamt Landkreis Saarlouis",
                 "Erika Beispiel", "ISM Mainz", "Familienzentren im Sozialraum",
                 "aktualisiert am 12. Oktober 2024"):
        assert fact in text, f"/{KONFERENZ.url} does not show {fact!r}"
    assert re.search(r"\b12\. (Treffen|Netzwerk|Konferenz|Ausgabe)", text)
    assert re.search(r"\b(etwa|rund|ca\.) 120\b", text)
    assert "Ankündigung" not in text
    assert "steht noch bevor" not in text
    targets = {target for _, target, _ in own_links(site, KONFERENZ.url)}
    assert "netzwerke/netzwerk-fruehe-hilfen-saarlouis/" in targets


def test_future_meeting_is_marked_as_announcement(site: Site) -> None:
    text = own_text(site.doc(EINLADUNG.url))
    assert "Ankündigung" in text or "steht noch bevor" in text
    assert "Donnerstag, 3. Dezember 2026, 09:30–13:00 Uhr" in text  # one day: one date
    for fact in ("Kreisverwaltung, Bad Ems", "Max Mustermann", "Caritas Lahnstein",
                 "Zusammenarbeit im Sozialraum", "Kreisjugendamt Rhein-Lahn"):
        assert fact in text


def test_announcement_becomes_a_report_once_the_meeting_is_past(site_after_embargo: Site) -> None:
    text = own_text(site_after_embargo.doc(EINLADUNG.url))
    assert "Ankündigung" not in text
    assert "steht noch bevor" not in text


def test_offer_page_shows_the_offer(site: Site) -> None:
    text = own_text(site.doc(ELTERNCAFE.url))
    for fact in ("Elterncafé", label("target_groups", "eltern"), label("target_groups", "kinder-0-3"),
                 "Kita-Sozialarbeit Rhein-Lahn", "Kindertagesstätte Regenbogen", "Musterweg 4",
                 "56355 Nastätten", "mittwochs 8:30–10:30 Uhr", "kostenlos",
                 "Deutsch", "Türkisch", "Arabisch", "14. September 2026"):
        assert fact in text, f"/{ELTERNCAFE.url} does not show {fact!r}"
    for code in ("kinder-0-3", "elterncafe"):
        assert not re.search(rf"(?<![\w/.-]){code}(?![\w-])", text), f"raw value {code!r} shown"
    hrefs = [href for href, _, _ in own_links(site, ELTERNCAFE.url)]
    assert "mailto:kita-sozialarbeit@example.org" in hrefs
    assert [re.sub(r"\D", "", h) for h in hrefs if h.startswith("tel:")] == ["06772000111"]
    assert "https://www.example.org/elterncafe" in hrefs
    assert "Deutsch" in own_text(site.doc(SPRECHSTUNDE.url))  # the default language


def test_stale_notice_only_on_the_stale_offer(site: Site) -> None:
    stale = own_text(site.doc(SPRECHSTUNDE.url))
    fresh = own_text(site.doc(ELTERNCAFE.url))
    assert "vor über einem Jahr" in stale
    assert "1. Juni 2025" in stale
    assert "vor über einem Jahr" not in fresh


# --- every page -------------------------------------------------------------------------------


def test_every_page_has_exactly_one_h1(site: Site) -> None:
    def check(url: str, doc: Node) -> list[str]:
        count = len(doc.find_all("h1"))
        return [] if count == 1 else [f"{count} <h1>"]

    assert problems_on_every_page(site, check) == []


def test_every_page_is_declared_german(site: Site) -> None:
    def check(url: str, doc: Node) -> list[str]:
        html = doc.find("html")
        return [] if html is not None and html.get("lang") == "de" else ["<html> without lang=\"de\""]

    assert problems_on_every_page(site, check) == []


def test_every_page_has_one_main_landmark(site: Site) -> None:
    def check(url: str, doc: Node) -> list[str]:
        count = len(doc.find_all("main")) + len([n for n in doc.iter() if n.get("role") == "main"])
        return [] if count == 1 else [f"{count} main landmarks"]

    assert problems_on_every_page(site, check) == []


def _skip_links(doc: Node) -> list[Node]:
    return [a for a in doc.find_all("a")
            if a.has_class("md-skip") or a.get("href") in ("#fn-inhalt", "#main")]


def test_every_page_has_a_skip_link_to_its_content(site: Site) -> None:
    def check(url: str, doc: Node) -> list[str]:
        links = _skip_links(doc)
        if not links:
            return ["no skip link"]
        href = links[0].get("href")
        target = doc.find(id=href[1:]) if href.startswith("#") else None
        if target is None:
            return [f"skip link {href!r} leads nowhere"]
        if target not in list(main_of(doc).iter()):
            return [f"skip link {href!r} does not lead into <main>"]
        return []

    assert problems_on_every_page(site, check) == []


def test_skip_link_does_not_jump_past_the_page_heading(site: Site) -> None:
    def check(url: str, doc: Node) -> list[str]:
        href = _skip_links(doc)[0].get("href")
        target = doc.find(id=href[1:])
        h1 = doc.find("h1")
        assert target is not None and h1 is not None
        order = list(doc.iter())
        ok = target is h1 or h1 in list(target.iter()) or order.index(target) < order.index(h1)
        return [] if ok else [f"skip link {href!r} lands after the <h1>"]

    assert problems_on_every_page(site, check) == []


def test_every_image_has_alt_text(site: Site) -> None:
    def check(url: str, doc: Node) -> list[str]:
        # a card's picture is decorative (alt=""): the item's own page describes it
        return [f"<img src={img.get('src')!r}> without alt text" for img in doc.find_all("img")
                if not img.get("alt").strip() and "fn-card__picture" not in img.get("class")]

    assert problems_on_every_page(site, check) == []


def test_item_pages_have_breadcrumbs(site: Site) -> None:
    for item in PUBLISHED:
        doc = site.doc(item.url)
        navs = [n for n in doc.find_all("nav") if "brot" in n.get("aria-label").lower()
                or "breadcrumb" in n.get("aria-label").lower()]
        assert len(navs) == 1, f"/{item.url}: {len(navs)} breadcrumb navs"
        targets = [site.resolve(item.url, a.get("href")) for a in navs[0].find_all("a")]
        expected = ["", f"{item.folder}/"] + ([f"{item.folder}/{item.year}/"] if item.year else [])
        assert targets == expected, f"/{item.url}"
        current = [n for n in navs[0].iter() if n.get("aria-current") == "page"]
        assert [n.text() for n in current] == [item.title]


def test_item_pages_carry_json_ld_of_their_type(site: Site) -> None:
    for item in PUBLISHED:
        blocks = json_ld(site.doc(item.url))
        assert len(blocks) == 1, f"/{item.url}: {len(blocks)} JSON-LD blocks"
        data = blocks[0]
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == item.schema_type, f"/{item.url}"
        assert data["url"] == site.absolute(item.url)
        assert item.title in (data.get("headline"), data.get("name"))
    event = json_ld(site.doc(EINLADUNG.url))[0]
    assert event["startDate"] == "2026-12-03T09:30:00+01:00"
    assert event["endDate"] == "2026-12-03T13:00:00+01:00"
    article = json_ld(site.doc(WORKSHOP.url))[0]
    assert str(article["datePublished"]).startswith("2024-06-14")
    assert str(article["dateModified"]).startswith("2024-06-18")


def test_item_pages_have_open_graph_title_and_url(site: Site) -> None:
    for item in PUBLISHED:
        doc = site.doc(item.url)
        assert meta_property(doc, "og:title") == [item.title], f"/{item.url}"
        assert meta_property(doc, "og:url") == [site.absolute(item.url)], f"/{item.url}"
    images = [site.resolve("", url) for url in meta_property(site.doc(WORKSHOP.url), "og:image")]
    assert len(images) == 1
    assert images[0] is not None and site.exists(images[0]), images


def test_item_pages_have_one_meta_description_with_the_summary(site: Site) -> None:
    doc = site.doc(WORKSHOP.url)
    descriptions = [m.get("content") for m in doc.find_all("meta", name="description")]
    assert descriptions == ["Kitaleitungen, Fachkräfte und Verwaltung haben in Bad Ems Bilanz gezogen "
                            "und die nächsten Schritte geplant."]


def test_home_page_heading_names_the_site(site: Site) -> None:
    assert [h.text() for h in site.doc("").find_all("h1")] == ["Familiennetz"]


def test_home_page_title_does_not_repeat_the_site_name(site: Site) -> None:
    title = site.doc("").find("title")
    assert title is not None and title.text() == "Familiennetz"


# --- listings ---------------------------------------------------------------------------------


def test_each_item_is_on_its_type_listing(site: Site) -> None:
    for folder in ("pressemitteilungen", "netzwerktreffen", "angebote"):
        listed = listing_items(site, f"{folder}/")
        expected = [i.url for i in PUBLISHED if i.folder == folder]
        assert sorted(listed) == sorted(expected), f"/{folder}/"


def test_each_dated_item_is_in_its_year_archive(site: Site) -> None:
    for item in PUBLISHED:
        if item.year:
            archive = f"{item.folder}/{item.year}/"
            assert item.url in listing_items(site, archive), f"/{item.url} missing on /{archive}"
    assert listing_items(site, "pressemitteilungen/2026/") == [AUSTAUSCH.url]


def test_each_item_is_on_every_district_topic_and_network_page_it_belongs_to(site: Site) -> None:
    expected: dict[str, set[str]] = {}
    for item in PUBLISHED:
        refs = [("district", d) for d in item.districts] + [("topic", t) for t in item.topics]
        refs += [("network", item.network)] if item.network else []
        for kind, slug in refs:
            expected.setdefault(ref_url(kind, slug), set()).add(item.url)
    for page, items in expected.items():
        assert set(listing_items(site, page)) == items, f"/{page}"


def test_reference_overviews_list_every_district_topic_and_network(site: Site) -> None:
    assert sorted(listing_items(site, "kreise/")) == ["kreise/rhein-lahn-kreis/", "kreise/saarlouis/"]
    assert sorted(listing_items(site, "themen/")) == ["themen/fruehe-hilfen/", "themen/kita-sozialarbeit/"]
    assert sorted(listing_items(site, "netzwerke/")) == ["netzwerke/kita-netzwerk-rhein-lahn/",
                                                          "netzwerke/netzwerk-fruehe-hilfen-saarlouis/"]


def _sitemap_urls(site: Site) -> list[str]:
    tree = ET.parse(site.root / "sitemap.xml")
    locs = [el.text or "" for el in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locs, "sitemap.xml lists nothing"
    return locs


def test_sitemap_lists_every_published_item_and_only_existing_pages(site: Site) -> None:
    locs = _sitemap_urls(site)
    for item in PUBLISHED:
        assert site.absolute(item.url) in locs, f"/{item.url} not in sitemap.xml"
    for loc in locs:
        target = site.resolve("", loc)
        assert target is not None and site.exists(target), f"sitemap.xml lists {loc}, which does not exist"


def test_sitemap_lastmod_is_the_items_last_change(site: Site) -> None:
    tree = ET.parse(site.root / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    lastmod = {el.findtext("s:loc", namespaces=ns): el.findtext("s:lastmod", namespaces=ns)
               for el in tree.iterfind("s:url", ns)}
    assert lastmod[site.absolute(WORKSHOP.url)] == "2024-06-18"  # `updated`
    assert lastmod[site.absolute(FRUEHE_HILFEN.url)] == "2025-05-20"  # `date`


def test_press_releases_newest_first(site: Site) -> None:
    assert listing_items(site, "pressemitteilungen/") == [i.url for i in PRESS_RELEASES_NEWEST_FIRST]
    for listing in ("pressemitteilungen/", "netzwerktreffen/", "kreise/rhein-lahn-kreis/",
                    "themen/fruehe-hilfen/"):
        times = card_times(site, listing)
        assert len(times) >= 2
        assert times == sorted(times, reverse=True), f"/{listing} is not newest first"


def test_offers_in_german_alphabetical_order(site: Site) -> None:
    assert listing_items(site, "angebote/") == [i.url for i in OFFERS_IN_GERMAN_ORDER]


def test_home_page_announces_the_upcoming_meeting(site: Site) -> None:
    targets = {target for _, target, _ in own_links(site, "")}
    assert EINLADUNG.url in targets


# --- pagination ---------------------------------------------------------------------------------

PAGE_SIZE = 10
GENERATED = 45


@pytest.fixture(scope="session")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The fixture plus 45 press releases of one district, built with page_size 10."""
    root = tmp_path_factory.mktemp("paged")
    config = sitebuild.copy_fixture(root / "src", plugin_options={"page_size": PAGE_SIZE})
    folder = root / "src" / "content" / "pressemitteilungen" / "2025"
    for n in range(GENERATED):
        day = date(2025, 1, 1).toordinal() + n
        iso = date.fromordinal(day).isoformat()
        (folder / f"{iso}-testmeldung-{n:02d}.md").write_text(
            f"---\ntitle: Testmeldung {n:02d} aus dem Rhein-Lahn-Kreis\ndate: {iso}\n"
            f"districts: [rhein-lahn-kreis]\ntopics: [kita-sozialarbeit]\n"
            f"summary: Eine erzeugte Mitteilung, damit die Listen mehrere Seiten haben.\n---\n\n"
            f"Text der Testmeldung {n:02d}.\n", encoding="utf-8")
    result = sitebuild.run_build(config, root / "site")
    assert result.returncode == 0, result.output
    return Site(root / "site", sitebuild.site_url_of(config), result.output)


def _listing_pages(site: Site) -> list[str]:
    pattern = re.compile(r"^(?:(?:pressemitteilungen|netzwerktreffen)/(?:\d{4}/)?"
                         r"|(?:kreise|themen|netzwerke)/[a-z0-9-]+/)(?:seite/\d+/)?$")
    return [url for url in site.pages() if pattern.match(url)]


def test_long_listings_are_split_into_numbered_pages(paged_site: Site) -> None:
    total = GENERATED + len(PRESS_RELEASES_NEWEST_FIRST)
    pages = -(-total // PAGE_SIZE)
    assert paged_site.exists("pressemitteilungen/")
    for n in range(2, pages + 1):
        assert paged_site.exists(f"pressemitteilungen/seite/{n}/"), f"no page {n}"
    assert not paged_site.exists(f"pressemitteilungen/seite/{pages + 1}/")
    assert not paged_site.exists("pressemitteilungen/seite/1/")  # page 1 is the listing itself
    assert paged_site.exists("kreise/rhein-lahn-kreis/seite/2/")
    assert paged_site.exists("pressemitteilungen/2025/seite/2/")


def test_pages_link_to_previous_and_next(paged_site: Site) -> None:
    total = GENERATED + len(PRESS_RELEASES_NEWEST_FIRST)
    pages = -(-total // PAGE_SIZE)
    urls = ["pressemitteilungen/"] + [f"pressemitteilungen/seite/{n}/" for n in range(2, pages + 1)]
    for index, url in enumerate(urls):
        prev_url = urls[index - 1] if index > 0 else None
        next_url = urls[index + 1] if index + 1 < len(urls) else None
        assert pagination_link(paged_site, url, "prev") == prev_url, f"/{url}: rel=prev"
        assert pagination_link(paged_site, url, "next") == next_url, f"/{url}: rel=next"
    items = listing_items(paged_site, "pressemitteilungen/")
    assert len(items) == total == len(set(items))
    times = [t for url in urls for t in card_times(paged_site, url)]
    assert times == sorted(times, reverse=True)


def test_no_listing_page_exceeds_the_page_size(paged_site: Site) -> None:
    pages = _listing_pages(paged_site)
    assert len(pages) > 10
    too_long = {url: n for url in pages if (n := len(cards(paged_site, url))) > PAGE_SIZE}
    assert too_long == {}


def test_every_item_of_a_paged_district_is_listed_once(paged_site: Site) -> None:
    items = listing_items(paged_site, "kreise/rhein-lahn-kreis/")
    assert len(items) == len(set(items))
    assert len([u for u in items if "/testmeldung-" in u]) == GENERATED
    assert {WORKSHOP.url, AUSTAUSCH.url, EINLADUNG.url, ELTERNCAFE.url} <= set(items)


# --- drafts and Sperrfrist -----------------------------------------------------------------------


def test_draft_and_embargoed_text_appears_in_no_built_file(site: Site) -> None:
    files = site.files()
    assert any(p.name == "sitemap.xml" for p in files)
    leaks = [f"{p.relative_to(site.root)}: {marker}" for p in files
             for marker in MARKERS if marker.lower().encode() in site.read_bytes_decompressed(p).lower()]
    assert leaks == []


def test_draft_and_embargoed_items_have_no_page(site: Site) -> None:
    assert not site.exists("hilfe-entwurf/")  # an ordinary page with `draft: true`
    assert not site.exists(DRAFT_URL)
    assert not site.exists(EMBARGOED_URL)
    assert not site.exists("pressemitteilungen/2030/")  # a year with only embargoed items
    years = {site.resolve("pressemitteilungen/", a.get("href"))
             for a in main_of(site.doc("pressemitteilungen/")).find_all("a")}
    assert "pressemitteilungen/2030/" not in years


def test_images_of_draft_and_embargoed_items_are_not_copied(site: Site) -> None:
    names = {p.name for p in site.files()}
    assert EMBARGOED_IMAGE not in names
    assert DRAFT_IMAGE not in names
    assert "2024-06-14-workshop.svg" in names  # the published item's image is


def test_embargoed_item_is_published_after_the_embargo(site_after_embargo: Site) -> None:
    site = site_after_embargo
    assert site.exists(EMBARGOED_URL)
    assert "SPERRFRISTTEXT" in own_text(site.doc(EMBARGOED_URL))
    assert EMBARGOED_IMAGE in {p.name for p in site.files()}
    assert EMBARGOED_URL in listing_items(site, "pressemitteilungen/")
    assert listing_items(site, "pressemitteilungen/")[0] == EMBARGOED_URL  # the newest
    assert EMBARGOED_URL in listing_items(site, "pressemitteilungen/2030/")
    assert EMBARGOED_URL in listing_items(site, "kreise/saarlouis/")
    assert site.absolute(EMBARGOED_URL) in _sitemap_urls(site)
    feeds = [p for p in site.files() if p.parent.name == "feeds" and p.stem == "pressemitteilungen"]
    for feed in feeds:  # the feeds, where the build writes them
        assert site.absolute(EMBARGOED_URL) in feed.read_text(encoding="utf-8"), feed.name
    # The draft stays a draft, whatever the date.
    assert not site.exists(DRAFT_URL)
    leaks = [p for p in site.files() if b"geheimentwurf" in site.read_bytes_decompressed(p).lower()]
    assert leaks == []


def test_files_linked_only_from_hidden_bodies_are_not_copied(tmp_path: Path) -> None:
    config = sitebuild.copy_fixture(tmp_path / "src")
    content = tmp_path / "src" / "content" / "pressemitteilungen"
    attachments = {
        EMBARGOED_URL: ("2030", "2030-01-01-sperrfristtext-fachtag-fruehe-hilfen.md", "sperrfrist"),
        DRAFT_URL: ("2026", "2026-11-19-geheimentwurf-kinderschutzkonzept.md", "entwurf"),
    }
    for year, name, stem in attachments.values():
        (content / year / f"{stem}-programm.pdf").write_bytes(b"%PDF-1.4 vertraulich\n")
        (content / year / f"{stem}-foto.svg").write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>', encoding="utf-8")
        with (content / year / name).open("a", encoding="utf-8") as f:
            f.write(f"\n![Ein Foto im Text]({stem}-foto.svg)\n\n[Programm]({stem}-programm.pdf)\n")
    result = sitebuild.run_build(config, tmp_path / "out")
    assert result.returncode == 0, result.output
    copied = sorted(p.name for p in (tmp_path / "out").rglob("*")
                    if p.name.startswith(("sperrfrist-", "entwurf-")))
    assert copied == []


# --- an invalid tree -----------------------------------------------------------------------------


def test_invalid_tree_publishes_nothing(tmp_path: Path) -> None:
    config = sitebuild.copy_fixture(tmp_path / "src")
    broken = tmp_path / "src" / "content" / "angebote" / "elterncafe-nastaetten.md"
    lines = broken.read_text(encoding="utf-8").splitlines(keepends=True)
    at = lines.index("cost: kostenlos\n") + 1
    lines.insert(at, "sumary: Ein Tippfehler im Feldnamen.\n")
    broken.write_text("".join(lines), encoding="utf-8")
    target = tmp_path / "out"
    target.mkdir()
    (target / "vorher.txt").write_text("Die alte Seite bleibt, bis ein Build gelingt.", encoding="utf-8")

    result = sitebuild.run_build(config, target)

    assert result.returncode != 0, result.output
    line = at + 1  # 1-based line of the inserted field
    assert re.search(rf"^content/angebote/elterncafe-nastaetten\.md:{line}:1: .*unbekanntes Feld "
                     r"`sumary` — meinten Sie `summary`\?", result.output, re.MULTILINE), result.output
    assert "nichts veröffentlicht" in result.output
    assert "Traceback" not in result.output
    assert sorted(p.name for p in target.iterdir()) == ["vorher.txt"]


# --- URLs -------------------------------------------------------------------------------------------


def _internal_links(site: Site) -> list[tuple[str, str, str]]:
    """(page, href, target) of every link and resource reference that stays on the site."""
    found = []
    for url in site.pages():
        for node in site.doc(url).iter():
            for attr in ("href", "src"):
                href = node.get(attr)
                if not href or href.startswith(("mailto:", "tel:", "data:", "#")):
                    continue
                target = site.resolve(url, href)
                if target is not None:
                    found.append((url, href, target))
    return found


def test_internal_links_are_plain_ascii_without_escapes(site: Site) -> None:
    bad = [(url, href) for url, href, _ in _internal_links(site) if "%" in href or not href.isascii()]
    assert bad == []


def test_built_paths_are_ascii(site: Site) -> None:
    bad = [str(p.relative_to(site.root)) for p in site.files() if not str(p.relative_to(site.root)).isascii()]
    assert bad == []


def test_internal_links_lead_to_existing_files(site: Site) -> None:
    broken = sorted({(url, href) for url, href, target in _internal_links(site)
                     if not site.exists(target) and target not in KNOWN_MISSING_FOOTER_TARGETS})
    assert broken == []


def test_footer_links_lead_to_existing_pages(site: Site) -> None:
    for url in ("", WORKSHOP.url):
        footer = site.doc(url).find("footer")
        assert footer is not None
        for a in footer.find_all("a"):
            if a.get("href").startswith(("tel:", "mailto:")):  # the operator's contact
                continue
            target = site.resolve(url, a.get("href"))
            assert target is not None and site.exists(target), f"footer link {a.get('href')} is broken"


# --- 404 and footer ---------------------------------------------------------------------------------


def test_404_page_is_german_and_leads_back(site: Site) -> None:
    assert (site.root / "404.html").is_file()
    doc = site.doc("404.html")
    html = doc.find("html")
    assert html is not None and html.get("lang") == "de"
    assert [h.text() for h in doc.find_all("h1")] == ["Seite nicht gefunden"]
    targets = {site.resolve("404.html", a.get("href")) for a in main_of(doc).find_all("a")}
    assert "" in targets  # the home page, below the sub-path
    for target in targets - {None}:
        assert site.exists(target or ""), f"404.html links to /{target}, which does not exist"
    stylesheets = [site.resolve("404.html", link.get("href")) for link in doc.find_all("link")
                   if link.get("rel") == "stylesheet"]
    assert stylesheets and all(s is not None and site.exists(s) for s in stylesheets)


def test_404_page_title_says_not_found(site: Site) -> None:
    title = site.doc("404.html").find("title")
    assert title is not None and "nicht gefunden" in title.text()


def test_footer_links_legal_pages_on_every_page(site: Site) -> None:
    def check(url: str, doc: Node) -> list[str]:
        footers = doc.find_all("footer")
        if not footers:
            return ["no <footer>"]
        links = {site.resolve(url, a.get("href")): a.text() for f in footers for a in f.find_all("a")}
        return [f"footer does not link {name}" for target, name in LEGAL_PAGES.items()
                if target not in links or name not in (links[target] or "")]

    assert problems_on_every_page(site, check) == []
    for target in LEGAL_PAGES:
        assert site.exists(target)


def test_without_javascript_the_menu_is_a_link_to_the_sections_in_the_footer(site: Site) -> None:
    """The menu button needs JavaScript; without it a phone still reaches every section."""
    from familiennetz.types import ITEM_TYPES

    for url in ("", "angebote/", "themen/kita-sozialarbeit/"):
        doc = site.doc(url)
        html = (site.root / url / "index.html").read_text(encoding="utf-8")
        assert ('<noscript><a class="md-header__button fn-menu-nojs" href="#fn-bereiche">Menü</a>'
                '</noscript>') in html
        sections = doc.find("nav", id="fn-bereiche")
        assert sections is not None
        targets = {site.resolve(url, a.get("href")) for a in sections.find_all("a")}
        assert {f"{t.folder}/" for t in ITEM_TYPES} <= targets and "" in targets


def test_the_home_page_promises_only_the_accessible_versions_it_has(site: Site) -> None:
    # No video in German Sign Language here: the heading must not announce one.
    home = site.doc("")
    assert not home.find_all("video")
    headings = [h.text().strip() for h in home.find_all("h2") if h.get("id") == "fn-access-heading"]
    assert headings == ["In Leichter Sprache"]


def test_an_offer_with_an_address_links_to_it_on_a_map(site: Site) -> None:
    # As meetings and events do: a link opened by a click, nothing embedded.
    links = [a for a in site.doc("angebote/elterncafe-nastaetten/").find_all("a")
             if a.text().strip() == "Auf der Karte zeigen (OpenStreetMap)"]
    assert [a.get("href") for a in links] == [
        "https://www.openstreetmap.org/search?query=Musterweg%204%2C%2056355%20Nast%C3%A4tten"]

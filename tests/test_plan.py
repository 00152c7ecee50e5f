"""The site plan, without a build: every page, its template, what it lists, what stays
hidden, the subscribe page's groups — from the fixture site's collection."""

from __future__ import annotations

import pytest

from conftest import NOW, Tree
from familiennetz.collection import Collection
from familiennetz.plan import SEARCH_SRC, SUBSCRIBE_SRC, SitePlan, make_plan
from familiennetz.validator import validate
from sitebuild import FIXTURE_DIR

CONTENT = FIXTURE_DIR / "content"


@pytest.fixture(scope="module")
def collection() -> Collection:
    return validate(CONTENT, now=NOW, display_base=CONTENT).collection


@pytest.fixture(scope="module")
def plan(collection: Collection) -> SitePlan:
    sources = {p.relative_to(CONTENT).as_posix() for p in CONTENT.rglob("*.md")}
    return make_plan(collection, sources, page_size=2)


def test_every_published_item_has_its_page_with_its_types_template(plan: SitePlan,
                                                                  collection: Collection) -> None:
    for entry in collection.items:
        page = plan.pages[entry.src]
        assert (page.kind, page.url, page.template, page.entry) == (
            "item", entry.url, f"{entry.type.key}.html", entry)


def test_drafts_embargoed_items_and_their_files_are_hidden_and_have_no_page(plan: SitePlan) -> None:
    hidden = {"pressemitteilungen/2026/2026-11-19-geheimentwurf-kinderschutzkonzept.md",
              "pressemitteilungen/2026/2026-11-19-geheimentwurf-skizze.svg",
              "pressemitteilungen/2030/2030-01-01-sperrfristtext-fachtag-fruehe-hilfen.md",
              "pressemitteilungen/2030/2030-01-01-sperrfristtext-plakat.svg", "hilfe-entwurf.md"}
    assert hidden <= plan.hidden
    assert not hidden & set(plan.pages)


def test_listings_are_paginated_and_generated_where_content_has_no_file(plan: SitePlan) -> None:
    first = plan.pages["pressemitteilungen/index.md"]
    assert (first.kind, first.template, first.generated, first.feed_scope) == (
        "listing", "listing.html", False, "pressemitteilungen")
    second = plan.pages["pressemitteilungen/seite/2.md"]
    assert (second.url, second.generated, second.title) == (
        "pressemitteilungen/seite/2/", True, "Pressemitteilungen – Seite 2")
    archive = plan.pages["pressemitteilungen/2024/index.md"]
    assert (archive.generated, archive.feed_scope, archive.listing.listing.year) == (True, None, 2024)


def test_the_offer_listing_is_the_finder_and_reference_pages_list_their_items(plan: SitePlan) -> None:
    assert plan.pages["angebote/index.md"].template == "finder.html"
    district = plan.pages["kreise/saarlouis.md"]
    assert (district.kind, district.template, district.feed_scope) == (
        "listing", "listing.html", "kreise/saarlouis")
    assert district.entry is not None and district.entry.slug == "saarlouis"


def test_special_pages_get_their_templates_and_are_generated_when_missing(plan: SitePlan) -> None:
    assert (plan.pages["index.md"].template, plan.pages["index.md"].feed_scope) == ("home.html", "alle")
    assert plan.pages[SUBSCRIBE_SRC].template == "abonnieren.html"
    assert (plan.pages[SEARCH_SRC].template, plan.pages[SEARCH_SRC].generated) == ("suche.html", True)
    assert plan.pages["impressum.md"].template is None


def test_indexed_pages_come_first_and_exclude_listings_home_and_legal_pages(plan: SitePlan) -> None:
    order = list(plan.pages.values())
    first_unindexed = next(i for i, p in enumerate(order) if not p.indexed)
    assert all(not p.indexed for p in order[first_unindexed:])
    indexed = {p.src for p in plan.indexed}
    assert "leichte-sprache.md" in indexed and "kreise/saarlouis.md" in indexed
    # nor the legal pages: readers search for content
    assert not {"index.md", "pressemitteilungen/index.md", SUBSCRIBE_SRC, "impressum.md"} & indexed


def test_the_subscribe_page_groups_come_from_the_registry(plan: SitePlan) -> None:
    groups = [(g.heading, [s.key for s in g.scopes][:2]) for g in plan.subscriptions]
    assert groups == [("Alles", ["alle"]), ("Nach Art", ["pressemitteilungen", "veranstaltungen"]),
                      ("Nach Kreis oder Stadt", ["kreise/saarlouis", "kreise/rhein-lahn-kreis"]),
                      ("Nach Netzwerk", ["netzwerke/kita-netzwerk-rhein-lahn",
                                         "netzwerke/netzwerk-fruehe-hilfen-saarlouis"]),
                      ("Nach Thema", ["themen/fruehe-hilfen", "themen/kita-sozialarbeit"])]
    assert [src for src, _ in plan.footer][:3] == ["impressum.md", "datenschutz.md",
                                                   "barrierefreiheit.md"]


def test_the_subscribe_page_names_feeds_after_the_site(collection: Collection) -> None:
    plan = make_plan(collection, set(), page_size=2, site_name="Familienportal Rhein-Lahn")
    titles = [s.title for g in plan.subscriptions for s in g.scopes]
    assert titles and all(t.startswith("Familienportal Rhein-Lahn – ") for t in titles)


def test_every_feed_scope_gets_a_generated_unindexed_page_offering_its_feeds(
        plan: SitePlan) -> None:
    scopes = [s for g in plan.subscriptions for s in g.scopes]
    pages = [p for p in plan.pages.values() if p.kind == "subscription"]
    assert [(p.src, p.url, p.feed_scope) for p in pages] == [
        (f"abonnieren/{s.key}.md", f"abonnieren/{s.key}/", s.key) for s in scopes]
    assert all(p.generated and not p.indexed and p.template == "abonnement.html" for p in pages)
    saarlouis = plan.pages["abonnieren/kreise/saarlouis.md"]
    assert saarlouis.title == "Landkreis Saarlouis abonnieren"
    assert [g.label for g in plan.subscriptions] == ["", "", "Kreise und Städte", "Netzwerke",
                                                    "Themen"]


OFFER = """---
title: Elterncafé in Nastätten
summary: Offener Treff für Eltern mit Kaffee und Gesprächen, jeden Mittwoch.
districts: [rhein-lahn-kreis]
topics: [kita-sozialarbeit]
offer_type: elterncafe
target_groups: [eltern]
provider: Kita-Sozialarbeit Rhein-Lahn
contact:
  email: kita@example.org
reviewed: 2026-09-14
---

Ohne Anmeldung.
"""


def test_districts_with_offers_get_a_finder_page_of_their_own_that_is_not_searched(tree: Tree) -> None:
    content = tree({"angebote/elterncafe-nastaetten.md": OFFER})
    collection = validate(content, now=NOW).collection
    sources = {p.relative_to(content).as_posix() for p in content.rglob("*.md")}
    plan = make_plan(collection, sources, page_size=2)
    finders = {p.url: p for p in plan.pages.values() if p.url.startswith("angebote/kreis/")}
    assert list(finders) == ["angebote/kreis/rhein-lahn-kreis/"]  # Saarlouis has no offer
    page = finders["angebote/kreis/rhein-lahn-kreis/"]
    assert (page.src, page.kind, page.template, page.generated, page.indexed, page.feed_scope) == (
        "angebote/kreis/rhein-lahn-kreis.md", "listing", "finder.html", True, False, None)
    assert page.title == "Angebote: Rhein-Lahn-Kreis"
    assert page.entry is not None and page.entry.slug == "rhein-lahn-kreis"
    assert page.listing is not None
    assert [e.slug for e in page.listing.items] == ["elterncafe-nastaetten"]
    assert page.src not in {p.src for p in plan.indexed}

"""The collection: what is published at `now`, in which order, and indexed by reference."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from conftest import EXAMPLES, NOW
from familiennetz.collection import Collection, is_published
from familiennetz.dates import BERLIN
from familiennetz.documents import Entry
from familiennetz.text import sort_key_de
from familiennetz.validator import validate

Tree = Callable[[Mapping[str, str | bytes]], Path]
EMBARGO = NOW.replace(day=25, hour=10)  # of the valid example's Fachtag press release


@pytest.fixture(scope="module")
def valid(tmp_path_factory: pytest.TempPathFactory) -> Collection:
    root = tmp_path_factory.mktemp("valid") / "content"
    shutil.copytree(EXAMPLES / "valid", root)
    result = validate(root, now=NOW, display_base=root)
    assert result.problems == []
    return result.collection


def at(collection: Collection, moment: datetime) -> Collection:
    return Collection(collection.entries, collection.pages, moment)


def slugs(entries: list[Entry]) -> list[str]:
    return [e.slug for e in entries]


# --- what is published ------------------------------------------------------------------------


def test_drafts_and_embargoed_items_are_not_published_before_the_embargo(valid: Collection) -> None:
    assert slugs(valid.items) == ["netzwerktreffen-bad-ems", "elternkurs-saarlouis",
                                  "workshop-sozialraumbudget", "elterncafe-nastaetten"]
    assert valid.hidden == {"pressemitteilungen/2024/2024-07-01-entwurf-elternbefragung.md",
                            "pressemitteilungen/2026/2026-11-25-fachtag-fruehe-hilfen.md"}


def test_embargoed_item_is_published_from_the_embargo_moment_on(valid: Collection) -> None:
    before = at(valid, EMBARGO - timedelta(seconds=1))
    assert "fachtag-fruehe-hilfen" not in slugs(before.items)
    for moment in (EMBARGO, EMBARGO + timedelta(days=1)):
        after = at(valid, moment)
        assert slugs(after.items)[0] == "fachtag-fruehe-hilfen"
        assert after.hidden == {"pressemitteilungen/2024/2024-07-01-entwurf-elternbefragung.md"}


def test_embargo_compares_instants_not_wall_clocks(valid: Collection) -> None:
    # 09:00 UTC is 10:00 in Berlin in November: the embargo moment itself.
    assert "fachtag-fruehe-hilfen" in slugs(at(valid, EMBARGO.astimezone(UTC)).items)


def test_draft_is_never_published(valid: Collection) -> None:
    [draft] = [e for e in valid.entries if e.slug == "entwurf-elternbefragung"]
    assert not is_published(draft, NOW + timedelta(days=3650))


def test_every_valid_entry_is_kept_also_the_hidden_ones(valid: Collection) -> None:
    assert len(valid.entries) == 5 + 6  # 2 districts, 1 network, 2 topics; 6 items
    assert {p.src for p in valid.pages} == {"index.md", "impressum.md", "suche.md", "abonnieren.md"}


# --- order -----------------------------------------------------------------------------------


def test_items_come_newest_first_across_types_with_offers_last(valid: Collection) -> None:
    dated = [e for e in at(valid, EMBARGO).items if e.type.dated]
    days = [e.data.date.at for e in dated]
    assert days == sorted(days, reverse=True)
    assert at(valid, EMBARGO).items[-1].type.folder == "angebote"


def test_by_type_lists_each_folder(valid: Collection) -> None:
    assert slugs(valid.by_type["pressemitteilungen"]) == ["workshop-sozialraumbudget"]
    assert slugs(valid.by_type["netzwerktreffen"]) == ["netzwerktreffen-bad-ems"]
    assert slugs(valid.by_type["angebote"]) == ["elterncafe-nastaetten"]


PRESS = """---
title: {title}
date: {date}
districts: [rhein-lahn-kreis]
topics: [kita-sozialarbeit]
summary: Eine kurze Zusammenfassung für die Liste der Mitteilungen.
---

Text.
"""

OFFER = """---
title: {title}
summary: Ein Angebot für Familien im Rhein-Lahn-Kreis, offen und kostenlos.
districts: [rhein-lahn-kreis]
topics: [fruehe-hilfen]
offer_type: beratung
target_groups: [eltern]
provider: Kreisverwaltung
contact: {{email: familien@example.org}}
reviewed: 2026-09-01
---

Text.
"""


def test_same_day_items_are_ordered_by_time_then_slug(tree: Tree, content: Path) -> None:
    tree({
        "pressemitteilungen/2026/2026-11-10-b-zweite.md":
            PRESS.format(title="Zweite Mitteilung", date="2026-11-10"),
        "pressemitteilungen/2026/2026-11-10-a-erste.md":
            PRESS.format(title="Erste Mitteilung", date="2026-11-10"),
        "pressemitteilungen/2026/2026-11-10-mittags.md":
            PRESS.format(title="Mittags verschickt", date="2026-11-10T12:00:00+01:00"),
        "pressemitteilungen/2026/2026-11-11-spaeter.md":
            PRESS.format(title="Einen Tag später", date="2026-11-11"),
    })
    result = validate(content, now=NOW, display_base=content)
    assert result.problems == []
    assert slugs(result.collection.items) == ["spaeter", "mittags", "a-erste", "b-zweite"]


def test_offers_are_alphabetical_as_german_readers_expect(tree: Tree, content: Path) -> None:
    titles = ["Zwergentreff Lahnstein", "Öffentliche Elternabende", "arztpraxis-Lotsen Diez",
              "Ärztliche Sprechstunde für Eltern", "Babytreff Diez", "Ölmühle Familienzentrum"]
    tree({f"angebote/angebot-{i}.md": OFFER.format(title=t) for i, t in enumerate(titles)})
    result = validate(content, now=NOW, display_base=content)
    assert result.problems == []
    assert [e.title for e in result.collection.by_type["angebote"]] == [
        "Ärztliche Sprechstunde für Eltern", "arztpraxis-Lotsen Diez", "Babytreff Diez",
        "Öffentliche Elternabende", "Ölmühle Familienzentrum", "Zwergentreff Lahnstein"]


def test_sort_key_transliterates_umlauts_and_ignores_case() -> None:
    assert sort_key_de("Ärzte") == "aerzte"
    assert sort_key_de("Straße") == "strasse"
    assert sorted(["Zoo", "Ärzte", "Arzt"], key=sort_key_de) == ["Ärzte", "Arzt", "Zoo"]


# --- indexes ---------------------------------------------------------------------------------


def test_items_for_district_topic_and_network(valid: Collection) -> None:
    assert slugs(valid.items_for("district", "rhein-lahn-kreis")) == [
        "netzwerktreffen-bad-ems", "workshop-sozialraumbudget", "elterncafe-nastaetten"]
    assert slugs(valid.items_for("topic", "fruehe-hilfen")) == ["elternkurs-saarlouis",
                                                               "workshop-sozialraumbudget"]
    assert slugs(valid.items_for("network", "kita-netzwerk-rhein-lahn")) == [
        "netzwerktreffen-bad-ems", "elternkurs-saarlouis", "workshop-sozialraumbudget",
        "elterncafe-nastaetten"]


def test_items_for_leaves_out_unpublished_items_until_they_are_published(valid: Collection) -> None:
    assert slugs(valid.items_for("district", "saarlouis")) == ["elternkurs-saarlouis"]
    assert slugs(at(valid, EMBARGO).items_for("district", "saarlouis")) == [
        "fachtag-fruehe-hilfen", "elternkurs-saarlouis"]
    assert "entwurf-elternbefragung" not in slugs(valid.items_for("topic", "kita-sozialarbeit"))


def test_items_for_unknown_slug_is_empty(valid: Collection) -> None:
    assert valid.items_for("district", "gibt-es-nicht") == []
    assert valid.items_for("unbekannt", "x") == []


def test_references_are_indexed_by_type_and_slug(valid: Collection) -> None:
    assert sorted(valid.references["district"]) == ["rhein-lahn-kreis", "saarlouis"]
    assert sorted(valid.references["topic"]) == ["fruehe-hilfen", "kita-sozialarbeit"]
    assert list(valid.references["network"]) == ["kita-netzwerk-rhein-lahn"]
    assert valid.references["district"]["saarlouis"].title == "Landkreis Saarlouis"


def test_urls_are_stable_per_type(valid: Collection) -> None:
    urls = {e.slug: e.url for e in at(valid, EMBARGO).items}
    assert urls["workshop-sozialraumbudget"] == (
        "pressemitteilungen/2024/workshop-sozialraumbudget/")
    assert urls["netzwerktreffen-bad-ems"] == "netzwerktreffen/2026/netzwerktreffen-bad-ems/"
    assert urls["elterncafe-nastaetten"] == "angebote/elterncafe-nastaetten/"
    assert valid.references["district"]["saarlouis"].url == "kreise/saarlouis/"


def test_now_is_kept_in_berlin(valid: Collection) -> None:
    assert valid.now == NOW and NOW.tzinfo == BERLIN

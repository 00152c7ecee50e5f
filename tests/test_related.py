"""Related items under an item page ("Das könnte Sie auch interessieren"): shared district
first, then network, then topics, then the newest; on a page for families, items only for
professionals never come first."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from conftest import NOW
from familiennetz.collection import Collection
from familiennetz.render.related import related_items
from familiennetz.validator import validate

Tree = Callable[[Mapping[str, str | bytes]], Path]


def offer(title: str, district: str, topic: str, groups: str, reviewed: str) -> str:
    return f"""---
title: {title}
summary: Ein Angebot, das hier nur für die Reihenfolge der verwandten Beiträge steht.
districts: [{district}]
topics: [{topic}]
offer_type: beratung
target_groups: [{groups}]
provider: Beratungsstelle
contact:
  email: beratung@example.org
reviewed: {reviewed}
---

Text.
"""


def release(title: str, date: str, district: str, topic: str, network: str = "") -> str:
    return f"""---
title: {title}
date: {date}
districts: [{district}]
topics: [{topic}]
{f"network: {network}" if network else ""}
summary: Eine Mitteilung, die hier nur für die Reihenfolge der verwandten Beiträge steht.
---

Text.
"""


MEETING = """---
title: Fachkonferenz Frühe Hilfen in Bad Ems
date: 2026-11-20
districts: [rhein-lahn-kreis]
topics: [fruehe-hilfen]
network: kita-netzwerk-rhein-lahn
summary: Eine Konferenz für Fachkräfte, die hier nur für die Reihenfolge steht.
meeting:
  date: 2026-11-19
  location: Kreisverwaltung, Bad Ems
---

Text.
"""


def collection(tree: Tree) -> Collection:
    root = tree({
        "angebote/babys-saarlouis.md": offer("Babysprechstunde Saarlouis", "saarlouis", "fruehe-hilfen",
                                            "eltern, kinder-0-3", "2026-10-01"),
        "angebote/kita-saarlouis.md": offer("Kita-Sozialarbeit Saarlouis", "saarlouis", "kita-sozialarbeit",
                                           "eltern", "2026-01-10"),
        "angebote/fachberatung-saarlouis.md": offer("Fachberatung Saarlouis", "saarlouis", "fruehe-hilfen",
                                                   "fachkraefte", "2026-11-01"),
        "netzwerktreffen/2026/2026-11-20-fachkonferenz.md": MEETING,
        "pressemitteilungen/2026/2026-11-18-rhein-lahn.md": release(
            "Neues aus dem Rhein-Lahn-Kreis", "2026-11-18", "rhein-lahn-kreis", "fruehe-hilfen",
            "kita-netzwerk-rhein-lahn"),
        "pressemitteilungen/2026/2026-03-02-saarlouis.md": release(
            "Frühe Hilfen im Landkreis Saarlouis", "2026-03-02", "saarlouis", "fruehe-hilfen"),
    })
    result = validate(root, now=NOW, display_base=root)
    assert [p for p in result.problems if p.level == "error"] == []
    return result.collection


def related_titles(found: Collection, slug: str) -> list[str]:
    entry = next(e for e in found.entries if e.slug == slug)
    return [e.title for e in related_items(entry, found)]


def test_same_district_comes_first_and_professionals_last_on_a_page_for_families(tree: Tree) -> None:
    assert related_titles(collection(tree), "babys-saarlouis") == [
        "Frühe Hilfen im Landkreis Saarlouis",  # district and topic
        "Kita-Sozialarbeit Saarlouis",  # district only
        "Neues aus dem Rhein-Lahn-Kreis",  # topic only, for everyone
        "Fachberatung Saarlouis",  # for professionals only: after the others, district first
        "Fachkonferenz Frühe Hilfen in Bad Ems",
    ]


def test_network_outranks_topic_and_professionals_are_not_held_back_for_professionals(tree: Tree) -> None:
    found = collection(tree)
    assert related_titles(found, "fachkonferenz") == [
        "Neues aus dem Rhein-Lahn-Kreis",  # district and network
        "Fachberatung Saarlouis",  # topic; the newest, and for professionals like this page
        "Babysprechstunde Saarlouis",
        "Frühe Hilfen im Landkreis Saarlouis",
    ]
    assert related_titles(found, "fachberatung-saarlouis") == [
        "Babysprechstunde Saarlouis", "Frühe Hilfen im Landkreis Saarlouis",  # district and topic
        "Kita-Sozialarbeit Saarlouis",  # district
        "Neues aus dem Rhein-Lahn-Kreis",  # topic
        "Fachkonferenz Frühe Hilfen in Bad Ems",  # topic, but over (19 November): last
    ]

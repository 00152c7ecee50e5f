"""The rules beyond single fields: dates, references, links and the body.

The examples in tests/examples/invalid show each rule firing once; these tests pin the
edges: what does *not* fire, boundaries, and the details of the suggestions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import NOW
from familiennetz.assets import resolve_asset
from familiennetz.problems import Problem
from familiennetz.types.angebot import OFFER, STALE_AFTER, Offer
from familiennetz.types.parts import OfferContact
from familiennetz.validator import validate

Tree = Callable[[Mapping[str, str | bytes]], Path]
PR = "pressemitteilungen/2024/2024-06-14-workshop.md"


def press(extra: str = "", body: str = "Text.\n", *, date_: str = "2024-06-14",
          districts: str = "[rhein-lahn-kreis]") -> str:
    return (f"---\ntitle: Workshop zum Sozialraumbudget\ndate: {date_}\ndistricts: {districts}\n"
            "topics: [kita-sozialarbeit]\nsummary: Kitaleitungen und Fachkräfte haben in Bad Ems "
            f"Bilanz gezogen.\n{extra}---\n\n{body}")


def offer(reviewed: str) -> str:
    return ("---\ntitle: Elterncafé Nastätten\nsummary: Offener Treff für Eltern mit Kaffee und "
            "Gesprächen.\ndistricts: [rhein-lahn-kreis]\ntopics: [kita-sozialarbeit]\n"
            "offer_type: elterncafe\ntarget_groups: [eltern]\nprovider: Kita-Sozialarbeit\n"
            f"contact: {{email: kita@example.org}}\nreviewed: {reviewed}\n---\n\nText.\n")


def meeting(start: str, end: str) -> str:
    return ("---\ntitle: Netzwerktreffen in Bad Ems\ndate: 2026-11-10\n"
            "districts: [rhein-lahn-kreis]\ntopics: [kita-sozialarbeit]\n"
            "network: kita-netzwerk-rhein-lahn\nsummary: Das nächste Treffen des Kita-Netzwerks "
            f"in Bad Ems.\nmeeting:\n  date: {start}\n  end: {end}\n  location: Bad Ems\n"
            "---\n\nText.\n")


def problems(content: Path) -> list[Problem]:
    return validate(content, now=NOW, display_base=content).problems


def rules(content: Path) -> list[tuple[str, int, int, str]]:
    return [(p.path, p.line, p.col, p.rule) for p in problems(content)]


# --- dates -----------------------------------------------------------------------------------


def _offer_reviewed(day: date) -> Offer:
    return Offer(title="Elterncafé", summary="Offener Treff für Eltern.", districts=("a",),
                 topics=("b",), offer_type="elterncafe", target_groups=("eltern",),
                 provider="Kita", contact=OfferContact(email="a@example.org"), reviewed=day)


def test_offer_is_stale_only_after_365_days() -> None:
    assert timedelta(days=365) == STALE_AFTER
    today = NOW.date()
    assert not OFFER.is_stale(_offer_reviewed(today - timedelta(days=365)), NOW)
    assert OFFER.is_stale(_offer_reviewed(today - timedelta(days=366)), NOW)


def test_staleness_counts_days_in_berlin(tree: Tree, content: Path) -> None:
    # 00:30 in Berlin is still the previous day in UTC; the Berlin date counts.
    tree({"angebote/elterncafe.md": offer("2025-11-21")})
    just_after_midnight = NOW.replace(day=22, hour=0, minute=30)
    found = validate(content, now=just_after_midnight, display_base=content).problems
    assert [(p.rule, p.message.split(" (")[0]) for p in found] == [
        ("stale-offer", "Angebot zuletzt vor 366 Tagen geprüft")]


def test_fresh_offer_reviewed_today_is_fine(tree: Tree, content: Path) -> None:
    tree({"angebote/elterncafe.md": offer(NOW.date().isoformat())})
    assert problems(content) == []


@pytest.mark.parametrize(("start", "end"), [
    ("2026-12-03T09:30:00+01:00", "2026-12-03T09:30:00+01:00"),
    ("2026-12-03", "2026-12-04"),
    ("2026-12-03", "2026-12-03T18:00:00+01:00"),
    ("2026-12-03T09:30:00+01:00", "2026-12-03"),  # an end date means "until that day"
    ("2026-12-03T09:30:00+01:00", "2026-12-03T08:30:00+00:00"),  # the same moment in UTC
])
def test_meeting_end_at_or_after_start_is_fine(tree: Tree, content: Path, start: str,
                                               end: str) -> None:
    tree({"netzwerktreffen/2026/2026-11-10-treffen.md": meeting(start, end)})
    assert problems(content) == []


@pytest.mark.parametrize(("start", "end"), [
    ("2026-12-04", "2026-12-03"),
    ("2026-12-04T09:30:00+01:00", "2026-12-03"),
    ("2026-12-03T09:30:00+01:00", "2026-12-03T09:29:00+01:00"),
])
def test_meeting_end_before_start_points_at_end(tree: Tree, content: Path, start: str,
                                                end: str) -> None:
    tree({"netzwerktreffen/2026/2026-11-10-treffen.md": meeting(start, end)})
    [problem] = problems(content)
    assert (problem.line, problem.col, problem.rule) == (10, 3, "date-order")
    assert problem.message == ("`meeting.end` liegt vor `meeting.date` — prüfen Sie beide Angaben "
                               "(Ende nach dem Beginn).")


def test_updated_on_the_publication_day_is_fine(tree: Tree, content: Path) -> None:
    tree({PR: press("updated: 2024-06-14\n")})
    assert problems(content) == []


# --- references ------------------------------------------------------------------------------


def test_numbers_are_unique_per_first_district_and_year(tree: Tree, content: Path) -> None:
    tree({
        PR: press("number: 3\n"),
        "pressemitteilungen/2024/2024-06-20-b.md": press("number: 10\n", date_="2024-06-20"),
        # same number, but another first district (the second does not count) or another year
        "pressemitteilungen/2024/2024-06-21-c.md": press(
            "number: 3\n", date_="2024-06-21", districts="[saarlouis, rhein-lahn-kreis]"),
        "pressemitteilungen/2025/2025-01-05-d.md": press("number: 3\n", date_="2025-01-05"),
    })
    assert problems(content) == []


def test_duplicate_number_suggests_one_above_the_highest(tree: Tree, content: Path) -> None:
    tree({
        PR: press("number: 3\n"),
        "pressemitteilungen/2024/2024-06-20-b.md": press("number: 10\n", date_="2024-06-20"),
        "pressemitteilungen/2024/2024-06-21-c.md": press("number: 3\n", date_="2024-06-21"),
    })
    [problem] = problems(content)
    assert problem.path == "pressemitteilungen/2024/2024-06-21-c.md"
    assert problem.message.endswith("— die nächste freie Nummer ist 11.")


def test_references_inside_reference_types_are_checked(tree: Tree, content: Path) -> None:
    tree({"netzwerke/neu.md": "---\ntitle: Neues Netzwerk\ndistricts: [saarlouiss]\n"
                              "network_type: sonstiges\n---\n"})
    [problem] = problems(content)
    assert (problem.path, problem.line, problem.col, problem.rule) == (
        "netzwerke/neu.md", 3, 13, "unknown-slug")
    assert "meinten Sie `saarlouis`?" in problem.message


def test_unknown_slug_message_caps_the_list_of_known_values(tree: Tree, content: Path) -> None:
    tree({f"themen/thema-{i:02d}.md": f"---\ntitle: Thema {i}\nsummary: Ein Thema mit einer "
                                      "kurzen Erklärung dazu.\n---\n" for i in range(20)})
    tree({PR: press().replace("[kita-sozialarbeit]", "[xyz]")})
    [problem] = problems(content)
    assert "(10 weitere)." in problem.message


def test_same_slug_in_different_folders_is_fine(tree: Tree, content: Path) -> None:
    tree({"angebote/kita-sozialarbeit.md": offer("2026-09-01")})
    assert problems(content) == []


def test_reference_to_a_broken_district_reports_both(tree: Tree, content: Path) -> None:
    tree({"kreise/neu.md": "---\ntitle: Neu\nkind: gemeinde\nstate: RP\n---\n",
          PR: press(districts="[neu]")})
    assert [r[3] for r in rules(content)] == ["invalid-value", "unknown-slug"]


# --- links -----------------------------------------------------------------------------------

LINKS_OK = """\
[extern](https://example.org/) [mail](mailto:presse@example.org) [tel](tel:+4926030)
[Anker](#abschnitt) [cdn](//example.org/x) [Seite mit Anker](../../impressum.md#adresse)
[Kreis](../../kreise/rhein-lahn-kreis.md) [Liste](../../kreise/index.md)
[PDF](programm-neu.pdf) [Hilfe](../../hilfe/bilder.md#rechte)
![Bild aus assets](../../assets/gruppe.svg) ![Bild daneben](fotos/foto.svg)

## Abschnitt
"""
SVG = '<svg xmlns="http://www.w3.org/2000/svg"/>\n'



def test_links_that_resolve_are_fine(tree: Tree, content: Path) -> None:
    tree({
        PR: press(body=LINKS_OK),
        "impressum.md": "# Impressum\n\n## Adresse\n",
        "kreise/index.md": "Alle Kreise.\n",
        "hilfe/bilder.md": "Eine Hilfeseite.\n\n## Rechte\n",
        "pressemitteilungen/2024/programm-neu.pdf": b"%PDF-1.7\n",
        "pressemitteilungen/2024/fotos/foto.svg": SVG,
        "assets/gruppe.svg": SVG,
    })
    assert problems(content) == []


@pytest.mark.parametrize(("target", "hint"), [
    ("../../kreise/", "verlinken Sie die Datei: `../../kreise/index.md`"),
    ("../../kreise", "verlinken Sie die Datei: `../../kreise/index.md`"),
    ("../../impressum", "verlinken Sie die Datei: `../../impressum.md`"),
    ("../../impressum/", "verlinken Sie die Datei: `../../impressum.md`"),
    ("../../gibt-es-nicht/", "verlinken Sie die `.md`-Datei relativ, z. B. "
                             "`../angebote/elterncafe.md`"),
])
def test_link_to_a_folder_or_without_md_is_broken_with_the_file_to_link(
        tree: Tree, content: Path, target: str, hint: str) -> None:
    # MkDocs rewrites only links to files; on the site, `../../kreise/` would be taken
    # relative to the page's URL (one folder deeper than its file) and miss.
    tree({PR: press(body=f"[Ziel]({target})\n"), "impressum.md": "Impressum.\n",
          "kreise/index.md": "Alle Kreise.\n"})
    [problem] = problems(content)
    assert (problem.line, problem.col, problem.rule) == (9, 1, "broken-link")
    assert problem.message == (f"Link auf `{target}`: ein Link auf einen Ordner oder ohne `.md` "
                               f"führt auf der veröffentlichten Seite ins Leere — {hint}.")


def test_absolute_link_is_broken_even_if_the_file_exists(tree: Tree, content: Path) -> None:
    tree({PR: press(body="[Kreis](/kreise/rhein-lahn-kreis.md)\n")})
    [problem] = problems(content)
    assert problem.rule == "broken-link"
    assert problem.message == ("Link auf `/kreise/rhein-lahn-kreis.md`: Links, die mit `/` "
                               "beginnen, führen auf der veröffentlichten Seite ins Leere — "
                               "verlinken Sie die `.md`-Datei relativ, z. B. "
                               "`../angebote/elterncafe.md`.")


def test_link_to_missing_page_is_broken(tree: Tree, content: Path) -> None:
    tree({PR: press(body="Siehe [Angebot](../../angebote/elterncafe.md).\n")})
    [problem] = problems(content)
    assert (problem.line, problem.col, problem.rule) == (9, 7, "broken-link")
    assert problem.message == ("Link auf `../../angebote/elterncafe.md`: diese Seite gibt es "
                               "nicht — verlinken Sie die `.md`-Datei relativ, z. B. "
                               "`../angebote/elterncafe.md`.")


def test_link_that_leaves_the_content_folder_is_broken(tree: Tree, content: Path) -> None:
    tree({PR: press(body="[geheim](../../../../etc/passwd)\n![x](../../../bild.jpg)\n")})
    assert [r[3] for r in rules(content)] == ["broken-link", "image-missing"]


def test_link_to_a_page_with_broken_front_matter_is_not_a_draft(tree: Tree, content: Path) -> None:
    tree({PR: press(body="[Impressum](../../impressum.md)\n"),
          "impressum.md": "---\ntitle: [\n---\n\nImpressum.\n"})
    assert [r[3] for r in rules(content)] == ["yaml-syntax"]


def test_page_linking_a_draft_gets_broken_link(tree: Tree, content: Path) -> None:
    tree({PR: press("draft: true\n"), "index.md": "Neu: [Workshop](" + PR + ")\n"})
    [problem] = problems(content)
    assert (problem.path, problem.rule) == ("index.md", "broken-link")
    assert problem.message.endswith("diese Seite ist ein Entwurf oder erscheint erst nach "
                                    "dieser (Sperrfrist) — der Link liefe ins Leere.")


def test_body_image_is_found_only_relative_to_the_file_as_mkdocs_does(
        tree: Tree, content: Path) -> None:
    tree({PR: press(body="![Gruppe](assets/gruppe.svg)\n"), "assets/gruppe.svg": SVG})
    [problem] = problems(content)
    assert problem.rule == "image-missing"
    assert problem.message.endswith("— meinten Sie `../../assets/gruppe.svg`?")


def test_embargoed_items_may_link_to_each_other_when_they_appear_together(
        tree: Tree, content: Path) -> None:
    embargo = "embargo: 2030-01-01T10:00:00+01:00\n"
    later = "embargo: 2030-02-01T10:00:00+01:00\n"
    other = "pressemitteilungen/2024/2024-06-15-zweite.md"
    tree({PR: press(embargo, body="[zweite](2024-06-15-zweite.md)\n"),
          other: press(embargo, body="[erste](2024-06-14-workshop.md)\n", date_="2024-06-15")})
    assert problems(content) == []
    tree({other: press(later, date_="2024-06-15")})
    [problem] = problems(content)  # the first would appear a month before the second
    assert (problem.path, problem.rule) == (PR, "broken-link")


def test_resolve_asset_prefers_the_file_folder_then_assets() -> None:
    files = {"pressemitteilungen/2024/a.jpg", "assets/a.jpg", "assets/b.jpg"}
    here = "pressemitteilungen/2024/x.md"
    assert resolve_asset("a.jpg", here, files.__contains__) == "pressemitteilungen/2024/a.jpg"
    assert resolve_asset("b.jpg", here, files.__contains__) == "assets/b.jpg"
    assert resolve_asset("assets/b.jpg", here, files.__contains__) == "assets/b.jpg"
    assert resolve_asset("c.jpg", here, files.__contains__) is None
    assert resolve_asset("../../../a.jpg", here, lambda _: True) is None


# --- body --------------------------------------------------------------------------------------


def test_ordinary_pages_may_have_their_own_h1(tree: Tree, content: Path) -> None:
    tree({"impressum.md": "# Impressum\n\nText.\n", "kreise/index.md": "# Kreise\n"})
    assert problems(content) == []


def test_reference_pages_get_their_h1_from_title(tree: Tree, content: Path) -> None:
    tree({"themen/neu.md": "---\ntitle: Neues Thema\nsummary: Ein Thema mit einer kurzen "
                           "Erklärung dazu.\n---\n\n# Neues Thema\n"})
    assert rules(content) == [("themen/neu.md", 6, 1, "h1-in-body")]


def test_unsafe_html_is_reported_on_ordinary_pages_too(tree: Tree, content: Path) -> None:
    tree({"impressum.md": "# Impressum\n\n<iframe src=\"https://example.org/karte\"></iframe>\n"})
    assert rules(content) == [("impressum.md", 3, 1, "unsafe-html")]


def test_body_positions_count_from_the_file_start(tree: Tree, content: Path) -> None:
    tree({PR: press(body="\n\nAbsatz.\n\n  <script>x</script>\n")})
    assert rules(content) == [(PR, 13, 3, "unsafe-html")]

"""The benchmark corpus: reproducible, the requested mix, and valid under the content model."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime
from itertools import pairwise
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml

from bench import words
from bench.corpus import (
    LATEST_DATE,
    REFERENCE_NOW,
    CorpusStats,
    generate_corpus,
    render_page,
)
from familiennetz.types import TYPES
from familiennetz.types.parts import TARGET_GROUPS

N = 300
BERLIN = ZoneInfo("Europe/Berlin")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATED = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+)\.md$")
ITEM_FOLDERS = ("pressemitteilungen", "veranstaltungen", "netzwerktreffen", "angebote")
DATED_FOLDERS = ("pressemitteilungen", "veranstaltungen", "netzwerktreffen")


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _split(text: str) -> tuple[dict[str, Any], str]:
    assert text.startswith("---\n")
    front, body = text[4:].split("\n---\n", 1)
    meta = yaml.safe_load(front)
    assert isinstance(meta, dict)
    return meta, body


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, CorpusStats]:
    root = tmp_path_factory.mktemp("corpus") / "content"
    return root, generate_corpus(root, N, seed=1)


@pytest.fixture(scope="module")
def docs(corpus: tuple[Path, CorpusStats]) -> dict[str, tuple[dict[str, Any], str]]:
    """Every file with front matter, by path relative to the root."""
    root, _ = corpus
    found = {}
    for path in sorted(root.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            found[path.relative_to(root).as_posix()] = _split(text)
    return found


def _of(docs: dict[str, tuple[dict[str, Any], str]], folder: str) -> dict[str, dict[str, Any]]:
    return {rel: meta for rel, (meta, _) in docs.items() if rel.startswith(folder + "/")}


def _slug(rel: str) -> str:
    name = rel.rsplit("/", 1)[-1]
    m = DATED.match(name)
    return m.group(4) if m else name.removesuffix(".md")


def _day(value: object) -> date:
    if isinstance(value, datetime):
        return value.astimezone(BERLIN).date()
    assert isinstance(value, date)
    return value


def test_same_seed_gives_identical_bytes_and_another_seed_differs(
    corpus: tuple[Path, CorpusStats], tmp_path: Path
) -> None:
    root, stats = corpus
    again = generate_corpus(tmp_path / "again", N, seed=1)
    generate_corpus(tmp_path / "other", N, seed=2)
    assert again == stats
    assert _tree(tmp_path / "again") == _tree(root)
    assert _tree(tmp_path / "other") != _tree(root)


def test_counts_match_the_request(
    corpus: tuple[Path, CorpusStats], docs: dict[str, tuple[dict[str, Any], str]]
) -> None:
    root, stats = corpus
    assert stats.items == N
    # Events take their 10 % from the press releases; meeting reports and offers keep theirs.
    assert (stats.press_releases, stats.events, stats.meeting_reports, stats.offers) == (
        135, 30, 75, 60)
    assert len(_of(docs, "pressemitteilungen")) == stats.press_releases
    assert len(_of(docs, "veranstaltungen")) == stats.events
    assert len(_of(docs, "netzwerktreffen")) == stats.meeting_reports
    assert len(_of(docs, "angebote")) == stats.offers
    assert (len(_of(docs, "kreise")), len(_of(docs, "themen")), len(_of(docs, "netzwerke"))) == (
        stats.districts, stats.topics, stats.networks)
    assert 10 <= stats.districts <= 14 and 25 <= stats.topics <= 35 and 35 <= stats.networks <= 45
    metas = [meta for meta, _ in docs.values()]
    assert stats.drafts == sum(m.get("draft") is True for m in metas) == 9
    assert stats.embargoed == sum("embargo" in m for m in metas) == 3
    assert stats.files == len(_tree(root)) == len(docs) + stats.pages
    assert stats.total_bytes == sum(len(b) for b in _tree(root).values())


def test_ordinary_pages_have_one_h1_and_a_paragraph(corpus: tuple[Path, CorpusStats]) -> None:
    root, stats = corpus
    pages = ["index.md", *(f"{f}/index.md" for f in
                           (*ITEM_FOLDERS, "kreise", "netzwerke", "themen"))]
    assert len(pages) == stats.pages
    for rel in pages:
        blocks = (root / rel).read_text(encoding="utf-8").strip().split("\n\n")
        assert blocks[0].startswith("# ") and len(blocks) == 2, rel


def test_dated_items_live_in_their_year_and_are_named_after_their_date(
    docs: dict[str, tuple[dict[str, Any], str]],
) -> None:
    kinds: Counter[str] = Counter()
    for folder in DATED_FOLDERS:
        for rel, meta in _of(docs, folder).items():
            _, year, name = rel.split("/")
            m = DATED.match(name)
            assert m, rel
            day = _day(meta["date"])
            assert name.startswith(day.isoformat() + "-") and year == str(day.year), rel
            assert date(2016, 1, 1) <= day <= LATEST_DATE
            kinds[type(meta["date"]).__name__] += 1
            if isinstance(meta["date"], datetime):  # the real Berlin offset of that moment
                assert meta["date"].utcoffset() == meta["date"].astimezone(BERLIN).utcoffset()
    assert kinds["date"] > kinds["datetime"] > 0


def test_slugs_are_valid_and_unique_per_folder(
    docs: dict[str, tuple[dict[str, Any], str]],
) -> None:
    for folder in (*ITEM_FOLDERS, "kreise", "netzwerke", "themen"):
        slugs = [_slug(rel) for rel in _of(docs, folder)]
        assert all(SLUG.match(s) for s in slugs), folder
        assert len(slugs) == len(set(slugs)), folder


def test_every_reference_points_to_an_existing_entity(
    docs: dict[str, tuple[dict[str, Any], str]],
) -> None:
    known = {f: {_slug(rel) for rel in _of(docs, f)} for f in ("kreise", "themen", "netzwerke")}
    for rel, (meta, _) in docs.items():
        assert set(meta.get("districts", [])) <= known["kreise"], rel
        assert set(meta.get("topics", [])) <= known["themen"], rel
        if "network" in meta:
            assert meta["network"] in known["netzwerke"], rel
        if rel.startswith(ITEM_FOLDERS):
            assert meta["districts"] and meta["topics"], rel


def test_press_release_numbers_are_unique_per_first_district_and_year(
    docs: dict[str, tuple[dict[str, Any], str]],
) -> None:
    keys = [(m["districts"][0], _day(m["date"]).year, m["number"])
            for m in _of(docs, "pressemitteilungen").values() if "number" in m]
    assert len(keys) > 100
    assert len(keys) == len(set(keys))
    assert all(isinstance(n, int) and n > 0 for *_, n in keys)


def test_fields_have_the_types_and_lengths_of_the_content_model(
    docs: dict[str, tuple[dict[str, Any], str]],
) -> None:
    for rel, meta in {k: v for f in ITEM_FOLDERS for k, v in _of(docs, f).items()}.items():
        assert isinstance(meta["title"], str) and 5 <= len(meta["title"]) <= 160, rel
        assert isinstance(meta["summary"], str) and 20 <= len(meta["summary"]) <= 400, rel
        if "embargo" in meta:
            assert isinstance(meta["embargo"], datetime) and meta["embargo"].year == 2030
            assert meta["embargo"].utcoffset() == meta["embargo"].astimezone(BERLIN).utcoffset()
    meetings = [m["meeting"] for m in _of(docs, "netzwerktreffen").values()]
    assert all(m["location"] and m["organisers"] for m in meetings)
    assert any(_day(m["date"]).year == 2027 for m in meetings)  # announcements
    assert any("speakers" in m for m in meetings) and any("edition" in m for m in meetings)
    offers = list(_of(docs, "angebote").values())
    for offer in offers:
        location = offer.get("location")
        if location:
            assert isinstance(location["postcode"], str) and re.fullmatch(r"\d{5}",
                                                                          location["postcode"])
        assert {"email", "phone", "website"} & set(offer["contact"])
        assert all(isinstance(code, str) and len(code) == 2 for code in offer.get("languages", []))
    stale = sum((REFERENCE_NOW.date() - o["reviewed"]).days > 365 for o in offers)
    assert 0 < stale < len(offers) * 0.25
    assert sum(o["reviewed"].year == 2026 for o in offers) > len(offers) * 0.7
    assert 0.45 < sum(o.get("cost") == "kostenlos" for o in offers) / len(offers) < 0.75


def _events(docs: dict[str, tuple[dict[str, Any], str]]) -> dict[str, tuple[dict[str, Any], str]]:
    return {rel: doc for rel, doc in docs.items() if rel.startswith("veranstaltungen/")}


@pytest.mark.parametrize("n", [0, 1, 7, 50, 300])
def test_events_take_a_tenth_of_the_items_from_the_press_releases(n: int, tmp_path: Path) -> None:
    stats = generate_corpus(tmp_path / "c", n)
    assert stats.items == n and stats.events == round(n * 0.10)
    assert stats.press_releases == round(n * 0.55) - stats.events
    assert stats.meeting_reports == round(n * 0.25)
    without = generate_corpus(tmp_path / "without", n, event_share=0)
    assert without.events == 0 and without.press_releases == round(n * 0.55)
    assert (without.meeting_reports, without.offers) == (stats.meeting_reports, stats.offers)
    assert sorted(p.name for p in (tmp_path / "without" / "veranstaltungen").rglob("*")) == [
        "index.md"]


def test_events_are_reproducible(tmp_path: Path) -> None:
    def events(root: Path) -> dict[str, bytes]:
        return {rel: data for rel, data in _tree(root).items() if rel.startswith("veranstaltungen/")}

    first = generate_corpus(tmp_path / "a", 80, seed=5)
    assert generate_corpus(tmp_path / "b", 80, seed=5) == first
    generate_corpus(tmp_path / "c", 80, seed=6)
    assert events(tmp_path / "a") == events(tmp_path / "b")
    assert len(events(tmp_path / "a")) == first.events + 1  # and the intro
    assert events(tmp_path / "a") != events(tmp_path / "c")
    with pytest.raises(ValueError):
        generate_corpus(tmp_path / "d", 10, event_share=0.6)


def test_events_take_place_in_a_town_of_their_district_after_their_announcement(
    docs: dict[str, tuple[dict[str, Any], str]],
) -> None:
    postcodes = {d.slug: dict(d.towns) for d in words.DISTRICTS}
    for rel, (meta, _) in _events(docs).items():
        event = meta["event"]
        place = event["location"]
        assert postcodes[meta["districts"][0]][place["town"]] == place["postcode"], rel
        assert re.fullmatch(r"\d{5}", place["postcode"]) and place["name"] and place["street"]
        assert len(event["provider"]) >= 2, rel
        assert event["target_groups"] and set(event["target_groups"]) <= set(TARGET_GROUPS)
        assert all(re.fullmatch(r"[a-z]{2}", code) for code in event.get("languages", ["de"]))
        announced, start = _day(meta["date"]), _day(event["start"])
        assert announced < start, rel
        registration = event.get("registration", {})
        if registration:
            assert {"url", "email", "phone"} & set(registration), rel
        if "deadline" in registration:
            assert announced < registration["deadline"] <= start, rel
        if "updated" in meta:
            assert announced <= meta["updated"] < start, rel
    events = [meta["event"] for meta, _ in _events(docs).values()]
    costs = Counter("free" if e.get("cost") == "kostenlos" else "price" if e.get("cost")
                    else "none" for e in events)
    assert costs["free"] > costs["price"] > 0
    assert 0 < sum("registration" in e for e in events) < len(events)
    assert any("deadline" in e.get("registration", {}) for e in events)
    assert 0 < sum(len(e.get("languages", [])) > 1 for e in events) < len(events)
    assert Counter(e.get("accessible") for e in events).keys() == {True, False, None}


def test_series_are_weekly_and_end_at_their_last_date(
    docs: dict[str, tuple[dict[str, Any], str]],
) -> None:
    series = [meta["event"] for meta, _ in _events(docs).values() if "dates" in meta["event"]]
    assert series
    for event in series:
        dates = [moment.astimezone(BERLIN) for moment in event["dates"]]
        assert 3 <= len(dates) <= 6 and event["dates"][0] == event["start"]
        for before, after in pairwise(dates):  # the same wall-clock time, summer time or not
            assert (after.date() - before.date()).days == 7 and after.time() == before.time()
        end = event["end"].astimezone(BERLIN)
        assert end.date() == dates[-1].date() and end.time() > dates[-1].time()


def test_some_events_lie_ahead_most_are_past_and_a_few_are_cancelled(
    corpus: tuple[Path, CorpusStats], docs: dict[str, tuple[dict[str, Any], str]],
) -> None:
    _, stats = corpus
    events = _events(docs)
    starts = [_day(meta["event"]["start"]) for meta, _ in events.values()]
    ahead = sum(start > REFERENCE_NOW.date() for start in starts)
    assert ahead == stats.upcoming_events == round(stats.events * 0.25)
    assert all(start != REFERENCE_NOW.date() for start in starts)
    assert stats.event_series == sum("dates" in meta["event"] for meta, _ in events.values())
    cancelled = [body for meta, body in events.values() if meta["event"].get("cancelled")]
    assert len(cancelled) == stats.cancelled_events >= 1
    assert all(body.strip().startswith(words.EVENT_CANCELLATIONS) for body in cancelled)
    assert any(not isinstance(meta["event"]["start"], datetime) for meta, _ in events.values())


def test_events_validate_and_are_read_as_events(tmp_path: Path) -> None:
    validator = pytest.importorskip("familiennetz.validator")
    root = tmp_path / "content"
    stats = generate_corpus(root, 200, seed=3, event_share=0.5)
    result = validator.validate(root, now=REFERENCE_NOW)
    assert [str(p) for p in result.problems if p.level == "error"] == []
    assert len([p for p in result.problems if p.level == "warning"]) == stats.stale_offers
    entries = [e for e in result.collection.entries if e.type.key == "veranstaltung"]
    assert len(entries) == stats.events == 100
    listed = result.collection.by_type["veranstaltungen"]
    upcoming = [result.collection.facts[e.src].upcoming for e in listed]
    assert upcoming == sorted(upcoming, reverse=True) and True in upcoming and False in upcoming
    assert any(e.data.event.dates for e in entries) and any(e.data.event.cancelled for e in entries)


def test_the_bench_navigation_names_every_type_and_the_corpus_has_each_page(
    corpus: tuple[Path, CorpusStats],
) -> None:
    from bench.__main__ import SITE_CONFIG

    root, _ = corpus
    config = yaml.safe_load(SITE_CONFIG.format(extra_theme="", plugins="  []"))
    nav = [next(iter(entry.items())) for entry in config["nav"]]
    assert nav[0] == ("Start", "index.md")
    assert nav[1:] == [(t.plural, f"{t.folder}/index.md") for t in TYPES]
    assert all((root / path).is_file() for _, path in nav)
    assert set(words.SECTION_PAGES) == {t.folder for t in TYPES}  # each has its own intro


def test_bodies_are_german_prose_without_h1_html_or_links(
    docs: dict[str, tuple[dict[str, Any], str]],
) -> None:
    for rel, (_, body) in docs.items():
        assert not re.search(r"^#\s", body, re.MULTILINE), rel
        assert "<" not in body and "](" not in body, rel
        if not rel.startswith(ITEM_FOLDERS):
            continue
        blocks = body.strip().split("\n\n")
        prose = [b for b in blocks if not b.startswith(("## ", "- ")) and not b.endswith(":")]
        assert 3 <= len(prose) <= 8, rel
        assert 150 <= len(body.split()) <= 560, rel
    bodies = "".join(body for _, body in docs.values())
    assert "## " in bodies and "\n- " in bodies
    assert all(word in bodies for word in ("Kinderschutz", "Netzwerktreffen", "Familienbildung",
                                          "Elterncafés", "ä", "ö", "ü", "ß"))


@pytest.mark.parametrize("text", [
    "12. Netzwerkkonferenz", "Bad Ems: Workshop", "no", "Yes", "null", "~", "56130",
    "2024-06-14", "Ende:", "„Zitat“ im Titel", '"Anführung"', "a #b", "-x", "Kita!Plus",
    "Back\\slash", "[klammer]", "{x}", "@home", "% Rabatt", "ON", "0x1F", "1e3", ".5",
    "Zeile\nzwei", "Tab\tstopp", "Trenner\u2028hier", " Leerzeichen ", "ß-Straße",
])
def test_emitter_writes_strings_that_read_back_unchanged(text: str) -> None:
    page = render_page({"title": text, "list": [text, "de"], "map": {"k": [{"a": text}]}}, "")
    meta, _ = _split(page)
    assert meta == {"title": text, "list": [text, "de"], "map": {"k": [{"a": text}]}}


def test_emitter_keeps_empty_lists_and_mappings() -> None:
    meta, _ = _split(render_page({"a": [], "b": {}}, ""))
    assert meta == {"a": [], "b": {}}


def test_emitter_keeps_dates_datetimes_and_flow_lists() -> None:
    moment = datetime(2024, 6, 14, 10, 30, tzinfo=BERLIN)
    page = render_page({"date": date(2024, 6, 14), "at": moment, "ok": True, "n": 3,
                        "districts": ["rhein-lahn-kreis", "stadt-koblenz"]}, "Text\n")
    assert "at: 2024-06-14T10:30:00+02:00\n" in page
    assert "districts: [rhein-lahn-kreis, stadt-koblenz]\n" in page
    meta, body = _split(page)
    assert meta["date"] == date(2024, 6, 14) and meta["at"] == moment
    assert meta["ok"] is True and meta["n"] == 3 and body == "\nText\n"


def test_refuses_a_non_empty_root(tmp_path: Path) -> None:
    (tmp_path / "alt.md").write_text("x", encoding="utf-8")
    with pytest.raises(FileExistsError):
        generate_corpus(tmp_path, 10)
    with pytest.raises(ValueError):
        generate_corpus(tmp_path / "neu", -1)


def test_the_validator_finds_no_errors_only_stale_offer_warnings(
    corpus: tuple[Path, CorpusStats],
) -> None:
    validator = pytest.importorskip("familiennetz.validator")
    root, stats = corpus
    result = validator.validate(root, now=datetime(2026, 11, 21, tzinfo=BERLIN))
    errors = [str(p) for p in result.problems if p.level == "error"]
    assert errors == []
    # One warning per stale offer, and nothing else.
    warnings = [str(p) for p in result.problems if p.level == "warning"]
    assert len(warnings) == stats.stale_offers
    assert all(w.startswith(("angebote/", str(root))) or "/angebote/" in w for w in warnings)

"""Hostile input is normal input: what a stranger's pull request or a pasted web page can
put into `content/`, and what the site makes of it.

- `tests/examples/hostile/`: content that is *valid* but hostile — every text field holds
  quotes, `<`, `>`, `&` and attribute-shaped text (`" autofocus onfocus="alert(1)`). Built
  for real, every page must show it as text: parsed back, no element carries an attribute
  from the content; the values come back exactly; feeds, calendars and JSON-LD too. In
  Chromium, no page opens a dialog, navigates away or asks another host for anything.
- Every text field of every type, given markup: refused at its line with `plain-text`.
- Crashes: deep nesting and an alias bomb are one German problem each, in a subprocess
  (a segmentation fault would end pytest itself), and the CLI exits 1 without a traceback
  on every invalid example.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import feedparser
import icalendar
import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser

import browser
import sitebuild
from browser import Tab
from conftest import EXAMPLES, NOW, copy_example, write_tree
from familiennetz.fieldpath import sentence, subject
from familiennetz.fields import fields_of
from familiennetz.problems import Level
from familiennetz.sanitize import check_html
from familiennetz.types import ITEM_TYPES
from familiennetz.validator import validate
from sitebuild import Site

SVG = '<svg xmlns="http://www.w3.org/2000/svg"/>\n'

HOSTILE = EXAMPLES / "hostile"
CONFIG = HOSTILE / "mkdocs.yml"
# The payload every text field of the hostile tree carries, after its label.
PAYLOAD = (' "x" autofocus onfocus="alert(1)" & \'y\' <3 > < img src=x onerror=alert(1)> {{7*7}} '
           "javascript:alert(1)")
ITEMS = {
    "pressemitteilungen/2026/feindlich/": ("Pressemitteilung", "Kurzfassung"),
    "netzwerktreffen/2026/feindlich/": ("Netzwerktreffen", "Bericht"),
    "angebote/feindlich/": ("Angebot", "Offener Treff"),
    "veranstaltungen/2026/feindlich/": ("Veranstaltung", "Fest"),
}
# Every page a reader can reach, by kind (for the browser).
PAGES = {
    "Startseite": "", **{kind: url for url, (kind, _) in ITEMS.items()},
    "Liste": "pressemitteilungen/", "Jahresarchiv": "pressemitteilungen/2026/",
    "Kreis": "kreise/a-kreis/", "Netzwerk": "netzwerke/a-netz/", "Thema": "themen/a-thema/",
    "Angebote-Finder": "angebote/", "Termine": "veranstaltungen/", "Suche": "suche/?q=Angebot",
    "Abonnieren": "abonnieren/", "Abonnieren (Kreis)": "abonnieren/kreise/a-kreis/",
    "Impressum": "impressum/",
}
_INJECTED = ("autofocus", "onfocus", "onerror", "onmouseover")


pytestmark = pytest.mark.slow  # builds sites with MkDocs


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    result = sitebuild.run_build(CONFIG, tmp_path_factory.mktemp("hostile"))
    if result.returncode != 0:
        pytest.fail(f"the hostile-but-valid tree must build:\n{result.output}", pytrace=False)
    return Site(result.site_dir, sitebuild.site_url_of(CONFIG), result.output)


def test_hostile_but_valid_content_passes_the_validator() -> None:
    result = validate(HOSTILE / "content", now=NOW, display_base=HOSTILE / "content")
    assert [str(p) for p in result.problems] == []


def test_no_page_carries_an_attribute_from_the_content(site: Site) -> None:
    injected = []
    for path in site.files():
        if path.suffix != ".html":
            continue
        for node in LexborHTMLParser(path.read_text(encoding="utf-8")).root.traverse():
            for name, value in node.attributes.items():
                if name in _INJECTED or (node.tag == "img" and value == "x"):
                    injected.append(f"{path.relative_to(site.root)}: <{node.tag} {name}>")
    assert injected == []


@pytest.mark.parametrize("url", list(ITEMS), ids=[kind for kind, _ in ITEMS.values()])
def test_item_pages_show_every_value_exactly_as_written(site: Site, url: str) -> None:
    kind, summary = ITEMS[url]
    doc = LexborHTMLParser(site.html(url))
    assert doc.css_first("h1").text(deep=True).strip() == kind + PAYLOAD
    assert doc.css_first("title").text() == f"{kind}{PAYLOAD} - Familiennetz"
    described = doc.css_first('meta[name="description"]').attributes["content"]
    assert described == summary + PAYLOAD
    assert doc.css_first('meta[property="og:title"]').attributes["content"] == kind + PAYLOAD
    text = doc.body.text(deep=True) if doc.body else ""
    assert text.count(PAYLOAD) >= 4  # title, facts, contact … each shown as text


def test_feed_pages_show_the_names_as_text_and_filter_on_them_as_attribute_values(
        site: Site) -> None:
    doc = LexborHTMLParser(site.html("abonnieren/kreise/a-kreis/"))
    assert doc.css_first("h1").text(deep=True).strip() == f"Kreis A{PAYLOAD} abonnieren"
    button = doc.css_first("button[data-fn-copy]").text(deep=True)
    assert button == f"Adresse kopieren (Feed Kreis A{PAYLOAD})"
    overview = LexborHTMLParser(site.html("abonnieren/"))
    terms = [li.attributes["data-fn-terms"] for li in overview.css("li[data-fn-terms]")]
    # (after them the district's towns, as its items name them: the payload again)
    assert any(term.startswith(f"kreis a{PAYLOAD.lower()} nach kreis oder stadt kalender termine")
               for term in terms)


def test_json_ld_parses_back_to_the_values(site: Site) -> None:
    doc = LexborHTMLParser(site.html("netzwerktreffen/2026/feindlich/"))
    [script] = doc.css('script[type="application/ld+json"]')
    raw = script.text()
    assert "<" not in raw and "&" not in raw.replace("\\u0026", "")
    data = json.loads(raw)
    assert (data["name"], data["location"]["name"]) == ("Netzwerktreffen" + PAYLOAD, "Ort" + PAYLOAD)
    doc = LexborHTMLParser(site.html("veranstaltungen/2026/feindlich/"))
    data = json.loads(doc.css_first('script[type="application/ld+json"]').text())
    assert (data["organizer"]["name"], data["location"]["address"]["streetAddress"]) == (
        "Träger" + PAYLOAD, "Straße" + PAYLOAD)


def test_feeds_and_calendars_carry_the_values_as_text(site: Site) -> None:
    feed = feedparser.parse(site.file_for("feeds/alle.xml").read_bytes())  # type: ignore[union-attr]
    assert feed.bozo == 0
    assert {entry.title for entry in feed.entries} == {k + PAYLOAD for k, _ in ITEMS.values()}
    atom = feedparser.parse(site.file_for("feeds/alle.atom").read_bytes())  # type: ignore[union-attr]
    assert "Pressemitteilung" + PAYLOAD in {entry.title for entry in atom.entries}
    calendar = icalendar.Calendar.from_ical(site.file_for("kalender/alle.ics").read_bytes())  # type: ignore[union-attr]
    [event] = calendar.walk("VEVENT")
    assert (str(event["SUMMARY"]), str(event["LOCATION"])) == (
        "Netzwerktreffen" + PAYLOAD, f"Ort{PAYLOAD}, Straße{PAYLOAD}, 56130 Stadt{PAYLOAD}")
    own = site.file_for("kalender/termine/netzwerktreffen/2026/feindlich.ics")
    assert own is not None
    [event] = icalendar.Calendar.from_ical(own.read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Netzwerktreffen" + PAYLOAD
    families = site.file_for("kalender/veranstaltungen/alle.ics").read_bytes()  # type: ignore[union-attr]
    [event] = icalendar.Calendar.from_ical(families).walk("VEVENT")
    assert (str(event["SUMMARY"]), str(event["LOCATION"])) == (
        "Veranstaltung" + PAYLOAD, f"Ort{PAYLOAD}, Straße{PAYLOAD}, 56130 Stadt{PAYLOAD}")


@pytest.mark.parametrize("url", ["netzwerktreffen/2026/feindlich/", "veranstaltungen/2026/feindlich/"])
def test_the_map_link_carries_a_hostile_address_only_as_its_query(site: Site, url: str) -> None:
    [link] = [a for a in LexborHTMLParser(site.html(url)).css("a")
              if a.text(deep=True).startswith("Auf der Karte zeigen")]
    assert set(link.attributes) == {"href", "rel"} and link.attributes["rel"] == "noopener"
    href = urlsplit(link.attributes["href"] or "")
    assert (href.scheme, href.netloc, href.path, href.fragment) == (
        "https", "www.openstreetmap.org", "/search", "")
    query = parse_qs(href.query, keep_blank_values=True)
    assert query == {"query": [" ".join(f"Straße{PAYLOAD}, 56130 Stadt{PAYLOAD}".split())]}


def test_stray_end_tags_cannot_close_the_page_around_the_body(site: Site) -> None:
    # The body has ten `</div>`: harmless in the fragment the check reads, they would
    # close the page's own elements if the text were published as written.
    doc = LexborHTMLParser(site.html("pressemitteilungen/2026/feindlich/"))
    [strong] = [n for n in doc.css("strong") if n.text() == "Noch im Text der Mitteilung."]
    ancestors = []
    node = strong.parent
    while node is not None:
        ancestors.append((node.tag, node.attributes.get("class") or ""))
        node = node.parent
    assert ("div", "fn-body") in ancestors and ("main", "md-main") in ancestors
    assert doc.css_first(".fn-tags").parent.tag != "body"


def test_feeds_carry_only_what_the_page_shows(site: Site) -> None:
    # The body hides markup in a comment that Python's html.parser would end early.
    for name in ("feeds/alle.xml", "feeds/alle.atom", "feeds/alle.json"):
        raw = site.file_for(name).read_text(encoding="utf-8")  # type: ignore[union-attr]
        assert "tracker.example.net" not in raw and "Kommentar" not in raw, name
    feed = feedparser.parse(site.file_for("feeds/alle.atom").read_bytes())  # type: ignore[union-attr]
    for entry in feed.entries:
        assert check_html(entry.content[0].value) == [], entry.title


# --- in the browser -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium(site: Site) -> Iterator[tuple[Any, str]]:
    with browser.launch(site) as launched:
        yield launched


@pytest.mark.browser
@pytest.mark.parametrize("url", PAGES.values(), ids=PAGES.keys())
def test_no_page_runs_navigates_or_asks_another_host(chromium: tuple[Any, str], url: str) -> None:
    chrome, base = chromium
    context = chrome.new_context(locale="de-DE", viewport={"width": 390, "height": 844})
    own = urlsplit(base).netloc
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    tab = Tab(page, base)
    tab.watch()
    tab.open(url)
    page.wait_for_load_state("networkidle")
    for _ in range(25):  # focus reaches everything a keyboard user can reach
        page.keyboard.press("Tab")
    for y in range(0, 2000, 150):  # and the pointer passes over the whole page
        page.mouse.move(195, y)
    if url.startswith("suche/"):
        page.fill("#fn-search-input", "Angebot" + PAYLOAD)
        page.keyboard.press("Enter")
        page.wait_for_load_state("networkidle")
    final = page.url
    context.close()
    assert dialogs == []
    assert browser.site_path(final).split("?")[0] == url.split("?")[0] or url.startswith("suche/")
    foreign = [r for r in requests if urlsplit(r).scheme in ("http", "https")
               and urlsplit(r).netloc != own]
    assert foreign == []
    assert tab.errors == []


# --- every printed field, given markup --------------------------------------------------------

VALID: dict[str, tuple[str, dict[str, Any]]] = {  # one valid file per item type, on tests/examples/base
    "pressemitteilung": ("pressemitteilungen/2024/2024-06-14-workshop.md", {
        "title": "Workshop in Bad Ems", "date": dt.date(2024, 6, 14),
        "districts": ["rhein-lahn-kreis"], "topics": ["kita-sozialarbeit"],
        "summary": "Kitaleitungen haben in Bad Ems Bilanz gezogen und geplant.",
        "image": {"src": "bild.svg", "alt": "Eine Gruppe am Tisch", "credit": "Kreisverwaltung"},
        "contact": {"name": "A", "role": "B", "organisation": "C"}, "source": "Kreis"}),
    "netzwerktreffen": ("netzwerktreffen/2024/2024-06-14-treffen.md", {
        "title": "Treffen in Bad Ems", "date": dt.date(2024, 6, 14),
        "districts": ["rhein-lahn-kreis"], "topics": ["kita-sozialarbeit"],
        "network": "kita-netzwerk-rhein-lahn",
        "summary": "Das Netzwerk hat sich in Bad Ems getroffen und beraten.",
        "meeting": {"date": dt.date(2024, 6, 13), "location": "Kreisverwaltung",
                    "address": {"street": "Weg 1", "postcode": "56130", "town": "Ems"},
                    "organisers": ["Jugendamt"],
                    "speakers": [{"name": "A", "organisation": "B", "topic": "C"}]},
        "contact": {"name": "A", "role": "B", "organisation": "C"},
        "image": {"src": "bild.svg", "alt": "Eine Gruppe am Tisch", "credit": "Kreis"}}),
    "angebot": ("angebote/treff.md", {
        "title": "Treff in Bad Ems",
        "summary": "Ein offener Treff für Eltern mit kleinen Kindern in Bad Ems.",
        "districts": ["rhein-lahn-kreis"], "topics": ["kita-sozialarbeit"],
        "offer_type": "elterncafe", "target_groups": ["eltern"], "provider": "Kita-Sozialarbeit",
        "contact": {"name": "A", "email": "a@example.org"},
        "location": {"name": "Haus", "street": "Weg 1", "postcode": "56130", "town": "Ems"},
        "schedule": "dienstags", "cost": "kostenlos", "funding": "Budget",
        "reviewed": dt.date(2024, 6, 1),
        "image": {"src": "bild.svg", "alt": "Eine Gruppe am Tisch", "credit": "Kreis"}}),
    "veranstaltung": ("veranstaltungen/2024/2024-06-01-fest.md", {
        "title": "Fest in Bad Ems", "date": dt.date(2024, 6, 1),
        "summary": "Ein Familienfest mit Spielstationen im Kurpark von Bad Ems.",
        "districts": ["rhein-lahn-kreis"], "topics": ["kita-sozialarbeit"],
        "event": {"start": dt.date(2024, 6, 15), "provider": "Kita-Netzwerk", "cost": "frei",
                  "target_groups": ["eltern"],
                  "location": {"name": "Park", "street": "Weg 1", "postcode": "56130",
                               "town": "Ems"}},
        "contact": {"name": "A", "role": "B", "organisation": "C", "email": "a@example.org"},
        "image": {"src": "bild.svg", "alt": "Eine Gruppe am Tisch", "credit": "Kreis"}}),
}
MARKUP = 'Treff"><img src=x onerror=alert(1)>'


def _text_fields() -> list[tuple[str, str]]:
    """(type key, path) of every free-text field of the item types, from the models:
    `meeting.speakers.0.topic` for a field of a list's first entry."""
    found: list[tuple[str, str]] = []

    def walk(key: str, model: type, prefix: str) -> None:
        for info in fields_of(model):
            shape = info.shape.item if info.shape.kind == "list" else info.shape
            index = ".0" if info.shape.kind == "list" else ""
            if shape is not None and shape.kind == "model" and shape.model is not None:
                walk(key, shape.model, f"{prefix}{info.name}{index}.")
            elif shape is not None and shape.kind == "str" and not info.doc.pattern \
                    and not info.doc.ref and info.name != "src":
                found.append((key, f"{prefix}{info.name}{index}"))

    for doctype in ITEM_TYPES:
        walk(doctype.key, doctype.model, "")
    return found


TEXT_FIELDS = _text_fields()


def _with(data: Any, path: list[str], value: str) -> Any:
    data = copy.deepcopy(data)
    target = data
    for part in path[:-1]:
        target = target[int(part)] if part.isdigit() else target[part]
    last = path[-1]
    if last.isdigit():
        target[int(last)] = value
    else:
        target[last] = value
    return data


def test_the_field_list_covers_what_templates_print() -> None:
    assert {"title", "summary", "image.alt", "image.credit", "contact.name", "source",
            "meeting.location", "meeting.organisers.0", "meeting.speakers.0.topic", "provider",
            "location.street", "schedule", "cost", "funding", "event.provider",
            "event.location.town"} <= {p for _, p in TEXT_FIELDS}


@pytest.mark.parametrize(("key", "path"), TEXT_FIELDS, ids=[f"{k}:{p}" for k, p in TEXT_FIELDS])
def test_markup_in_any_text_field_is_refused_at_its_line(tmp_path: Path, key: str, path: str) -> None:
    root = copy_example("base", tmp_path / "content")
    rel, data = VALID[key]
    header = yaml.safe_dump(_with(data, path.split("."), MARKUP), allow_unicode=True,
                            sort_keys=False, width=1000)
    write_tree(root, {rel: f"---\n{header}---\n\nText.\n", "assets/bild.svg": SVG})
    [problem] = validate(root, now=NOW, display_base=root).problems
    # The message names the field, a position in a list in words: "Das Feld `topic` (Thema)
    # des 1. Eintrags von `meeting.speakers` …".
    named = sentence(subject(path))
    head = named[:named.index("`", named.index("`") + 1) + 1]
    assert problem.rule == "plain-text"
    assert problem.message.startswith(head) and named[len(head):] in problem.message
    line = next(i for i, text in enumerate(header.splitlines()) if "onerror" in text) + 2
    assert problem.line == line


# --- crashes ---------------------------------------------------------------------------------

CRASHERS = {
    "nested brackets": "---\ntitle: " + "[" * 60000 + "\n---\n",
    "alias bomb": "---\n" + "a0: &a0 [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]\n" for i in range(1, 12)) + "---\n",
    "deep block nesting": "---\na:\n" + "- " * 20000 + "b\n---\n",
}


@pytest.mark.parametrize("case", list(CRASHERS), ids=list(CRASHERS))
def test_a_crasher_header_is_one_german_problem_not_a_crash(tmp_path: Path, case: str) -> None:
    root = copy_example("base", tmp_path / "content")
    write_tree(root, {"angebote/kaputt.md": CRASHERS[case]})
    run = subprocess.run([*CLI, "validate", "--now", "2026-11-21T12:00:00+01:00", str(root)],
                         capture_output=True, text=True, timeout=20,
                         check=False)  # a guard against hanging, not a speed test
    assert run.returncode == 1, run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    [line] = [line for line in run.stdout.splitlines() if "kaputt.md" in line]
    assert "(yaml-syntax)" in line and "YAML-Fehler im Kopfbereich" in line


CLI = [sys.executable, "-c", "import sys; from familiennetz.cli import main; sys.exit(main())"]
INVALID = sorted(p.name for p in (EXAMPLES / "invalid").iterdir() if p.is_dir())


def test_the_cli_exits_1_without_a_traceback_on_every_invalid_example(tmp_path: Path) -> None:
    for case in INVALID:
        root = copy_example(f"invalid/{case}", tmp_path / case / "content")
        run = subprocess.run([*CLI, "validate", "--now", "2026-11-21T12:00:00+01:00", str(root)],
                             capture_output=True, text=True, timeout=60, check=False)
        assert "Traceback" not in run.stderr, case
        errors = "[error]" in run.stdout
        assert (case, run.returncode) == (case, 1 if errors else 0)
        assert errors or case in ("stale-offer", "future-date")  # the examples of warnings


# --- only known files are published ------------------------------------------------------------


def test_no_symlinked_or_unknown_file_reaches_the_site(tmp_path: Path) -> None:
    config = sitebuild.copy_fixture(tmp_path / "src")
    content = config.parent / "content"
    (content / "assets").mkdir(exist_ok=True)
    (content / "assets" / "umgebung.txt").symlink_to("/proc/self/environ")
    (content / "geheim").symlink_to(tmp_path / "src", target_is_directory=True)
    (content / "seite.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    result = sitebuild.run_build(config, tmp_path / "out")
    assert result.returncode != 0
    for name in ("assets/umgebung.txt:1:1: [error]", "geheim:1:1: [error]", "seite.html:1:1: [error]"):
        assert name in result.output
    leaked = [p for p in (tmp_path / "out").rglob("*") if p.name in ("umgebung.txt", "seite.html")
              or "geheim" in p.parts]
    assert leaked == []


def test_hidden_files_are_neither_checked_nor_published_nor_in_the_way(tmp_path: Path) -> None:
    # `.DS_Store` from a Mac, `.htaccess` or `.well-known/` from a pull request: MkDocs
    # publishes no name that begins with a dot, so neither check nor build stops at them.
    config = sitebuild.copy_fixture(tmp_path / "src")
    content = config.parent / "content"
    (content / ".htaccess").write_text("Redirect / https://evil.example/\n", encoding="utf-8")
    (content / ".well-known").mkdir()
    (content / ".well-known" / "security.txt").write_text("Contact: x\n", encoding="utf-8")
    (content / "angebote" / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    checked = validate(content, now=NOW, display_base=content)
    assert [p for p in checked.problems if p.level is not Level.WARNING] == []
    result = sitebuild.run_build(config, tmp_path / "out")
    assert result.returncode == 0, result.output
    assert [p for p in (tmp_path / "out").rglob(".*")] == []


def test_a_file_that_appears_after_validation_stops_the_build(tmp_path: Path,
                                                             caplog: pytest.LogCaptureFixture) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    config_file = sitebuild.copy_fixture(tmp_path / "src")
    config = load_config(str(config_file), site_dir=str(tmp_path / "out"))
    docs = Path(config.docs_dir)
    result = validate(docs, now=NOW, display_base=docs)
    (docs / "spaeter.js").write_text("alert(1)", encoding="utf-8")  # e.g. a race in CI
    config.plugins["familiennetz"].validated = (docs.resolve(), NOW, result)
    with pytest.raises(Abort):
        build(config)
    assert "nicht geprüft und werden nicht veröffentlicht: spaeter.js" in caplog.text
    assert not (tmp_path / "out" / "spaeter.js").exists()


def test_the_build_gives_headings_the_validators_safe_ids(tmp_path: Path) -> None:
    config = sitebuild.copy_fixture(tmp_path / "src")
    page = config.parent / "content" / "impressum.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n## __config\n", encoding="utf-8")
    result = sitebuild.run_build(config, tmp_path / "out")
    assert result.returncode == 0, result.output
    html = (tmp_path / "out" / "impressum" / "index.html").read_text(encoding="utf-8")
    assert 'id="h-__config"' in html and html.count('id="__config"') == 1  # Material's own


def test_a_config_with_other_markdown_extensions_is_refused(tmp_path: Path) -> None:
    config = sitebuild.copy_fixture(tmp_path / "src")
    config.write_text(config.read_text(encoding="utf-8").replace("- md_in_html", "- md_in_html\n- footnotes"),
                      encoding="utf-8")
    result = sitebuild.run_build(config, tmp_path / "out")
    assert result.returncode != 0
    assert "`markdown_extensions` in mkdocs.yml muss genau diese nennen" in result.output

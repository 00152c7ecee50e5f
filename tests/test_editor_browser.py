"""A press officer uses the web editor in Chromium: creates items through the form, edits
one, moves it through the workflow and publishes it — on a copy of the sample content with
Decap's local backend; what lands in the repository must pass the validator, and the page
talks to no host but this machine."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from browser import need
from conftest import NOW
from familiennetz.editor.drive import Editor
from familiennetz.editor.sandbox import Sandbox, sandbox
from familiennetz.validator import validate

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / ".screenshots"
PICTURE = ROOT / "content/hilfe/bilder/editor-anmelden.png"  # any photo-like PNG


@pytest.fixture(scope="module")
def box() -> Iterator[Sandbox]:
    need((ROOT / "node_modules/decap-server").is_dir(), "Editor-Tests", "node_modules fehlt (make node)")
    with sandbox(ROOT / "content", now=NOW.isoformat()) as found:
        yield found


@pytest.fixture
def editor(box: Sandbox) -> Iterator[tuple[Editor, list[str]]]:
    from playwright.sync_api import sync_playwright

    from bench.browser import CHROMIUM_ARGS, find_chromium

    executable = find_chromium()
    need(executable is not None, "Editor-Tests", "kein chromium")
    hosts: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS))
        page = browser.new_page(viewport={"width": 1366, "height": 900}, locale="de-DE",
                                timezone_id="Europe/Berlin")
        page.set_default_timeout(20_000)
        page.on("request", lambda r: hosts.append(urlsplit(r.url).netloc)
                if r.url.startswith("http") else None)
        tool = Editor(page, box.base)
        tool.login()
        yield tool, hosts
        browser.close()


def _file(box: Sandbox, branch: str, path: str) -> tuple[dict[str, Any], str]:
    text = box.git("show", f"{branch}:{path}")
    _, header, body = text.split("---\n", 2)
    return yaml.safe_load(header), body


def _only_this_machine(box: Sandbox, hosts: list[str]) -> None:
    allowed = {urlsplit(box.base).netloc, f"127.0.0.1:{box.backend.port}"}
    assert set(hosts) <= allowed, f"Anfragen an fremde Hosts: {sorted(set(hosts) - allowed)}"


def _valid_after_publishing(box: Sandbox) -> None:
    result = validate(box.repo / "content", now=NOW)
    assert [str(p) for p in result.errors] == []


def test_press_officer_creates_a_press_release_with_picture_and_publishes_it(
        box: Sandbox, editor: tuple[Editor, list[str]], tmp_path: Path) -> None:
    tool, hosts = editor
    photo = tmp_path / "elternbrief-foto.png"
    photo.write_bytes(PICTURE.read_bytes())
    tool.open_new("pressemitteilungen")
    tool.fill_item("Elternbriefe für alle Familien mit Neugeborenen", "2026-12-03",
                   "Der Kreis schickt ab Januar allen Familien mit einem Baby kostenlose "
                   "Elternbriefe, Monat für Monat.", ("Rhein-Lahn",), ("Frühe Hilfen", "Elternbildung"))
    tool.upload_image(photo)
    tool.fill("Alternativtext", "Zeichnung: Menschen sitzen an einem Tisch.", within="Bild")
    tool.fill("Fotonachweis", "Kreisverwaltung Rhein-Lahn", within="Bild")
    tool.body("Ab Januar bekommen alle Familien mit Neugeborenen Post vom Kreis.")
    SHOTS.mkdir(exist_ok=True)
    preview = tool.page.frame_locator("iframe").first
    # the preview looks like the page: kicker, title, the photo with its credit, the facts
    assert preview.locator(".fn-kicker").inner_text().strip().lower() == "pressemitteilung"
    assert preview.locator("figcaption").inner_text() == "Foto: Kreisverwaltung Rhein-Lahn"
    assert preview.locator("figure img").evaluate("img => img.decode().then(() => img.naturalWidth)") > 0
    assert "Rhein-Lahn-Kreis" in preview.locator("dl.fn-facts").inner_text()
    tool.page.screenshot(path=str(SHOTS / "editor-formular-1366.png"))
    tool.save()
    slug = "2026-12-03-elternbriefe-fur-alle-familien-mit-neugeborenen"
    branch = f"cms/pressemitteilungen/2026/{slug}"
    data, body = _file(box, branch, f"content/pressemitteilungen/2026/{slug}.md")
    assert data["districts"] == ["rhein-lahn-kreis"]
    assert data["topics"] == ["fruehe-hilfen", "elternbildung"]
    assert str(data["date"]) == "2026-12-03"
    assert data["image"] == {"src": "assets/elternbrief-foto.png", "credit": "Kreisverwaltung Rhein-Lahn",
                             "alt": "Zeichnung: Menschen sitzen an einem Tisch."}
    box.git("cat-file", "-e", f"{branch}:content/assets/elternbrief-foto.png")  # the upload is in the branch
    assert "Post vom Kreis" in body
    assert not (box.repo / "content/pressemitteilungen/2026" / f"{slug}.md").exists()  # a branch only
    tool.set_status("Zur Prüfung")
    tool.set_status("Bereit")
    tool.page.screenshot(path=str(SHOTS / "editor-bereit-1366.png"))
    tool.publish()
    published = box.repo / "content/pressemitteilungen/2026" / f"{slug}.md"
    for _ in range(100):  # merged by the local backend
        if published.is_file():
            break
        time.sleep(0.2)
    tool.page.screenshot(path=str(SHOTS / "editor-veroeffentlicht-1366.png"))
    assert published.is_file()
    assert box.git("branch", "--list", branch).strip() == ""  # the branch is merged and gone
    _valid_after_publishing(box)
    _only_this_machine(box, hosts)


EDITS = [  # (collection, file below content/, field label, its group, new value, where it is)
    ("angebote", "angebote/elterncafe-nastaetten.md", "Zeiten", None,
     "jeden ersten Mittwoch im Monat, 8:30–10:30 Uhr", ("schedule",)),
    ("veranstaltungen", "veranstaltungen/2026/2026-11-25-kurs-starke-eltern-saarlouis.md",
     "Veranstalter", "Veranstaltung", "Familienbildungsstätte Saarlouis", ("event", "provider")),
    ("netzwerktreffen", "netzwerktreffen/2024/2024-10-08-zwoelfte-netzwerkkonferenz.md",
     "Ort", "Treffen", "Kreisverwaltung, Großer Sitzungssaal, Bad Ems", ("meeting", "location")),
]


@pytest.mark.parametrize(("kind", "rel", "label", "within", "value", "key"), EDITS,
                         ids=[e[0] for e in EDITS])
def test_editing_an_item_changes_one_field_and_keeps_every_other_in_meaning(
        box: Sandbox, editor: tuple[Editor, list[str]], kind: str, rel: str, label: str,
        within: str | None, value: str, key: tuple[str, ...]) -> None:
    """Dates with their offsets, series of dates, quoted postcodes, lists and the body
    come back as they were: only the field the press officer changed differs."""
    tool, hosts = editor
    path = f"content/{rel}"
    before, body_before = _file(box, "main", path)
    slug = rel.split("/", 1)[1].removesuffix(".md")
    tool.open_entry(kind, slug)
    tool.fill(label, value, within=within)
    tool.save()
    after, body_after = _file(box, f"cms/{kind}/{slug}", path)
    *parents, last = key
    changed, old = after, before
    for name in parents:
        changed, old = changed[name], old[name]
    assert changed.pop(last) == value
    old.pop(last)
    assert after == before
    assert body_after.strip() == body_before.strip()
    _only_this_machine(box, hosts)


@pytest.mark.parametrize("kind", ["netzwerktreffen", "veranstaltungen"])
def test_meeting_reports_and_events_are_created_at_the_right_path(
        box: Sandbox, editor: tuple[Editor, list[str]], kind: str) -> None:
    tool, hosts = editor
    tool.open_new(kind)
    title = {"netzwerktreffen": "Netzwerktreffen Frühe Hilfen im Januar",
             "veranstaltungen": "Elternabend zum Übergang in die Grundschule"}[kind]
    tool.fill_item(title, "2026-12-04", "Eine kurze Zusammenfassung mit genug Zeichen für die "
                   "Liste.", ("Saarlouis",), ("Frühe Hilfen",))
    if kind == "netzwerktreffen":
        tool.pick("Netzwerk", "Saarlouis")
        tool.field("Termin", within="Treffen").fill("2027-01-20T14:00")
        tool.fill("Ort", "Landratsamt Saarlouis", within="Treffen")
    else:
        tool.field("Beginn", within="Veranstaltung").fill("2027-01-20T19:00")
        tool.fill("Name des Ortes", "Grundschule Am Park", within="Veranstaltungsort")
        tool.fill("Ort", "Saarlouis", within="Veranstaltungsort")
        tool.fill("Veranstalter", "Netzwerk Frühe Hilfen", within="Veranstaltung")
        tool.pick("Zielgruppen", "Eltern")
    tool.body("Alle sind herzlich eingeladen.")
    tool.save()
    slug = "2026-12-04-" + re.sub(r"[^a-z0-9]+", "-", title.lower().replace("ü", "u")).strip("-")
    data, _ = _file(box, f"cms/{kind}/2026/{slug}", f"content/{kind}/2026/{slug}.md")
    start = data["meeting"]["date"] if kind == "netzwerktreffen" else data["event"]["start"]
    hour = "14" if kind == "netzwerktreffen" else "19"
    assert start.isoformat() == f"2027-01-20T{hour}:00:00+01:00"  # with the Berlin offset
    box.git("checkout", "-q", f"cms/{kind}/2026/{slug}")
    try:
        _valid_after_publishing(box)
    finally:
        box.git("checkout", "-q", "main")
    _only_this_machine(box, hosts)


def test_the_editor_is_not_in_sitemap_search_or_menu(box: Sandbox) -> None:
    from browser import indexed_pages
    from sitebuild import Site

    site = Site(box.site, "http://localhost:8000/")
    assert "admin" not in (box.site / "sitemap.xml").read_text(encoding="utf-8")
    assert not [url for url in indexed_pages(site) if "admin" in url]
    assert 'href="admin/' not in (box.site / "index.html").read_text(encoding="utf-8")
    page = (box.site / "admin/index.html").read_text(encoding="utf-8")
    assert 'content="noindex, nofollow"' in page and "Content-Security-Policy" in page


def test_the_form_works_at_phone_width(box: Sandbox, editor: tuple[Editor, list[str]]) -> None:
    """A press officer on a phone reaches the form's fields and its save button."""
    tool, _ = editor
    tool.page.set_viewport_size({"width": 390, "height": 844})
    tool.open_new("veranstaltungen")
    SHOTS.mkdir(exist_ok=True)
    tool.page.screenshot(path=str(SHOTS / "editor-formular-390.png"))
    title = tool.field("Überschrift")
    assert title.bounding_box()["width"] > 250
    save = tool.page.get_by_role("button", name="Speichern").bounding_box()
    assert save is not None and save["x"] >= 0 and save["x"] + save["width"] <= 390


def _post(box: Sandbox, body: dict[str, Any], host: str | None = None,
          origin: str | None = None) -> int:
    import json
    import urllib.error
    import urllib.request

    headers = {"Content-Type": "application/json"}
    if host:
        headers["Host"] = host
    if origin:
        headers["Origin"] = origin
    request = urllib.request.Request(box.backend.url, data=json.dumps(body).encode(), headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def test_the_local_backend_answers_only_the_preview_and_only_about_content(box: Sandbox) -> None:
    """decap-server has no login and writes where it is told (`.git/config` included):
    the gate in front of it refuses other hosts (DNS rebinding), other origins and paths
    outside content/."""
    read = {"action": "getEntry", "params": {"branch": "main",
                                             "path": "content/angebote/elterncafe-nastaetten.md"}}
    site = box.base.rstrip("/")
    assert _post(box, read, origin=site) == 200
    assert _post(box, read, host="evil.example:80") == 403
    assert _post(box, read, origin="http://localhost:3000") == 403
    for path in (".git/config", "content/../.git/config", ".env", "content/.hidden/x.md"):
        write = {"action": "persistMedia", "params": {"branch": "main", "asset": {
            "path": path, "content": "eA==", "encoding": "base64"}, "options": {"commitMessage": "x"}}}
        assert _post(box, write, origin=site) == 403, path
    assert "fsmonitor" not in (box.repo / ".git/config").read_text(encoding="utf-8")

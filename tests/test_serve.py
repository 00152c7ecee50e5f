"""`familiennetz serve` (`make serve`): the preview follows every save, renders again only
what changed, and keeps showing the last good state when a save breaks the content."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitebuild import NOW, copy_fixture

WAIT = 120  # seconds for a build of the fixture; a rebuild takes about one


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return str(answer.read().decode("utf-8"))
    except OSError:
        return ""


def served(page: str) -> str:
    """A page without what the server adds as it sends it (its reload script's numbers)."""
    return re.sub(r"livereload\(\d+, \d+\)", "livereload()", page)


def wait_for(url: str, text: str, log: Path) -> str:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if text in (page := fetch(url)):
            return page
        time.sleep(0.2)
    pytest.fail(f"{text!r} never appeared on {url}:\n{log.read_text(encoding='utf-8')}")


def start_preview(tmp_path: Path) -> tuple[subprocess.Popen[bytes], str, Path, Path]:
    """The preview of a copy of the fixture, its temporary folder below `tmp_path / "tmp"`:
    (process, base URL, content folder, log), once it serves its first build."""
    config = copy_fixture(tmp_path / "project")
    port = free_port()
    log = tmp_path / "serve.log"
    (tmp_path / "tmp").mkdir()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(tmp_path / "tmp")}
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen([sys.executable, "-m", "familiennetz.cli", "serve", "--config", str(config),
                                 "--dev-addr", f"127.0.0.1:{port}", "--now", NOW.isoformat(),
                                 "--cache", str(tmp_path / "cache")],
                                cwd=config.parent, env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/familiennetz/"
    try:
        wait_for(base, "</html>", log)
    except BaseException:
        proc.kill()
        proc.wait(timeout=30)
        raise
    return proc, base, config.parent / "content", log


@pytest.fixture()
def preview(tmp_path: Path) -> Iterator[tuple[str, Path, Path]]:
    proc, base, content, log = start_preview(tmp_path)
    try:
        yield base, content, log
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.mark.parametrize("ending", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT],
                         ids=["kill", "terminal-closed", "ctrl-c"])
def test_the_preview_removes_its_folder_when_it_is_ended(tmp_path: Path, ending: signal.Signals) -> None:
    # `kill`, a closed terminal and Ctrl+C alike: each press officer's session would
    # otherwise leave a whole site behind in the temporary folder.
    proc, _, _, log = start_preview(tmp_path)
    folders = list((tmp_path / "tmp").glob("familiennetz-vorschau-*"))
    assert len(folders) == 1 and (folders[0] / "index.html").is_file()
    proc.send_signal(ending)
    assert proc.wait(timeout=30) == 0, log.read_text(encoding="utf-8")
    assert not folders[0].exists()


def test_the_preview_removes_its_folder_when_it_is_ended_while_it_starts(tmp_path: Path) -> None:
    config = copy_fixture(tmp_path / "project")
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(temp)}
    proc = subprocess.Popen([sys.executable, "-m", "familiennetz.cli", "serve", "--config", str(config),
                             "--dev-addr", f"127.0.0.1:{free_port()}", "--cache", str(tmp_path / "cache")],
                            cwd=config.parent, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + WAIT
    while not list(temp.glob("familiennetz-vorschau-*")):
        assert time.monotonic() < deadline and proc.poll() is None
        time.sleep(0.01)
    proc.send_signal(signal.SIGTERM)  # before its first build is done
    assert proc.wait(timeout=30) == 0
    assert list(temp.glob("familiennetz-vorschau-*")) == []


def test_a_saved_item_shows_on_its_page_and_in_its_listing_and_a_deleted_one_goes(
        preview: tuple[str, Path, Path]) -> None:
    base, content, log = preview
    item = content / "angebote/elterncafe-nastaetten.md"
    text = item.read_text(encoding="utf-8")
    item.write_text(text.replace("title: Elterncafé", "title: Vorschau-Elterncafé", 1)
                    + "\nJetzt auch samstags.\n", encoding="utf-8")
    page = wait_for(base + "angebote/elterncafe-nastaetten/", "Jetzt auch samstags.", log)
    assert "Vorschau-Elterncafé" in page
    wait_for(base + "angebote/", "Vorschau-Elterncafé", log)
    assert "Seiten neu erzeugt" in log.read_text(encoding="utf-8")
    other = content / "angebote/aerztliche-elternsprechstunde-dillingen.md"  # linked from nowhere
    title = "Ärztliche Elternsprechstunde"
    assert title in fetch(base + "angebote/")
    other.unlink()
    deadline = time.monotonic() + WAIT
    while title in fetch(base + "angebote/") or \
            fetch(base + "angebote/aerztliche-elternsprechstunde-dillingen/"):
        assert time.monotonic() < deadline, log.read_text(encoding="utf-8")
        time.sleep(0.2)


def test_a_broken_save_keeps_the_last_good_preview_and_says_why(preview: tuple[str, Path, Path]) -> None:
    base, content, log = preview
    item = content / "angebote/elterncafe-nastaetten.md"
    text = item.read_text(encoding="utf-8")
    item.write_text(text.replace("title: Elterncafé", "title: Kaputt: Elterncafé", 1), encoding="utf-8")
    deadline = time.monotonic() + WAIT
    while "nicht neu gebaut" not in log.read_text(encoding="utf-8"):
        assert time.monotonic() < deadline, log.read_text(encoding="utf-8")
        time.sleep(0.2)
    said = log.read_text(encoding="utf-8")
    assert "elterncafe-nastaetten.md" in said and "yaml-syntax" in said
    assert "Elterncafé in der Kita Nastätten" in fetch(base + "angebote/elterncafe-nastaetten/")
    item.write_text(text + "\nWieder gut.\n", encoding="utf-8")
    wait_for(base + "angebote/elterncafe-nastaetten/", "Wieder gut.", log)


def test_the_preview_rests_while_nothing_is_saved(preview: tuple[str, Path, Path]) -> None:
    # Its own reading of the files (each rebuild reads every one) is no reason to rebuild.
    base, content, log = preview
    item = content / "angebote/elterncafe-nastaetten.md"
    item.write_text(item.read_text(encoding="utf-8") + "\nNeu.\n", encoding="utf-8")
    wait_for(base + "angebote/elterncafe-nastaetten/", "Neu.", log)
    time.sleep(3)
    assert log.read_text(encoding="utf-8").count("Vorschau gebaut") == 2


def test_a_saved_text_alone_renders_only_its_page_and_reaches_the_feeds(
        preview: tuple[str, Path, Path]) -> None:
    base, content, log = preview
    item = content / "pressemitteilungen/2026/2026-11-02-laenderuebergreifender-austausch.md"
    item.write_text(item.read_text(encoding="utf-8") + "\nAuch Hessen ist dabei.\n", encoding="utf-8")
    page = wait_for(base + "pressemitteilungen/2026/laenderuebergreifender-austausch/",
                    "Auch Hessen ist dabei.", log)
    assert "Länderübergreifender Austausch" in page and "</html>" in page
    feed = fetch(base + "feeds/alle.xml")
    assert "Auch Hessen ist dabei." in feed
    assert "(nur 1 geänderte Seite)" in log.read_text(encoding="utf-8")
    # a whole rebuild (a page that is not an item changed) renders the item the same way
    legal = content / "impressum.md"
    legal.write_text(legal.read_text(encoding="utf-8") + "\nStand: heute.\n", encoding="utf-8")
    wait_for(base + "impressum/", "Stand: heute.", log)
    again = fetch(base + "pressemitteilungen/2026/laenderuebergreifender-austausch/")
    assert served(again) == served(page)
    assert fetch(base + "feeds/alle.xml") == feed
    # a changed title is more than a text: a whole rebuild, which the listing shows
    item.write_text(item.read_text(encoding="utf-8").replace("title: Länderübergreifender",
                                                             "title: Neuer", 1), encoding="utf-8")
    wait_for(base + "pressemitteilungen/", "Neuer Austausch", log)

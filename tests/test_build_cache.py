"""The build cache (`familiennetz build --cache`): a build that reuses pages gives the same
site, byte for byte, as one without a cache, and renders again exactly what changed.

Pagefind's index is left out of the byte comparison: Pagefind itself does not write the
same bytes twice (two builds without a cache differ in its file names); the search tests
check what it finds.
"""

from __future__ import annotations

import filecmp
import os
import re
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from sitebuild import NOW, copy_fixture

LATER = "2031-01-02T09:00:00+01:00"  # the fixture's embargoed release is out by then
_COUNTS = re.compile(r"\((\d+) Seiten neu erzeugt, (\d+) unverändert übernommen\)")


def build(config: Path, site: Path, cache: Path | None, now: str = NOW.isoformat()) -> tuple[int, int]:
    """(pages rendered, pages reused) of a real `familiennetz build`."""
    args = ["--cache", str(cache)] if cache is not None else ["--no-cache"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("FAMILIENNETZ_NOW", None)
    run = subprocess.run([sys.executable, "-m", "familiennetz.cli", "build", "--config", str(config),
                          "--site-dir", str(site), "--now", now, *args],
                         cwd=config.parent, env=env, capture_output=True, text=True, timeout=300,
                         check=False)
    assert run.returncode == 0, run.stdout + run.stderr
    found = _COUNTS.search(run.stderr)
    if cache is None:
        assert found is None
        return 0, 0
    assert found, run.stderr
    return int(found[1]), int(found[2])


def differences(a: Path, b: Path) -> list[str]:
    """Files that differ or exist on one side only, below a and b (Pagefind left out)."""
    out: list[str] = []

    def walk(cmp: filecmp.dircmp[str], rel: str) -> None:
        out.extend(f"{rel}{n}" for n in cmp.left_only + cmp.right_only + cmp.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        out.extend(f"{rel}{n}" for n in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{rel}{name}/")

    walk(filecmp.dircmp(a, b, ignore=["pagefind", "pagefind-teile"]), "")
    return sorted(out)


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    config = copy_fixture(tmp_path / "project", {"search": False})
    return config


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_build_with_a_cache_writes_the_same_site_as_one_without(tree: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    build(tree, tmp_path / "plain", None)
    rendered, reused = build(tree, tmp_path / "first", cache)
    assert reused == 0 and rendered > 40
    assert differences(tmp_path / "plain", tmp_path / "first") == []
    again_rendered, again_reused = build(tree, tmp_path / "second", cache)
    assert again_rendered == 10  # the nine pages in the menu, and the search page
    assert again_reused == rendered - 10
    assert differences(tmp_path / "plain", tmp_path / "second") == []


def test_a_changed_text_renders_its_page_and_a_changed_title_the_pages_that_show_it(
        tree: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    build(tree, tmp_path / "first", cache)
    item = tree.parent / "content/angebote/elterncafe-nastaetten.md"
    edit(item, "\n\n", "\n\nNeu: jeden Freitag auch nachmittags.\n\n")
    rendered, _ = build(tree, tmp_path / "second", cache)
    assert rendered == 11  # its page, besides the menu's and the search page
    edit(item, "title: Elterncafé", "title: Neues Elterncafé")
    rendered, _ = build(tree, tmp_path / "second", cache)
    assert 11 < rendered < 25  # and the listings, finders and related items that name it
    assert "jeden Freitag auch nachmittags" in \
        (tmp_path / "second/angebote/elterncafe-nastaetten/index.html").read_text(encoding="utf-8")
    build(tree, tmp_path / "plain", None)
    assert differences(tmp_path / "plain", tmp_path / "second") == []


def test_a_district_renamed_renders_again_what_shows_the_district(tree: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    build(tree, tmp_path / "first", cache)
    district = tree.parent / "content/kreise/saarlouis.md"
    edit(district, "title: Landkreis Saarlouis", "title: Kreis Saarlouis (neu)")
    build(tree, tmp_path / "second", cache)
    build(tree, tmp_path / "plain", None)
    assert differences(tmp_path / "plain", tmp_path / "second") == []
    offer = (tmp_path / "second/angebote/aerztliche-elternsprechstunde-dillingen/index.html")
    assert "Kreis Saarlouis (neu)" in offer.read_text(encoding="utf-8")
    # a network elsewhere is the very file of the first build (both links to the cache)
    elsewhere = "netzwerke/kita-netzwerk-rhein-lahn/index.html"
    assert (tmp_path / "first" / elsewhere).stat().st_ino == (tmp_path / "second" / elsewhere).stat().st_ino
    assert (tmp_path / "first" / "angebote/aerztliche-elternsprechstunde-dillingen/index.html"
            ).stat().st_ino != offer.stat().st_ino


def test_the_hourly_build_renders_only_the_menu_and_search_when_nothing_happened(
        tree: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    build(tree, tmp_path / "first", cache)
    an_hour_later = (NOW + timedelta(hours=1)).isoformat()
    assert build(tree, tmp_path / "second", cache, now=an_hour_later)[0] == 10
    build(tree, tmp_path / "plain", None, now=an_hour_later)
    assert differences(tmp_path / "plain", tmp_path / "second") == []


def test_a_later_build_publishes_what_its_embargo_held_back(tree: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    total, _ = build(tree, tmp_path / "first", cache)
    assert not (tmp_path / "first/pressemitteilungen/2030/sperrfristtext-fachtag-fruehe-hilfen").exists()
    rendered, reused = build(tree, tmp_path / "second", cache, now=LATER)
    assert reused > 0 and rendered < total + 1  # what names the release, and what changed with time
    build(tree, tmp_path / "plain", None, now=LATER)
    assert (tmp_path / "second/pressemitteilungen/2030/sperrfristtext-fachtag-fruehe-hilfen").is_dir()
    assert differences(tmp_path / "plain", tmp_path / "second") == []


def test_a_changed_template_renders_every_page_again_from_the_bodies_converted_before(
        tree: Path, tmp_path: Path) -> None:
    overrides = tmp_path / "overrides"
    shutil.copytree(Path(__file__).resolve().parents[1] / "overrides", overrides)
    text = tree.read_text(encoding="utf-8")
    tree.write_text(re.sub(r"custom_dir: .*", f"custom_dir: {overrides}", text), encoding="utf-8")
    cache = tmp_path / "cache"
    rendered, _ = build(tree, tmp_path / "first", cache)
    bodies = {p.name: p.stat().st_ino for p in (cache / "bodies").glob("*.0")}
    assert len(bodies) > 30
    edit(overrides / "main.html", "{% block content %}", "{% block content %}<!-- geändert -->")
    again, reused = build(tree, tmp_path / "second", cache)
    assert (again, reused) == (rendered, 0)
    # from the bodies converted before: none converted and kept again
    assert {p.name: p.stat().st_ino for p in (cache / "bodies").glob("*.0")} == bodies
    build(tree, tmp_path / "plain", None)
    assert differences(tmp_path / "plain", tmp_path / "second") == []
    page = tmp_path / "second/angebote/elterncafe-nastaetten/index.html"
    assert "<!-- geändert -->" in page.read_text(encoding="utf-8")


def test_a_damaged_cache_entry_is_rendered_again_and_unused_ones_are_removed(
        tree: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    build(tree, tmp_path / "first", cache)
    pages = sorted((cache / "pages").glob("*.html"))
    assert len(list((cache / "pages").glob("*.json"))) == len(pages)
    pages[0].write_bytes(pages[0].read_bytes()[:100])  # cut short
    feeds = sorted((cache / "feeds").iterdir())
    assert len(feeds) > 20  # feeds, calendars, the events' own calendar files
    feeds[0].write_bytes(feeds[0].read_bytes()[:-1])
    feeds[1].unlink()
    feeds[2].write_bytes(b"fremd")
    (cache / "pages" / "0123.html").write_text("fremd", encoding="utf-8")
    (cache / "page-inputs.json").write_text('{"pages": {"index.md": [1]}}', encoding="utf-8")
    rendered, _ = build(tree, tmp_path / "second", cache)
    assert rendered >= 1
    build(tree, tmp_path / "plain", None)
    assert differences(tmp_path / "plain", tmp_path / "second") == []
    assert not (cache / "pages" / "0123.html").exists()
    assert len(list((cache / "pages").glob("*.html"))) == len(pages)
    assert len(list((cache / "feeds").iterdir())) == len(feeds)

"""`familiennetz build` (what `make site` runs): validates once, builds into a scratch
folder, and swaps it in for `site/` in one step; a failed build leaves `site/` as it was.
The previous site is kept aside until the next build deletes it beside its own work."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import markdown
import pytest

import familiennetz.mkdocs_adapter.config as plugin_module
import familiennetz.publish as publish
import sitebuild
from conftest import NOW
from familiennetz.mkdocs_adapter.build import build_site
from familiennetz.publish import clear_aside, replace_folder

pytestmark = pytest.mark.slow  # builds sites with MkDocs

def _folder(path: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        (path / rel).parent.mkdir(parents=True, exist_ok=True)
        (path / rel).write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "rename-aside"])
def test_the_new_folder_takes_the_place_of_the_old_one(tmp_path: Path, exchange: bool,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    if not exchange:
        monkeypatch.setattr(publish, "_exchange", lambda a, b: False)
    old = _folder(tmp_path / "site", {"index.html": "alt", "nur-alt.html": "alt"})
    new = _folder(tmp_path / ".site-build", {"index.html": "neu"})
    replace_folder(new, old)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site-alt", "site"]
    assert sorted(p.name for p in old.iterdir()) == ["index.html"]
    assert (old / "index.html").read_text(encoding="utf-8") == "neu"
    assert (tmp_path / ".site-alt" / "nur-alt.html").read_text(encoding="utf-8") == "alt"
    clearing = clear_aside(old)
    assert clearing is not None and clearing.wait() == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert clear_aside(old) is None  # nothing aside: nothing started


def test_what_an_interrupted_build_left_aside_goes_with_the_next_one(tmp_path: Path) -> None:
    site = _folder(tmp_path / "site", {"index.html": "jetzt"})
    _folder(tmp_path / ".site-alt", {"index.html": "vorher"})
    _folder(tmp_path / ".site-alt-4711-1", {"index.html": "halb gelöscht"})
    clearing = clear_aside(site)
    assert clearing is not None and clearing.wait() == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    _folder(tmp_path / ".site-alt", {"index.html": "nicht gelöscht"})  # (the next build does)
    replace_folder(_folder(tmp_path / "neu", {"index.html": "neu"}), site)
    assert (site / "index.html").read_text(encoding="utf-8") == "neu"
    assert (tmp_path / ".site-alt" / "index.html").read_text(encoding="utf-8") == "jetzt"


def test_a_first_build_just_moves_in(tmp_path: Path) -> None:
    replace_folder(_folder(tmp_path / "neu", {"a": "1"}), tmp_path / "site")
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    config = sitebuild.copy_fixture(tmp_path / "projekt")
    monkeypatch.chdir(config.parent)
    _folder(config.parent / "site", {"index.html": "die bisherige Website"})
    return config


def test_a_build_with_content_errors_leaves_the_site_as_it_was(project: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    broken = project.parent / "content" / "angebote" / "kaputt.md"
    broken.write_text("---\ntitle: [\n---\n", encoding="utf-8")
    assert build_site(project, project.parent / "site", now=NOW.isoformat()) == 1
    assert (project.parent / "site" / "index.html").read_text(encoding="utf-8") == "die bisherige Website"
    assert not (project.parent / ".site-build").exists()
    out, err = capsys.readouterr()
    assert "content/angebote/kaputt.md:3:1: [error] YAML-Fehler" in out
    assert "Es wird nichts veröffentlicht; die bisherige Website bleibt unverändert." in err


def test_a_failing_build_leaves_the_site_as_it_was(project: Path) -> None:
    shutil.rmtree(project.parent.parent / "overrides", ignore_errors=True)
    config = project.read_text(encoding="utf-8").replace("custom_dir:", "custom_dir: /gibt/es/nicht #")
    project.write_text(config, encoding="utf-8")
    assert build_site(project, project.parent / "site", now=NOW.isoformat()) == 1
    assert (project.parent / "site" / "index.html").read_text(encoding="utf-8") == "die bisherige Website"


def test_a_good_build_replaces_the_site_and_validates_once(project: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Path] = []
    original = plugin_module.validate
    monkeypatch.setattr(plugin_module, "validate",
                        lambda root, **kw: calls.append(root) or original(root, **kw))
    assert build_site(project, project.parent / "site", now=NOW.isoformat()) == 0
    assert calls == []  # the plugin took the command's result
    site = project.parent / "site"
    assert "die bisherige Website" not in (site / "index.html").read_text(encoding="utf-8")
    assert (site / "feeds" / "alle.xml").is_file()
    assert sorted(p.name for p in project.parent.iterdir() if "site" in p.name) == [".site-alt", "site"]
    assert build_site(project, project.parent / "site", now=NOW.isoformat()) == 0
    # the next build deleted the site put aside before, and put the last one aside
    assert sorted(p.name for p in project.parent.iterdir() if "site" in p.name) == [".site-alt", "site"]
    first = (project.parent / ".site-alt" / "index.html").read_text(encoding="utf-8")
    assert "die bisherige Website" not in first


def test_a_page_mkdocs_cannot_render_stops_the_build_with_one_german_line(
        project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # Whatever the validator has not foreseen and Python-Markdown chokes on: one page fails.
    (project.parent / "content" / "impressum.md").write_text("# Impressum\n\nABSTURZ\n",
                                                             encoding="utf-8")
    convert = markdown.Markdown.convert

    def choking(self: markdown.Markdown, source: str) -> str:
        if "ABSTURZ" in source:
            raise RecursionError("maximum recursion depth exceeded")
        return convert(self, source)

    monkeypatch.setattr(markdown.Markdown, "convert", choking)
    assert build_site(project, project.parent / "site", now=NOW.isoformat()) == 1
    err = capsys.readouterr().err
    assert ("Die Website wurde nicht gebaut: die Seite `impressum.md` ließ sich nicht erzeugen "
            "(RecursionError: maximum recursion depth exceeded).") in err
    assert "Traceback" not in err
    assert (project.parent / "site" / "index.html").read_text(encoding="utf-8") == "die bisherige Website"
    assert not (project.parent / ".site-build").exists()


def test_a_page_that_takes_too_long_stops_the_build_with_one_german_line(
        project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (project.parent / "content" / "impressum.md").write_text("# Impressum\n\nENDLOS\n",
                                                             encoding="utf-8")
    convert = markdown.Markdown.convert

    def endless(self: markdown.Markdown, source: str) -> str:
        while "ENDLOS" in source:  # a construct Markdown needs hours for, in effect
            pass
        return convert(self, source)

    monkeypatch.setattr(markdown.Markdown, "convert", endless)
    monkeypatch.setattr("familiennetz.mkdocs_adapter.plugin.PAGE_SECONDS", 0.5)
    assert build_site(project, project.parent / "site", now=NOW.isoformat()) == 1
    err = capsys.readouterr().err
    assert "Die Website wurde nicht gebaut: die Seite `impressum.md` ließ sich nicht in" in err
    assert "Traceback" not in err
    assert (project.parent / "site" / "index.html").read_text(encoding="utf-8") == "die bisherige Website"


def test_the_old_site_is_deleted_only_when_a_core_is_idle(tmp_path: Path) -> None:
    """Nobody waits for it: it must not take a core from the index or the feeds."""
    (tmp_path / "site").mkdir()
    (tmp_path / ".site-alt-1").mkdir()
    process = clear_aside(tmp_path / "site")
    assert process is not None
    assert os.sched_getscheduler(process.pid) == os.SCHED_IDLE  # (not waited for yet: still there)
    process.wait(timeout=60)
    assert not (tmp_path / ".site-alt-1").exists()

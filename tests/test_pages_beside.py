"""Pages rendered on both cores (`mkdocs_adapter/pages_beside.py`): in `familiennetz build`
the child that writes the feeds renders pages from the back of MkDocs' list, and the site
is the same, byte for byte, as when MkDocs renders every page; the child's warnings and
errors count as MkDocs' own.

The builds run in this process (`build_site`), so that a test can decide which pages the
child gets (`PageShare.may_take`): the forked child inherits the patch.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from familiennetz import run
from familiennetz.mkdocs_adapter import pages_beside, plugin
from familiennetz.mkdocs_adapter.build import build_site
from familiennetz.mkdocs_adapter.pages_beside import PageShare, Rendered
from sitebuild import NOW, copy_fixture
from test_build_cache import differences


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    return copy_fixture(tmp_path / "project", {"search": False})


@pytest.fixture()
def counted(monkeypatch: pytest.MonkeyPatch) -> list[Rendered]:
    """What the child reported of each build."""
    reports: list[Rendered] = []
    original = Rendered.report

    def report(self: Rendered) -> None:
        reports.append(self)
        original(self)

    monkeypatch.setattr(Rendered, "report", report)
    return reports


def odd_pages_to_the_child(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(PageShare, "may_take", staticmethod(lambda i: i % 2 == 0))


def build(config: Path, site: Path) -> int:
    return build_site(config, site, now=NOW.isoformat(), cache=None)


def test_pages_the_child_renders_are_the_bytes_mkdocs_would_have_written(
        tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counted: list[Rendered]) -> None:
    with monkeypatch.context() as patch:  # MkDocs renders every page
        patch.setattr(plugin, "render_from_back", lambda *args: Rendered())
        assert build(tree, tmp_path / "alone") == 0
    odd_pages_to_the_child(monkeypatch)
    assert build(tree, tmp_path / "shared") == 0
    alone, shared = counted
    assert alone.pages == 0
    assert shared.pages > 10 and shared.error is None
    pages = list((tmp_path / "shared").rglob("index.html"))
    assert shared.pages >= len(pages) // 3  # every other page in MkDocs' list was the child's
    assert differences(tmp_path / "alone", tmp_path / "shared") == []


def test_the_child_takes_pages_from_the_back_that_mkdocs_has_not_taken() -> None:
    files = [_File(i) for i in range(6)]
    share = PageShare(files)  # type: ignore[arg-type]
    assert files[0].is_modified() and files[1].is_modified()  # MkDocs rendered 0 and 1
    assert files[0].is_modified()  # asked again: still its own
    taken = [share.take_back() for _ in range(5)]
    assert taken == [files[5], files[4], files[3], files[2], None]
    assert [f.is_modified() for f in files[2:]] == [False] * 4  # MkDocs skips them


def test_the_claims_hold_across_the_fork() -> None:
    files = [_File(i) for i in range(200)]
    share = PageShare(files)  # type: ignore[arg-type]
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_take_all, args=(share, send))  # inherited, as in the build
    child.start()
    here = [i for i, f in enumerate(files) if f.is_modified()]
    theirs = receive.recv()
    child.join()
    assert sorted(here + theirs) == list(range(200))
    assert here == list(range(len(here))) and theirs == sorted(theirs, reverse=True)


def test_a_warning_while_the_child_renders_fails_the_strict_build_and_is_shown_once(
        tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counted: list[Rendered],
        capsys: pytest.CaptureFixture[str]) -> None:
    odd_pages_to_the_child(monkeypatch)
    context = run.BuildRun.context

    def warn(self: run.BuildRun, src: str, **kwargs: Any) -> dict[str, Any]:
        if src.startswith("pressemitteilungen/") and src != "pressemitteilungen/index.md":
            logging.getLogger("mkdocs.plugins.familiennetz").warning("Warnung aus %s", src)
        return context(self, src, **kwargs)

    monkeypatch.setattr(run.BuildRun, "context", warn)
    assert build(tree, tmp_path / "site") == 1
    [report] = counted
    warned = [message for _, _, message in report.records if message.startswith("Warnung aus")]
    assert warned  # the child rendered some of them …
    err = capsys.readouterr().err
    for message in warned:  # … and each of its warnings is shown once, by this process
        assert err.count(message) == 1
    assert "Die Website wurde nicht gebaut" in err
    assert not (tmp_path / "site").exists()


def test_an_error_while_the_child_renders_names_the_page_and_publishes_nothing(
        tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counted: list[Rendered],
        capsys: pytest.CaptureFixture[str]) -> None:
    odd_pages_to_the_child(monkeypatch)
    context = run.BuildRun.context
    failing: list[str] = []

    def fail(self: run.BuildRun, src: str, **kwargs: Any) -> dict[str, Any]:
        if pages_beside.multiprocessing.parent_process() is not None and src.startswith("angebote/"):
            failing.append(src)
            raise ValueError("kaputt")
        return context(self, src, **kwargs)

    monkeypatch.setattr(run.BuildRun, "context", fail)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "before.txt").write_text("alt", encoding="utf-8")
    assert build(tree, tmp_path / "site") == 1
    [report] = counted
    assert isinstance(report.error, ValueError)
    err = capsys.readouterr().err
    assert "Die Website wurde nicht gebaut: die Seite `angebote/" in err
    assert "(ValueError: kaputt)" in err
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == ["before.txt"]


class _File:
    def __init__(self, i: int) -> None:
        self.i = i


def _take_all(share: PageShare, send: Any) -> None:
    taken = []
    while (file := share.take_back()) is not None:
        taken.append(file.i)  # type: ignore[attr-defined]
    send.send(taken)


def test_the_preview_never_writes_a_page_through_its_link_into_the_page_cache(tmp_path: Path) -> None:
    """The preview renders into its last build's folder, whose pages are hard links into
    its page cache; before MkDocs writes a page rendered again, the link goes."""
    kept = tmp_path / "cache" / "pages" / "abc.html"
    kept.parent.mkdir(parents=True)
    kept.write_text("<p>alt</p>", encoding="utf-8")
    published = tmp_path / "site" / "angebote" / "index.html"
    published.parent.mkdir(parents=True)
    os.link(kept, published)
    preview = plugin.FamiliennetzPlugin()
    preview.cache_dir = tmp_path / "cache"  # as `familiennetz serve` sets it
    page = SimpleNamespace(file=SimpleNamespace(abs_dest_path=str(published)))
    preview.on_post_page("<p>neu</p>", page=page, config={})
    assert not published.exists()
    assert kept.read_text(encoding="utf-8") == "<p>alt</p>"

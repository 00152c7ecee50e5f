"""Shared test helpers: one pinned 'now', and content trees written into tmp_path."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from familiennetz.dates import BERLIN

Tree = Callable[[Mapping[str, str | bytes]], Path]  # the `tree` fixture: adds files to `content`
TESTS = Path(__file__).resolve().parent
EXAMPLES = TESTS / "examples"
# A Saturday in late autumn: after the sample items, before the embargoed and future ones.
NOW = datetime(2026, 11, 21, 12, 0, tzinfo=BERLIN)


def write_tree(root: Path, files: Mapping[str, str | bytes]) -> Path:
    """Write `{"kreise/x.md": "…"}` below root; str as UTF-8 (newlines kept), bytes verbatim."""
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8"))
    return root


def copy_example(name: str, dest: Path) -> Path:
    """tests/examples/base with tests/examples/<name> laid over it, at dest."""
    shutil.copytree(EXAMPLES / "base", dest, dirs_exist_ok=True)
    shutil.copytree(EXAMPLES / name, dest, symlinks=True, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("expected.txt"))
    return dest


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """tests/examples/site, built once per session at NOW (a real `mkdocs build --strict`)."""
    import sitebuild

    return sitebuild.build_site(sitebuild.FIXTURE_CONFIG, tmp_path_factory.mktemp("site"), NOW)


@pytest.fixture(scope="session")
def search_site(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """tests/examples/search, built once per session, with the Pagefind index."""
    import sitebuild

    return sitebuild.build_site(sitebuild.SEARCH_CONFIG, tmp_path_factory.mktemp("search"), NOW)


@pytest.fixture(scope="module")
def search_chromium(search_site: Any) -> Iterator[tuple[Any, str]]:
    """Debian's chromium and the search fixture served on 127.0.0.1: (browser, base URL)."""
    import browser

    with browser.launch(search_site) as launched:
        yield launched


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A content root holding the base references (2 districts, 1 network, 2 topics)."""
    return copy_example("base", tmp_path / "content")


@pytest.fixture
def tree(content: Path) -> Callable[[Mapping[str, str | bytes]], Path]:
    """Add files to the `content` root: `tree({"angebote/x.md": "…"})`."""
    return lambda files: write_tree(content, files)

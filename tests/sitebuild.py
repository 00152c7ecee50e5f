"""Build fixture sites for real and read them.

- `run_build()` runs `mkdocs build --strict` in a subprocess, with a pinned `now`.
- `build_site()` builds one and returns a `Site`; the session fixtures in conftest.py
  (`fixture_site`, `search_site`) build each fixture once for all test modules.
- `copy_fixture()` makes a writable copy (for broken trees and generated content).
- `Site` maps URLs to built files, parses pages into a small `Node` tree (stdlib
  `html.parser`, no dependencies) and resolves links the way a browser would.
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from conftest import NOW

__all__ = [
    "FIXTURE_CONFIG", "FIXTURE_DIR", "NOW", "OVERRIDES", "PROJECT_CONFIG", "SEARCH_CONFIG",
    "BuildResult", "Node", "Site", "build_site", "copy_fixture", "parse_html", "run_build",
]

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_DIR = Path(__file__).resolve().parent / "examples" / "site"
FIXTURE_CONFIG = FIXTURE_DIR / "mkdocs.yml"
PROJECT_CONFIG = ROOT / "mkdocs.yml"
OVERRIDES = ROOT / "overrides"
SEARCH_CONFIG = Path(__file__).resolve().parent / "examples" / "search" / "mkdocs.yml"
BUILD_TIMEOUT = 300  # seconds; a build of the fixture takes about one

# --- building ------------------------------------------------------------------------


@dataclass(frozen=True)
class BuildResult:
    returncode: int
    output: str  # stdout and stderr together: MkDocs logs to stderr
    site_dir: Path


def run_build(config: Path, site_dir: Path, now: str = NOW.isoformat()) -> BuildResult:
    """A real `mkdocs build --strict`, run from the config's folder (messages name
    files relative to it)."""
    env = {**os.environ, "FAMILIENNETZ_NOW": now, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        cwd=config.parent, env=env, capture_output=True, text=True, timeout=BUILD_TIMEOUT, check=False,
    )
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site_dir)


def site_url_of(config: Path) -> str:
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    return str(data["site_url"]).rstrip("/") + "/"


def copy_fixture(dest: Path, plugin_options: dict[str, Any] | None = None) -> Path:
    """A writable copy of the fixture site; returns its `mkdocs.yml`.

    The copy's `theme.custom_dir` points at the project's overrides by absolute path, so
    it builds from anywhere; `plugin_options` configure the `familiennetz` plugin.
    """
    shutil.copytree(FIXTURE_DIR, dest, ignore=shutil.ignore_patterns("site", "__pycache__"))
    config = dest / "mkdocs.yml"
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["theme"]["custom_dir"] = str(OVERRIDES)
    if plugin_options is not None:
        data["plugins"] = [p for p in data["plugins"] if p != "familiennetz"
                           and not (isinstance(p, dict) and "familiennetz" in p)]
        data["plugins"].append({"familiennetz": plugin_options})
    config.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config


def build_site(config: Path, site_dir: Path, now: datetime) -> Site:
    """A built site to read, or the test fails with MkDocs' output."""
    result = run_build(config, site_dir, now.isoformat())
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict of {config.parent.name} failed (now={now}):\n"
                    f"{result.output}", pytrace=False)
    return Site(site_dir, site_url_of(config), result.output)


# --- a small DOM ------------------------------------------------------------------------

VOID_ELEMENTS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
})


@dataclass(eq=False, repr=False)
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)
    line: int = 0

    def __repr__(self) -> str:
        attrs = "".join(f" {k}={v!r}" for k, v in self.attrs.items())
        return f"<{self.tag}{attrs}> (line {self.line})"

    def iter(self, skip: Callable[[Node], bool] | None = None) -> Iterator[Node]:
        """This node and its descendants in document order; `skip` prunes subtrees."""
        yield self
        for child in self.children:
            if isinstance(child, Node) and not (skip and skip(child)):
                yield from child.iter(skip)

    def find_all(self, tag: str | None = None, skip: Callable[[Node], bool] | None = None,
                 **attrs: str) -> list[Node]:
        """Elements by tag and exact attribute values (`class_=`, `aria_label=` for dashes)."""
        return [n for n in self.iter(skip) if _matches(n, tag, attrs)]

    def find(self, tag: str | None = None, **attrs: str) -> Node | None:
        return next((n for n in self.iter() if _matches(n, tag, attrs)), None)

    def raw_text(self, skip: Callable[[Node], bool] | None = None) -> str:
        parts: list[str] = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif not (skip and skip(child)):
                parts.append(child.raw_text(skip))
        return " ".join(parts)

    def text(self, skip: Callable[[Node], bool] | None = None) -> str:
        """Visible text, whitespace collapsed (scripts and styles left out)."""
        def hidden(n: Node) -> bool:
            return n.tag in ("script", "style", "template") or bool(skip and skip(n))

        return " ".join(self.raw_text(hidden).split())

    def has_class(self, name: str) -> bool:
        return name in self.attrs.get("class", "").split()

    def get(self, name: str, default: str = "") -> str:
        return self.attrs.get(name, default)


def _matches(node: Node, tag: str | None, attrs: dict[str, str]) -> bool:
    return (tag is None or node.tag == tag) and all(
        node.attrs.get(k.rstrip("_").replace("_", "-")) == v for k, v in attrs.items())


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, line=self.getpos()[0])
        self.stack[-1].children.append(node)
        if tag not in VOID_ELEMENTS:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}, line=self.getpos()[0]))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(text: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


# --- the built site -----------------------------------------------------------------------


@dataclass
class Site:
    root: Path
    site_url: str  # absolute, with trailing slash
    log: str = field(default="", repr=False)
    _docs: dict[str, Node] = field(default_factory=dict, repr=False)

    def files(self) -> list[Path]:
        return sorted(p for p in self.root.rglob("*") if p.is_file())

    def pages(self) -> list[str]:
        """Site-relative URLs of every HTML file: '' (home), 'angebote/', '404.html' — but
        the web editor's (`admin/`): an app, not a page of the site (test_editor_*)."""
        return sorted(url for url in map(self.url_of, self.root.rglob("*.html"))
                      if not url.startswith("admin/"))

    def url_of(self, path: Path) -> str:
        rel = path.relative_to(self.root).as_posix()
        if rel == "index.html":
            return ""
        return rel[: -len("index.html")] if rel.endswith("/index.html") else rel

    def file_for(self, url: str) -> Path | None:
        path = url.split("#")[0].split("?")[0]
        candidate = self.root / path if path else self.root
        if candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None

    def exists(self, url: str) -> bool:
        return self.file_for(url) is not None

    def html(self, url: str) -> str:
        path = self.file_for(url)
        assert path is not None, f"no page at /{url}"
        return path.read_text(encoding="utf-8")

    def doc(self, url: str) -> Node:
        if url not in self._docs:
            self._docs[url] = parse_html(self.html(url))
        return self._docs[url]

    def absolute(self, url: str) -> str:
        return self.site_url + url

    def resolve(self, page_url: str, href: str) -> str | None:
        """The site-relative URL a link on `page_url` leads to; None if it leaves the site."""
        target = urlsplit(urljoin(self.absolute(page_url), href.strip()))
        base = urlsplit(self.site_url)
        if target.scheme not in ("http", "https") or target.netloc != base.netloc:
            return None
        if not (target.path + "/").startswith(base.path):
            return None
        return target.path[len(base.path):]

    def read_bytes_decompressed(self, path: Path) -> bytes:
        data = path.read_bytes()
        return gzip.decompress(data) if path.suffix == ".gz" else data

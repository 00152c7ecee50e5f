"""Page furniture rendered once per link shape: the same pages as rendering it on every page."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from mkdocs.utils import get_relative_url

import sitebuild
from familiennetz.render.fragments import Fragments, _prefixes, link_shape

pytestmark = pytest.mark.slow  # builds sites with MkDocs

ANCHORS = ["", "pressemitteilungen/", "kreise/", "kreise/rhein-lahn-kreis/", "hilfe/",
           "hilfe/felder/", "hilfe/sperrfrist/", "assets/stylesheets/main.css", "suche/",
           "404.html"]
PAGES = ["", "pressemitteilungen/", "pressemitteilungen/a/", "pressemitteilungen/b/",
         "pressemitteilungen/seite/2/", "pressemitteilungen/2025/seite/3/", "kreise/saarlouis/",
         "kreise/rhein-lahn-kreis/seite/2/", "kreise/saarlouis/seite/2/", "hilfe/felder/",
         "hilfe/felder/mehr/", "hilfe/andere/mehr/", "hilfe/x/", "themen/a/", "angebote/a/",
         "netzwerke/a/seite/2/", "impressum/", "a.html", "hilfe/b.html"]


def test_pages_of_one_link_shape_link_to_every_anchor_alike() -> None:
    prefixes = _prefixes(ANCHORS)
    alike = [(page, other) for page, other in itertools.combinations(PAGES, 2)
             if link_shape(page, prefixes) == link_shape(other, prefixes)]
    assert len(alike) >= 3  # the pages below share shapes: the claim is put to the test
    for page, other in alike:
        assert all(get_relative_url(a, page) == get_relative_url(a, other) for a in ANCHORS), \
            (page, other)


def test_items_of_a_folder_share_one_shape_and_other_folders_do_not() -> None:
    prefixes = _prefixes(ANCHORS)
    assert link_shape("pressemitteilungen/a/", prefixes) == link_shape("pressemitteilungen/b/", prefixes)
    assert link_shape("themen/a/", prefixes) == link_shape("angebote/a/", prefixes)
    assert link_shape("pressemitteilungen/a/", prefixes) != link_shape("angebote/a/", prefixes)
    assert link_shape("hilfe/felder/mehr/", prefixes) != link_shape("hilfe/andere/mehr/", prefixes)


def _render_counter() -> tuple[list[str], object]:
    calls: list[str] = []

    def render() -> str:
        calls.append("x")
        return f"<nav>{len(calls)}</nav>"
    return calls, render


def test_a_fragment_is_rendered_once_per_shape() -> None:
    fragments = Fragments(ANCHORS, menu=["pressemitteilungen/"])
    calls, render = _render_counter()
    first = fragments.render(SimpleNamespace(url="pressemitteilungen/a/"), "nav", render)
    again = fragments.render(SimpleNamespace(url="pressemitteilungen/b/"), "nav", render)
    elsewhere = fragments.render(SimpleNamespace(url="themen/a/"), "nav", render)
    assert (first, again, elsewhere) == ("<nav>1</nav>", "<nav>1</nav>", "<nav>2</nav>")
    assert len(calls) == 2


def test_pages_in_the_menu_render_the_menu_themselves() -> None:
    fragments = Fragments(ANCHORS, menu=["pressemitteilungen/"])
    calls, render = _render_counter()
    for _ in range(2):
        fragments.render(SimpleNamespace(url="pressemitteilungen/"), "nav", render, menu=True)
    assert len(calls) == 2
    for _ in range(2):  # the footer marks no current page: a menu page shares it too
        fragments.render(SimpleNamespace(url="pressemitteilungen/"), "footer", render)
    assert len(calls) == 3


def test_without_a_page_or_when_turned_off_every_call_renders() -> None:
    calls, render = _render_counter()
    Fragments(ANCHORS, menu=[]).render(None, "nav", render)  # the 404 page
    Fragments(ANCHORS, menu=[]).render(None, "nav", render)
    off = Fragments(ANCHORS, menu=[], enabled=False)
    off.render(SimpleNamespace(url="a/"), "nav", render)
    off.render(SimpleNamespace(url="a/"), "nav", render)
    assert len(calls) == 4


def _build(config: Path, site_dir: Path) -> dict[str, bytes]:
    result = sitebuild.run_build(config, site_dir)
    assert result.returncode == 0, result.output
    return {p.relative_to(site_dir).as_posix(): p.read_bytes()
            for p in sorted(site_dir.rglob("*")) if p.is_file()}


def _project_copy(dest: Path, options: dict[str, object]) -> Path:
    shutil.copytree(sitebuild.PROJECT_CONFIG.parent / "content", dest / "content")
    data = yaml.load(sitebuild.PROJECT_CONFIG.read_text(encoding="utf-8"), Loader=_EnvLoader)
    data["theme"]["custom_dir"] = str(sitebuild.OVERRIDES)
    data["site_url"] = "https://www.example.org/familiennetz/"
    data["plugins"] = [{"familiennetz": options}]
    config = dest / "mkdocs.yml"
    config.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config


class _EnvLoader(yaml.SafeLoader):
    """Reads mkdocs.yml's `!ENV [NAME, default]` as its default."""


_EnvLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


@pytest.mark.parametrize("site", ["fixture", "project"])
def test_the_site_is_byte_for_byte_the_same_with_and_without_shared_fragments(
        site: str, tmp_path: Path) -> None:
    """Every page, at every depth (one item per listing page gives many listing pages), and
    the project's own site with its help pages in the menu."""
    built = []
    for fragments in (True, False):
        options = {"search": False, "page_size": 1, "fragments": fragments}
        src = tmp_path / f"src-{fragments}"
        config = (sitebuild.copy_fixture(src, plugin_options=options) if site == "fixture"
                  else _project_copy(src, options))
        built.append(_build(config, tmp_path / f"site-{fragments}"))
    shared, rendered = built
    assert sorted(shared) == sorted(rendered)
    assert len([name for name in shared if name.endswith(".html")]) > 30
    different = [name for name in shared if shared[name] != rendered[name]
                 and not name.endswith(".gz")]  # gzip stores a time stamp
    assert different == []

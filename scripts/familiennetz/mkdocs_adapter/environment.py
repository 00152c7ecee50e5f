"""The Jinja environment our templates render in: autoescaping for ours, the filters and
globals they use, and page furniture rendered once per link shape."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    PrefixLoader,
    pass_context,
)
from markupsafe import Markup
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..colours import darker
from ..dates import format_date_de
from ..publication import is_local
from ..render.fragments import Fragments
from ..render.labels import label, language_name
from ..run import BuildRun
from ..sanitize import link_url
from ..types import TYPES

__all__ = ["prepare_environment"]


def _template_names(folder: str | None) -> frozenset[str]:
    if not folder:
        return frozenset()
    root = Path(folder)
    return frozenset(p.relative_to(root).as_posix() for p in root.rglob("*.html"))


def _anchors(files: Files, run: BuildRun, menu: list[str]) -> Iterator[str]:
    """The URLs that shared page furniture may link to: every file but the items and the
    listing pages after the first, of which there are thousands."""
    many = {p.src for p in run.plan.pages.values()
            if p.kind == "item" or (p.listing is not None and p.listing.number > 1)}
    yield from menu
    for file in files:
        if file.src_uri not in many:
            yield file.url


def _made(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _page_of(ctx: Any) -> Page | None:
    """The page a template renders; None for the 404 page, which has none."""
    page = ctx.get("page")
    return page if isinstance(page, Page) else None


def prepare_environment(env: Environment, config: Any, files: Files, run: BuildRun,
                        menu: list[str], *, fragments: bool, cache: Path | None = None) -> None:
    if cache is not None:  # compiled templates, checked against their source by Jinja
        env.bytecode_cache = FileSystemBytecodeCache(str(_made(cache / "templates")))
    # MkDocs' Jinja environment does not escape; our templates (those in overrides/) do,
    # so that no value from the content reaches a page unescaped. Material's own
    # templates are left as they are: what they print is escaped before (page.meta).
    ours = _template_names(config.theme.custom_dir)
    env.autoescape = lambda name: name in ours
    # Our partials wrap Material's own (`{% include "material/partials/nav.html" %}`)
    # instead of copying them.
    material = next((d for d in config.theme.dirs
                     if Path(d).name == "templates" and Path(d).parent.name == "material"), None)
    if material is not None and env.loader is not None:
        env.loader = ChoiceLoader([env.loader,
                                   PrefixLoader({"material": FileSystemLoader(material)})])
    shared = Fragments(_anchors(files, run, menu), menu, enabled=fragments)
    env.globals["fn_once"] = pass_context(
        lambda ctx, name, render, menu=False: shared.render(_page_of(ctx), name, render, menu))
    env.filters["de_date"] = format_date_de
    env.filters["fn_url"] = link_url
    env.filters["label"] = lambda value, field: label(field, value)
    env.filters["language_name"] = language_name
    env.globals["fn_card"] = pass_context(
        lambda ctx, entry, level=3, finder=None: Markup(run.cards(entry, level, ctx["base_url"],
                                                                  finder)))
    env.globals["fn_sections"] = [(f"{t.folder}/", t.plural) for t in TYPES]
    env.globals["fn_operator"] = run.operator  # header, footer, the demo notice
    env.globals["fn_local"] = is_local(run.site_url)  # a preview: feed addresses say so
    if run.operator is not None:
        env.globals["fn_colours"] = {"fg": run.operator.colour, "dark": darker(run.operator.colour, 0.7)}
    env.globals["fn_footer"] = [(f.url, title) for src, title in run.plan.footer
                                if (f := files.get_file_from_path(src)) is not None]

"""The MkDocs plugin: each event hands over to the core (`run.BuildRun`), and does the
build-time housekeeping that is MkDocs' business (garbage collector, the feeds child)."""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import re
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation

from .. import deadline
from ..cache.validation import ValidationCache
from ..cores import Beside, return_free_memory
from ..editor import EditorSettings
from ..publication import site_operator
from ..run import BuildError, BuildRun
from ..search import SearchIndexer
from ..validator import ValidationResult
from .config import FamiliennetzConfig, validated
from .environment import prepare_environment
from .files import apply_plan
from .pages_beside import PageShare, Rendered, render_from_back
from .reuse import PageReuse, body_digest, config_digest, settings_digest

__all__ = ["FamiliennetzPlugin"]

log = logging.getLogger("mkdocs.plugins.familiennetz")
PAGE_SECONDS = 60  # for converting one page's Markdown; a real one takes milliseconds
# Material's hidden toggles carry `autocomplete`, which HTML allows on text inputs only
# (the Nu Html Checker reports it on every page).
_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off"')
_MATERIAL_SKIP = re.compile(r'(<div data-md-component="skip">)\s*<a href="[^"]*" class="md-skip">'
                            r'.*?</a>', re.DOTALL)


class FamiliennetzPlugin(BasePlugin[FamiliennetzConfig]):
    supports_multiple_instances = False
    dirty = False
    validated: tuple[Path, datetime, ValidationResult] | None = None  # by `familiennetz build`
    cache_dir: Path | None = None  # by `familiennetz build`: what the next build reuses
    # By `familiennetz serve`: files checked before and unchanged are not checked again, and
    # after its first build the preview keeps the search index and page of that build.
    validation_cache: ValidationCache | None = None
    keep_search = False
    # By `familiennetz build`: the index, begun before the validation (`index_ahead`).
    search_indexer: SearchIndexer | None = None
    # By `familiennetz build`, which builds `dirty`: the child beside the build renders
    # pages too, once its feeds are written (pages_beside.py).
    render_beside = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.dirty = dirty  # `serve --dirty` renders only changed pages: no index from those

    def on_config(self, config: Any) -> Any:
        result = validated(config, self.config.now, self.validated, self.validation_cache)
        self.validated = None  # `serve` rebuilds: then validate again
        options = self.config
        self.editor = EditorSettings(options.editor_repo.strip(), options.editor_branch.strip(),
                                     options.editor_auth_url.strip().rstrip("/"),
                                     local=options.editor_local.strip())
        if (problem := self.editor.problem()) is not None:
            raise PluginError(problem)
        self.run = self.new_run(config, result)
        self.run.prepare_index(Path(config.docs_dir), Path(config.site_dir))
        # The parsed documents stay alive for the whole build; without this, every full
        # garbage collection walks them all again (measured: a fifth of the build time).
        gc.freeze()
        return config

    def new_run(self, config: Any, result: ValidationResult) -> BuildRun:
        """The core's run for a validated content (also the preview's quick update)."""
        self._meta: dict[str, dict[str, Any]] = {}
        sources = {path for path in result.publishable if path.endswith(".md")}
        operator, problems = site_operator(Path(config.config_file_path), config.extra.get("operator"),
                                           result, site_url=config.site_url or "",
                                           publish=os.environ.get("FAMILIENNETZ_PUBLISH") == "1")
        if problems:
            raise PluginError("Diese Website wird nicht veröffentlicht:\n"
                              + "\n".join(str(p) for p in problems))
        try:
            return BuildRun(result, sources, site_url=config.site_url, site_name=config.site_name,
                            page_size=self.config.page_size, operator=operator,
                            search=self.config.search and not self.dirty
                            and not self.keep_search, cache=self.cache_dir,
                            indexer=self._take_indexer())
        except BuildError as exc:
            raise PluginError(str(exc)) from None

    def _take_indexer(self) -> SearchIndexer | None:
        """The index the command began, for the first run only."""
        indexer, self.search_indexer = self.search_indexer, None
        return indexer

    def on_files(self, files: Files, config: Any) -> Files:
        self.files = files  # (kept for the preview's quick update, as are nav and env)
        with self.run.timings("files and listings"):
            try:
                return apply_plan(files, self.run, config)
            except BuildError as exc:
                raise PluginError(str(exc)) from None

    def on_nav(self, nav: Navigation, /, *, config: Any, files: Files) -> Navigation:
        self.nav = nav
        self.menu = [page.url for page in nav.pages]
        self.reuse: PageReuse | None = None
        if self.cache_dir is not None:
            with self.run.timings("cache: pages to reuse"):
                base = config_digest(config, self.config)
                self.reuse = PageReuse(self.run, self.cache_dir, settings_digest(config, base), self.menu,
                                       body_settings=body_digest(config), config=base,
                                       keep_search=self.keep_search)
                self.reuse.decide(files, Path(config.site_dir))
        return nav

    def keep_pages(self) -> tuple[int, int] | None:
        """After a successful build (`familiennetz build` knows): keep the rendered pages;
        (pages rendered, pages reused), None without a cache."""
        reuse: PageReuse | None = getattr(self, "reuse", None)
        if hasattr(self, "run"):
            self.run.words.save()
        if reuse is None:
            return None
        reuse.save()
        return len(reuse.dests) - len(reuse.reused), len(reuse.reused)

    def on_env(self, env: Any, config: Any, files: Files) -> Any:
        self.env = env
        if self.reuse is not None:
            with self.run.timings("cache: reused pages handed over"):
                self.reuse.hand_over(Path(config.site_dir))
        prepare_environment(env, config, files, self.run, self.menu, fragments=self.config.fragments,
                            cache=self.cache_dir)
        # Every page is converted now (MkDocs renders none before on_env): what stays alive
        # need not be walked again, and the feeds, which need only the converted bodies,
        # are made on the other core while the kept pages are placed and MkDocs renders;
        # then that child renders pages from the back of MkDocs' list.
        gc.freeze()
        then = None
        if self.render_beside:
            pages = files.documentation_pages(inclusion=InclusionLevel.is_included)
            then = partial(render_from_back, PageShare([f for f in pages if f.is_modified()]),
                           config, files, self.nav, env)
        self.beside = Beside(_feeds_then_pages, self.run, Path(config.site_dir),
                             Path(config.docs_dir), self.cache_dir, then)
        if self.reuse is not None:
            with self.run.timings("cache: place pages"):
                self.reuse.place()
        return env

    def on_page_read_source(self, page: Any, config: Any) -> str | None:
        """Hand MkDocs the body we already read, with an empty header: MkDocs would read
        and parse every file again (about 5 s for 10,000 files)."""
        found = self.run.front_matter(page.file.src_uri)
        if found is None:
            return None
        self._meta[page.file.src_uri], body = found
        return "---\n{}\n---\n" + body

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Files) -> str:
        src = page.file.src_uri
        page.meta = self._meta.pop(src, page.meta)
        if (updated := self.run.updated(src)) is not None:
            page.update_date = updated  # the sitemap's lastmod, from the content
        markdown = self.run.markdown(src, markdown)
        if self.reuse is not None:
            self.reuse.converted.offer(page)  # its body as converted before, if it is kept
        deadline.start(PAGE_SECONDS)  # MkDocs converts it next; on_page_content stops the clock
        return markdown

    def on_page_content(self, html: str, page: Any, config: Any, files: Files) -> str:
        deadline.stop()
        try:
            kept = self.reuse is not None and page.file.src_uri in self.reuse.converted.reused
            content = self.run.converted(page.file.src_uri, page.url, page.title, html,
                                         Path(config.site_dir), checked=kept)
        except BuildError as exc:
            raise PluginError(f"{Path(config.docs_dir).name}/{exc}") from None
        if "title" not in page.meta and page.title:  # from the first `# …`: HTML text
            page.meta["title"] = self.run.plain_title(str(page.title))
        page.markdown = ""  # converted: only `title` asks whether there is any (26 MB at 10,000 items)
        return content

    def on_page_context(self, context: Any, /, *, page: Any, config: Any, nav: Navigation) -> Any:
        context.update(self.run.context(page.file.src_uri))
        return context

    def on_post_page(self, output: str, /, *, page: Any, config: Any) -> str:
        """Drop Material's skip link: it targets the first `##` and skips the H1 and the
        facts above it; main.html puts one to the start of the content instead."""
        if self.cache_dir is not None and not self.render_beside:
            # The preview (its whole rebuilds and quick.py's) renders into its last build's
            # folder, whose pages may be hard links into the page cache: MkDocs would write
            # this page through one.
            with contextlib.suppress(FileNotFoundError):
                os.unlink(page.file.abs_dest_path)
        return _tidy(_MATERIAL_SKIP.sub(r"\1", output, count=1))

    def on_post_template(self, output_content: str, /, *, template_name: str, config: Any) -> str:
        return _tidy(output_content) if template_name.endswith(".html") else output_content

    def on_build_error(self, *, error: Exception) -> None:
        deadline.stop()
        beside: Beside[tuple[int, float, Rendered]] | None = getattr(self, "beside", None)
        if beside is not None:  # a failed build writes no more files
            beside.cancel()
        gc.unfreeze()  # `mkdocs serve` builds again in this process: let the old pages go
        if hasattr(self, "run"):
            self.run.stop()

    def on_post_build(self, config: Any) -> None:
        run = self.run
        try:
            run.start_index(Path(config.site_dir))
            with run.timings("web editor"):
                run.write_editor(Path(config.site_dir), Path(config.config_file_path).parent,
                                 self.editor)
            with run.timings("feeds and calendars, pages beside: waited for"):
                files, seconds, rendered = self.beside.result()
            run.timings.add("feeds and calendars", seconds)
            run.timings.add("pages rendered beside", rendered.seconds)
            rendered.report()  # its warnings count here (`strict`); its error fails the build
            if (index := run.finish_index()) is not None:
                log.info("Suchindex: %d Seiten, %d Dateien (%.1f MB); neu erstellt: %s (vorab "
                         "begonnen: %s)", index.pages, index.files, index.bytes / 1e6,
                         ", ".join(index.indexed) or "nichts", ", ".join(index.ahead) or "nichts")
        except BuildError as exc:
            raise PluginError(str(exc)) from None
        log.debug("Feeds und Kalender: %d Dateien in %.1f s; daneben %d Seiten gerendert",
                  files, seconds, rendered.pages)
        run.timings.write()
        gc.unfreeze()


def _feeds_then_pages(run: BuildRun, site_dir: Path, docs_dir: Path, cache: Path | None,
                      pages: Callable[[], Rendered] | None) -> tuple[int, float, Rendered]:
    """The child's work: the feeds, then `pages` (from the back of MkDocs' list)."""
    files, seconds = run.write_feeds(site_dir, docs_dir, cache)
    if pages is None:
        return files, seconds, Rendered()
    return_free_memory()  # the feeds' (the build's peak memory is while this child renders)
    return files, seconds, pages()


def _tidy(html: str) -> str:
    return _TOGGLE_AUTOCOMPLETE.sub(r"\1", html)

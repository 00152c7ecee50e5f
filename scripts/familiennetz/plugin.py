"""The MkDocs adapter: the only module (besides the CLI's build) that knows MkDocs.

It wires MkDocs events to the pure core: validate in `on_config` (an invalid tree stops
the build before `site/` is touched), shape the file list in `on_files` (drafts and
embargoed items removed, dated URLs without the date, listing pages generated), pick
templates and hand them their data, and write feeds and the search index after the build.
"""

from __future__ import annotations

import gc
import json
import logging
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from html import unescape
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader, pass_context
from markupsafe import Markup, escape
from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from .clock import InvalidNow, current_time
from .collection import Collection
from .cores import Beside
from .dates import format_date_de
from .documents import Entry
from .documents import Page as Page_
from .feeds import (
    FeedLink,
    build_feed_files,
    feed_links,
    scope_key_for_page,
    subscription_scopes,
    write_feed_files,
)
from .render import fieldref, rulesref
from .render.cards import CardRenderer
from .render.context import PageContext, item_context, listing_context
from .render.fragments import Fragments
from .render.home import home_context
from .render.labels import label, language_name
from .render.listings import ListingPage, site_listings, years_of
from .sanitize import MARKDOWN_EXTENSIONS, check_html, link_url
from .search import (
    SearchIndexer,
    SearchIndexError,
    SearchRecord,
    SearchRecords,
    build_finder,
    filter_choices,
    indexed_sources,
    search_document,
)
from .timings import Timings
from .types import BY_FOLDER
from .validator import ValidationResult, validate

__all__ = ["FamiliennetzPlugin"]

log = logging.getLogger("mkdocs.plugins.familiennetz")

SUBSCRIBE_SRC = "abonnieren.md"
SEARCH_SRC = "suche.md"  # the search page (generated unless content/ has one)
FINDER_SRC = "angebote/index.md"  # the offers listing is the offer finder
# The footer of every page; a link appears only when its page exists.
FOOTER_PAGES = (
    ("impressum.md", "Impressum"), ("datenschutz.md", "Datenschutz"),
    ("barrierefreiheit.md", "Erklärung zur Barrierefreiheit"),
    ("leichte-sprache.md", "Leichte Sprache"), (SUBSCRIBE_SRC, "Abonnieren (RSS, Kalender)"),
    ("hilfe/index.md", "Hilfe für Redaktionen"),
)
GENERATED = {fieldref.MARKER: fieldref.field_reference_markdown,
             rulesref.MARKER: rulesref.rule_reference_markdown}
_MATERIAL_SKIP = re.compile(r'(<div data-md-component="skip">)\s*<a href="[^"]*" class="md-skip">'
                            r'.*?</a>', re.DOTALL)


class FamiliennetzConfig(Config):
    # Items per listing page. 30 keeps a page short on a phone (a card is three lines) and
    # the listings few: every item is on about five of them (type, year, district, network,
    # topics), and at 10,000 items each listing page less is build time saved.
    page_size = opt.Type(int, default=30)
    now = opt.Optional(opt.Type(str))  # ISO 8601; default $FAMILIENNETZ_NOW or the clock
    search = opt.Type(bool, default=True)  # build the Pagefind index (not in dirty builds)
    # Render the navigation, header, footer, styles and scripts once per link shape instead
    # of on every page (render/fragments.py). Off: every page renders them itself.
    fragments = opt.Type(bool, default=True)


class FamiliennetzPlugin(BasePlugin[FamiliennetzConfig]):
    supports_multiple_instances = False
    dirty = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.dirty = dirty  # `serve --dirty` renders only changed pages: no index from those

    validated: tuple[Path, datetime, ValidationResult] | None = None  # set by `familiennetz build`

    def on_config(self, config: Any) -> Any:
        self.timings = Timings()
        docs = Path(config.docs_dir)
        if set(config.markdown_extensions) != set(MARKDOWN_EXTENSIONS):
            raise PluginError("`markdown_extensions` in mkdocs.yml muss genau diese nennen: "
                              f"{', '.join(MARKDOWN_EXTENSIONS)} — die Prüfung der Inhalte "
                              "rendert die Texte mit denselben Erweiterungen wie der Bau.")
        for name, options in MARKDOWN_EXTENSIONS.items():  # also `toc`'s safe heading ids
            config.mdx_configs.setdefault(name, {}).update(options)
        with self.timings("validate"):
            try:
                now = current_time(self.config.now)
            except InvalidNow as exc:
                raise PluginError(str(exc)) from None
            if self.validated is not None and self.validated[0] == docs.resolve():
                _, now, result = self.validated  # `familiennetz build` validated just now
                self.validated = None  # `serve` rebuilds: then validate again
            else:
                result = validate(docs, now=now, display_base=Path.cwd())
        for problem in result.warnings:
            log.info("Warnung: %s", problem)  # warnings must not fail `--strict`
        if result.errors:
            listing = "\n".join(str(p) for p in result.errors)
            raise PluginError(f"Die Inhalte enthalten {len(result.errors)} Fehler; es wird "
                              f"nichts veröffentlicht:\n{listing}")
        self.collection: Collection = result.collection
        self.publishable = result.publishable
        # 10,000 parsed documents stay alive for the whole build; without this, every full
        # garbage collection walks them all again (measured: a fifth of the build time).
        # Validation makes no reference cycles (a collection here frees nothing at 10,000
        # files and takes 0.15 s), so everything is frozen as it is.
        gc.freeze()
        self.site_url = (config.site_url or "http://localhost:8000/").rstrip("/") + "/"
        self.entries: dict[str, Entry] = {e.src: e for e in result.collection.entries}
        self.pages: dict[str, Page_] = {p.src: p for p in result.collection.pages}
        self.listing_pages: dict[str, ListingPage] = {}
        self.html: dict[str, str] = {}
        self.meta_of: dict[str, dict[str, Any]] = {}
        self.feed_link_cache: dict[str, list[FeedLink]] = {}
        self.years: dict[str, list[int]] = {}
        self.search_records = SearchRecords(result.collection)
        self.to_index: set[str] = set()  # src of the pages Pagefind gets (see on_files)
        self.indexer = SearchIndexer() if self.config.search and not self.dirty else None
        return config

    def on_files(self, files: Files, config: Any) -> Files:
        with self.timings("files and listings"):
            return self._shape_files(files, config)

    def _shape_files(self, files: Files, config: Any) -> Files:
        collection = self.collection
        unchecked = sorted(f.src_uri for f in files.documentation_pages()
                           if f.src_uri not in self.entries and f.src_uri not in self.pages)
        if unchecked:  # MkDocs would build them; the validator never saw them
            raise PluginError("Diese Seiten wurden nicht geprüft und werden deshalb nicht "
                              "veröffentlicht: " + ", ".join(unchecked) + " — Inhalte gehören in "
                              "`.md`-Dateien, deren Kopfbereich fehlerfrei ist.")
        docs = Path(config.docs_dir).resolve()
        foreign = sorted(f.src_uri for f in files if f.src_dir and Path(f.src_dir).resolve() == docs
                         and f.src_uri not in self.publishable)
        if foreign:  # appeared after validation, or a kind the validator refuses
            raise PluginError("Diese Dateien wurden nicht geprüft und werden nicht veröffentlicht: "
                              + ", ".join(foreign) + " — es wird nichts veröffentlicht.")
        # Drafts, embargoed items and the files only they use: a file's URL alone would leak.
        for path in sorted(collection.hidden | collection.hidden_assets()):
            if (file := files.get_file_from_path(path)) is not None:
                files.remove(file)
        for entry in collection.entries:
            if entry.type.dated and entry.src not in collection.hidden:
                file = files.get_file_from_path(entry.src)
                if file is not None:
                    file.dest_uri = entry.url + "index.html"
                    for cached in ("url", "abs_dest_path"):
                        file.__dict__.pop(cached, None)
        for src, title in ((SUBSCRIBE_SRC, "Abonnieren"), (SEARCH_SRC, "Suche")):
            if files.get_file_from_path(src) is None:
                files.append(File.generated(config, src, content=f"---\ntitle: {title}\n---\n"))
        for listing in site_listings(collection, self.config.page_size):
            for page in listing.pages():
                self.listing_pages[page.src_uri] = page
                if files.get_file_from_path(page.src_uri) is None:
                    content = f"---\ntitle: {json.dumps(page.title, ensure_ascii=False)}\n---\n"
                    files.append(File.generated(config, page.src_uri, content=content))
        self.to_index = indexed_sources(collection, self.listing_pages)
        # MkDocs converts the pages in the order of `files`: the indexed ones first, so that
        # Pagefind has them all early and writes its index while MkDocs converts and renders
        # the rest (see _index). The menu is unchanged: it comes from `nav` in mkdocs.yml.
        for file in [f for f in files.documentation_pages() if f.src_uri not in self.to_index]:
            files.remove(file)
            files.append(file)
        return files

    @staticmethod
    def _exists(files: Files) -> Any:
        return lambda path: files.get_file_from_path(path) is not None

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.menu = [page.url for page in nav.pages]
        return nav

    def on_env(self, env: Any, config: Any, files: Files) -> Any:
        # MkDocs' Jinja environment does not escape; our templates (those in overrides/)
        # do, so that no value from the content reaches a page unescaped. Material's own
        # templates are left as they are: what they print is escaped before (page.meta).
        ours = _template_names(config.theme.custom_dir)
        env.autoescape = lambda name: name in ours
        # Our partials wrap Material's own (`{% include "material/partials/nav.html" %}`)
        # instead of copying them.
        material = next((d for d in config.theme.dirs
                         if Path(d).name == "templates" and Path(d).parent.name == "material"), None)
        if material is not None:
            env.loader = ChoiceLoader([env.loader,
                                       PrefixLoader({"material": FileSystemLoader(material)})])
        fragments = Fragments(self._anchors(files), self.menu, enabled=self.config.fragments)
        env.globals["fn_once"] = pass_context(
            lambda ctx, name, render, menu=False: fragments.render(
                _page_of(ctx), name, render, menu))
        env.filters["de_date"] = format_date_de
        env.filters["fn_url"] = link_url
        env.filters["label"] = lambda value, field: label(field, value)
        env.filters["language_name"] = language_name
        cards = CardRenderer(self.collection.references)
        env.globals["fn_card"] = pass_context(
            lambda ctx, entry, level=3: Markup(cards(entry, level, ctx["base_url"])))
        self.exists = self._exists(files)
        env.globals["fn_footer"] = [(f.url, title) for src, title in FOOTER_PAGES
                                    if (f := files.get_file_from_path(src)) is not None]
        # Every page is converted now (MkDocs renders none before on_env): what stays alive
        # until the end need not be walked by the garbage collector again, and the feeds,
        # which need only the converted bodies, are made on the other core while MkDocs
        # renders the pages.
        gc.freeze()
        self.feeds = Beside(self._write_feeds, Path(config.site_dir), Path(config.docs_dir),
                            config.site_name)
        return env

    def _anchors(self, files: Files) -> Iterator[str]:
        """The URLs that shared page furniture may link to: every file but the items and
        the listing pages after the first, of which there are thousands."""
        many = {src for src, entry in self.entries.items() if entry.type.is_item}
        many.update(src for src, page in self.listing_pages.items() if page.number > 1)
        yield from self.menu
        for file in files:
            if file.src_uri not in many:
                yield file.url

    def on_page_read_source(self, page: Page, config: MkDocsConfig) -> str | None:
        """Hand MkDocs the body we already read, with an empty header.

        MkDocs would read every file again and parse its YAML with the pure-Python loader
        (about 5 s for 10,000 files); our strict loader has done both already.
        """
        doc = self.entries.get(page.file.src_uri) or self.pages.get(page.file.src_uri)
        if doc is None:
            return None
        # What Material's own templates read from page.meta: only checked values, never
        # the raw front matter (`template`, `hide` or `status` have no say here), and
        # escaped already: Material's templates print them without escaping.
        meta: dict[str, Any] = {"title": Markup(escape(doc.title))} if doc.title else {}
        if isinstance(doc, Entry) and hasattr(doc.data, "summary"):
            meta["description"] = Markup(escape(doc.data.summary))
        elif isinstance(doc, Page_) and doc.data.description:
            meta["description"] = Markup(escape(doc.data.description))
        self.meta_of[page.file.src_uri] = meta
        return "---\n{}\n---\n" + doc.body

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Files) -> str:
        src = page.file.src_uri
        if src in self.meta_of:
            page.meta = dict(self.meta_of.pop(src))
        if src in self.entries:
            entry = self.entries[src]
            if entry.type.is_item:  # sitemap lastmod from the content, not the build date
                page.update_date = self.collection.facts[src].updated_at.date().isoformat()
        for marker, generate in GENERATED.items():  # the guide's references, from the registries
            if marker in markdown:
                markdown = markdown.replace(marker, generate())
        if src in self.entries and self.entries[src].type.is_item:
            page.meta["template"] = f"{self.entries[src].type.key}.html"
        elif src == FINDER_SRC:
            page.meta["template"] = "finder.html"
        elif src in self.listing_pages:
            page.meta["template"] = "listing.html"
        elif page.is_homepage:
            page.meta["template"] = "home.html"
        elif src == SUBSCRIBE_SRC:
            page.meta["template"] = "abonnieren.html"
        elif src == SEARCH_SRC:
            page.meta["template"] = "suche.html"
        return markdown

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """Drop Material's skip link: it targets the first `##` and skips the H1 and the
        facts above it; main.html puts one to the start of the content instead."""
        return _MATERIAL_SKIP.sub(r"\1", output, count=1)

    @contextmanager
    def _search_index(self, step: str) -> Iterator[SearchIndexer]:
        assert self.indexer is not None
        with self.timings(f"search index: {step}"):
            try:
                yield self.indexer
            except SearchIndexError as exc:
                raise PluginError(str(exc)) from exc

    def on_build_error(self, *, error: Exception) -> None:
        feeds: Beside[tuple[int, float]] | None = getattr(self, "feeds", None)
        if feeds is not None:  # a failed build writes no more files
            feeds.cancel()
        gc.unfreeze()  # `mkdocs serve` builds again in this process: let the old pages go
        indexer: SearchIndexer | None = getattr(self, "indexer", None)
        if indexer is not None:  # end Pagefind's process with the failed build
            indexer.close()

    def on_page_content(self, html: str, page: Any, config: Any, files: Files) -> str:
        src = page.file.src_uri
        if src in self.entries or src in self.pages:  # the validator's check, on MkDocs' HTML
            findings = check_html(html, allow_h1=src in self.pages)
            if findings:
                raise PluginError(f"{Path(config.docs_dir).name}/{src}: " + " ".join(
                    f"{f.message} ({f.rule})" for f in findings) + " Es wird nichts veröffentlicht.")
        if src in self.entries:
            self.html[src] = html  # the feeds carry the full body
        if self.indexer is not None and src in self.to_index:
            self._index(page, html, Path(config.site_dir))
        if "title" not in page.meta and page.title:  # from the first `# …`: HTML text
            page.meta["title"] = Markup(escape(unescape(str(page.title))))
        return Markup(html)  # checked above; our autoescaping templates print it as it is

    def _index(self, page: Page, html: str, site_dir: Path) -> None:
        """Hand Pagefind the page's body and record now, not the finished page: MkDocs
        converts every page before it renders any, so Pagefind writes its index on the
        other core while the templates are rendered (see search/document.py)."""
        with self.timings("search terms"):
            record = self._search_record(page.file.src_uri)
        with self._search_index("pages") as indexer:  # Pagefind reads it in its own process
            indexer.add(page.url, search_document(page.title or "", html, record))
            if indexer.pages == len(self.to_index):  # the last one: write while MkDocs goes on
                indexer.start_writing(site_dir)

    def on_page_context(self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        src = page.file.src_uri
        fn: PageContext | None = None
        if src in self.listing_pages:
            listing_page = self.listing_pages[src]
            folder = listing_page.listing.archive_of or listing_page.listing.key
            dated = folder in BY_FOLDER and BY_FOLDER[folder].dated and BY_FOLDER[folder].is_item
            if dated and folder not in self.years:  # asked by every archive page
                self.years[folder] = years_of(self.collection, folder)
            fn = listing_context(listing_page, self.years.get(folder) if dated else None)
        elif src in self.entries and self.entries[src].type.is_item:
            fn = item_context(self.entries[src], self.collection, self.site_url, self.exists)
        elif page.is_homepage:
            fn = home_context(self.collection)
        elif src == SUBSCRIBE_SRC:
            context["fn_subscriptions"] = subscription_scopes(  # type: ignore[typeddict-unknown-key]
                self.collection, site_url=self.site_url, site_name=config.site_name)
        if src == FINDER_SRC:
            context["fn_finder"] = build_finder(self.collection)  # type: ignore[typeddict-unknown-key]
        elif src == SEARCH_SRC:
            context["fn_search_filters"] = filter_choices(self.collection)  # type: ignore[typeddict-unknown-key]
        context["fn"] = fn  # type: ignore[typeddict-unknown-key]
        own, site_wide = self._feed_links(page)
        context["fn_own_feeds"] = own  # type: ignore[typeddict-unknown-key]
        context["fn_feed_links"] = own + site_wide  # type: ignore[typeddict-unknown-key]
        context["fn_refs"] = self.collection.references  # type: ignore[typeddict-unknown-key]
        return context

    def _search_record(self, src: str) -> SearchRecord:
        """Items and descriptive pages are indexed; listings, archives, the home page, the
        finder, the search and feeds pages are not (they would only repeat results)."""
        if src in self.entries:
            return self.search_records.for_entry(self.entries[src])
        return self.search_records.for_page(self.pages[src])

    def _feed_links(self, page: Page) -> tuple[list[FeedLink], list[FeedLink]]:
        """(a listing's own feeds, the site-wide feeds): every page links the site-wide
        ones; a listing's pages link and offer their own too."""
        listing = self.listing_pages.get(page.file.src_uri)
        key = scope_key_for_page(listing.listing.url) if listing else None
        own = self._scope_feeds(key) if key and key != "alle" else []
        return own, self._scope_feeds("alle")

    def _scope_feeds(self, key: str) -> list[FeedLink]:
        if key not in self.feed_link_cache:  # asked by every page: made once per scope
            self.feed_link_cache[key] = feed_links(key, self.site_url)
        return self.feed_link_cache[key]

    def _write_feeds(self, site_dir: Path, content_root: Path, site_name: str) -> tuple[int, float]:
        """Make and write every feed and calendar; (files written, seconds taken)."""
        start = time.perf_counter()
        files = build_feed_files(self.collection, site_url=self.site_url, html=self.html,
                                 exists=self.exists, content_root=content_root, site_name=site_name)
        return write_feed_files(site_dir, files), time.perf_counter() - start

    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.indexer is not None:  # if not yet begun: Pagefind writes while the feeds are made
            with self._search_index("writing") as indexer:
                indexer.start_writing(Path(config.site_dir))
        with self.timings("feeds and calendars: waited for"):
            try:
                files, seconds = self.feeds.result()
            except ValueError as exc:  # no absolute site_url: said in German by the feeds
                raise PluginError(str(exc)) from exc
        self.timings.add("feeds and calendars", seconds)
        log.debug("Feeds und Kalender: %d Dateien in %.1f s", files, seconds)
        if self.indexer is not None:
            with self._search_index("writing") as indexer:
                index = indexer.finish()
            log.info("Suchindex: %d Seiten, %d Dateien (%.1f MB)", index.pages, index.files,
                     index.bytes / 1e6)
        self.timings.write()
        gc.unfreeze()


def _template_names(folder: str | None) -> frozenset[str]:
    if not folder:
        return frozenset()
    root = Path(folder)
    return frozenset(p.relative_to(root).as_posix() for p in root.rglob("*.html"))


def _page_of(ctx: Any) -> Page | None:
    """The page a template renders; None for the 404 page, which has none."""
    page = ctx.get("page")
    return page if isinstance(page, Page) else None

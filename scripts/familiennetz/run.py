"""One build of the site, apart from the generator: from the validated collection and the
plan to what each page shows, the checked bodies, the feeds and the search index.

The generator (MkDocs, through `mkdocs_adapter/`) asks it, page by page, for a page's
front matter, template and context, hands it each converted body, and lets it write the
feeds and the index. Nothing here knows MkDocs.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from html import unescape
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from .cache.fingerprint import Fingerprints
from .cache.outputs import OutputMemo, OutputStore
from .documents import Entry
from .editor import EditorMissing, EditorSettings, write_editor
from .feeds import FeedLink, build_feed_files, feed_links, normalize_site_url, write_feed_files
from .markers import expand
from .operator import Operator
from .places import CREDIT, TABLE_PATH, encode_table, postcode_table
from .plan import PlannedPage, SitePlan, make_plan
from .render import fieldref, rulesref, typesref
from .render.cards import CardRenderer
from .render.context import PageContext, item_context, listing_context
from .render.finder import build_finder
from .render.home import home_context
from .render.legal import legal_markdown
from .render.listings import years_of
from .render.related import RelatedItems
from .render.subscribe import Subscription, subscription, subscription_context
from .sanitize import checked_html
from .search import (
    IndexResult,
    SearchIndexer,
    SearchIndexError,
    SearchRecords,
    Vocabulary,
    entry_text,
    page_text,
    search_document,
)
from .search.page import search_page_config
from .search.parts import CURRENT, index_order, part_of
from .search.words import TextWords
from .text import FOLD
from .timings import Timings
from .types import BY_FOLDER, ITEM_TYPES
from .validator import ValidationResult

__all__ = ["BuildError", "BuildRun"]

GENERATED = {"felder": fieldref.field_reference_markdown, "regeln": rulesref.rule_reference_markdown,
             "arten": typesref.types_table_markdown}  # by marker name (`markers.py`)


GUIDE = "hilfe/im-browser-bearbeiten.md"  # the editor's guide, where the site has it


class BuildError(Exception):
    """The build cannot go on; the message is German and says what to do."""


class BuildRun:
    def __init__(self, result: ValidationResult, sources: set[str], *, site_url: str | None,
                 site_name: str, page_size: int, search: bool, operator: Operator | None = None,
                 cache: Path | None = None, indexer: SearchIndexer | None = None) -> None:
        """`indexer`: one the command began before the validation (`index_ahead`)."""
        self.collection = result.collection
        self.publishable = result.publishable
        self.site_name = site_name
        self.operator = operator
        self.plan: SitePlan = make_plan(result.collection, sources, page_size, site_name)
        try:
            self.site_url = normalize_site_url(site_url)
        except ValueError as exc:
            raise BuildError(str(exc)) from None
        self.timings = Timings()
        # src → checked HTML of the items (for the feeds) and of the other searched pages
        # (for the cache, which hands them to the next build's index)
        self.bodies: dict[str, str] = {}
        self.titles: dict[str, str | None] = {}  # src → the title the generator gave it
        # The index's parts are kept in the cache dir: see search/parts.py.
        if indexer is not None and not search:
            indexer.close()
        elif indexer is not None:
            indexer.this_year = result.collection.now.year  # the site's year, as the records'
        self.indexer = (indexer or SearchIndexer(result.collection.now.year, cache)) if search else None
        self.words = TextWords(cache)  # kept by `keep` for the next build
        self.records = SearchRecords(result.collection, self.words)
        self.vocabulary = Vocabulary()
        self.related = RelatedItems(result.collection)
        self.cards = CardRenderer(result.collection.references, self.exists)
        self.fingerprints = Fingerprints(result.collection, self.exists)  # for the cache
        self._feed_links: dict[str, list[FeedLink]] = {}
        self._years: dict[str, list[int]] = {}
        self._subscriptions: dict[str, Subscription] = {}
        self._contexts: dict[str, dict[str, Any]] = {}  # made for a key, not rendered yet
        self._indexed = len(self.plan.indexed)  # (a list made anew on each call)
        self._parts: dict[str, str] = {}  # src → its part of the index (`prepare_index`)

    def exists(self, rel: str) -> bool:
        """Whether a file below content/ is published."""
        return rel in self.publishable and rel not in self.plan.hidden

    # --- page by page ------------------------------------------------------------------------

    def front_matter(self, src: str) -> tuple[dict[str, Any], str] | None:
        """(page.meta, body) of a planned page: only checked values, escaped already (the
        theme's own templates print them as they are), never the raw front matter."""
        planned = self.plan.pages.get(src)
        if planned is None:
            return None
        doc = None if planned.generated else planned.page or planned.entry
        title = planned.title if doc is None else doc.title
        meta: dict[str, Any] = {"title": Markup(escape(title))} if title else {}
        description = getattr(doc.data, "summary", None) if isinstance(doc, Entry) else \
            doc.data.description if doc is not None else None
        if description:
            meta["description"] = Markup(escape(description))
        if planned.template:
            meta["template"] = planned.template
        return meta, doc.body if doc is not None else ""

    def markdown(self, src: str, markdown: str) -> str:
        """The guide's references, generated from the registries where a page asks."""
        if "familiennetz:" not in markdown:
            return markdown
        markdown = expand(src, markdown, GENERATED)
        return legal_markdown(src, markdown, self.operator, self.site_url)

    def updated(self, src: str) -> str | None:
        """An item's last change (the sitemap's lastmod): from the content, not the clock."""
        facts = self.collection.facts.get(src)
        return facts.updated_at.date().isoformat() if facts else None

    def converted(self, src: str, url: str, title: str | None, html: str,
                  site_dir: Path, *, checked: bool = False) -> Markup:
        """A body as the generator converted it: checked again (the validator's check) and
        published as checked, kept for the feeds, handed to the search index. Returned as
        safe markup. `checked`: a body a previous build converted and checked (cache)."""
        planned = self.plan.pages.get(src)
        self.titles[src] = title
        if planned is None or planned.generated:
            return Markup(html)
        html, findings = (html, []) if checked else checked_html(html, allow_h1=planned.kind != "item")
        if findings:
            raise BuildError(f"{src}: " + " ".join(f"{f.message} ({f.rule})" for f in findings)
                             + " Es wird nichts veröffentlicht.")
        self._take(planned, url, title, html, site_dir, fresh=True)
        return Markup(html)

    def reused(self, src: str, url: str, title: str | None, html: str, site_dir: Path) -> None:
        """A page a previous build rendered from the same inputs: its body (checked then)
        goes to the feeds and the search index as a converted one would."""
        planned = self.plan.pages.get(src)
        if planned is not None:
            self._take(planned, url, title, html, site_dir)

    def _take(self, planned: PlannedPage, url: str, title: str | None, html: str,
              site_dir: Path, *, fresh: bool = False) -> None:
        """A checked body: kept for the feeds and the cache, handed to the search index
        (`fresh`: converted in this build)."""
        if planned.kind == "item" or planned.indexed:
            self.bodies[planned.src] = html
        if self.indexer is not None and planned.indexed:
            self._index(planned, url, title, html, site_dir, fresh)

    @staticmethod
    def plain_title(title: str) -> Markup:
        """A title MkDocs took from a page's first `# …`: HTML text, made safe markup."""
        return Markup(escape(unescape(title)))

    def _index(self, planned: PlannedPage, url: str, title: str | None, html: str,
               site_dir: Path, fresh: bool) -> None:
        """Keep the page's body and record for its part of the index now, not the finished
        page: the body of every page is converted before any is rendered, so Pagefind
        writes the index on the other core while the templates are rendered (see
        search/document.py and search/parts.py)."""
        with self.timings("search terms"):
            if planned.entry is not None:
                record, text = self.records.for_entry(planned.entry), entry_text(planned.entry)
            elif planned.page is not None:
                record, text = self.records.for_page(planned.page), page_text(planned.page)
            else:
                return
            self.vocabulary.add_tokens(self.words.tokens(text) + self.words.tokens(record.details),
                                       record.terms)
        with self._search("pages") as indexer:
            indexer.add(url, search_document(title or "", html, record), record.year, planned.src,
                        fresh=fresh)
            if indexer.pages == self._indexed:  # the last: write while rendering goes on
                indexer.start_writing(site_dir)

    def context(self, src: str, *, keep: bool = False) -> dict[str, Any]:
        """What the page's template gets besides the generator's own context. `keep`: made
        for the page's cache key, kept until the page is rendered (then let go: held for
        every page, they would be most of the build's memory)."""
        found = self._contexts.get(src) if keep else self._contexts.pop(src, None)
        if found is None:
            found = self._context(src)
            if keep:
                self._contexts[src] = found
        return found

    def forget_context(self, src: str) -> None:
        """A page that is not rendered (reused from the cache) needs its context no more."""
        self._contexts.pop(src, None)

    def _context(self, src: str) -> dict[str, Any]:
        planned = self.plan.pages.get(src)
        fn: PageContext | None = None
        extra: dict[str, Any] = {}
        if planned is not None and planned.listing is not None:
            listing = planned.listing.listing
            folder = listing.archive_of or listing.key
            kind = BY_FOLDER.get(folder)
            years = None
            if kind is not None and kind.is_item and kind.dated:
                if folder not in self._years:  # (setdefault would work it out for every page)
                    self._years[folder] = years_of(self.collection, folder)
                years = self._years[folder]
            fn = listing_context(planned.listing, years, self.collection.references)
            if planned.template == "finder.html":
                extra["fn_finder"] = build_finder(self.collection, listing)
        elif planned is not None and planned.kind == "item" and planned.entry is not None:
            fn = item_context(planned.entry, self.collection, self.site_url, self.exists,
                              self.related)
        elif planned is not None and planned.kind == "home":
            fn = home_context(self.collection)
        elif planned is not None and planned.kind == "subscription" and planned.feed_scope:
            fn = subscription_context(self.subscriptions()[planned.feed_scope])
        elif planned is not None and planned.kind == "subscribe":
            subs = self.subscriptions()
            extra["fn_subscriptions"] = [(g, [subs[s.key] for s in g.scopes])
                                         for g in self.plan.subscriptions]
            extra["fn_subs_fold"] = json.dumps(FOLD, ensure_ascii=False)  # the filter folds alike
        elif planned is not None and planned.kind == "search":
            found = search_page_config(self.collection, self.vocabulary.keys(),
                                       self.indexer.pieces() if self.indexer else [])
            extra.update(fn_search_filters=found.filters, fn_search_config=found.config,
                         fn_search_topics=found.topics, fn_search_finder=found.finder,
                         fn_search_archive=found.archive)
        own = self.feed_links(planned.feed_scope) if planned and planned.feed_scope \
            and planned.feed_scope != "alle" else []
        return {"fn": fn, "fn_own_feeds": own, "fn_feed_links": own + self.feed_links("alle"),
                "fn_refs": self.collection.references, "fn_near_credit": CREDIT, **extra}

    def subscriptions(self) -> dict[str, Subscription]:
        """Every feed scope's page, by key: the overview lists them all, each has its own."""
        if not self._subscriptions:
            self._subscriptions = {
                scope.key: subscription(scope, self.feed_links(scope.key), self.collection,
                                        group.heading)
                for group in self.plan.subscriptions for scope in group.scopes}
        return self._subscriptions

    def feed_links(self, key: str) -> list[FeedLink]:
        if key not in self._feed_links:  # asked by every page: made once per scope
            self._feed_links[key] = feed_links(key, self.site_url)
        return self._feed_links[key]

    def static_files(self) -> dict[str, str]:
        """Files the build adds beside the pages: the postcode table, where a listing
        sorts by distance (path → text)."""
        if not any(t.near_me for t in ITEM_TYPES):
            return {}
        return {TABLE_PATH: encode_table(postcode_table())}

    # --- after the pages -----------------------------------------------------------------------

    def write_feeds(self, site_dir: Path, content_root: Path,
                    cache: Path | None = None) -> tuple[int, float]:
        """Make (or, from `cache`, reuse) and write every feed and calendar; (files written,
        seconds taken)."""
        start = time.perf_counter()
        memo = OutputMemo(OutputStore(cache / "feeds"), self.fingerprints, self.bodies,
                          content_root) if cache is not None else None
        files = build_feed_files(self.collection, site_url=self.site_url, html=self.bodies,
                                 exists=self.exists, content_root=content_root,
                                 site_name=self.site_name, memo=memo)
        if memo is not None:
            memo.finish()
        return write_feed_files(site_dir, files), time.perf_counter() - start

    def write_editor(self, site_dir: Path, project: Path, settings: EditorSettings) -> None:
        """The web editor at /admin/: its page, its configuration, the Decap bundle."""
        try:
            guide = GUIDE if self.exists(GUIDE) else None
            write_editor(site_dir, project, settings, site_url=self.site_url,
                         site_name=self.site_name,
                         guide=guide.removesuffix(".md") + "/" if guide else None)
        except EditorMissing as exc:
            raise BuildError(str(exc)) from None

    def prepare_index(self, docs: Path, site_dir: Path) -> None:
        """Before the pages: with a cache, start indexing the piece an edit is in (if the
        command has not), and tell the index how many pages each part gets, so that each is
        indexed as soon as its last page is converted (search/indexer.py)."""
        if self.indexer is not None:
            with self._search("parts counted") as indexer:
                if indexer.docs is None:
                    indexer.index_ahead(docs)
                year = self.collection.now.year
                self._parts = {p.src: part_of(self.records.year(p.entry) if p.entry else None, year)
                               for p in self.plan.indexed if p.entry is not None or p.page is not None}
                indexer.expect(dict(Counter(self._parts.values())), site_dir)

    def conversion_order(self, srcs: list[str]) -> list[str]:
        """The pages in the order to convert them in: part by part of the index, so that each
        is indexed on the other core as early as can be (folders come in name order, and an
        archive year has offers and events at both ends of it)."""
        return index_order(srcs, self._parts or dict.fromkeys((p.src for p in self.plan.indexed), CURRENT))

    def start_index(self, site_dir: Path) -> None:
        if self.indexer is not None:  # if not yet begun: Pagefind writes while feeds are made
            with self._search("writing") as indexer:
                indexer.start_writing(site_dir)
            with self.timings("search vocabulary"):
                self.vocabulary.write(site_dir)

    def finish_index(self) -> IndexResult | None:
        if self.indexer is None:
            return None
        with self._search("writing") as indexer:
            result = indexer.finish()
        for phase, seconds in indexer.phases.items():  # on the other core: for `make bench`
            self.timings.add(f"search index, beside: {phase}", seconds)
        return result

    def stop(self) -> None:
        """End Pagefind's process (a failed build); safe to call more than once."""
        if self.indexer is not None:
            self.indexer.close()

    @contextmanager
    def _search(self, step: str) -> Iterator[SearchIndexer]:
        assert self.indexer is not None
        with self.timings(f"search index: {step}"):
            try:
                yield self.indexer
            except SearchIndexError as exc:
                raise BuildError(str(exc)) from exc

"""The preview's quick update: a save that changes only the text of items is shown by
rendering those items' pages and remaking the feeds, not by a whole rebuild.

A whole rebuild of the preview, even when it reuses every other page, makes MkDocs' file
list, navigation and a page object for every file, and keys every page (measured at
10,000 items: about 4 s). But when the saved files are items whose text alone changed —
the content as every other page sees it (`cache.keys.PageKeys.world`: every document's
values and facts, the files published and hidden) is the same — then only their own pages
and the feeds that carry their text change. Those are made here with the previous build's
file list, navigation and templates (kept by the plugin), through MkDocs' own steps for a
page (`_populate_page`, `_build_page`), and the plugin's hooks as in a build.

Anything else — a new, deleted or renamed file, a changed title or date, a page that is not
an item, an error in the content, the configuration or a template — is left to the whole
rebuild, which also reports errors as it always does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.commands.build import _build_page, _populate_page

from ..cache.fingerprint import digest
from ..cache.keys import PageKeys
from ..cache.validation import ValidationCache
from ..clock import current_time
from ..validator import validate

__all__ = ["QuickPreview"]


class QuickPreview:
    """What a whole build of the preview left, for updating it after the next saves."""

    def __init__(self, config: Any, plugin: Any, validation: ValidationCache) -> None:
        self.config, self.plugin, self.validation = config, plugin, validation
        self.docs = Path(config.docs_dir).resolve()
        keys: PageKeys = plugin.reuse.keys
        self.keys = keys
        self.world = keys.world
        # src → digest of its body, of every keyed page (known.py)
        self.bodies = {src: found[0] for src, found in plugin.reuse.known.kept.items()}

    def _items(self, changed: set[str]) -> set[str] | None:
        """The items saved, as paths below content/; None if anything else changed. A file
        that came and went and was never published (an editor's temporary file) is none."""
        found: set[str] = set()
        run = self.plugin.run
        for path in changed:
            try:
                src = Path(path).resolve().relative_to(self.docs).as_posix()
            except ValueError:
                return None
            planned = run.plan.pages.get(src)
            if not Path(path).exists() and planned is None and src not in run.publishable:
                continue
            if planned is None or planned.kind != "item" or not Path(path).is_file():
                return None
            found.add(src)
        return found

    def update(self, changed: set[str]) -> int | None:
        """Pages rendered for these saved files (paths as the file system reported them;
        none: nothing to do); None: they need a whole rebuild (nothing was changed then)."""
        saved = self._items(changed)
        if saved is None:
            return None
        if not saved:  # told already (one save, two events) or only temporary files
            return 0
        plugin, config = self.plugin, self.config
        result = validate(self.docs, now=current_time(plugin.config.now), display_base=Path.cwd(),
                          cache=self.validation)
        if result.errors:
            return None
        old = plugin.run
        plugin.keep_search = True  # the preview's search is that of its first build
        run = plugin.new_run(config, result)
        if run.plan.pages.keys() != old.plan.pages.keys():
            return None
        keys = PageKeys(run, self.keys.settings, self.keys.menu, self.keys.body_settings,
                        self.keys.config, paths=self.keys.paths)
        if keys.world != self.world:
            return None
        bodies: dict[str, str] = {}
        for src in saved:
            found = run.front_matter(src)
            if found is not None and (body := digest(found[1])) != self.bodies.get(src):
                bodies[src] = body
        run.bodies.update({k: v for k, v in old.bodies.items() if k not in bodies})  # (the feeds')
        plugin.run, reuse = run, plugin.reuse
        plugin.reuse = None  # no body of an earlier build is offered for these pages
        try:
            for src in sorted(bodies):
                self._render(src)
            run.write_feeds(Path(config.site_dir), Path(config.docs_dir), plugin.cache_dir)
        except BaseException:
            plugin.run = old  # (the whole rebuild that follows makes its own)
            raise
        finally:
            plugin.reuse = reuse
        self.bodies.update(bodies)
        return len(bodies)

    def _render(self, src: str) -> None:
        plugin, config, files = self.plugin, self.config, self.plugin.files
        page = files.get_file_from_path(src).page
        page.__dict__.pop("render", None)  # a body kept by an earlier build (bodies.py)
        page.markdown = page.content = None
        _populate_page(page, config, files)  # (its old file goes in `on_post_page`: a link)
        _build_page(page, config, files.documentation_pages(), plugin.nav, plugin.env)

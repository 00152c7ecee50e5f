"""`familiennetz build`: validate once, build with MkDocs into a scratch folder, and put
it in place of `site/` only when everything succeeded (`publish.py`).

The validation's result goes to the plugin, which would otherwise validate again; the
press officer reads the German messages once. Like the plugin, this module knows MkDocs.
"""

from __future__ import annotations

import logging
import re
import shutil
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

from .. import deadline
from ..clock import current_time
from ..deadline import TookTooLong
from ..publish import clear_aside, replace_folder
from ..reporters import render_problems, summary_line
from ..search import SearchIndexer
from ..validator import validate
from .plugin import PAGE_SECONDS
from .reuse import quiet_dirty_warning

__all__ = ["build_site"]

_PAGE = re.compile(r"^Error \w+ page '([^']+)'")


class _FailedPage(logging.Handler):
    """The page MkDocs names when rendering one fails ("Error reading page 'x.md': …")."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.page: str | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if m := _PAGE.search(record.getMessage()):
            self.page = m.group(1)


def build_site(config_file: Path, site_dir: Path, *, now: str | None = None,
               fmt: str = "auto", cache: Path | None = None) -> int:
    """0 when the site was built and published, 1 when content or the build failed.
    A relative `site_dir` is taken from the working folder, as a command line means it
    (MkDocs would take it from the config file's folder)."""
    shown, site_dir = site_dir, site_dir.absolute()
    moment = current_time(now)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    failed = _FailedPage()
    logger.addHandler(handler)
    logger.addHandler(failed)
    logger.setLevel(logging.WARNING)
    dirty_warning = quiet_dirty_warning()
    scratch = site_dir.with_name(f".{site_dir.name}-build")
    clearing = clear_aside(site_dir)
    indexer: SearchIndexer | None = None
    try:
        config = load_config(str(config_file), site_dir=str(scratch))
        docs = Path(config.docs_dir)
        plugin = config.plugins.get("familiennetz")
        if plugin is not None and plugin.config.search and cache is not None:
            # The edited piece of the index is indexed on the other core while we validate.
            plugin.search_indexer = indexer = SearchIndexer(moment.year, cache)
            indexer.index_ahead(docs)
        result = validate(docs, now=moment, display_base=Path.cwd(), cache=cache)
        sys.stdout.write(render_problems(result.problems, fmt))
        print(summary_line(result.files, result.problems), file=sys.stderr)
        if result.errors:
            print("Es wird nichts veröffentlicht; die bisherige Website bleibt unverändert.",
                  file=sys.stderr)
            return 1
        if plugin is not None:  # the plugin takes this result instead of validating again
            plugin.validated = (docs.resolve(), moment, result)
            plugin.cache_dir = cache
            plugin.render_beside = True
        shutil.rmtree(scratch, ignore_errors=True)  # left over from an interrupted build
        # `dirty`: MkDocs renders only the pages our keys call modified (reuse.py), and asks
        # each page just before rendering it, which lets the child take some (pages_beside.py).
        build(config, dirty=plugin is not None)
        counts = plugin.keep_pages() if plugin is not None else None
    except (Abort, ConfigurationError) as exc:
        # MkDocs' own words ("Aborted with a BuildError!") say nothing the lines above don't
        reason = "siehe die Meldungen darüber." if isinstance(exc, Abort) else str(exc)
        print(f"Die Website wurde nicht gebaut: {reason}", file=sys.stderr)
        shutil.rmtree(scratch, ignore_errors=True)
        return 1
    except TookTooLong:
        page = f"`{failed.page}` " if failed.page else ""
        print(f"Die Website wurde nicht gebaut: die Seite {page}ließ sich nicht in "
              f"{PAGE_SECONDS} Sekunden erzeugen — ihr Text ist so aufgebaut, dass Markdown "
              "sehr lange braucht. Kürzen oder vereinfachen Sie ihn.", file=sys.stderr)
        shutil.rmtree(scratch, ignore_errors=True)
        return 1
    except Exception as exc:  # a German line, not a traceback: the validator missed something
        page = f"`{failed.page}` " if failed.page else ""
        print(f"Die Website wurde nicht gebaut: die Seite {page}ließ sich nicht erzeugen "
              f"({type(exc).__name__}: {str(exc)[:200]}). Bitte melden Sie den Fehler mit "
              "dieser Ausgabe dem Team der Website.", file=sys.stderr)
        shutil.rmtree(scratch, ignore_errors=True)
        return 1
    finally:
        deadline.stop()
        logger.removeHandler(handler)
        logger.removeHandler(failed)
        logging.getLogger("mkdocs.commands.build").removeFilter(dirty_warning)
        if clearing is not None:
            clearing.wait()
        if indexer is not None:  # (after a build, it is closed already)
            indexer.close()
    replace_folder(scratch, site_dir)
    done = f" ({counts[0]} Seiten neu erzeugt, {counts[1]} unverändert übernommen)" if counts else ""
    print(f"Website gebaut: {shown}/{done}", file=sys.stderr)
    return 0

"""The site plan applied to MkDocs' file list: what stays unpublished goes, dated items
move to their URL without the date, generated pages are added, indexed pages come first,
part by part of the search index."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

from ..run import BuildError, BuildRun

__all__ = ["apply_plan"]


def _refuse_unchecked(files: Files, run: BuildRun, docs_dir: Path) -> None:
    planned = run.plan.pages
    unchecked = sorted(f.src_uri for f in files.documentation_pages()
                       if f.src_uri not in planned and f.src_uri not in run.plan.hidden)
    if unchecked:  # MkDocs would build them; the validator never passed them
        raise BuildError("Diese Seiten wurden nicht geprüft und werden deshalb nicht "
                         "veröffentlicht: " + ", ".join(unchecked) + " — Inhalte gehören in "
                         "`.md`-Dateien, deren Kopfbereich fehlerfrei ist.")
    ours = {d for d in {f.src_dir for f in files} if d and Path(d).resolve() == docs_dir}
    # MkDocs publishes no file its `exclude_docs` names (by default every name that begins
    # with a dot: `.htaccess`, `.DS_Store`, `.well-known/`), and the validator skips them too.
    foreign = sorted(f.src_uri for f in files if f.src_dir in ours
                     and not f.inclusion.is_excluded()  # type: ignore[no-untyped-call]
                     and f.src_uri not in run.publishable)
    if foreign:  # appeared after validation, or a kind the validator refuses
        raise BuildError("Diese Dateien wurden nicht geprüft und werden nicht veröffentlicht: "
                         + ", ".join(foreign) + " — es wird nichts veröffentlicht.")


def apply_plan(files: Files, run: BuildRun, config: Any) -> Files:
    _refuse_unchecked(files, run, Path(config.docs_dir).resolve())
    # Drafts, embargoed items and the files only they use: a file's URL alone would leak.
    for path in sorted(run.plan.hidden):
        if (file := files.get_file_from_path(path)) is not None:
            files.remove(file)
    for planned in run.plan.pages.values():
        if planned.generated:
            title = json.dumps(planned.title or "", ensure_ascii=False)
            files.append(File.generated(config, planned.src, content=f"---\ntitle: {title}\n---\n"))
        elif planned.kind == "item" and planned.entry is not None and planned.entry.type.dated:
            file = files.get_file_from_path(planned.src)
            if file is not None:  # MkDocs caches both on first use; none has been used yet
                file.dest_uri = planned.url + "index.html"
                for cached in ("url", "abs_dest_path"):
                    file.__dict__.pop(cached, None)
    for path, text in run.static_files().items():
        files.append(File.generated(config, path, content=text))
    # MkDocs converts the pages in the order of `files`: the indexed ones first, part by
    # part of the index (`BuildRun.conversion_order`), so that Pagefind indexes each part
    # while MkDocs converts the next and renders the rest. The menu is unchanged: it comes
    # from `nav` in mkdocs.yml.
    for src in run.conversion_order([f.src_uri for f in files.documentation_pages()]):
        file = files.get_file_from_path(src)
        assert file is not None
        files.remove(file)
        files.append(file)
    return files

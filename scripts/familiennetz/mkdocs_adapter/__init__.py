"""MkDocs behind a small adapter: the only package (with the CLI's `build`) that imports
`mkdocs`.

- `plugin.py`: the MkDocs events, each handing over to the core (`run.BuildRun`);
- `files.py`: the site plan (`plan.py`) applied to MkDocs' `Files`;
- `environment.py`: the Jinja environment — autoescaping, our filters and globals, and
  page furniture rendered once per link shape (`render/fragments.py`);
- `build.py`: `familiennetz build` — validate once, build, swap `site/` in one step;
- `pages_beside.py`: the pages rendered from both ends of MkDocs' list, here and in the
  child that writes the feeds.

What a move to another generator would replace: these modules and the templates'
use of Material's blocks. It would keep the core: validating, the collection, the plan
(every page, its template, what it lists, what stays hidden), page contexts, bodies'
checks, feeds, calendars and the search index. The generator only has to convert each
body with the same Markdown (`sanitize/markdown.py`), hand it to `BuildRun.converted`,
render each planned page's template with `BuildRun.context`, and call `write_feeds` and
`finish_index` at the end.
"""

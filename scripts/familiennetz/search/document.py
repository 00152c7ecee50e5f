"""The document Pagefind indexes for a page: its body, and its record in a hidden box.

Pagefind is handed this small document as soon as MkDocs has converted a page's Markdown,
not the finished page: MkDocs converts every page before it renders any template, so
Pagefind has all pages a third into the build and writes its index on the other core
while MkDocs renders (measured at 10,000 items: the build waits under half a second for
its files; the second core is still shared, see `make bench`).

What Pagefind reads, besides the text of the body:
- `data-pagefind-meta`: the title, type, date, districts and topics shown in results;
  the summary, the facts (`details`: provider, place, speakers …) and the compound parts
  (`terms`: "treffen" finds "Netzwerktreffen"), which Pagefind 1.5 also searches;
- `data-pagefind-filter`: type, district, topic, year.
The box is `data-pagefind-ignore`: Pagefind reads every value but adds none of it to the
page's text, so excerpts show the page's own words.
"""

from __future__ import annotations

from markupsafe import escape

from .records import SearchRecord

__all__ = ["LANGUAGE", "search_document"]

LANGUAGE = "de"


def _span(attribute: str, key: str, value: str) -> str:
    return f'<span data-pagefind-{attribute}="{key}">{escape(value)}</span>'


def search_document(title: str, body_html: str, record: SearchRecord) -> str:
    meta = [("title", title), ("type", record.type), ("date", record.date or ""),
            ("districts", ", ".join(record.districts)), ("topics", ", ".join(record.topics)),
            ("summary", record.summary), ("details", record.details), ("terms", record.terms)]
    spans = [_span("meta", key, value) for key, value in meta if value]
    spans += [_span("filter", key, value) for key, value in record.filters]
    return (f'<html lang="{LANGUAGE}"><body><main data-pagefind-body>{body_html}'
            f'<div data-pagefind-ignore>{"".join(spans)}</div></main></body></html>')

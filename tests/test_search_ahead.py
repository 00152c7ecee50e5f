"""Indexing ahead (`search/last.py`): a build keeps its search documents, and the next one
hands Pagefind the last documents of the piece an edit is in before MkDocs has converted
the pages, then sends only what changed. Real Pagefind runs; the index must be the one a
build without the cache writes, byte for byte."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from familiennetz.cache import code_version
from familiennetz.search import last, parts
from familiennetz.search.indexer import SearchIndexer, SearchIndexError
from familiennetz.search.last import MAX_AHEAD, ahead, keep
from familiennetz.search.parts import CURRENT, PartSpool, piece_of
from familiennetz.search.stored import LAST

YEAR = 2026


def _document(text: str) -> str:
    return (f'<html lang="de"><body><main data-pagefind-body><p>{text}</p><div data-pagefind-ignore>'
            f'<span data-pagefind-meta="title">{text[:20]}</span>'
            f'<span data-pagefind-filter="art">Angebot</span></div></main></body></html>')


def _sources(docs: Path, count: int) -> dict[str, str]:
    """url → source, each source file written."""
    found = {}
    for i in range(count):
        src = f"angebote/a{i:02}.md"
        (docs / src).parent.mkdir(parents=True, exist_ok=True)
        (docs / src).write_text(f"Angebot {i}\n", encoding="utf-8")
        found[f"angebote/a{i:02}/"] = src
    return found


def _build(cache: Path | None, site: Path, docs: Path, texts: dict[str, str], sources: dict[str, str],
           fresh: frozenset[str] = frozenset()) -> tuple[tuple[str, ...], tuple[str, ...], set[str]]:
    """One build's index, as `BuildRun` drives it: the pages converted in this build
    (`fresh`) first, then those kept from the last; (pieces indexed, of those ahead, the
    runner's phases)."""
    indexer = SearchIndexer(YEAR, cache)
    try:
        indexer.index_ahead(docs)  # before the validation, as `familiennetz build` does
        indexer.expect({CURRENT: len(texts)}, site)
        for url in sorted(texts, key=lambda u: (u not in fresh, u[::-1])):  # an order of MkDocs' own
            indexer.add(url, _document(texts[url]), None, sources[url], fresh=url in fresh)
        indexer.start_writing(site)
        result = indexer.finish()
    finally:
        indexer.close()
    return result.indexed, result.ahead, set(indexer.phases)


def _files(site: Path) -> dict[str, bytes]:
    """The index's files but the filter files, which Pagefind writes in no fixed order, and
    the metadata and entry that name them by digest (see test_search_parts.py)."""
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and p.parent.name != "filter" and not p.name.endswith((".pf_meta", "-entry.json"))}


def test_an_edit_is_indexed_ahead_and_gives_the_index_of_a_build_without_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parts, "MAX_PAGES", 4)  # 10 pages: three pieces
    docs, cache = tmp_path / "content", tmp_path / "cache"
    sources = _sources(docs, 10)
    texts = {url: f"Elterncafé Nummer {i} mit Beratung" for i, url in enumerate(sources)}
    assert _build(cache, tmp_path / "first", docs, texts, sources)[1] == ()  # nothing kept yet
    assert (cache / "search" / LAST / f"{CURRENT}.spool").is_file()

    edited, other = "angebote/a05/", "angebote/a06/"
    assert piece_of(edited, 3) == piece_of(other, 3)  # (URLs go to pieces by their digest)
    (docs / sources[edited]).write_text("Angebot 5, neu\n", encoding="utf-8")  # the press officer's save
    texts[edited] = "Elterncafé Nummer 5 mit Beratung und Quastenflosser"
    indexed, early, phases = _build(cache, tmp_path / "second", docs, texts, sources, frozenset({edited}))
    piece = parts.piece_name(CURRENT, piece_of(edited, 3))
    assert indexed == early == (piece,)  # the edited piece only, begun ahead
    assert "ahead: written early" in phases  # as soon as the edited page came
    _build(None, tmp_path / "fresh", docs, texts, sources)
    assert _files(tmp_path / "second") == _files(tmp_path / "fresh")
    assert not (cache / "search" / LAST / "ahead").exists()  # moved into the site

    # Written early, but another page of the piece changed too (its source did not): the
    # piece is written again with it, and the early one is not used.
    (docs / sources[edited]).write_text("Angebot 5, wieder neu\n", encoding="utf-8")
    texts[edited] = "Elterncafé Nummer 5 mit Beratung und Seepferdchen"
    texts[other] = texts[other] + " und Tee"
    indexed, early, phases = _build(cache, tmp_path / "second-b", docs, texts, sources, frozenset({edited}))
    assert early == (piece,) and "ahead: written early" in phases
    _build(None, tmp_path / "fresh-b", docs, texts, sources)
    assert _files(tmp_path / "second-b") == _files(tmp_path / "fresh-b")

    # A guess that turns out wrong (a page came into the piece): indexed as always, same bytes.
    (docs / sources[edited]).write_text("Angebot 5, noch einmal neu\n", encoding="utf-8")
    sources["angebote/a99/"] = "angebote/a99.md"
    texts["angebote/a99/"] = "Ein neues Angebot"
    indexed, early, _ = _build(cache, tmp_path / "third", docs, texts, sources, frozenset({edited}))
    assert early == () and indexed
    _build(None, tmp_path / "fresh2", docs, texts, sources)
    assert _files(tmp_path / "third") == _files(tmp_path / "fresh2")


def test_the_piece_ahead_is_the_one_whose_sources_were_written_since(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs, root = tmp_path / "content", tmp_path / "search"
    sources = _sources(docs, 6)
    spool = PartSpool(root / "spool")
    spool.folder.mkdir(parents=True)
    for url in sources:
        spool.add(CURRENT, url, _document(url))
    spool.close()
    keep(root, spool.folder, spool.parts, sources, docs, code_version())
    assert ahead(root, docs, code_version()) is None  # nothing written since
    os.utime(docs / sources["angebote/a04/"], ns=(1, 1))
    job = ahead(root, docs, code_version())
    assert job is not None and job["name"] == CURRENT and (job["index"], job["count"]) == (0, 1)
    assert Path(job["spool"]).is_file()
    assert ahead(root, docs, "another version") is None
    (docs / sources["angebote/a01/"]).unlink()  # a deleted source counts as changed
    assert ahead(root, docs, code_version()) is not None
    monkeypatch.setattr(last, "MAX_AHEAD", 1)  # more changed than that: indexed as a whole
    assert ahead(root, docs, code_version()) is None
    monkeypatch.setattr(last, "MAX_AHEAD", MAX_AHEAD)
    index = root / LAST / "index.json"
    data = json.loads(index.read_text(encoding="utf-8"))
    data["parts"][CURRENT]["spool"] = "../../elsewhere"
    index.write_text(json.dumps(data), encoding="utf-8")
    assert ahead(root, docs, code_version()) is None  # never a path out of its folder
    for damaged in ("{nonsense", "[]", '{"version": 1}'):
        index.write_text(damaged, encoding="utf-8")
        assert ahead(root, docs, code_version()) is None


def test_a_part_is_indexed_as_soon_as_its_last_page_comes(tmp_path: Path) -> None:
    site = tmp_path / "site"
    indexer = SearchIndexer(YEAR, tmp_path / "cache")
    try:
        indexer.expect({"2020": 2, CURRENT: 1}, site)
        indexer.add("pressemitteilungen/a/", _document("Elternabend 2020"), "2020")
        indexer.add("pressemitteilungen/b/", _document("Elterncafé 2020"), "2020")
        entry = site / "pagefind-teile" / "2020" / "pagefind-entry.json"
        for _ in range(600):  # while the current part's page is still to come
            if entry.is_file():
                break
            time.sleep(0.1)
        assert entry.is_file()
        indexer.add("angebote/c/", _document("Babytreff"), None)
        indexer.start_writing(site)
        result = indexer.finish()
    finally:
        indexer.close()
    assert result.indexed == ("2020", CURRENT) and result.pages == 3
    assert {"restored", "indexed", "saved"} <= set(indexer.phases)  # for `make bench`


def test_a_page_after_its_part_was_handed_over_fails_loudly(tmp_path: Path) -> None:
    indexer = SearchIndexer(YEAR)
    try:
        indexer.expect({"2020": 1}, tmp_path / "site")
        indexer.add("pressemitteilungen/a/", _document("Elternabend"), "2020")
        with pytest.raises(SearchIndexError, match="kam nach dem Teil „2020“"):
            indexer.add("pressemitteilungen/b/", _document("Elterncafé"), "2020")
    finally:
        indexer.close()


def test_pages_are_converted_part_by_part_oldest_archive_year_first() -> None:
    parts_of = {"angebote/a.md": "2021", "angebote/b.md": CURRENT, "netzwerktreffen/2020/x.md": "2020",
                "pressemitteilungen/2021/y.md": "2021", "veranstaltungen/2020/z.md": "2020",
                "veranstaltungen/2026/w.md": CURRENT}
    srcs = sorted([*parts_of, "index.md", "angebote/index.md"])  # MkDocs' order: by folder
    assert parts.index_order(srcs, parts_of) == [
        "netzwerktreffen/2020/x.md", "veranstaltungen/2020/z.md",  # 2020 complete first
        "angebote/a.md", "pressemitteilungen/2021/y.md",
        "angebote/b.md", "veranstaltungen/2026/w.md",
        "angebote/index.md", "index.md"]  # not indexed: last, in their order

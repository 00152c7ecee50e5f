"""The search index in parts, and the parts a build keeps for the next one (`<cache>/search/`):
which part a page goes to, that an unchanged part is reused as it is, that a damaged cache
is indexed again, never trusted, and that a build with the cache writes the same index as
one without (byte for byte, but for what Pagefind itself writes in no fixed order)."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import sitebuild
from conftest import NOW
from familiennetz.search import parts
from familiennetz.search.parts import CURRENT, PartSpool, output_of, part_of, read_spool
from familiennetz.search.stored import LAST, PartStore

CURRENT_ITEM = "content/pressemitteilungen/2026/2026-11-18-elternabend-bad-kreuznach.md"


def test_undated_pages_and_the_last_two_years_are_current_older_years_each_a_part() -> None:
    assert part_of(None, 2026) == CURRENT  # offers, pages about districts, ordinary pages
    assert part_of("2027", 2026) == CURRENT  # an event next year
    assert part_of("2026", 2026) == part_of("2025", 2026) == CURRENT
    assert part_of("2024", 2026) == "2024" and part_of("2016", 2026) == "2016"
    assert part_of("2025", 2027) == "2025"  # on 1 January, the year before last moves
    assert (output_of(CURRENT), output_of("2024")) == ("pagefind", "pagefind-teile/2024")


def test_a_parts_key_changes_with_any_of_its_documents_not_with_their_order(tmp_path: Path) -> None:
    def key(pages: list[tuple[str, str]], part: str = CURRENT, version: str = "v1") -> str:
        spool = PartSpool(tmp_path / f"s{len(list(tmp_path.iterdir()))}")
        spool.folder.mkdir()
        for url, html in pages:
            spool.add(part, url, html)
        spool.close()
        assert list(read_spool(spool.parts[part].spool)) == sorted(pages)
        return spool.parts[part].pieces(version)[0].key

    pages = [("a/", "<p>Ä</p>"), ("b/", "<p>b</p>")]
    assert key(pages) == key(pages[::-1])
    assert key(pages) != key([("a/", "<p>Ä!</p>"), ("b/", "<p>b</p>")])
    assert key(pages) != key(pages[:1])
    assert key(pages) != key(pages, version="v2") != key(pages, part="2024")


def test_a_big_part_is_indexed_in_pieces_and_an_edit_changes_one_piece(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parts, "MAX_PAGES", 3)
    pages = {f"angebote/a{i}/": f"<p>{i}</p>" for i in range(8)}

    def pieces(pages: dict[str, str], folder: str) -> tuple[list[parts.Piece], Path]:
        spool = PartSpool(tmp_path / folder)
        spool.folder.mkdir()
        for url, html in pages.items():
            spool.add(CURRENT, url, html)
        spool.close()
        return spool.parts[CURRENT].pieces("v1"), spool.parts[CURRENT].spool

    found, path = pieces(pages, "a")
    assert [p.name for p in found] == ["aktuell", "aktuell-2", "aktuell-3"]  # 8 pages, 3 a piece
    each = [dict(read_spool(path, (p.index, p.count))) for p in found]
    assert all(each) and sum(len(e) for e in each) == 8
    assert {url: html for e in each for url, html in e.items()} == pages
    edited, _ = pieces({**pages, "angebote/a5/": "<p>neu</p>"}, "b")
    changed = [a.name for a, b in zip(found, edited, strict=True) if a.key != b.key]
    assert changed == [next(p.name for p, e in zip(found, each, strict=True) if "angebote/a5/" in e)]


def test_a_stored_part_is_restored_only_when_every_file_is_intact(tmp_path: Path) -> None:
    part = tmp_path / "part"
    (part / "index").mkdir(parents=True)
    (part / "pagefind-entry.json").write_text("{}", encoding="utf-8")
    (part / "index" / "de_1.pf_index").write_bytes(b"\x00chunk")
    store = PartStore(tmp_path / "cache")
    store.root.mkdir()
    store.save("k1", part)
    assert store.restore("k1", tmp_path / "out")
    restored = tmp_path / "out" / "index" / "de_1.pf_index"
    assert restored.read_bytes() == b"\x00chunk"
    assert restored.samefile(store.root / "k1" / "index" / "de_1.pf_index")  # linked, not copied
    assert not (store.root / "k1" / "index" / "de_1.pf_index").samefile(part / "index" / "de_1.pf_index")
    assert not store.restore("k2", tmp_path / "out")  # none stored under that key
    assert not (tmp_path / "out").exists()
    for damage in (lambda p: p.write_bytes(b"\x00chunk"[:3]),  # cut short
                   lambda p: p.write_bytes(b"\x00chunX"),  # changed, same size
                   lambda p: p.unlink()):  # missing
        store.save("k1", part)
        damage(store.root / "k1" / "index" / "de_1.pf_index")
        assert not store.restore("k1", tmp_path / "out")
        assert not (tmp_path / "out").exists()
    store.save("k1", part)
    (store.root / "k1" / "manifest.json").write_text("{nonsense", encoding="utf-8")
    assert not store.restore("k1", tmp_path / "out")
    store.save("k3", part)
    store.prune(["k3"])
    assert [p.name for p in store.root.iterdir()] == ["k3"]


# --- real builds with `familiennetz build --cache` -------------------------------------------

def _project(dest: Path) -> Path:
    """A writable copy of the search fixture; returns its mkdocs.yml."""
    shutil.copytree(sitebuild.SEARCH_CONFIG.parent, dest, ignore=shutil.ignore_patterns("site"))
    config = dest / "mkdocs.yml"
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["theme"]["custom_dir"] = str(sitebuild.OVERRIDES)
    config.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config


def _build(config: Path, site: Path, cache: Path | None, **env: str) -> None:
    options = ["--cache", str(cache)] if cache is not None else ["--no-cache"]
    built = subprocess.run([sys.executable, "-m", "familiennetz.cli", "build", "--config", str(config),
                            "--site-dir", str(site), f"--now={NOW.isoformat()}", *options],
                           cwd=config.parent, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
                           capture_output=True, text=True, timeout=sitebuild.BUILD_TIMEOUT, check=False)
    assert built.returncode == 0, built.stderr


def _cbor(data: bytes, at: int) -> tuple[object, int]:
    """One CBOR item of the kinds Pagefind's filter files hold: arrays, texts, numbers."""
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info >= 24:
        size = 1 << (info - 24)
        info, at = int.from_bytes(data[at:at + size], "big"), at + size
    if major == 0:
        return info, at
    if major == 3:
        return data[at:at + info].decode("utf-8"), at + info
    assert major == 4, major
    items = []
    for _ in range(info):
        item, at = _cbor(data, at)
        items.append(item)
    return items, at


def _filters(folder: Path) -> dict[str, dict[str, list[int]]]:
    """filter → value → page numbers, from Pagefind's filter files."""
    found = {}
    for path in (folder / "filter").iterdir():
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        (key, values), _ = _cbor(data, len(b"pagefind_dcd"))
        found[key] = {value: pages for value, pages in values}
    return found


def _index_files(site: Path) -> dict[str, object]:
    """The index's files, as bytes, but for those Pagefind writes in an order of its own (two
    builds without a cache differ there too): the filter files, decoded, and the metadata
    and entry, which name the filter files by a digest of their bytes."""
    files: dict[str, object] = {}
    for folder in [site / "pagefind", *sorted((site / "pagefind-teile").iterdir())]:
        files[f"{folder.relative_to(site)}: filters"] = _filters(folder)
        files.update({p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
                      if p.is_file() and p.parent.name != "filter"
                      and not p.name.endswith((".pf_meta", "-entry.json"))})
    return files


def _stored(cache: Path) -> dict[str, int]:
    """Stored part → the inode of its manifest (a part written again gets a new one); the
    last build's documents (`last.py`) are no part."""
    return {p.name: (p / "manifest.json").stat().st_ino for p in (cache / "search").iterdir()
            if p.name != LAST}


@pytest.mark.slow
def test_the_cache_reuses_unchanged_parts_and_gives_the_same_index_as_no_cache(tmp_path: Path) -> None:
    config, cache = _project(tmp_path / "src"), tmp_path / "cache"
    _build(config, tmp_path / "fresh", None)
    fresh = _index_files(tmp_path / "fresh")
    assert any(name.startswith("pagefind-teile/2024/fragment/") for name in fresh)

    _build(config, tmp_path / "first", cache)
    assert _index_files(tmp_path / "first") == fresh
    stored = _stored(cache)
    assert len(stored) == 2  # the current part and 2024's, nothing else is left in the cache

    # Nothing changed: no part is indexed (a Pagefind that fails at once is never started).
    _build(config, tmp_path / "again", cache, PAGEFIND_BINARY_PATH="/bin/false")
    assert _index_files(tmp_path / "again") == fresh
    assert _stored(cache) == stored

    # One current item edited: the current part is indexed again, 2024's is reused as it is.
    item = config.parent / CURRENT_ITEM
    item.write_text(item.read_text(encoding="utf-8") + "\nNeu: Quastenflosser.\n", encoding="utf-8")
    timings = tmp_path / "timings.json"
    _build(config, tmp_path / "edited", cache, FAMILIENNETZ_TIMINGS=str(timings))
    # Begun ahead, written as soon as the edited page was converted, and that index used.
    phases = json.loads(timings.read_text(encoding="utf-8"))
    assert "search index, beside: ahead: written, waited for" in phases
    edited = _index_files(tmp_path / "edited")
    after = _stored(cache)
    assert len(after) == 2 and len(set(after) & set(stored)) == 1  # the old current part pruned
    kept = (set(after) & set(stored)).pop()
    assert after[kept] == stored[kept]  # 2024's part: not written again
    assert {n: b for n, b in edited.items() if n.startswith("pagefind-teile/")} == \
        {n: b for n, b in fresh.items() if n.startswith("pagefind-teile/")}
    assert edited != fresh

    # A damaged cache is indexed again, to the same bytes as without a cache.
    for name in list(after):
        chunk = next((cache / "search" / name / "index").iterdir())
        chunk.write_bytes(chunk.read_bytes()[:10])
    _build(config, tmp_path / "repaired", cache)
    _build(config, tmp_path / "uncached", None)
    assert _index_files(tmp_path / "repaired") == _index_files(tmp_path / "uncached") == edited


@pytest.mark.slow
def test_a_build_that_fails_validation_leaves_no_index_running(tmp_path: Path) -> None:
    config, cache = _project(tmp_path / "src"), tmp_path / "cache"
    _build(config, tmp_path / "first", cache)
    item = config.parent / CURRENT_ITEM
    item.write_text(item.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    built = subprocess.run([sys.executable, "-m", "familiennetz.cli", "build", "--config", str(config),
                            "--site-dir", str(tmp_path / "second"), f"--now={NOW.isoformat()}",
                            "--cache", str(cache)], cwd=config.parent, capture_output=True, text=True,
                           timeout=sitebuild.BUILD_TIMEOUT, check=False)
    assert built.returncode == 1 and "Es wird nichts veröffentlicht" in built.stderr
    running = subprocess.run(["pgrep", "-f", f"familiennetz.search.runner {cache}"], capture_output=True,
                             text=True, check=False)
    assert running.stdout == ""  # the runner begun ahead was ended with the build
    assert (cache / "search" / LAST).is_dir()  # the last good build's documents stay

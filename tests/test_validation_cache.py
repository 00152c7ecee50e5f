"""The validation cache (`cache/validation.py`): the same result with and without it — cold,
warm from disk, warm in the process, on two cores — and only changed files redone; never
trusted (truncated, corrupt, foreign files mean "compute again"); unused entries pruned."""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

import familiennetz.cache.validation as validation_module
from conftest import EXAMPLES, NOW, TESTS, copy_example
from familiennetz import cores
from familiennetz.cache import ValidationCache, code_version
from familiennetz.documents import bind_source
from familiennetz.loader import _MAX_FILE_BYTES as MAX_FILE_BYTES
from familiennetz.loader import read_source
from familiennetz.mkdocs_adapter.build import build_site
from familiennetz.rules import CLOCK_CHECKS, TIMELESS_CHECKS, Context
from familiennetz.rules.dates import check_dates
from familiennetz.scan import scan_body
from familiennetz.validator import ValidationResult, list_sources, validate

CASES = ["valid", "feeds", "site", "hostile",
         *(f"invalid/{p.name}" for p in sorted((EXAMPLES / "invalid").iterdir()) if p.is_dir())]
LATER = datetime(2027, 2, 1, 12, 0, tzinfo=UTC)  # after the embargo and the date in the future


def make_tree(case: str, dest: Path) -> Path:
    if case in ("site", "hostile"):  # complete trees of their own
        shutil.copytree(EXAMPLES / case / "content", dest, symlinks=True)
        return dest
    return copy_example(case, dest)


def outcome(result: ValidationResult) -> dict[str, Any]:
    """Everything a build uses of a validation, as comparable values (`Marks` compares by
    identity, so documents are compared field by field without it)."""
    c = result.collection
    return {
        "problems": result.problems, "files": result.files, "publishable": result.publishable,
        "entries": [(e.type.key, e.slug, e.src, e.display, e.data, e.body, e.body_line)
                    for e in c.entries],
        "pages": [(p.src, p.display, p.body, p.body_line, p.data) for p in c.pages],
        "items": [e.src for e in c.items], "facts": c.facts, "hidden": c.hidden,
        "by_type": {k: [e.src for e in v] for k, v in c.by_type.items()},
        "references": {k: sorted(v) for k, v in c.references.items()},
        "assets": c.assets, "unfinished": c.unfinished,
    }


def _readable(root: Path) -> int:
    """Markdown files the cache can keep: unreadable or oversized ones are told without
    being read (and so have no bytes to key on)."""
    return sum(1 for p in list_sources(root) if p.exists() and p.stat().st_size <= MAX_FILE_BYTES)


@pytest.mark.parametrize("case", CASES)
def test_cold_warm_from_disk_and_warm_in_process_give_the_result_without_cache(
        case: str, tmp_path: Path) -> None:
    root = make_tree(case, tmp_path / "content")
    expected = outcome(validate(root, now=NOW, display_base=root))
    first = ValidationCache(tmp_path / "cache")
    assert outcome(validate(root, now=NOW, display_base=root, cache=first)) == expected
    assert (first.hits, first.misses) == (0, _readable(root))
    assert outcome(validate(root, now=NOW, display_base=root, cache=first)) == expected
    assert (first.hits, first.misses) == (_readable(root), 0)
    from_disk = ValidationCache(tmp_path / "cache")
    assert outcome(validate(root, now=NOW, display_base=root, cache=from_disk)) == expected
    assert (from_disk.hits, from_disk.misses) == (_readable(root), 0)


@pytest.mark.parametrize("case", ["valid", "hostile"])
def test_files_done_on_the_second_core_are_kept_alike(case: str, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cores, "MINIMUM", 2)  # fork even for a small tree
    root = make_tree(case, tmp_path / "content")
    expected = outcome(validate(root, now=NOW, display_base=root))
    assert outcome(validate(root, now=NOW, display_base=root, cache=tmp_path / "c")) == expected
    warm = ValidationCache(tmp_path / "c")
    assert outcome(validate(root, now=NOW, display_base=root, cache=warm)) == expected
    assert warm.misses == 0


_DIGEST = """
import hashlib, sys
from datetime import datetime
from pathlib import Path
sys.path[:0] = [{tests!r}]
from test_validation_cache import outcome
from familiennetz.validator import validate
root = Path({root!r})
cache = None if sys.argv[1] == "-" else Path(sys.argv[1])
result = validate(root, now=datetime.fromisoformat({now!r}), display_base=root, cache=cache)
print(hashlib.sha256(repr(outcome(result)).encode()).hexdigest())
"""


def test_a_new_process_reads_the_cache_another_one_wrote(tmp_path: Path) -> None:
    root = make_tree("hostile", tmp_path / "content")
    script = _DIGEST.format(tests=str(TESTS), root=str(root), now=NOW.isoformat())

    def digest(cache: str) -> str:
        # One hash seed: the digest is of a repr, and sets list their members in hash order.
        return subprocess.run([sys.executable, "-c", script, cache], check=True,
                              capture_output=True, text=True,
                              env={**os.environ, "PYTHONHASHSEED": "0"}).stdout

    without = digest("-")
    assert digest(str(tmp_path / "c")) == without  # cold: writes the cache
    written = _cache_file(tmp_path / "c").stat()
    assert digest(str(tmp_path / "c")) == without  # warm: reads it
    assert _cache_file(tmp_path / "c").stat().st_mtime_ns == written.st_mtime_ns  # no change


def _cache_file(cache: Path) -> Path:
    [file] = (cache / "validate").glob("results-*.pickle")
    return file


WORKSHOP = "pressemitteilungen/2024/2024-06-14-workshop-sozialraumbudget.md"


def test_a_changed_file_is_redone_alone_and_its_old_entry_dropped(tmp_path: Path) -> None:
    root = make_tree("valid", tmp_path / "content")
    cache = ValidationCache(tmp_path / "c")
    validate(root, now=NOW, display_base=root, cache=cache)
    kept = len(cache)
    path = root / WORKSHOP
    path.write_text(path.read_text(encoding="utf-8").replace("title:", "titel: x\ntitle:", 1),
                    encoding="utf-8")
    result = validate(root, now=NOW, display_base=root, cache=cache)
    assert (cache.hits, cache.misses) == (kept - 1, 1)
    assert outcome(result) == outcome(validate(root, now=NOW, display_base=root))
    assert [(p.path, p.rule) for p in result.errors] == [(WORKSHOP, "unknown-field")]
    assert len(cache) == kept
    assert len(_stored(tmp_path / "c")) == kept


def _stored(cache: Path) -> dict[bytes, bytes]:
    return validation_module._load(_cache_file(cache))


def test_entries_of_deleted_files_are_pruned_from_memory_and_disk(tmp_path: Path) -> None:
    root = make_tree("valid", tmp_path / "content")
    cache = ValidationCache(tmp_path / "c")
    validate(root, now=NOW, display_base=root, cache=cache)
    before = len(_stored(tmp_path / "c"))
    (root / WORKSHOP).unlink()
    validate(root, now=NOW, display_base=root, cache=cache)
    assert len(cache) == before - 1
    assert len(_stored(tmp_path / "c")) == before - 1


def test_a_moment_across_an_embargo_and_a_date_is_judged_anew(tmp_path: Path) -> None:
    root = make_tree("invalid/link-to-embargoed", tmp_path / "content")
    for case in ("future-date", "stale-offer"):
        shutil.copytree(EXAMPLES / "invalid" / case, root, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("expected.txt"))
    cache = ValidationCache(tmp_path / "c")
    seen = []
    for moment in (NOW, LATER, NOW):
        result = validate(root, now=moment, display_base=root, cache=cache)
        assert outcome(result) == outcome(validate(root, now=moment, display_base=root))
        seen.append({p.rule for p in result.problems})
    assert cache.misses == 0  # the moment is no part of the key
    assert {"future-date", "broken-link"} <= seen[0] and seen[0] == seen[2]
    assert not {"future-date", "broken-link"} & seen[1]


def _docs(case: str, tmp_path: Path) -> list[Any]:
    root = make_tree(case, tmp_path / case.replace("/", "-"))
    docs = []
    for path in list_sources(root):
        source, _ = read_source(path, root, path.name)
        doc = bind_source(source)[0] if source is not None else None
        if doc is not None:
            docs.append((doc, scan_body(doc.body)))
    return docs


def test_only_the_date_checks_read_the_clock(tmp_path: Path) -> None:
    assert (check_dates,) == CLOCK_CHECKS
    early, late = Context(datetime(1970, 1, 1, tzinfo=UTC)), Context(datetime(2100, 1, 1, tzinfo=UTC))
    docs = [d for case in CASES for d in _docs(case, tmp_path)]
    for check in TIMELESS_CHECKS:
        for doc, scan in docs:
            assert check(doc, scan, early) == check(doc, scan, late), (check, doc.src)
    # The comparison above sees a check that reads the clock: the date checks differ.
    assert any(check_dates(doc, scan, early) != check_dates(doc, scan, late) for doc, scan in docs)


def _break(file: Path, how: str) -> None:
    data = file.read_bytes()
    if how == "truncated":
        file.write_bytes(data[:len(data) // 2])
    elif how == "flipped":
        middle = len(data) // 2
        file.write_bytes(data[:middle] + bytes([data[middle] ^ 0x20]) + data[middle + 1:])
    elif how == "garbage":
        file.write_bytes(b"\x80\x05not a pickle at all")
    elif how == "empty":
        file.write_bytes(b"")
    elif how == "folder":
        file.unlink()
        file.mkdir()


@pytest.mark.parametrize("how", ["truncated", "flipped", "garbage", "empty", "folder"])
def test_a_broken_cache_file_means_computing_again(how: str, tmp_path: Path) -> None:
    root = make_tree("hostile", tmp_path / "content")
    expected = outcome(validate(root, now=NOW, display_base=root))
    validate(root, now=NOW, display_base=root, cache=tmp_path / "c")
    _break(_cache_file(tmp_path / "c") if how != "folder" else next(
        (tmp_path / "c" / "validate").iterdir()), how)
    cache = ValidationCache(tmp_path / "c")
    assert outcome(validate(root, now=NOW, display_base=root, cache=cache)) == expected
    assert (cache.hits, cache.misses) == (0, _readable(root))


def test_one_entry_that_does_not_unpickle_is_computed_again(tmp_path: Path) -> None:
    root = make_tree("valid", tmp_path / "content")
    expected = outcome(validate(root, now=NOW, display_base=root))
    validate(root, now=NOW, display_base=root, cache=tmp_path / "c")
    blobs = _stored(tmp_path / "c")
    some = next(iter(blobs))
    blobs[some] = blobs[some][:20]  # checksummed as written: only the entry is broken
    validation_module._save(_cache_file(tmp_path / "c"), blobs)
    cache = ValidationCache(tmp_path / "c")
    assert outcome(validate(root, now=NOW, display_base=root, cache=cache)) == expected
    assert (cache.hits, cache.misses) == (len(blobs) - 1, 1)


def test_a_cache_of_another_code_version_is_ignored_and_deleted(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = make_tree("valid", tmp_path / "content")
    expected = outcome(validate(root, now=NOW, display_base=root))
    validate(root, now=NOW, display_base=root, cache=tmp_path / "c")
    ours = _cache_file(tmp_path / "c")
    foreign = ours.with_name("results-0123456789abcdef01234567.pickle")
    shutil.copy(ours, foreign)
    # The same name, but written by another version (as a copied folder might be):
    with monkeypatch.context() as patched:
        patched.setattr(validation_module, "_versions", lambda: ("other", "3.0", 5))
        validation_module._save(ours, _stored_raw(foreign))
    cache = ValidationCache(tmp_path / "c")
    assert outcome(validate(root, now=NOW, display_base=root, cache=cache)) == expected
    assert (cache.hits, cache.misses) == (0, _readable(root))
    assert sorted(p.name for p in (tmp_path / "c" / "validate").iterdir()) == [ours.name]
    assert ours.name == f"results-{code_version()}.pickle"


def _stored_raw(file: Path) -> dict[bytes, bytes]:
    data = file.read_bytes()
    payload = data[len(validation_module._MAGIC) + 32:]
    assert hashlib.sha256(payload).digest() == data[len(validation_module._MAGIC):][:32]
    versions, blobs = pickle.loads(payload)
    assert versions[0] == code_version()
    return dict(blobs)


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path: Path) -> None:
    root = make_tree("valid", tmp_path / "content")
    blocked = tmp_path / "c"
    blocked.write_text("a file where the folder would be", encoding="utf-8")
    result = validate(root, now=NOW, display_base=root, cache=blocked)
    assert outcome(result) == outcome(validate(root, now=NOW, display_base=root))


def test_the_build_keeps_its_validation_in_the_cache_folder(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import sitebuild

    config = sitebuild.copy_fixture(tmp_path / "projekt")
    monkeypatch.chdir(config.parent)
    broken = config.parent / "content" / "angebote" / "kaputt.md"
    broken.write_text("---\ntitle: [\n---\n", encoding="utf-8")  # stops before MkDocs
    assert build_site(config, config.parent / "site", now=NOW.isoformat(),
                      cache=tmp_path / "cache") == 1
    stored = _stored(tmp_path / "cache")
    assert len(stored) == _readable(config.parent / "content")


def test_messages_name_files_as_each_validation_shows_them(tmp_path: Path) -> None:
    root = make_tree("invalid/unknown-field", tmp_path / "content")
    cache = ValidationCache()  # in this process only
    for base in (root, tmp_path, root):
        result = validate(root, now=NOW, display_base=base, cache=cache)
        assert outcome(result) == outcome(validate(root, now=NOW, display_base=base))
    assert result.problems[0].path.startswith("pressemitteilungen/")
    assert cache.file is None and not (tmp_path / "validate").exists()


def test_a_preview_may_write_the_folder_only_when_it_asks(tmp_path: Path) -> None:
    root = make_tree("valid", tmp_path / "content")
    cache = ValidationCache(tmp_path / "c", save_each_time=False)
    validate(root, now=NOW, display_base=root, cache=cache)
    validate(root, now=NOW, display_base=root, cache=cache)
    assert not (tmp_path / "c").exists()
    cache.save()
    assert len(_stored(tmp_path / "c")) == len(cache) == _readable(root)


def test_what_cannot_be_pickled_stays_in_memory_only(tmp_path: Path) -> None:
    cache = ValidationCache(tmp_path / "c")
    cache.start()
    cache.put(b"fine", ("a", 1))
    cache.put(b"unpicklable", lambda: None)
    cache.finish()
    assert len(cache) == 2
    assert set(_stored(tmp_path / "c")) == {b"fine"}


def _files(folder: Path) -> dict[str, bytes]:
    """Every file of a built site but Pagefind's index, whose file names and bytes differ
    between any two builds of the same content (seen with two builds without cache)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*"))
            if p.is_file() and not {"pagefind", "pagefind-teile"} & set(p.parts)}


@pytest.mark.slow  # three MkDocs builds
def test_sites_built_without_cache_cold_and_warm_are_byte_identical(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sitebuild

    config = sitebuild.copy_fixture(tmp_path / "projekt")
    monkeypatch.chdir(config.parent)
    sites = []
    for name, cache in (("ohne", None), ("kalt", tmp_path / "cache"), ("warm", tmp_path / "cache")):
        assert build_site(config, config.parent / name, now=NOW.isoformat(), cache=cache) == 0
        sites.append(_files(config.parent / name))
    assert sites[0] and sites[1] == sites[0] and sites[2] == sites[0]
    assert len(_stored(tmp_path / "cache")) == _readable(config.parent / "content")


def test_file_names_that_are_not_utf8_are_kept_too(tmp_path: Path) -> None:
    root = make_tree("valid", tmp_path / "content")
    body = (root / WORKSHOP).read_bytes()
    (root / "pressemitteilungen" / "2024").joinpath(os.fsdecode(b"2024-06-14-\xff.md")).write_bytes(body)
    (root / os.fsdecode(b"seite-\xe4.md")).write_bytes(b"---\ntitle: x\n---\n\nText.\n")
    expected = outcome(validate(root, now=NOW, display_base=root))
    assert {p.rule for p in expected["problems"]} >= {"file-name"}
    cache = ValidationCache(tmp_path / "c")
    for _ in range(2):
        assert outcome(validate(root, now=NOW, display_base=root, cache=cache)) == expected
    assert cache.misses == 0
    assert outcome(validate(root, now=NOW, display_base=root, cache=tmp_path / "c")) == expected

"""The words and compound parts of searched texts, kept between builds (search.words):
what comes from the cache is what reading the texts anew gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import NOW
from familiennetz.search import SearchRecords
from familiennetz.search.compounds import Splitter
from familiennetz.search.words import FILE, TextWords
from familiennetz.validator import validate

CONTENT = Path(__file__).resolve().parent / "examples" / "search" / "content"
EDITED = "pressemitteilungen/2026/2026-06-09-koordinatorin-kinderschutz-saarlouis.md"


def records(content: Path, cache: Path | None) -> SearchRecords:
    result = validate(content, now=NOW)
    assert result.errors == []
    return SearchRecords(result.collection, TextWords(cache))


def every_term(found: SearchRecords) -> dict[str, tuple[str, list[str]]]:
    """src → (its compound parts, the words of its text), for every searched document."""
    return {src: (found.terms(src), sorted(found.words.words(key))) for src, key in found.texts.items()}


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return Path(shutil.copytree(CONTENT, tmp_path / "content"))


def test_a_second_build_reads_no_text_and_splits_no_word(content: Path, tmp_path: Path) -> None:
    first = records(content, tmp_path / "cache")
    expected = every_term(first)
    assert any(parts for parts, _ in expected.values())
    first.words.save()
    again = records(content, tmp_path / "cache")
    assert every_term(again) == expected
    assert again.words.misses == 0
    assert again._splitter is None  # the same texts: the vocabulary's digest is known


def test_an_edited_text_is_read_again_and_its_new_word_splits_the_others(
        content: Path, tmp_path: Path) -> None:
    first = records(content, tmp_path / "cache")
    before = every_term(first)
    first.words.save()
    path = content / EDITED
    # words the site did not use before: a new vocabulary
    path.write_text(path.read_text(encoding="utf-8") + "\nSchutzengel und Engel helfen.\n",
                    encoding="utf-8")
    kept = records(content, tmp_path / "cache")
    fresh = records(content, None)
    assert every_term(kept) == every_term(fresh) != before
    assert kept.words.misses == 1  # the edited text only
    assert "schutzengel" in kept.words.words(kept.texts[EDITED])


def test_a_damaged_or_foreign_cache_is_ignored(content: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = records(content, cache)
    expected = every_term(first)
    first.words.save()
    data = (cache / FILE).read_bytes()
    for damaged in (data[: len(data) // 2], data[:-1] + b"x", b"", b"\x00" * 100):
        (cache / FILE).write_bytes(damaged)
        again = records(content, cache)
        assert every_term(again) == expected
        assert again.words.misses == len(set(again.texts.values()))


def test_a_new_word_splits_again_only_the_texts_that_contain_it(
        content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = records(content, tmp_path / "cache")
    before = every_term(first)
    first.words.save()
    path = content / EDITED
    path.write_text(path.read_text(encoding="utf-8") + "\nEin Zentrum hier.\n", encoding="utf-8")
    split: list[list[str]] = []
    original = Splitter.terms
    monkeypatch.setattr(Splitter, "terms",
                        lambda self, words: split.append(list(words)) or original(self, words))
    kept = records(content, tmp_path / "cache")
    after = every_term(kept)
    changed = {src for src in before if src != EDITED and before[src][0] != after[src][0]}
    assert changed, "a new word of one page splits the words of others"
    # split again: the texts with a word that contains a new word ("zentrum", "hier")
    assert len(changed) < len(split) < len(after) / 2
    monkeypatch.undo()
    assert after == every_term(records(content, None))

"""Compound parts from the site's own vocabulary (familiennetz.search.compounds)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from familiennetz.search.compounds import Splitter, build_vocabulary, plausible_split, words_of

# What a small hub says: words on their own, and compounds of them.
TEXT = """
Die Eltern treffen sich im Elterncafé und im Familiencafé. Beim Netzwerktreffen der
Kinderschutzkonferenz ging es um Kinderschutz, Gewaltschutz und Datenschutz; die Daten
bleiben im Kreis. Die Beratung findet in der Beratungsstelle statt, die Erziehungsberatung
im Familienzentrum. Ein Netzwerk, eine Konferenz, eine Stelle, ein Zentrum, die Erziehung
der Kinder und die Gewalt. Die Familien und die Kreisverwaltung in der Verwaltung.
Die Erzieherinnen arbeiten im Netzwerk. Sie unterstützen Familien. Einrichtungen.
"""


@pytest.fixture(scope="module")
def splitter() -> Splitter:
    return Splitter(build_vocabulary(words_of(TEXT)))


def test_words_are_case_folded_letters_of_four_or_more() -> None:
    assert words_of("Die Kita-Sozialarbeit, 2024: Straße & Ämter!") == {
        "kita", "sozialarbeit", "strasse", "ämter"}  # Pagefind equates ß and ss anyway


@pytest.mark.parametrize(("word", "parts"), [
    ("Kinderschutz", ("kinder", "schutz")),
    ("Netzwerktreffen", ("netzwerk", "treffen")),
    ("Kinderschutzkonferenz", ("kinder", "schutz", "konferenz")),
    ("Erziehungsberatung", ("erziehungs", "beratung")),  # linking -s- stays on the head
    ("Beratungsstelle", ("beratungs", "stelle")),  # not "beratung|sstelle"
    ("Familienzentrum", ("familien", "zentrum")),
    ("Kreisverwaltung", ("kreis", "verwaltung")),
    ("Elterncafé", ("eltern", "café")),
])
def test_compounds_split_where_both_sides_are_the_sites_words(splitter: Splitter, word: str,
                                                              parts: tuple[str, ...]) -> None:
    assert splitter.parts(word) == parts


@pytest.mark.parametrize("word", [
    "Beratung",  # "bera|tung": neither side is a word
    "Netzwerk",  # eight letters: "netz|werk" would only add noise
    "Netzwerke",  # the inflection of a word that stays whole
    "Erzieherinnen",  # "-innen" is a suffix, not a part
    "Verwaltung",
    "Einrichtungen",
])
def test_other_words_stay_whole(splitter: Splitter, word: str) -> None:
    assert splitter.parts(word) == (word.casefold(),)


def test_a_tail_that_ends_two_compounds_is_a_part_without_standing_alone() -> None:
    vocabulary = build_vocabulary({"kinder", "gewalt", "kinderschutz", "gewaltschutz"})
    assert "schutz" in vocabulary.tails
    assert "chutz" not in vocabulary.tails  # "kinders|chutz" is no German split
    assert Splitter(vocabulary).parts("kinderschutz") == ("kinder", "schutz")


def test_one_compound_alone_does_not_make_a_part() -> None:
    vocabulary = build_vocabulary({"kinder", "kinderschutz"})
    assert vocabulary.tails == frozenset()
    assert Splitter(vocabulary).parts("kinderschutz") == ("kinderschutz",)


@pytest.mark.parametrize(("head", "tail", "plausible"), [
    ("kinder", "schutz", True),
    ("kinders", "chutz", False),
    ("beratung", "sstelle", False),
    ("beratung", "sangebote", False),  # after -ung the "s" links
    ("rhein", "strasse", True),
    ("familie", "nzentrum", False),
    ("kinde", "rgarten", False),
])
def test_plausible_splits(head: str, tail: str, plausible: bool) -> None:
    assert plausible_split(head, tail) is plausible


def test_terms_are_every_part_but_the_first_and_the_runs_to_the_end(splitter: Splitter) -> None:
    assert splitter.terms(["kinderschutzkonferenz", "netzwerktreffen", "beratung"]) == [
        "konferenz", "schutz", "schutzkonferenz", "treffen"]


def test_splitting_stays_polynomial_for_a_word_made_of_one_part_many_times() -> None:
    # "haus" … "haus"×24 as words, then "haus"×24 again: every head was split anew at
    # every position (exponential; a 1.5 KB file kept the build busy for a minute, ×4 per
    # two more). Each head is now split once; the subprocess is a guard against hanging.
    code = ("from familiennetz.search.compounds import Splitter, build_vocabulary, words_of\n"
            "text = ' '.join('haus' * j for j in range(1, 31))\n"
            "splitter = Splitter(build_vocabulary(words_of(text)))\n"
            "assert splitter.parts('haus' * 14) == ('haushaus',) + ('haus',) * 12\n"
            "assert splitter.parts('haus' * 30) == ('haus' * 30,)  # too long to be a word\n")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)

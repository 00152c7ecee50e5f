"""The site's words for the search page (search/vocabulary.py): loose comparison, the small
files by first letters, and that only searched pages feed them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from familiennetz.search.vocabulary import FOLDER, chunk_key, loose, vocabulary_of
from sitebuild import Site


@pytest.mark.parametrize(("word", "key"), [
    ("Mütter", "mutter"), ("Muetter", "mutter"), ("Mutter", "mutter"), ("Straße", "strasse"),
    ("Café", "cafe"), ("Ärztin", "arztin"), ("Œuvre", "œuvre"),
])
def test_loose_treats_umlauts_in_either_spelling_and_accents_alike(word: str, key: str) -> None:
    assert loose(word) == key


def test_files_are_named_by_the_first_two_letters_and_only_safe_characters() -> None:
    assert chunk_key("kinderschutz") == "ki"
    assert chunk_key("345") == "34"
    assert chunk_key("œuvre") == "_u"
    assert chunk_key("../x") == "__"


def test_words_count_the_pages_using_them_in_their_commonest_spelling() -> None:
    vocabulary = vocabulary_of([
        ("Kinderschutz im Kreis. Kinderschutz!", "schutz"),
        ("KINDERSCHUTZ und Kinderschutz", "schutz konferenz"),
        ("Kinder-Schutz? ab z. B. 345", ""),
    ])
    chunks = vocabulary.chunks()
    assert chunks["ki"]["w"] == [["Kinder", 1], ["Kinderschutz", 3]]
    assert chunks["kr"]["w"] == [["Kreis", 1]]
    assert chunks["sc"] == {"w": [["Schutz", 1]], "p": []}  # a word of its own: not a part
    assert chunks["ko"] == {"w": [], "p": ["konferenz"]}
    assert chunks["34"]["w"] == [["345", 1]]
    # "ab", "z", "B" are too short to be searched
    assert all(len(w) >= 3 for chunk in chunks.values() for w, _ in chunk["w"])
    assert vocabulary.keys() == "".join(sorted(chunks))


def test_writing_replaces_the_files_of_an_earlier_build(tmp_path: Path) -> None:
    folder = tmp_path / FOLDER
    folder.mkdir(parents=True)
    (folder / "zz.json").write_text("{}")
    assert vocabulary_of([("Elterncafé in Nastätten", "")]).write(tmp_path) == 2
    assert sorted(p.name for p in folder.iterdir()) == ["el.json", "na.json"]
    assert json.loads((folder / "el.json").read_text()) == {"w": [["Elterncafé", 1]], "p": []}


def _all_words(site: Site) -> set[str]:
    found: set[str] = set()
    for path in (site.root / FOLDER).glob("*.json"):
        found |= {w for w, _ in json.loads(path.read_text())["w"]}
    return found


def test_the_built_site_has_the_words_of_searched_pages_only(search_site: Site) -> None:
    words = _all_words(search_site)
    assert {"Babytreff", "Familienpaten", "Patenschaftsbörse", "Kinderschutz"} <= words
    # the help page and the Impressum are not searched; drafts and embargoed items not published
    assert not words & {"Redaktionsleitfaden", "Freigabeablauf", "Entwurfsgeheimnis", "Sperrfristgeheimnis"}
    page = (search_site.root / "suche" / "index.html").read_text()
    config = json.loads(page.split('id="fn-search-config">', 1)[1].split("</script>", 1)[0])
    assert config["chunks"] == "".join(sorted(p.stem for p in (search_site.root / FOLDER).glob("*.json")))

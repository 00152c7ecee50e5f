"""Kept feeds and calendars (`cache/outputs.py`): a file made before is linked into the new
site, never read or written through, and one that is cut or gone is made again."""

from __future__ import annotations

from pathlib import Path

from familiennetz.cache.outputs import OutputStore
from familiennetz.feeds import write_feed_files


def test_a_kept_file_is_linked_into_the_site_and_a_new_one_never_written_through_it(
        tmp_path: Path) -> None:
    store = OutputStore(tmp_path / "cache")
    store.put("k1", [b"<rss>eins</rss>", b"{}"])
    kept = store.paths("k1")
    assert kept is not None
    site = tmp_path / "site"
    write_feed_files(site, {"feeds/alle.xml": kept[0], "feeds/alle.json": kept[1]})
    assert (site / "feeds/alle.xml").samefile(kept[0])
    write_feed_files(site, {"feeds/alle.xml": b"<rss>neu</rss>"})  # the preview's folder
    assert (site / "feeds/alle.xml").read_bytes() == b"<rss>neu</rss>"
    assert kept[0].read_bytes() == b"<rss>eins</rss>"  # the kept file is as it was


def test_what_was_kept_is_known_to_the_next_build_until_a_file_is_cut_or_gone(tmp_path: Path) -> None:
    store = OutputStore(tmp_path / "cache")
    for key in ("k1", "k2", "k3", "alt"):
        store.put(key, [key.encode() * 10])
    store.prune(["k1", "k2", "k3"])
    assert not (tmp_path / "cache/alt.0").exists()
    again = OutputStore(tmp_path / "cache")
    assert again.get("k1") == [b"k1" * 10]
    (tmp_path / "cache/k2.0").write_bytes(b"k2" * 9)  # cut
    (tmp_path / "cache/k3.0").unlink()
    assert again.paths("k2") is None and again.paths("k3") is None and again.paths("alt") is None
    (tmp_path / "cache/sizes.json").write_text("kaputt", encoding="utf-8")
    assert OutputStore(tmp_path / "cache").paths("k1") is None

"""Digests of page contexts (`cache/fingerprint.py`): what the build forgets to save memory
never changes an answer."""

from __future__ import annotations

from dataclasses import dataclass

from familiennetz.cache.fingerprint import Fingerprints


@dataclass(frozen=True)
class _Crumb:
    title: str
    url: str


def test_a_digest_is_the_same_after_the_walked_values_are_forgotten() -> None:
    prints = Fingerprints(None, None)
    crumbs = [_Crumb("Angebote", "angebote/"), _Crumb("Elterncafé", "angebote/elterncafe/")]
    first = prints.of({"crumbs": crumbs}, "Seite")
    prints.forget_walked()
    assert prints.of({"crumbs": crumbs}, "Seite") == first
    assert prints.of({"crumbs": crumbs[:1]}, "Seite") != first

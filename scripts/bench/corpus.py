"""A seeded synthetic content tree for `make bench`: valid, realistic, reproducible.

`generate_corpus(root, n_items)` writes districts, topics, networks, section pages and
`n_items` press releases, events for families, meeting reports and offers into `root`
(the docs_dir). The same seed gives a byte-identical tree, so timings of the validator
and the build compare like with like. The tree is valid under the content model when
checked on REFERENCE_NOW (2026-11-21): its only expected findings are the warnings for
stale offers.

The parts: `timeline` (the dates), `front_matter` (the YAML emitter), `words` (+ its
JSON data), `generator` (shared state and text helpers), `reference` (districts, topics,
networks, pages) and one module per item type.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from . import words as w
from .events import write_event
from .front_matter import render_page
from .generator import Generator
from .meeting_reports import write_meeting_report
from .offers import write_offer
from .press_releases import write_press_release
from .reference import write_pages, write_reference
from .timeline import EARLIEST_DATE, LATEST_DATE, REFERENCE_NOW

__all__ = [
    "EARLIEST_DATE", "LATEST_DATE", "REFERENCE_NOW", "CorpusStats", "generate_corpus",
    "render_page",
]

_PRESS_SHARE = 0.55  # before events take their share from it
_MEETING_SHARE = 0.25  # offers: the rest


@dataclass(frozen=True, slots=True)
class CorpusStats:
    press_releases: int
    events: int
    meeting_reports: int
    offers: int
    districts: int
    topics: int
    networks: int
    pages: int  # home and section index pages
    drafts: int
    embargoed: int
    announcements: int  # meeting reports whose meeting lies after REFERENCE_NOW
    stale_offers: int  # offers whose `reviewed` is older than 365 days: expected warnings
    upcoming_events: int  # events that start after REFERENCE_NOW
    event_series: int  # events with `dates`: weekly courses
    cancelled_events: int
    files: int
    total_bytes: int

    @property
    def items(self) -> int:
        return self.press_releases + self.events + self.meeting_reports + self.offers


def generate_corpus(root: Path, n_items: int = 10_000, *, seed: int = 1,
                    event_share: float = 0.10) -> CorpusStats:
    """Write a complete, valid content tree with `n_items` items into `root` (the docs_dir).

    Of the items, 55 % are press releases less `event_share` of events, 25 % meeting
    reports and the rest offers. `root` must not exist or be empty: leftovers of an
    earlier, larger run would add duplicate slugs and numbers.
    """
    if n_items < 0:
        raise ValueError(f"n_items must be ≥ 0, not {n_items}")
    if not 0 <= event_share <= _PRESS_SHARE:
        raise ValueError(f"event_share must lie between 0 and {_PRESS_SHARE}, not {event_share}")
    if root.exists() and any(root.iterdir()):
        raise FileExistsError(f"{root} is not empty")
    rng = random.Random(seed)
    gen = Generator(rng)
    write_reference(gen)
    n_pages = write_pages(gen)
    n_events = round(n_items * event_share)
    n_press = round(n_items * _PRESS_SHARE) - n_events
    n_meetings = round(n_items * _MEETING_SHARE)
    n_offers = n_items - n_press - n_meetings - n_events
    # Items are numbered press releases, meeting reports, offers, events: the events come
    # last in the random stream, so that without them the other items are those of a
    # corpus made before events existed. Embargoes exist on press releases only; drafts
    # are spread over all types.
    embargoed = set(rng.sample(range(n_press), min(n_press, round(n_items * 0.01))))
    candidates = [i for i in range(n_items) if i not in embargoed]
    drafts = set(rng.sample(candidates, min(len(candidates), round(n_items * 0.03))))
    for i in range(n_press):
        write_press_release(gen, i in drafts, i in embargoed)
    # A fixed share of announcements for 2027, so that even a small corpus has some.
    next_year = set(rng.sample(range(n_press, n_press + n_meetings),
                               min(n_meetings, max(1, round(n_meetings * 0.04)))))
    for i in range(n_press, n_press + n_meetings):
        write_meeting_report(gen, i in drafts, i in next_year)
    first_event = n_press + n_meetings + n_offers
    for i in range(n_press + n_meetings, first_event):
        write_offer(gen, i in drafts)
    # Fixed shares again: a quarter of the events lie ahead, a few are cancelled.
    events = range(first_event, n_items)
    upcoming = set(rng.sample(events, min(n_events, max(1, round(n_events * 0.25)))))
    cancelled = set(rng.sample(events, min(n_events, max(1, round(n_events * 0.04)))))
    for i in events:
        write_event(gen, i in drafts, i in upcoming, i in cancelled)
    total = _write(root, gen.files)
    return CorpusStats(
        press_releases=n_press, events=n_events, meeting_reports=n_meetings, offers=n_offers,
        districts=len(w.DISTRICTS), topics=len(w.TOPICS), networks=len(gen.networks),
        pages=n_pages, drafts=gen.drafts, embargoed=gen.embargoed,
        announcements=gen.announcements, stale_offers=gen.stale_offers,
        upcoming_events=gen.upcoming_events, event_series=gen.event_series,
        cancelled_events=gen.cancelled_events, files=len(gen.files), total_bytes=total,
    )


def _write(root: Path, files: dict[str, str]) -> int:
    """Write the files in path order; their total size in bytes."""
    total = 0
    made: set[Path] = set()
    for rel in sorted(files):
        path = root / rel
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        data = files[rel].encode("utf-8")
        path.write_bytes(data)
        total += len(data)
    return total

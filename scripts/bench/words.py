"""German vocabulary and sentence templates for the synthetic benchmark corpus.

The data is in `words.json` (its keys are these names in lower case; EVENTS is
`event_kinds`); this module reads it once and gives it types. The generator fills the
`{slots}` of the templates. They are written so that every slot value fits grammatically:
slots that would need a different case or article carry it themselves (`{im_kreis}` =
"im Rhein-Lahn-Kreis"); the pools in `slot_pools` are plural nominative/accusative only
("fach", "familien") or accusative plural nouns ("angebote", as in "bietet … an");
`press_titles` pairs a template with the topic slug it is about (null: the item's own
topic), and so do the `titles` of each event kind (null: one of its `topics`). The
districts and towns are real places; people, organisations' staff and all statements are
invented, and all addresses use example.org.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = [
    "COORDINATOR_ROLES", "DISTRICTS", "DISTRICT_BODY", "EVENTS", "EVENT_CANCELLATIONS",
    "EVENT_HEADINGS", "EVENT_PRICES", "EVENT_SENTENCES", "EVENT_SUMMARIES", "FIRST_NAMES",
    "FUNDING", "GENERAL_SENTENCES", "GROUP_NAMES", "HOME_PAGE", "KITAS", "LANGUAGES",
    "LAST_NAMES", "LIST_INTROS", "LIST_ITEMS", "MEETING_HEADINGS", "MEETING_SENTENCES",
    "MEETING_SUMMARIES", "MEETING_TITLES", "MEETING_TITLES_ANNOUNCEMENT",
    "MEETING_TITLES_EDITION", "NETWORK_BODY", "NETWORK_TITLES", "OFFERS", "OFFER_HEADINGS",
    "OFFER_SENTENCES", "OFFER_SUMMARIES", "PRESS_HEADINGS", "PRESS_ROLES", "PRESS_SENTENCES",
    "PRESS_SUMMARIES", "PRESS_TITLES", "PRICES", "PROVIDERS", "SCHEDULES", "SECTION_PAGES",
    "SLOT_POOLS", "SOURCES", "STREETS", "TALKS", "TOPICS", "TOPIC_BODY", "VENUES",
    "DistrictSeed", "EventSeed", "OfferSeed", "TopicSeed",
]


@dataclass(frozen=True, slots=True)
class DistrictSeed:
    slug: str
    title: str  # "Rhein-Lahn-Kreis"
    kind: str  # landkreis | stadt
    state: str
    der_kreis: str  # nominative with article: "der Rhein-Lahn-Kreis"
    im_kreis: str  # dative phrase: "im Rhein-Lahn-Kreis"
    kurz: str  # short name for network and office names: "Rhein-Lahn"
    verwaltung: str  # nominative with article: "die Kreisverwaltung Rhein-Lahn"
    verwaltung_dat: str  # dative with article: "der Kreisverwaltung Rhein-Lahn"
    amt: str  # office name without article, for organisers and contacts
    in_land: str  # "in Rheinland-Pfalz", "im Saarland"
    towns: tuple[tuple[str, str], ...]  # (town, postcode); the first is the seat


@dataclass(frozen=True, slots=True)
class TopicSeed:
    slug: str
    title: str
    summary: str


@dataclass(frozen=True, slots=True)
class OfferSeed:
    offer_type: str
    titles: tuple[str, ...]
    topics: tuple[str, ...]  # the first is the primary topic
    target_groups: tuple[str, ...]  # allowed target groups, in enum order


@dataclass(frozen=True, slots=True)
class EventSeed:
    kind: str  # elternabend, elternkurs, familienfest, …: names the seed in the data
    titles: tuple[tuple[str, str | None], ...]  # (template, topic slug or None: any of `topics`)
    topics: tuple[str, ...]
    target_groups: tuple[str, ...]  # allowed target groups, in enum order
    venues: tuple[str, ...]  # the location's name, a template
    hours: tuple[int, int]  # earliest and latest hour it starts at
    minutes: tuple[int, int]  # shortest and longest it lasts
    series: bool  # may run as a weekly series, as courses do
    weekend: bool  # on a Saturday or Sunday; otherwise on a weekday
    days: int  # 2: a weekend away, given as days only


_DATA: dict[str, Any] = json.loads(Path(__file__).with_name("words.json").read_text("utf-8"))


def _strings(key: str) -> tuple[str, ...]:
    return tuple(_DATA[key])


def _groups(key: str) -> dict[str, tuple[str, ...]]:
    return {name: tuple(values) for name, values in _DATA[key].items()}


def _event(e: dict[str, Any]) -> EventSeed:
    lists = {k: tuple(e[k]) for k in ("topics", "target_groups", "venues", "hours", "minutes")}
    return EventSeed(**{**e, **lists, "titles": tuple((t, topic) for t, topic in e["titles"])})


DISTRICTS = tuple(DistrictSeed(**{**d, "towns": tuple(map(tuple, d["towns"]))})
                  for d in _DATA["districts"])
TOPICS = tuple(TopicSeed(**t) for t in _DATA["topics"])
OFFERS = tuple(OfferSeed(o["offer_type"], tuple(o["titles"]), tuple(o["topics"]),
                         tuple(o["target_groups"])) for o in _DATA["offers"])
EVENTS = tuple(_event(e) for e in _DATA["event_kinds"])
PRESS_TITLES: tuple[tuple[str, str | None], ...] = tuple(
    (template, topic) for template, topic in _DATA["press_titles"])
NETWORK_TITLES = _groups("network_titles")
SLOT_POOLS = _groups("slot_pools")
SECTION_PAGES: dict[str, tuple[str, str]] = {
    folder: (heading, text) for folder, (heading, text) in _DATA["section_pages"].items()}

DISTRICT_BODY = _strings("district_body")
TOPIC_BODY = _strings("topic_body")
NETWORK_BODY = _strings("network_body")
HOME_PAGE = _strings("home_page")
FIRST_NAMES = _strings("first_names")
LAST_NAMES = _strings("last_names")
PRESS_ROLES = _strings("press_roles")
COORDINATOR_ROLES = _strings("coordinator_roles")
PROVIDERS = _strings("providers")
KITAS = _strings("kitas")
GROUP_NAMES = _strings("group_names")
STREETS = _strings("streets")
VENUES = _strings("venues")
SCHEDULES = _strings("schedules")
PRICES = _strings("prices")
FUNDING = _strings("funding")
LANGUAGES = _strings("languages")
SOURCES = _strings("sources")
TALKS = _strings("talks")
MEETING_TITLES_EDITION = _strings("meeting_titles_edition")
MEETING_TITLES = _strings("meeting_titles")
MEETING_TITLES_ANNOUNCEMENT = _strings("meeting_titles_announcement")
PRESS_SUMMARIES = _strings("press_summaries")
MEETING_SUMMARIES = _strings("meeting_summaries")
OFFER_SUMMARIES = _strings("offer_summaries")
GENERAL_SENTENCES = _strings("general_sentences")
PRESS_SENTENCES = _strings("press_sentences")
MEETING_SENTENCES = _strings("meeting_sentences")
OFFER_SENTENCES = _strings("offer_sentences")
PRESS_HEADINGS = _strings("press_headings")
MEETING_HEADINGS = _strings("meeting_headings")
OFFER_HEADINGS = _strings("offer_headings")
LIST_INTROS = _strings("list_intros")
LIST_ITEMS = _strings("list_items")
EVENT_SUMMARIES = _strings("event_summaries")
EVENT_SENTENCES = _strings("event_sentences")
EVENT_HEADINGS = _strings("event_headings")
EVENT_PRICES = _strings("event_prices")
EVENT_CANCELLATIONS = _strings("event_cancellations")

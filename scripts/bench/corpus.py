"""A seeded synthetic content tree for `make bench`: valid, realistic, reproducible.

`generate_corpus(root, n_items)` writes districts, topics, networks, section pages and
`n_items` press releases, meeting reports and offers into `root` (the docs_dir). The same
seed gives a byte-identical tree, so timings of the validator and the build compare like
with like. The tree is valid under the content model when checked on REFERENCE_NOW
(2026-11-21): its only expected findings are the warnings for stale offers.

Speed matters (10,000 items in a few seconds), so the front matter is written by a small
hand-rolled YAML emitter that quotes only what YAML would otherwise misread.
"""

from __future__ import annotations

import json
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import pairwise
from pathlib import Path
from typing import TypeAlias
from zoneinfo import ZoneInfo

from familiennetz.dates import format_date_de
from familiennetz.text import slugify

from . import words as w

__all__ = [
    "EARLIEST_DATE", "LATEST_DATE", "REFERENCE_NOW", "CorpusStats", "generate_corpus",
    "render_page",
]

BERLIN = ZoneInfo("Europe/Berlin")
# The corpus is valid when checked at this moment: nothing is dated after LATEST_DATE
# except meeting announcements (meeting.date may lie in the future) and embargoes.
REFERENCE_NOW = datetime(2026, 11, 21, tzinfo=BERLIN)
EARLIEST_DATE = date(2016, 1, 1)
LATEST_DATE = date(2026, 11, 1)
_STALE_BEFORE = REFERENCE_NOW.date() - timedelta(days=365)  # `reviewed` older → warning

# Covariant containers, so that a list[str] is a Value without casts.
Value: TypeAlias = "str | int | bool | date | Sequence[Value] | Mapping[str, Value]"


@dataclass(frozen=True, slots=True)
class CorpusStats:
    press_releases: int
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
    files: int
    total_bytes: int

    @property
    def items(self) -> int:
        return self.press_releases + self.meeting_reports + self.offers


# --- YAML emitter ------------------------------------------------------------------

_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`+.~=<")  # also +.~=< : number-, null-, merge-like
_YAML_WORDS = frozenset(("y", "n", "yes", "no", "true", "false", "on", "off", "null"))


def _plain_ok(text: str) -> bool:
    """Whether `text` reads back as the same string when written unquoted (YAML 1.1)."""
    return (
        bool(text)
        and text == text.strip()
        and text[0] not in _INDICATORS
        and not text[0].isdigit()  # ints, floats, dates, sexagesimals
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and text.isprintable()  # no tabs, line breaks or control characters
        and text.lower() not in _YAML_WORDS
    )


def _flow_ok(text: str) -> bool:
    """Slugs and language codes may go into `[a, b]`; anything else uses a block list."""
    return _plain_ok(text) and all(c.islower() or c.isdigit() or c == "-" for c in text)


def _scalar(value: Value) -> str:
    if isinstance(value, bool):  # before int: bool is an int
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):  # datetime too: isoformat keeps the offset
        return value.isoformat()
    if isinstance(value, str):
        if _plain_ok(value):
            return value
        if not value.isprintable():  # JSON's \uXXXX escapes are valid YAML double quotes
            return json.dumps(value)
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    raise TypeError(f"not a scalar: {value!r}")


def _emit(data: Mapping[str, Value], indent: str, out: list[str]) -> None:
    for key, value in data.items():
        if isinstance(value, Mapping) and not value:
            out.append(f"{indent}{key}: {{}}")
        elif isinstance(value, Mapping):
            out.append(f"{indent}{key}:")
            _emit(value, indent + "  ", out)
        elif isinstance(value, list | tuple):
            if not value:  # a bare `key:` would read back as null
                out.append(f"{indent}{key}: []")
                continue
            if all(isinstance(v, str) and _flow_ok(v) for v in value):
                out.append(f"{indent}{key}: [{', '.join(str(v) for v in value)}]")
                continue
            out.append(f"{indent}{key}:")
            for item in value:
                if isinstance(item, Mapping):
                    lines: list[str] = []
                    _emit(item, indent + "    ", lines)
                    lines[0] = f"{indent}  - {lines[0].lstrip()}"
                    out.extend(lines)
                else:
                    out.append(f"{indent}  - {_scalar(item)}")
        else:
            out.append(f"{indent}{key}: {_scalar(value)}")


def render_page(meta: Mapping[str, Value], body: str) -> str:
    """One Markdown file: front matter between `---` lines, a blank line, the body."""
    lines = ["---"]
    _emit(meta, "", lines)
    lines.append("---")
    return "\n".join(lines) + "\n\n" + body


# --- text --------------------------------------------------------------------------


class _Slots(dict[str, str]):
    """Template slots: fixed per item, plus pools drawn afresh at every use."""

    def __init__(self, rng: random.Random, fixed: Mapping[str, str]) -> None:
        super().__init__(fixed)
        self._rng = rng
        self._last: dict[str, str] = {}

    def __missing__(self, key: str) -> str:
        if key == "zahl":
            return str(self._rng.randint(15, 140))
        if key == "klein":
            return str(self._rng.randint(5, 20))
        pool = w.SLOT_POOLS[key]
        value = self._rng.choice(pool)
        if value == self._last.get(key):  # "Elterncafés und Elterncafés"
            value = pool[(pool.index(value) + 1) % len(pool)]
        self._last[key] = value
        return value


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _words(text: str) -> int:
    return len(text.split())


@dataclass(frozen=True, slots=True)
class _Network:
    slug: str
    title: str
    districts: tuple[str, ...]


@dataclass
class _Generator:
    rng: random.Random
    files: dict[str, str] = field(default_factory=dict)  # relative path → text
    networks: list[_Network] = field(default_factory=list)
    networks_by_district: dict[str, list[_Network]] = field(default_factory=dict)
    slugs: dict[str, set[str]] = field(default_factory=dict)  # type folder → used slugs
    numbers: dict[tuple[str, int], int] = field(default_factory=dict)  # last number used
    drafts: int = 0
    embargoed: int = 0
    announcements: int = 0
    stale_offers: int = 0

    # -- helpers ---------------------------------------------------------------------

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def unique_slug(self, folder: str, title: str) -> str:
        used = self.slugs.setdefault(folder, set())
        base = slugify(title)
        slug, n = base, 1
        while slug in used:
            n += 1
            slug = f"{base}-{n}"
        used.add(slug)
        return slug

    def person(self) -> str:
        return f"{self.rng.choice(w.FIRST_NAMES)} {self.rng.choice(w.LAST_NAMES)}"

    def email(self, name: str) -> str:
        return slugify(name).replace("-", ".") + "@example.org"

    def phone(self) -> str:
        area, line, extension = (self.rng.randint(2000, 6999), self.rng.randint(100, 999),
                                 self.rng.randint(0, 99))
        return f"0{area} {line}-{extension}"

    def day(self, start: date = EARLIEST_DATE, end: date = LATEST_DATE) -> date:
        return start + timedelta(days=self.rng.randint(0, (end - start).days))

    def moment(self, day: date, first_hour: int = 8, last_hour: int = 17) -> datetime:
        # Daytime hours only: never inside a DST gap or fold, so the offset is unambiguous.
        hour = self.rng.randint(first_hour, last_hour)
        return datetime(day.year, day.month, day.day, hour, self.rng.choice((0, 15, 30, 45)),
                        tzinfo=BERLIN)

    def fill(self, template: str, slots: _Slots) -> str:
        return template.format_map(slots)

    def sentences(self, templates: Sequence[str], slots: _Slots, k: int) -> list[str]:
        picks = self.rng.sample(range(len(templates)), min(k, len(templates)))
        return [self.fill(templates[i], slots) for i in picks]

    def summary(self, templates: Sequence[str], slots: _Slots) -> str:
        parts = self.sentences(templates, slots, self.rng.choice((1, 1, 2)))
        text = " ".join(parts)
        return text if len(text) <= 400 else parts[0]

    def title(self, templates: Sequence[str], slots: _Slots) -> str:
        for _ in range(20):
            text = self.fill(self.rng.choice(templates), slots)
            if 5 <= len(text) <= 160:
                return text
        raise AssertionError("no title template fits 5–160 characters")  # pragma: no cover

    def body(self, own: Sequence[str], headings: Sequence[str], slots: _Slots) -> str:
        """3–8 paragraphs, 150–500 words, sometimes `## ` headings and a `- ` list."""
        n_paras = self.rng.randint(3, 8)
        target = self.rng.randint(150, 470)
        pool = list(own) + list(w.GENERAL_SENTENCES)
        order = self.rng.sample(range(len(pool)), len(pool))
        sentences: list[str] = []
        count = 0
        while count < target or len(sentences) < n_paras:
            text = self.fill(pool[order[len(sentences) % len(order)]], slots)
            sentences.append(text)
            count += _words(text)
        # Even paragraphs with a little jitter, as people write them.
        bounds = [round(i * len(sentences) / n_paras) for i in range(n_paras + 1)]
        for i in range(1, n_paras):
            moved = bounds[i] + self.rng.choice((-1, 0, 1))
            if bounds[i - 1] < moved < bounds[i + 1]:
                bounds[i] = moved
        blocks = [" ".join(sentences[a:b]) for a, b in pairwise(bounds)]
        if self.chance(0.45):
            where = self.rng.sample(range(1, n_paras), min(n_paras - 1, self.rng.randint(1, 2)))
            titles = self.rng.sample(headings, len(where))
            for index, heading in sorted(zip(where, titles, strict=True), reverse=True):
                blocks.insert(index, f"## {heading}")
        if self.chance(0.35):
            items = self.rng.sample(w.LIST_ITEMS, self.rng.randint(3, 5))
            lines = "\n".join(f"- {_capital(item)}" for item in items)
            at = self.rng.randint(1, len(blocks))
            blocks[at:at] = [self.rng.choice(w.LIST_INTROS), lines]
        return "\n\n".join(blocks) + "\n"

    def add(self, rel: str, meta: Mapping[str, Value], body: str) -> None:
        self.files[rel] = render_page(meta, body)

    def district_slots(self, d: w.DistrictSeed, when: date) -> dict[str, str]:
        ort = self.rng.choice(d.towns)[0]
        return {
            "kreis": d.title, "im_kreis": d.im_kreis, "kurz": d.kurz, "amt": d.amt,
            "verwaltung": d.verwaltung, "Verwaltung": _capital(d.verwaltung),
            "ort": ort, "sitz": d.towns[0][0], "jahr": str(when.year),
            "monat": format_date_de(when).split(" ")[1],
            "kita": self.rng.choice(w.KITAS), "gruppe": self.rng.choice(w.GROUP_NAMES),
            "traeger": self.rng.choice(w.PROVIDERS).format(
                kurz=d.kurz, ort=ort, kita=self.rng.choice(w.KITAS)),
        }

    def topics_for(self, primary: str) -> list[str]:
        extra = self.rng.sample(w.TOPICS, self.rng.randint(0, 2))
        return list(dict.fromkeys([primary, *(t.slug for t in extra)]))

    def contact(self, d: w.DistrictSeed, p: float) -> dict[str, Value] | None:
        if not self.chance(p):
            return None
        name = self.person()
        result: dict[str, Value] = {"name": name, "role": self.rng.choice(w.PRESS_ROLES),
                                    "organisation": d.amt, "email": self.email(name)}
        if self.chance(0.6):
            result["phone"] = self.phone()
        return result

    # -- reference entities and pages ------------------------------------------------

    def reference(self) -> None:
        for d in w.DISTRICTS:
            meta: dict[str, Value] = {"title": d.title, "kind": d.kind, "state": d.state}
            if self.chance(0.6):
                meta["website"] = f"https://www.example.org/{d.slug}/"
            towns = [t for t, _ in d.towns]
            slots = {"Der_kreis": _capital(d.der_kreis), "in_land": d.in_land,
                     "sitz": towns[0], "orte": ", ".join(towns[:-1]) + " und " + towns[-1]}
            lines = [s for s in w.DISTRICT_BODY if len(towns) > 1 or "{orte}" not in s]
            body = " ".join(s.format_map(slots) for s in lines)
            self.add(f"kreise/{d.slug}.md", meta, body + "\n")
        for t in w.TOPICS:
            body = " ".join(s.format(thema=t.title) for s in w.TOPIC_BODY)
            self.add(f"themen/{t.slug}.md", {"title": t.title, "summary": t.summary}, body + "\n")
        for d in w.DISTRICTS:
            kinds = ["fruehe-hilfen", *self.rng.sample(
                ["kinderschutz", "kita-netzwerk", "kita-sozialarbeit"], 2)]
            for kind in kinds:
                self.network(kind, (d,))
        for _ in range(4):  # networks across two neighbouring districts
            pair = self.rng.sample(w.DISTRICTS, 2)
            self.network("sonstiges", (pair[0], pair[1]))

    def network(self, kind: str, ds: tuple[w.DistrictSeed, ...]) -> None:
        kurz = " und ".join(d.kurz for d in ds)
        title = self.rng.choice(w.NETWORK_TITLES[kind]).format(kurz=kurz)
        slug = self.unique_slug("netzwerke", title)
        net = _Network(slug, title, tuple(d.slug for d in ds))
        self.networks.append(net)
        for d in ds:
            self.networks_by_district.setdefault(d.slug, []).append(net)
        meta: dict[str, Value] = {"title": title, "districts": list(net.districts),
                                  "network_type": kind}
        if self.chance(0.7):
            people: list[Value] = []
            for _ in range(self.rng.randint(1, 2)):
                name = self.person()
                role = self.rng.choice(w.COORDINATOR_ROLES)
                people.append({"name": name, "email": self.email(name),
                               "organisation": role.format(kurz=ds[0].kurz, amt=ds[0].amt)})
            meta["coordinators"] = people
        body = " ".join(s.format(netzwerk=title) for s in w.NETWORK_BODY)
        self.add(f"netzwerke/{slug}.md", meta, body + "\n")

    def pages(self) -> int:
        self.files["index.md"] = "\n\n".join(w.HOME_PAGE) + "\n"
        for folder, (heading, text) in w.SECTION_PAGES.items():
            self.files[f"{folder}/index.md"] = f"# {heading}\n\n{text}\n"
        return 1 + len(w.SECTION_PAGES)

    # -- items -------------------------------------------------------------------------

    def press_release(self, draft: bool, embargo: bool) -> None:
        d = self.rng.choice(w.DISTRICTS)
        day = self.day()
        published: date = self.moment(day) if self.chance(0.2) else day
        slots = _Slots(self.rng, self.district_slots(d, day))
        template, hint = self.rng.choice(w.PRESS_TITLES)
        topic = next(t for t in w.TOPICS if t.slug == hint) if hint else self.rng.choice(w.TOPICS)
        net = self.rng.choice(self.networks_by_district[d.slug])
        slots.update(thema=topic.title, netzwerk=net.title)
        title = self.fill(template, slots)
        districts = [d.slug]
        if self.chance(0.1):
            districts.append(self.rng.choice([x.slug for x in w.DISTRICTS if x is not d]))
        meta: dict[str, Value] = {"title": title, "date": published}
        if self.chance(0.85):
            key = (d.slug, day.year)
            number = self.numbers.get(key, self.rng.randint(0, 40)) + self.rng.randint(1, 4)
            self.numbers[key] = number
            meta["number"] = number
        if embargo:
            moment = self.moment(self.day(date(2030, 1, 1), date(2030, 12, 31)), 8, 12)
            meta["embargo"] = moment.replace(minute=0)
            self.embargoed += 1
        meta.update(districts=districts, topics=self.topics_for(topic.slug),
                    summary=self.summary(w.PRESS_SUMMARIES, slots))
        if "{netzwerk}" in template or self.chance(0.3):
            meta["network"] = net.slug
        if self.chance(0.05):
            meta["source"] = self.rng.choice(w.SOURCES).format(kurz=d.kurz, amt=d.amt)
        if (contact := self.contact(d, 0.75)) is not None:
            meta["contact"] = contact
        if self.chance(0.06) and day < LATEST_DATE:
            meta["updated"] = min(day + timedelta(days=self.rng.randint(1, 60)), LATEST_DATE)
        self.finish(meta, draft)
        body = self.body(w.PRESS_SENTENCES, w.PRESS_HEADINGS, slots)
        slug = self.unique_slug("pressemitteilungen", title)
        self.add(f"pressemitteilungen/{day.year}/{day.isoformat()}-{slug}.md", meta, body)

    def meeting_report(self, draft: bool, next_year: bool) -> None:
        d = self.rng.choice(w.DISTRICTS)
        net = self.rng.choice(self.networks_by_district[d.slug])
        roll = self.rng.random()
        if next_year:  # an announcement of next year's conference
            day = self.day(date(2026, 8, 1), LATEST_DATE)
            when = self.day(date(2027, 1, 12), date(2027, 6, 30))
        elif roll < 0.16:
            day = self.day()
            when = day + timedelta(days=self.rng.randint(7, 60))
        else:
            day = self.day()
            when = day - timedelta(days=self.rng.randint(0, 14))
        announcement = when > day
        published: date = self.moment(day) if self.chance(0.1) else day
        slots = _Slots(self.rng, self.district_slots(d, day))
        topic = self.rng.choice(w.TOPICS)
        participants = self.rng.randint(12, 180)
        edition = self.rng.randint(2, 25)
        slots.update(thema=topic.title, netzwerk=net.title, termin=format_date_de(when),
                     edition=str(edition), teilnehmende=str(participants))
        with_edition = self.chance(0.35)
        if announcement and self.chance(0.6):
            title = self.title(w.MEETING_TITLES_ANNOUNCEMENT, slots)
        elif with_edition:
            title = self.title(w.MEETING_TITLES_EDITION, slots)
        else:
            title = self.title(w.MEETING_TITLES, slots)
        timed = self.chance(0.4)
        start: date = self.moment(when, 9, 15) if timed else when
        meeting: dict[str, Value] = {"date": start}
        if self.chance(0.25):
            meeting["end"] = (start + timedelta(hours=self.rng.randint(2, 7)) if timed
                              else when + timedelta(days=1))
        venue = self.rng.choice(w.VENUES)
        meeting["location"] = self.fill(venue, slots)
        if with_edition:
            meeting["edition"] = edition
        if not announcement and self.chance(0.6):
            meeting["participants"] = participants
        organisers = self.rng.sample(w.COORDINATOR_ROLES, self.rng.randint(1, 3))
        meeting["organisers"] = [self.fill(o, slots) for o in organisers]
        if self.chance(0.45):
            speakers: list[Value] = []
            for talk in self.rng.sample(w.TALKS, self.rng.randint(1, 3)):
                name = ("Dr. " if self.chance(0.2) else "") + self.person()
                org = self.fill(self.rng.choice(w.PROVIDERS), slots)
                speakers.append({"name": name, "organisation": org, "topic": talk})
            meeting["speakers"] = speakers
        meta: dict[str, Value] = {
            "title": title, "date": published, "districts": list(net.districts),
            "topics": self.topics_for(topic.slug), "network": net.slug,
            "summary": self.summary(w.MEETING_SUMMARIES, slots), "meeting": meeting,
        }
        if (contact := self.contact(d, 0.5)) is not None:
            meta["contact"] = contact
        if self.chance(0.04) and day < LATEST_DATE:
            meta["updated"] = min(day + timedelta(days=self.rng.randint(1, 30)), LATEST_DATE)
        if when > REFERENCE_NOW.date():
            self.announcements += 1
        self.finish(meta, draft)
        body = self.body(w.MEETING_SENTENCES, w.MEETING_HEADINGS, slots)
        slug = self.unique_slug("netzwerktreffen", title)
        self.add(f"netzwerktreffen/{day.year}/{day.isoformat()}-{slug}.md", meta, body)

    def offer(self, draft: bool) -> None:
        d = self.rng.choice(w.DISTRICTS)
        seed = self.rng.choice(w.OFFERS)
        slots = _Slots(self.rng, self.district_slots(d, LATEST_DATE))
        schedule = self.rng.choice(w.SCHEDULES)
        slots.update(schedule=schedule)
        title = self.title(seed.titles, slots)
        primary = self.rng.choice(seed.topics)
        groups = self.rng.sample(seed.target_groups, self.rng.randint(1, 2))
        meta: dict[str, Value] = {
            "title": title, "offer_type": seed.offer_type, "districts": [d.slug],
            "topics": self.topics_for(primary),
            "summary": self.summary(w.OFFER_SUMMARIES, slots),
            "target_groups": [g for g in seed.target_groups if g in groups],
            "provider": slots["traeger"],
        }
        if self.chance(0.85):
            town, postcode = next(t for t in d.towns if t[0] == slots["ort"])
            street = f"{self.rng.choice(w.STREETS)} {self.rng.randint(1, 60)}"
            meta["location"] = {"name": self.fill(self.rng.choice(w.VENUES[2:8]), slots)
                                .split(",")[0], "street": street, "postcode": postcode,
                                "town": town}
        contact: dict[str, Value] = {}
        if self.chance(0.7):
            contact["name"] = self.person()
        if self.chance(0.8):
            contact["email"] = f"{slugify(seed.offer_type)}.{slugify(slots['ort'])}@example.org"
        if self.chance(0.6) or "email" not in contact:
            contact["phone"] = self.phone()
        if self.chance(0.3):
            contact["website"] = f"https://www.example.org/angebote/{slugify(title)}/"
        meta["contact"] = contact
        if self.chance(0.75):
            meta["schedule"] = schedule
        roll = self.rng.random()
        if roll < 0.6:
            meta["cost"] = "kostenlos"
        elif roll < 0.85:
            meta["cost"] = self.rng.choice(w.PRICES)
        if self.chance(0.65):
            meta["languages"] = ["de", *self.rng.sample(w.LANGUAGES, self.rng.randint(0, 2))]
        if self.chance(0.3):
            meta["funding"] = self.rng.choice(w.FUNDING)
        if self.chance(0.45):
            meta["network"] = self.rng.choice(self.networks_by_district[d.slug]).slug
        roll = self.rng.random()
        if roll < 0.1:  # stale, three weeks clear of the limit so `now` may move a little
            reviewed = self.day(date(2019, 1, 1), _STALE_BEFORE - timedelta(days=21))
        elif roll < 0.13:
            reviewed = self.day(date(2025, 12, 1), date(2025, 12, 31))
        else:
            reviewed = self.day(date(2026, 1, 1), LATEST_DATE)
        if reviewed < _STALE_BEFORE:
            self.stale_offers += 1
        meta["reviewed"] = reviewed
        self.finish(meta, draft)
        body = self.body(w.OFFER_SENTENCES, w.OFFER_HEADINGS, slots)
        self.add(f"angebote/{self.unique_slug('angebote', title)}.md", meta, body)

    def finish(self, meta: dict[str, Value], draft: bool) -> None:
        if draft:
            meta["draft"] = True
            self.drafts += 1


def generate_corpus(root: Path, n_items: int = 10_000, *, seed: int = 1) -> CorpusStats:
    """Write a complete, valid content tree with `n_items` items into `root` (the docs_dir).

    `root` must not exist or be empty: leftovers of an earlier, larger run would add
    duplicate slugs and numbers.
    """
    if n_items < 0:
        raise ValueError(f"n_items must be ≥ 0, not {n_items}")
    if root.exists() and any(root.iterdir()):
        raise FileExistsError(f"{root} is not empty")
    rng = random.Random(seed)
    gen = _Generator(rng)
    gen.reference()
    n_pages = gen.pages()
    n_press = round(n_items * 0.55)
    n_meetings = round(n_items * 0.25)
    n_offers = n_items - n_press - n_meetings
    # Embargoes only exist on press releases; drafts are spread over all three types.
    embargoed = set(rng.sample(range(n_press), min(n_press, round(n_items * 0.01))))
    candidates = [i for i in range(n_items) if i not in embargoed]
    drafts = set(rng.sample(candidates, min(len(candidates), round(n_items * 0.03))))
    for i in range(n_press):
        gen.press_release(i in drafts, i in embargoed)
    # A fixed share of announcements for 2027, so that even a small corpus has some.
    next_year = set(rng.sample(range(n_press, n_press + n_meetings),
                               min(n_meetings, max(1, round(n_meetings * 0.04)))))
    for i in range(n_press, n_press + n_meetings):
        gen.meeting_report(i in drafts, i in next_year)
    for i in range(n_press + n_meetings, n_items):
        gen.offer(i in drafts)

    total = 0
    made: set[Path] = set()
    for rel in sorted(gen.files):
        path = root / rel
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        data = gen.files[rel].encode("utf-8")
        path.write_bytes(data)
        total += len(data)
    return CorpusStats(
        press_releases=n_press, meeting_reports=n_meetings, offers=n_offers,
        districts=len(w.DISTRICTS), topics=len(w.TOPICS), networks=len(gen.networks),
        pages=n_pages, drafts=gen.drafts, embargoed=gen.embargoed,
        announcements=gen.announcements, stale_offers=gen.stale_offers,
        files=len(gen.files), total_bytes=total,
    )

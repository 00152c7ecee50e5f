"""The generator's state and the helpers every item writer shares: one seeded random
stream, the files written so far, used slugs, and German text made from templates."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import pairwise

from familiennetz.dates import format_date_de
from familiennetz.text import slugify

from . import words as w
from .front_matter import Value, render_page
from .timeline import BERLIN, EARLIEST_DATE, LATEST_DATE

__all__ = ["Generator", "Network", "Slots", "capital"]


class Slots(dict[str, str]):
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


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _words(text: str) -> int:
    return len(text.split())


@dataclass(frozen=True, slots=True)
class Network:
    slug: str
    title: str
    districts: tuple[str, ...]


@dataclass
class Generator:
    rng: random.Random
    files: dict[str, str] = field(default_factory=dict)  # relative path → text
    networks: list[Network] = field(default_factory=list)
    networks_by_district: dict[str, list[Network]] = field(default_factory=dict)
    slugs: dict[str, set[str]] = field(default_factory=dict)  # type folder → used slugs
    numbers: dict[tuple[str, int], int] = field(default_factory=dict)  # last number used
    drafts: int = 0
    embargoed: int = 0
    announcements: int = 0
    stale_offers: int = 0
    upcoming_events: int = 0
    event_series: int = 0
    cancelled_events: int = 0

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

    def fill(self, template: str, slots: Slots) -> str:
        return template.format_map(slots)

    def sentences(self, templates: Sequence[str], slots: Slots, k: int) -> list[str]:
        picks = self.rng.sample(range(len(templates)), min(k, len(templates)))
        return [self.fill(templates[i], slots) for i in picks]

    def summary(self, templates: Sequence[str], slots: Slots) -> str:
        parts = self.sentences(templates, slots, self.rng.choice((1, 1, 2)))
        text = " ".join(parts)
        return text if len(text) <= 400 else parts[0]

    def title(self, templates: Sequence[str], slots: Slots) -> str:
        for _ in range(20):
            text = self.fill(self.rng.choice(templates), slots)
            if 5 <= len(text) <= 160:
                return text
        raise AssertionError("no title template fits 5–160 characters")  # pragma: no cover

    def body(self, own: Sequence[str], headings: Sequence[str], slots: Slots,
             general: Sequence[str] = w.GENERAL_SENTENCES) -> str:
        """3–8 paragraphs, 150–500 words, sometimes `## ` headings and a `- ` list.

        The sentences are the type's `own` and the `general` ones about the networks'
        work, each used once before any comes again."""
        n_paras = self.rng.randint(3, 8)
        target = self.rng.randint(150, 470)
        pool = list(own) + list(general)
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
            lines = "\n".join(f"- {capital(item)}" for item in items)
            at = self.rng.randint(1, len(blocks))
            blocks[at:at] = [self.rng.choice(w.LIST_INTROS), lines]
        return "\n\n".join(blocks) + "\n"

    def add(self, rel: str, meta: Mapping[str, Value], body: str) -> None:
        self.files[rel] = render_page(meta, body)

    def district_slots(self, d: w.DistrictSeed, when: date) -> dict[str, str]:
        ort = self.rng.choice(d.towns)[0]
        return {
            "kreis": d.title, "im_kreis": d.im_kreis, "kurz": d.kurz, "amt": d.amt,
            "verwaltung": d.verwaltung, "Verwaltung": capital(d.verwaltung),
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
        """A press contact (name, role, office), with probability `p`."""
        if not self.chance(p):
            return None
        name = self.person()
        result: dict[str, Value] = {"name": name, "role": self.rng.choice(w.PRESS_ROLES),
                                    "organisation": d.amt, "email": self.email(name)}
        if self.chance(0.6):
            result["phone"] = self.phone()
        return result

    def finish(self, meta: dict[str, Value], draft: bool) -> None:
        if draft:
            meta["draft"] = True
            self.drafts += 1

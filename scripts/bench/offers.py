"""Offers for families: undated, each `reviewed` on some day; a share of them stale (the
validator's only expected warnings)."""

from __future__ import annotations

from datetime import date, timedelta

from familiennetz.text import slugify

from . import words as w
from .front_matter import Value
from .generator import Generator, Slots
from .timeline import LATEST_DATE, STALE_BEFORE

__all__ = ["write_offer"]


def write_offer(gen: Generator, draft: bool) -> None:
    rng = gen.rng
    d = rng.choice(w.DISTRICTS)
    seed = rng.choice(w.OFFERS)
    slots = Slots(rng, gen.district_slots(d, LATEST_DATE))
    schedule = rng.choice(w.SCHEDULES)
    slots.update(schedule=schedule)
    title = gen.title(seed.titles, slots)
    primary = rng.choice(seed.topics)
    groups = rng.sample(seed.target_groups, rng.randint(1, 2))
    meta: dict[str, Value] = {
        "title": title, "offer_type": seed.offer_type, "districts": [d.slug],
        "topics": gen.topics_for(primary),
        "summary": gen.summary(w.OFFER_SUMMARIES, slots),
        "target_groups": [g for g in seed.target_groups if g in groups],
        "provider": slots["traeger"],
    }
    if gen.chance(0.85):
        town, postcode = next(t for t in d.towns if t[0] == slots["ort"])
        street = f"{rng.choice(w.STREETS)} {rng.randint(1, 60)}"
        meta["location"] = {"name": gen.fill(rng.choice(w.VENUES[2:8]), slots).split(",")[0],
                            "street": street, "postcode": postcode, "town": town}
    contact: dict[str, Value] = {}
    if gen.chance(0.7):
        contact["name"] = gen.person()
    if gen.chance(0.8):
        contact["email"] = f"{slugify(seed.offer_type)}.{slugify(slots['ort'])}@example.org"
    if gen.chance(0.6) or "email" not in contact:
        contact["phone"] = gen.phone()
    if gen.chance(0.3):
        contact["website"] = f"https://www.example.org/angebote/{slugify(title)}/"
    meta["contact"] = contact
    if gen.chance(0.75):
        meta["schedule"] = schedule
    roll = rng.random()
    if roll < 0.6:
        meta["cost"] = "kostenlos"
    elif roll < 0.85:
        meta["cost"] = rng.choice(w.PRICES)
    if gen.chance(0.65):
        meta["languages"] = ["de", *rng.sample(w.LANGUAGES, rng.randint(0, 2))]
    if gen.chance(0.3):
        meta["funding"] = rng.choice(w.FUNDING)
    if gen.chance(0.45):
        meta["network"] = rng.choice(gen.networks_by_district[d.slug]).slug
    roll = rng.random()
    if roll < 0.1:  # stale, three weeks clear of the limit so `now` may move a little
        reviewed = gen.day(date(2019, 1, 1), STALE_BEFORE - timedelta(days=21))
    elif roll < 0.13:
        reviewed = gen.day(date(2025, 12, 1), date(2025, 12, 31))
    else:
        reviewed = gen.day(date(2026, 1, 1), LATEST_DATE)
    if reviewed < STALE_BEFORE:
        gen.stale_offers += 1
    meta["reviewed"] = reviewed
    gen.finish(meta, draft)
    body = gen.body(w.OFFER_SENTENCES, w.OFFER_HEADINGS, slots)
    gen.add(f"angebote/{gen.unique_slug('angebote', title)}.md", meta, body)

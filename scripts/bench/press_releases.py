"""Press releases: dated, numbered per district and year, some embargoed."""

from __future__ import annotations

from datetime import date, timedelta

from . import words as w
from .front_matter import Value
from .generator import Generator, Slots
from .timeline import LATEST_DATE

__all__ = ["write_press_release"]


def write_press_release(gen: Generator, draft: bool, embargo: bool) -> None:
    rng = gen.rng
    d = rng.choice(w.DISTRICTS)
    day = gen.day()
    published: date = gen.moment(day) if gen.chance(0.2) else day
    slots = Slots(rng, gen.district_slots(d, day))
    template, hint = rng.choice(w.PRESS_TITLES)
    topic = next(t for t in w.TOPICS if t.slug == hint) if hint else rng.choice(w.TOPICS)
    net = rng.choice(gen.networks_by_district[d.slug])
    slots.update(thema=topic.title, netzwerk=net.title)
    title = gen.fill(template, slots)
    districts = [d.slug]
    if gen.chance(0.1):
        districts.append(rng.choice([x.slug for x in w.DISTRICTS if x is not d]))
    meta: dict[str, Value] = {"title": title, "date": published}
    if gen.chance(0.85):
        key = (d.slug, day.year)
        number = gen.numbers.get(key, rng.randint(0, 40)) + rng.randint(1, 4)
        gen.numbers[key] = number
        meta["number"] = number
    if embargo:
        moment = gen.moment(gen.day(date(2030, 1, 1), date(2030, 12, 31)), 8, 12)
        meta["embargo"] = moment.replace(minute=0)
        gen.embargoed += 1
    meta.update(districts=districts, topics=gen.topics_for(topic.slug),
                summary=gen.summary(w.PRESS_SUMMARIES, slots))
    if "{netzwerk}" in template or gen.chance(0.3):
        meta["network"] = net.slug
    if gen.chance(0.05):
        meta["source"] = rng.choice(w.SOURCES).format(kurz=d.kurz, amt=d.amt)
    if (contact := gen.contact(d, 0.75)) is not None:
        meta["contact"] = contact
    if gen.chance(0.06) and day < LATEST_DATE:
        meta["updated"] = min(day + timedelta(days=rng.randint(1, 60)), LATEST_DATE)
    gen.finish(meta, draft)
    body = gen.body(w.PRESS_SENTENCES, w.PRESS_HEADINGS, slots)
    slug = gen.unique_slug("pressemitteilungen", title)
    gen.add(f"pressemitteilungen/{day.year}/{day.isoformat()}-{slug}.md", meta, body)

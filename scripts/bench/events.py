"""Events for families: an Elternabend, a course, a family festival (`veranstaltungen/`).

Each takes place in a town of its district. The upcoming ones start after REFERENCE_NOW
and were announced before LATEST_DATE, so nothing is dated in the future; the others lie
in the past. Courses may run as weekly series, some events ask for a registration before a
deadline, and cancelled ones say so in their first sentence.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from familiennetz.dates import format_date_de
from familiennetz.text import slugify

from . import words as w
from .front_matter import Value
from .generator import Generator, Slots
from .timeline import BERLIN, EARLIEST_DATE, LATEST_DATE, REFERENCE_NOW

__all__ = ["write_event"]

_FIRST_UPCOMING = REFERENCE_NOW.date() + timedelta(days=2)
_LAST_UPCOMING = date(2027, 6, 30)
# Past events start a week before REFERENCE_NOW at the latest: moved to the next fitting
# weekday (at most six days on), they still lie before it.
_LAST_PAST = REFERENCE_NOW.date() - timedelta(days=7)
_ANNOUNCED_FROM = date(2026, 8, 1)  # upcoming events were announced from then on


def write_event(gen: Generator, draft: bool, upcoming: bool, cancelled: bool) -> None:
    rng = gen.rng
    d = rng.choice(w.DISTRICTS)
    seed = rng.choice(w.EVENTS)
    first, day = _days(gen, seed, upcoming)
    published: date = gen.moment(day) if gen.chance(0.1) else day
    slots = Slots(rng, gen.district_slots(d, day))
    template, hint = rng.choice(seed.titles)
    primary = hint or rng.choice(seed.topics)
    topic = next(t for t in w.TOPICS if t.slug == primary)
    slots.update(thema=topic.title, termin=format_date_de(first))
    title = gen.fill(template, slots)
    slug = gen.unique_slug("veranstaltungen", title)
    districts = [d.slug]
    if gen.chance(0.05):
        districts.append(rng.choice([x.slug for x in w.DISTRICTS if x is not d]))
    network = rng.choice(gen.networks_by_district[d.slug]) if gen.chance(0.4) else None
    meta: dict[str, Value] = {"title": title, "date": published, "districts": districts,
                              "topics": gen.topics_for(topic.slug),
                              "summary": gen.summary(w.EVENT_SUMMARIES, slots)}
    if network is not None:
        meta["network"] = network.slug
    event, series = _when(gen, seed, first)
    town, postcode = next(t for t in d.towns if t[0] == slots["ort"])
    event["location"] = {"name": gen.fill(rng.choice(seed.venues), slots),
                         "street": f"{rng.choice(w.STREETS)} {rng.randint(1, 60)}",
                         "postcode": postcode, "town": town}
    event["provider"] = (network.title if network is not None and gen.chance(0.5)
                         else slots["traeger"])
    groups = rng.sample(seed.target_groups, rng.randint(1, min(3, len(seed.target_groups))))
    event["target_groups"] = [g for g in seed.target_groups if g in groups]
    roll = rng.random()
    if roll < 0.55:
        event["cost"] = "kostenlos"
    elif roll < 0.85:
        event["cost"] = rng.choice(w.EVENT_PRICES)
    if gen.chance(0.6):
        event["languages"] = ["de", *rng.sample(w.LANGUAGES, rng.randint(0, 2))]
    if gen.chance(0.45):
        event["registration"] = _registration(gen, slug, slots["ort"], day, first)
    roll = rng.random()
    if roll < 0.65:  # said only where the provider knows
        event["accessible"] = roll < 0.5
    if cancelled:
        event["cancelled"] = True
    meta["event"] = event
    if (contact := _contact(gen)) is not None:
        meta["contact"] = contact
    changed = gen.chance(0.8) if cancelled else gen.chance(0.05)
    if changed and day < LATEST_DATE:  # after the announcement, before the event
        later = day + timedelta(days=rng.randint(1, 30))
        meta["updated"] = min(later, LATEST_DATE, first - timedelta(days=1))
    gen.finish(meta, draft)
    # An invitation, not a report of the networks' work: its own sentences only.
    body = gen.body(w.EVENT_SENTENCES, w.EVENT_HEADINGS, slots, general=())
    if cancelled:
        body = f"{rng.choice(w.EVENT_CANCELLATIONS)} {body}"
        gen.cancelled_events += 1
    if first > REFERENCE_NOW.date():
        gen.upcoming_events += 1
    if series:
        gen.event_series += 1
    gen.add(f"veranstaltungen/{day.year}/{day.isoformat()}-{slug}.md", meta, body)


def _days(gen: Generator, seed: w.EventSeed, upcoming: bool) -> tuple[date, date]:
    """The day it starts on, and the day it was announced: one to thirteen weeks before."""
    if upcoming:
        first = _fitting_day(gen, seed, gen.day(_FIRST_UPCOMING, _LAST_UPCOMING))
        latest = min(first - timedelta(days=14), LATEST_DATE)
        return first, gen.day(min(max(first - timedelta(days=90), _ANNOUNCED_FROM), latest),
                              latest)
    first = _fitting_day(gen, seed, gen.day(EARLIEST_DATE + timedelta(days=60), _LAST_PAST))
    return first, min(first - timedelta(days=gen.rng.randint(7, 60)), LATEST_DATE)


def _fitting_day(gen: Generator, seed: w.EventSeed, day: date) -> date:
    """The next Saturday (or Sunday) for what happens at weekends, else the next weekday."""
    if seed.weekend:
        saturday = day + timedelta(days=(5 - day.weekday()) % 7)
        return saturday + timedelta(days=1) if gen.chance(0.3) else saturday
    return day + timedelta(days=max(0, 7 - day.weekday())) if day.weekday() >= 5 else day


def _when(gen: Generator, seed: w.EventSeed, first: date) -> tuple[dict[str, Value], bool]:
    """`start`, `end` and a series' `dates`; and whether it is a series."""
    rng = gen.rng
    if seed.days > 1:  # a weekend away: days only
        return {"start": first, "end": first + timedelta(days=seed.days - 1)}, False
    if seed.weekend and gen.chance(0.3):  # a festival announced by its day alone
        return {"start": first}, False
    # Afternoon and evening hours: never inside a DST gap or fold.
    begin = datetime(first.year, first.month, first.day, rng.randint(*seed.hours),
                     rng.choice((0, 30)), tzinfo=BERLIN)
    length = timedelta(minutes=rng.randrange(seed.minutes[0], seed.minutes[1] + 1, 15))
    if seed.series and gen.chance(0.7):
        # The same wall-clock time every week: aware arithmetic in one zone keeps it,
        # across a change to or from summer time too.
        dates: list[datetime] = [begin + timedelta(weeks=i) for i in range(rng.randint(3, 6))]
        return {"start": begin, "end": dates[-1] + length, "dates": dates}, True
    return {"start": begin, "end": begin + length}, False


def _registration(gen: Generator, slug: str, town: str, day: date, first: date) -> dict[str, Value]:
    """A way to sign up (at least one), and mostly a deadline after the announcement."""
    out: dict[str, Value] = {}
    if gen.chance(0.5):
        out["url"] = f"https://www.example.org/anmeldung/{slug}/"
    if gen.chance(0.5) or not out:
        out["email"] = f"anmeldung.{slugify(town)}@example.org"
    if gen.chance(0.3):
        out["phone"] = gen.phone()
    if gen.chance(0.75):
        deadline = first - timedelta(days=gen.rng.randint(2, 10))
        out["deadline"] = max(deadline, day + timedelta(days=1))
    return out


def _contact(gen: Generator) -> dict[str, Value] | None:
    """Someone to ask, for half of the events: a name and an e-mail address or phone."""
    if not gen.chance(0.5):
        return None
    name = gen.person()
    contact: dict[str, Value] = {"name": name}
    if gen.chance(0.7):
        contact["email"] = gen.email(name)
    if gen.chance(0.4) or "email" not in contact:
        contact["phone"] = gen.phone()
    return contact

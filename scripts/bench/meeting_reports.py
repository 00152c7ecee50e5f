"""Meeting reports: reports of network meetings and conferences, and announcements of
coming ones (`meeting.date` after the report's date)."""

from __future__ import annotations

from datetime import date, timedelta

from familiennetz.dates import format_date_de

from . import words as w
from .front_matter import Value
from .generator import Generator, Slots
from .timeline import LATEST_DATE, REFERENCE_NOW

__all__ = ["write_meeting_report"]


def write_meeting_report(gen: Generator, draft: bool, next_year: bool) -> None:
    rng = gen.rng
    d = rng.choice(w.DISTRICTS)
    net = rng.choice(gen.networks_by_district[d.slug])
    roll = rng.random()
    if next_year:  # an announcement of next year's conference
        day = gen.day(date(2026, 8, 1), LATEST_DATE)
        when = gen.day(date(2027, 1, 12), date(2027, 6, 30))
    elif roll < 0.16:
        day = gen.day()
        when = day + timedelta(days=rng.randint(7, 60))
    else:
        day = gen.day()
        when = day - timedelta(days=rng.randint(0, 14))
    announcement = when > day
    published: date = gen.moment(day) if gen.chance(0.1) else day
    slots = Slots(rng, gen.district_slots(d, day))
    topic = rng.choice(w.TOPICS)
    participants = rng.randint(12, 180)
    edition = rng.randint(2, 25)
    slots.update(thema=topic.title, netzwerk=net.title, termin=format_date_de(when),
                 edition=str(edition), teilnehmende=str(participants))
    with_edition = gen.chance(0.35)
    if announcement and gen.chance(0.6):
        title = gen.title(w.MEETING_TITLES_ANNOUNCEMENT, slots)
    elif with_edition:
        title = gen.title(w.MEETING_TITLES_EDITION, slots)
    else:
        title = gen.title(w.MEETING_TITLES, slots)
    timed = gen.chance(0.4)
    start: date = gen.moment(when, 9, 15) if timed else when
    meeting: dict[str, Value] = {"date": start}
    if gen.chance(0.25):
        meeting["end"] = (start + timedelta(hours=rng.randint(2, 7)) if timed
                          else when + timedelta(days=1))
    venue = rng.choice(w.VENUES)
    meeting["location"] = gen.fill(venue, slots)
    if with_edition:
        meeting["edition"] = edition
    if not announcement and gen.chance(0.6):
        meeting["participants"] = participants
    organisers = rng.sample(w.COORDINATOR_ROLES, rng.randint(1, 3))
    meeting["organisers"] = [gen.fill(o, slots) for o in organisers]
    if gen.chance(0.45):
        speakers: list[Value] = []
        for talk in rng.sample(w.TALKS, rng.randint(1, 3)):
            name = ("Dr. " if gen.chance(0.2) else "") + gen.person()
            org = gen.fill(rng.choice(w.PROVIDERS), slots)
            speakers.append({"name": name, "organisation": org, "topic": talk})
        meeting["speakers"] = speakers
    meta: dict[str, Value] = {
        "title": title, "date": published, "districts": list(net.districts),
        "topics": gen.topics_for(topic.slug), "network": net.slug,
        "summary": gen.summary(w.MEETING_SUMMARIES, slots), "meeting": meeting,
    }
    if (contact := gen.contact(d, 0.5)) is not None:
        meta["contact"] = contact
    if gen.chance(0.04) and day < LATEST_DATE:
        meta["updated"] = min(day + timedelta(days=rng.randint(1, 30)), LATEST_DATE)
    if when > REFERENCE_NOW.date():
        gen.announcements += 1
    gen.finish(meta, draft)
    body = gen.body(w.MEETING_SENTENCES, w.MEETING_HEADINGS, slots)
    slug = gen.unique_slug("netzwerktreffen", title)
    gen.add(f"netzwerktreffen/{day.year}/{day.isoformat()}-{slug}.md", meta, body)

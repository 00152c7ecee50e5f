"""What the items point to and the pages around them: districts, topics, networks, the
home page and one intro page per type folder."""

from __future__ import annotations

from familiennetz.types import TYPES

from . import words as w
from .front_matter import Value
from .generator import Generator, Network, capital

__all__ = ["write_pages", "write_reference"]


def write_reference(gen: Generator) -> None:
    for d in w.DISTRICTS:
        meta: dict[str, Value] = {"title": d.title, "kind": d.kind, "state": d.state}
        if gen.chance(0.6):
            meta["website"] = f"https://www.example.org/{d.slug}/"
        towns = [t for t, _ in d.towns]
        slots = {"Der_kreis": capital(d.der_kreis), "in_land": d.in_land,
                 "sitz": towns[0], "orte": ", ".join(towns[:-1]) + " und " + towns[-1]}
        lines = [s for s in w.DISTRICT_BODY if len(towns) > 1 or "{orte}" not in s]
        body = " ".join(s.format_map(slots) for s in lines)
        gen.add(f"kreise/{d.slug}.md", meta, body + "\n")
    for t in w.TOPICS:
        body = " ".join(s.format(thema=t.title) for s in w.TOPIC_BODY)
        gen.add(f"themen/{t.slug}.md", {"title": t.title, "summary": t.summary}, body + "\n")
    for d in w.DISTRICTS:
        kinds = ["fruehe-hilfen", *gen.rng.sample(
            ["kinderschutz", "kita-netzwerk", "kita-sozialarbeit"], 2)]
        for kind in kinds:
            _network(gen, kind, (d,))
    for _ in range(4):  # networks across two neighbouring districts
        pair = gen.rng.sample(w.DISTRICTS, 2)
        _network(gen, "sonstiges", (pair[0], pair[1]))


def _network(gen: Generator, kind: str, ds: tuple[w.DistrictSeed, ...]) -> None:
    kurz = " und ".join(d.kurz for d in ds)
    title = gen.rng.choice(w.NETWORK_TITLES[kind]).format(kurz=kurz)
    slug = gen.unique_slug("netzwerke", title)
    net = Network(slug, title, tuple(d.slug for d in ds))
    gen.networks.append(net)
    for d in ds:
        gen.networks_by_district.setdefault(d.slug, []).append(net)
    meta: dict[str, Value] = {"title": title, "districts": list(net.districts),
                              "network_type": kind}
    if gen.chance(0.7):
        people: list[Value] = []
        for _ in range(gen.rng.randint(1, 2)):
            name = gen.person()
            role = gen.rng.choice(w.COORDINATOR_ROLES)
            people.append({"name": name, "email": gen.email(name),
                           "organisation": role.format(kurz=ds[0].kurz, amt=ds[0].amt)})
        meta["coordinators"] = people
    body = " ".join(s.format(netzwerk=title) for s in w.NETWORK_BODY)
    gen.add(f"netzwerke/{slug}.md", meta, body + "\n")


def write_pages(gen: Generator) -> int:
    """The home page and an intro for every type's folder; how many pages that made.

    The bench's navigation names each type's `index.md` (from the registry), and a bare
    MkDocs build fails on a missing one: a type without its own intro in the word list
    gets a plain one."""
    gen.files["index.md"] = "\n\n".join(w.HOME_PAGE) + "\n"
    for t in TYPES:
        heading, text = w.SECTION_PAGES.get(t.folder, (t.plural, f"Alle {t.plural} im Überblick."))
        gen.files[f"{t.folder}/index.md"] = f"# {heading}\n\n{text}\n"
    return 1 + len(TYPES)

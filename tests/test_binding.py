"""The binder: a parsed front matter → a typed model, or every problem with its position.

`Sample` declares one field of every shape the model uses, so each shape is pinned here
once, independent of how the real models combine them; the real models follow below.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Literal

import pytest

from familiennetz.binding import Binder, describe_shape
from familiennetz.dates import BERLIN, Instant
from familiennetz.fields import Shape, fields_of, spec
from familiennetz.loader import read_source
from familiennetz.problems import Level, Problem
from familiennetz.types.angebot import Offer
from familiennetz.types.netzwerktreffen import MeetingReport
from familiennetz.types.pressemitteilung import PressRelease


@dataclass(frozen=True, slots=True, kw_only=True)
class Part:
    name: str = spec("Name", "Ein Name.")
    note: str | None = spec("Notiz", "Optional.", default=None)


@dataclass(frozen=True, slots=True, kw_only=True)
class Reach:
    REQUIRE_ONE_OF: ClassVar[tuple[str, ...]] = ("email", "phone")
    email: str | None = spec("E-Mail", "Adresse.", default=None)
    phone: str | None = spec("Telefon", "Nummer.", default=None)


@dataclass(frozen=True, slots=True, kw_only=True)
class Sample:
    text: str = spec("Text", "Ein Text.", min_len=3, max_len=10, example="Hallo")
    count: int | None = spec("Anzahl", "Eine Zahl.", default=None)
    flag: bool = spec("Schalter", "Ja oder nein.", default=False)
    day: dt.date | None = spec("Tag", "Ein Datum.", default=None)
    moment: dt.datetime | None = spec("Zeitpunkt", "Mit Zeitzone.", default=None)
    when: Instant | None = spec("Wann", "Datum oder Zeitpunkt.", default=None)
    kind: Literal["eins", "zwei", "drei"] | None = spec("Art", "Eine Art.", default=None)
    part: Part | None = spec("Teil", "Ein Teil.", default=None)
    parts: tuple[Part, ...] = spec("Teile", "Mehrere Teile.", default=())
    tags: tuple[str, ...] = spec("Schlagworte", "Slugs.", default=(), pattern=r"^[a-z]+$",
                                 pattern_hint="Kleinbuchstaben, z. B. `abc`")
    kinds: tuple[Literal["a", "b"], ...] = spec("Arten", "Liste.", default=())
    reach: Reach | None = spec("Erreichbarkeit", "Mindestens eines.", default=None)
    plain: str | None = spec("Klartext", "Ohne Markup.", default=None, plain=True)
    needed: tuple[str, ...] = spec("Pflichtliste", "Mindestens eins.", default=("x",),
                                   min_items=1)


def bind(tmp_path: Path, model: type, yaml_text: str) -> tuple[Any, list[Problem]]:
    path = tmp_path / "x.md"
    path.write_text(f"---\n{yaml_text}---\n", encoding="utf-8")
    source, problems = read_source(path, tmp_path, "x.md")
    assert source is not None and problems == []
    binder = Binder("x.md", source.marks)
    return binder.bind(model, source.meta), binder.problems


def sample(tmp_path: Path, extra: str = "") -> tuple[Sample | None, list[Problem]]:
    return bind(tmp_path, Sample, "text: Hallo\n" + extra)


def one(tmp_path: Path, extra: str) -> Problem:
    _, [problem] = sample(tmp_path, extra)
    assert problem.level is Level.ERROR and problem.path == "x.md"
    return problem


def brief(problem: Problem) -> tuple[int, int, str]:
    return problem.line, problem.col, problem.rule


# --- a whole binding ---------------------------------------------------------------------


def test_valid_mapping_binds_to_typed_model_with_defaults(tmp_path: Path) -> None:
    data, problems = sample(tmp_path, "count: 3\nflag: true\nday: 2024-06-14\n"
                                      "moment: 2024-06-14T10:00:00+02:00\nwhen: 2024-06-14\n"
                                      "kind: zwei\npart: {name: A}\nparts:\n  - name: B\n"
                                      "tags: [abc, de]\nkinds: [a]\nreach: {phone: '0123'}\n")
    assert problems == []
    assert data == Sample(text="Hallo", count=3, flag=True, day=dt.date(2024, 6, 14),
                          moment=dt.datetime(2024, 6, 14, 10, tzinfo=BERLIN),
                          when=Instant.from_date(dt.date(2024, 6, 14)), kind="zwei",
                          part=Part(name="A"), parts=(Part(name="B"),), tags=("abc", "de"),
                          kinds=("a",), reach=Reach(phone="0123"))
    assert data.needed == ("x",)  # the default, untouched


def test_every_problem_of_a_mapping_comes_at_once(tmp_path: Path) -> None:
    data, problems = bind(tmp_path, Sample, "text: x\ncount: null-acht\nkind: vier\nfoo: 1\n")
    assert data is None
    assert [p.rule for p in problems] == ["unknown-field", "length", "wrong-type",
                                          "invalid-value"]


# --- unknown and missing fields --------------------------------------------------------------


def test_misspelled_field_gets_did_you_mean(tmp_path: Path) -> None:
    problem = one(tmp_path, "cuont: 3\n")
    assert brief(problem) == (3, 1, "unknown-field")
    assert problem.message == "unbekanntes Feld `cuont` — meinten Sie `count`?"


def test_unknown_field_still_binds_the_rest_so_later_rules_run(tmp_path: Path) -> None:
    data, [problem] = sample(tmp_path, "cuont: 3\n")
    assert problem.rule == "unknown-field"
    assert data == Sample(text="Hallo")


def test_any_other_problem_gives_no_model(tmp_path: Path) -> None:
    data, [_] = sample(tmp_path, "count: drei\n")
    assert data is None


def test_unrelated_unknown_field_lists_allowed_fields(tmp_path: Path) -> None:
    problem = one(tmp_path, "xyzzy: 3\n")
    assert problem.message.startswith("unbekanntes Feld `xyzzy` — erlaubt sind: `count`, `day`")


def test_unknown_nested_field_carries_its_path(tmp_path: Path) -> None:
    problem = one(tmp_path, "part:\n  name: A\n  noet: b\n")
    assert brief(problem) == (5, 3, "unknown-field")
    assert problem.message == "unbekanntes Feld `part.noet` — meinten Sie `part.note`?"


def test_missing_required_field_with_example(tmp_path: Path) -> None:
    data, [problem] = bind(tmp_path, Sample, "count: 3\n")
    assert data is None
    assert brief(problem) == (1, 1, "missing-field")
    assert problem.message == "Pflichtfeld `text` (Text) fehlt — Beispiel: `text: Hallo`"


@pytest.mark.parametrize("empty", ['""', "''", "", "~", "null"])
def test_empty_required_field_counts_as_missing_at_its_line(tmp_path: Path, empty: str) -> None:
    _, [problem] = bind(tmp_path, Sample, f"count: 3\ntext: {empty}\n")
    assert brief(problem) == (3, 1, "missing-field")
    assert problem.message == "Pflichtfeld `text` (Text) ist leer — Beispiel: `text: Hallo`"


def test_missing_field_in_list_item_points_at_the_item(tmp_path: Path) -> None:
    problem = one(tmp_path, "parts:\n  - note: ohne Namen\n")
    assert brief(problem) == (4, 5, "missing-field")
    assert problem.message == ("Pflichtfeld `name` (Name) fehlt im 1. Eintrag von `parts` — "
                               "ergänzen Sie die Zeile `name: …`")


def test_optional_field_may_be_empty(tmp_path: Path) -> None:
    data, problems = sample(tmp_path, "count:\nday: ~\nkind: ''\n")
    assert problems == [] and data is not None
    assert (data.count, data.day, data.kind) == (None, None, None)


def test_require_one_of_names_the_choices(tmp_path: Path) -> None:
    problem = one(tmp_path, "reach:\n  email: ''\n")
    assert brief(problem) == (3, 1, "missing-field")
    assert problem.message == ("`reach` braucht mindestens eines der Felder `email`, `phone` — "
                               "ergänzen Sie etwa die Zeile `email: …`.")


# --- str ------------------------------------------------------------------------------------


def test_text_is_stripped(tmp_path: Path) -> None:
    data, _ = bind(tmp_path, Sample, "text: '  Hallo  '\n")
    assert data is not None and data.text == "Hallo"


@pytest.mark.parametrize(("value", "shown"), [("12345", "12345"), ("2024-06-14", "2024-06-14"),
                                              ("2024-02-30", "2024-02-30"), ("[a]", "['a']"),
                                              ("yes", "True")])
def test_non_text_for_text_field_suggests_quotes(tmp_path: Path, value: str, shown: str) -> None:
    _, [problem] = bind(tmp_path, Sample, f"text: {value}\n")
    assert brief(problem) == (2, 7, "wrong-type")
    assert problem.message == (f"`text` (Text) muss ein Text sein, nicht `{shown}` — setzen Sie "
                               f'den Wert in Anführungszeichen: `"{shown}"`')


def test_text_too_short_and_too_long(tmp_path: Path) -> None:
    _, [short] = bind(tmp_path, Sample, "text: ab\n")
    assert short.message == "`text` (Text) ist zu kurz: 2 Zeichen, mindestens 3."
    _, [long] = bind(tmp_path, Sample, "text: abcdefghijk\n")
    assert brief(long) == (2, 7, "length")
    assert long.message == ("`text` (Text) ist zu lang: 11 Zeichen, höchstens 10 — kürzen Sie "
                            "den Text.")


def test_length_counts_characters_not_bytes(tmp_path: Path) -> None:
    data, problems = bind(tmp_path, Sample, "text: Grüße äöü\n")  # 10 characters, 15 bytes
    assert problems == [] and data is not None


def test_pattern_mismatch_explains_the_pattern(tmp_path: Path) -> None:
    problem = one(tmp_path, "tags: [abc, Ab1]\n")
    assert brief(problem) == (3, 13, "invalid-value")
    assert problem.message == ("Der 2. Eintrag von `tags` (Schlagworte): `Ab1` ist keine "
                               "gültige Angabe — erwartet ist Kleinbuchstaben, z. B. `abc`.")


@pytest.mark.parametrize("markup", ["[Link](https://example.org)", "**fett**", "# Titel"])
def test_plain_text_field_refuses_markdown(tmp_path: Path, markup: str) -> None:
    problem = one(tmp_path, f"plain: '{markup}'\n")
    assert brief(problem) == (3, 8, "plain-text")
    assert problem.message == ("`plain` (Klartext) muss reiner Text sein, ohne Markdown (keine "
                               "Links, `**`, `#`) — schreiben Sie nur den Text.")


@pytest.mark.parametrize(("value", "rule", "message"), [
    ("'<b>fett</b>'", "plain-text", "enthält HTML (`<b…`) — schreiben Sie nur Text, ohne spitze "
     "Klammern um Wörter."),
    ("'\"><img src=x onerror=alert(1)>'", "plain-text", "enthält HTML (`<i…`) — schreiben Sie "
     "nur Text, ohne spitze Klammern um Wörter."),
    ("'</script>'", "plain-text", "enthält HTML (`</…`) — schreiben Sie nur Text, ohne spitze "
     "Klammern um Wörter."),
    ("'Eltern &amp; Kinder'", "plain-text", "enthält die HTML-Umschreibung `&amp;` — schreiben "
     "Sie das Zeichen selbst, z. B. `&` statt `&amp;`."),
    ("'&#60;script'", "plain-text", "enthält die HTML-Umschreibung `&#60;` — schreiben Sie das "
     "Zeichen selbst, z. B. `&` statt `&amp;`."),
    ('"Zeile\\neins"', "plain-text", "enthält einen Zeilenumbruch — schreiben Sie den Wert in "
     "eine Zeile."),
    ('"Glocke\\a"', "control-character", "enthält ein unsichtbares Steuerzeichen (U+0007) — "
     "löschen Sie die Stelle und tippen Sie sie neu."),
    ('"rechts\\u202enach links"', "control-character", "enthält ein unsichtbares Steuerzeichen "
     "(U+202E) — löschen Sie die Stelle und tippen Sie sie neu."),
])
def test_every_text_field_refuses_what_could_be_read_as_html(tmp_path: Path, value: str, rule: str,
                                                             message: str) -> None:
    _, problems = sample(tmp_path, f"plain: {value}\n")
    assert [(p.rule, p.message) for p in problems] == [(rule, f"`plain` (Klartext) {message}")]
    _, problems = bind(tmp_path, Sample, f"text: {value}\n")  # also where markup is no issue
    assert [(p.rule, p.message) for p in problems] == [(rule, f"`text` (Text) {message}")]


@pytest.mark.parametrize("invisible", ["\\u200b", "\\u2060", "\\u2062", "\\ufeff", "\\u061c",
                                       "\\u3164", "\\uffa0", "\\ufff9", "\\U000e0041", "\\u034f",
                                       "\\u206a", "\\ufe00", "\\U000e0100", "\\u2800", "\\U0001d173"])
def test_text_fields_refuse_invisible_characters(tmp_path: Path, invisible: str) -> None:
    # A title that looks like another one, or a word the search cannot find.
    _, [problem] = bind(tmp_path, Sample, f'text: "Kin{invisible}der"\n')
    point = int(invisible[2:], 16)
    assert (problem.rule, problem.message) == ("control-character", f"`text` (Text) enthält ein "
                                               f"unsichtbares Steuerzeichen (U+{point:04X}) — löschen "
                                               "Sie die Stelle und tippen Sie sie neu.")


@pytest.mark.parametrize("kept", ["Kin\\u00adder",  # a soft hyphen
                                  "\\U0001F468\\u200d\\U0001F469",  # an emoji's joiner
                                  "\\u0645\\u06cc\\u200c\\u062e",  # Persian's non-joiner
                                  "\\u0645 12\\u200f",  # a mark of writing direction
                                  "Ja \\u2764\\ufe0f"])  # an emoji's presentation
def test_text_fields_keep_the_invisible_characters_writing_needs(tmp_path: Path, kept: str) -> None:
    _, problems = bind(tmp_path, Sample, f'text: "{kept}"\n')
    assert problems == []


def test_text_fields_allow_lone_angle_brackets_quotes_and_ampersands(tmp_path: Path) -> None:
    _, problems = sample(tmp_path, "plain: 'Kinder < 3 & Eltern > 30: \"Wir <3 Familien\" '\n")
    assert problems == []


def test_plain_text_allows_ordinary_punctuation(tmp_path: Path) -> None:
    _, problems = sample(tmp_path, "plain: 'Eltern & Kinder (0–3), 9:30 Uhr – „offen“ * 2'\n")
    assert problems == []


# --- int and bool ---------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["0", "-3", "1.5", "true", "drei", "1e3", ".nan", "[1]"])
def test_count_must_be_a_positive_whole_number(tmp_path: Path, value: str) -> None:
    problem = one(tmp_path, f"count: {value}\n")
    assert brief(problem) == (3, 8, "wrong-type")
    assert problem.message.startswith("`count` (Anzahl) muss eine ganze Zahl größer als 0 sein, "
                                      "nicht `")


def test_huge_whole_number_is_accepted(tmp_path: Path) -> None:
    data, _ = sample(tmp_path, f"count: {10**40}\n")
    assert data is not None and data.count == 10**40


@pytest.mark.parametrize("value", ["ja", "1", "wahr", "[true]"])
def test_flag_must_be_true_or_false(tmp_path: Path, value: str) -> None:
    problem = one(tmp_path, f"flag: {value}\n")
    assert brief(problem) == (3, 7, "wrong-type")
    assert problem.message.startswith("`flag` (Schalter) muss `true` oder `false` sein, nicht `")


@pytest.mark.parametrize(("value", "expected"), [("true", True), ("false", False),
                                                 ("True", True), ("no", False)])
def test_yaml_booleans_bind(tmp_path: Path, value: str, expected: bool) -> None:
    data, _ = sample(tmp_path, f"flag: {value}\n")
    assert data is not None and data.flag is expected


# --- dates ----------------------------------------------------------------------------------


def test_impossible_date(tmp_path: Path) -> None:
    problem = one(tmp_path, "day: 2024-02-30\n")
    assert brief(problem) == (3, 6, "invalid-date")
    assert problem.message == ("`day` (Tag): `2024-02-30` ist kein mögliches Datum — gibt es "
                               "diesen Tag im Kalender?")


@pytest.mark.parametrize(("value", "iso"), [("14.06.2024", "2024-06-14"),
                                            ("1.2.24", "2024-02-01")])
def test_german_date_gets_the_iso_form(tmp_path: Path, value: str, iso: str) -> None:
    problem = one(tmp_path, f"day: {value}\n")
    assert brief(problem) == (3, 6, "invalid-date")
    assert problem.message == (f"`day` (Tag): `{value}` ist deutsch geschrieben — schreiben Sie "
                               f"`{iso}` (JJJJ-MM-TT).")


def test_impossible_german_date_gets_no_impossible_suggestion(tmp_path: Path) -> None:
    problem = one(tmp_path, "day: 31.02.2024\n")
    assert problem.message == ("`day` (Tag): `31.02.2024` ist kein mögliches Datum — schreiben "
                               "Sie es als `JJJJ-MM-TT`, z. B. `2024-06-14`.")


@pytest.mark.parametrize(("value", "offset"), [("2024-06-14T10:00:00", "+02:00"),
                                               ("2024-12-14T10:00:00", "+01:00")])
def test_datetime_without_offset_gets_berlin_offset_suggested(tmp_path: Path, value: str,
                                                              offset: str) -> None:
    problem = one(tmp_path, f"moment: {value}\n")
    assert brief(problem) == (3, 9, "invalid-date")
    assert problem.message == (f"`moment` (Zeitpunkt): Uhrzeit ohne Zeitzone — schreiben Sie "
                               f"`{value}{offset}` (Zeitzone für Deutschland).")


def test_datetime_is_converted_to_berlin(tmp_path: Path) -> None:
    data, _ = sample(tmp_path, "moment: 2024-06-14T08:00:00Z\n")
    assert data is not None and data.moment is not None
    assert data.moment.tzinfo == BERLIN and data.moment.hour == 10


def test_date_only_for_datetime_field_asks_for_a_time(tmp_path: Path) -> None:
    problem = one(tmp_path, "moment: 2024-06-14\n")
    assert brief(problem) == (3, 9, "wrong-type")
    assert problem.message.endswith("— mit Uhrzeit, z. B. `2024-06-14T10:00:00+02:00`")


def test_datetime_for_date_field_is_wrong(tmp_path: Path) -> None:
    problem = one(tmp_path, "day: 2024-06-14T10:00:00+02:00\n")
    assert brief(problem) == (3, 6, "wrong-type")
    assert problem.message.startswith("`day` (Tag) muss ein Datum `JJJJ-MM-TT`")


def test_instant_keeps_whether_only_a_day_was_given(tmp_path: Path) -> None:
    data, _ = sample(tmp_path, "when: 2024-06-14\n")
    assert data is not None and data.when == Instant(dt.datetime(2024, 6, 14, tzinfo=BERLIN),
                                                     all_day=True)
    data, _ = sample(tmp_path, "when: 2024-06-14T10:00:00+02:00\n")
    assert data is not None and data.when is not None and not data.when.all_day
    assert data.when.at == dt.datetime(2024, 6, 14, 10, tzinfo=BERLIN)


@pytest.mark.parametrize("value", ["morgen", "2024", "20240614", "2024-06-14 10:00", "[1]"])
def test_other_values_for_dates_are_wrong_type(tmp_path: Path, value: str) -> None:
    assert brief(one(tmp_path, f"when: {value}\n")) == (3, 7, "wrong-type")


# --- enums ----------------------------------------------------------------------------------


def test_invalid_enum_value_gets_suggestion_and_known_values(tmp_path: Path) -> None:
    problem = one(tmp_path, "kind: zwie\n")
    assert brief(problem) == (3, 7, "invalid-value")
    assert problem.message == ("`kind` (Art): unbekannter Wert `zwie` — meinten Sie `zwei`? "
                               "erlaubt sind: `drei`, `eins`, `zwei`")


def test_invalid_enum_in_a_list_names_the_item(tmp_path: Path) -> None:
    problem = one(tmp_path, "kinds: [a, x]\n")
    assert brief(problem) == (3, 12, "invalid-value")
    assert problem.message == ("Der 2. Eintrag von `kinds` (Arten): unbekannter Wert `x` — "
                               "erlaubt sind: `a`, `b`")


# --- nested mappings and lists ----------------------------------------------------------------


@pytest.mark.parametrize("value", ["A", "[A]", "3"])
def test_mapping_expected(tmp_path: Path, value: str) -> None:
    problem = one(tmp_path, f"part: {value}\n")
    assert brief(problem) == (3, 7, "wrong-type")
    assert problem.message.startswith("`part` (Teil) muss eine Gruppe eingerückter Unterfelder "
                                      "sein, nicht `")


def test_list_expected_suggests_brackets(tmp_path: Path) -> None:
    problem = one(tmp_path, "tags: abc\n")
    assert brief(problem) == (3, 7, "wrong-type")
    assert problem.message == ("`tags` (Schlagworte) muss eine Liste, z. B. `[a, b]` sein, nicht "
                               "`abc` — schreiben Sie `tags: [abc]`")


def test_empty_list_below_minimum(tmp_path: Path) -> None:
    problem = one(tmp_path, "needed: []\n")
    assert brief(problem) == (3, 9, "missing-field")
    assert problem.message == "`needed` (Pflichtliste) braucht mindestens 1 Eintrag."


def test_problems_in_list_of_mappings_carry_index_and_position(tmp_path: Path) -> None:
    data, problems = sample(tmp_path, "parts:\n  - name: A\n  - name: [B]\n    nott: x\n")
    assert data is None
    assert [(brief(p), p.message.split(" —")[0]) for p in problems] == [
        ((6, 5, "unknown-field"), "unbekanntes Feld `nott` im 2. Eintrag von `parts`"),
        ((5, 11, "wrong-type"), "Das Feld `name` (Name) des 2. Eintrags von `parts` muss ein "
                                "Text sein, nicht `['B']`"),
    ]


# --- the shapes' descriptions -----------------------------------------------------------------


def test_every_shape_is_described_in_german() -> None:
    kinds = {info.shape.kind for info in fields_of(Sample)}
    assert kinds == {"str", "int", "bool", "date", "datetime", "instant", "enum", "model", "list"}
    for info in fields_of(Sample):
        text = describe_shape(info.shape)
        assert text and "expected" not in text
    assert describe_shape(Shape("enum", choices=("b", "a"))) == "einer der Werte `a`, `b`"


# --- the real models ------------------------------------------------------------------------

PRESS = """\
title: Workshop zum Sozialraumbudget
date: 2024-06-14
districts: [rhein-lahn-kreis]
topics: [kita-sozialarbeit]
summary: Kitaleitungen und Fachkräfte haben in Bad Ems Bilanz gezogen.
"""


def test_press_release_binds_with_defaults(tmp_path: Path) -> None:
    data, problems = bind(tmp_path, PressRelease, PRESS)
    assert problems == []
    assert isinstance(data, PressRelease)
    assert (data.draft, data.number, data.image, data.embargo) == (False, None, None, None)
    assert data.date == Instant.from_date(dt.date(2024, 6, 14))


def test_offer_contact_needs_a_channel_and_languages_default_to_german(tmp_path: Path) -> None:
    offer = ("title: Elterncafé Nastätten\nsummary: Offener Treff für Eltern mit Kaffee.\n"
             "districts: [rhein-lahn-kreis]\ntopics: [kita-sozialarbeit]\noffer_type: elterncafe\n"
             "target_groups: [eltern]\nprovider: Kita\nreviewed: 2026-09-01\ncontact:\n")
    data, [problem] = bind(tmp_path, Offer, offer + "  name: Frau X\n")
    assert data is None and brief(problem) == (10, 1, "missing-field")
    assert problem.message == ("`contact` braucht mindestens eines der Felder `email`, `phone`, "
                               "`website` — ergänzen Sie etwa die Zeile `email: …`.")
    data, problems = bind(tmp_path, Offer, offer + "  website: https://example.org/\n")
    assert problems == [] and isinstance(data, Offer)
    assert data.languages == ("de",)


def test_meeting_speakers_bind_as_a_tuple_of_models(tmp_path: Path) -> None:
    text = (PRESS + "network: kita-netzwerk-rhein-lahn\nmeeting:\n  date: 2026-12-03\n"
            "  location: Bad Ems\n  speakers:\n    - name: Vorname Nachname\n      topic: Kitas\n")
    data, problems = bind(tmp_path, MeetingReport, text)
    assert problems == [] and isinstance(data, MeetingReport)
    assert [s.topic for s in data.meeting.speakers] == ["Kitas"]
    assert data.meeting.date.all_day


def test_postcode_as_number_is_a_type_error_with_quote_hint(tmp_path: Path) -> None:
    text = ("title: Elterncafé Nastätten\nsummary: Offener Treff für Eltern mit Kaffee.\n"
            "districts: [a]\ntopics: [b]\noffer_type: elterncafe\ntarget_groups: [eltern]\n"
            "provider: Kita\nreviewed: 2026-09-01\ncontact: {email: a@example.org}\n"
            "location:\n  postcode: 56355\n")
    _, [problem] = bind(tmp_path, Offer, text)
    assert brief(problem) == (12, 13, "wrong-type")
    assert problem.message == ("`location.postcode` (Postleitzahl) muss ein Text sein, nicht "
                               '`56355` — setzen Sie den Wert in Anführungszeichen: `"56355"`')

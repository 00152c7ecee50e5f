"""The `new` subcommand: one German help per type (`familiennetz new pressemitteilung
--help`) with only that type's options, read off the model, and examples; then the run."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import scaffold
from .argparse_de import fill
from .clock import current_time
from .collection import Collection
from .fields import FieldInfo
from .numbering import Numbering, numbering
from .types import TYPES, Type
from .validator import validate

__all__ = ["add_new", "run_new"]

_METAVARS = {"str": "TEXT", "int": "ZAHL", "bool": "JA/NEIN", "date": "DATUM", "datetime": "ZEIT",
             "instant": "DATUM", "enum": "WERT", "list": "A,B"}


def _metavar(info: FieldInfo) -> str:
    return _METAVARS[info.shape.kind]


def _help(question: scaffold.Question) -> str:
    info = question.info
    text = f"{info.doc.label}: {info.doc.doc}"
    if question.choices:
        text += f" Erlaubt: {', '.join(question.choices)}."
    if info.shape.kind == "list":
        text += " Mehrere durch Komma getrennt."
    if info.name in ("date", "reviewed") and "." not in question.path:
        text += " Ohne Angabe: heute."
    return text.replace("%", "%%")  # argparse formats help texts with `%`


def _line(doctype: Type) -> str:
    """The type's one line in `familiennetz new --help`."""
    return f"{doctype.label}: content/{doctype.folder}/"


def _example_value(question: scaffold.Question) -> str:
    info = question.info
    example = info.doc.example
    if isinstance(example, list | tuple):
        value = ",".join(str(e) for e in example)
    elif example is not None:
        value = str(example)
    elif question.choices:
        value = question.choices[0]
    else:
        value = f"{info.doc.label} …"
    return f'"{value}"' if " " in value else value


def _examples(doctype: Type) -> str:
    command = f"familiennetz new {doctype.key}"
    options = [f"{q.option} {_example_value(q)}" for q in scaffold.questions_for(doctype, None)
               if q.info.name not in ("date", "reviewed") or "." in q.path]
    lines = ["Beispiele:", f"  {command}",
             "      fragt nacheinander nach allen Pflichtangaben.",
             f"  {command} --yes \\", *(f"      {o} \\" for o in options[:-1]), f"      {options[-1]}",
             "      legt die Datei ohne Rückfragen an (Datum: heute)." if doctype.dated else
             "      legt die Datei ohne Rückfragen an."]
    if scaffold.is_numbered(doctype):
        lines += [f"  {command} --number 346", "      fragt nach allem außer der Nummer.",
                  f"  {command} --no-number", "      Pressemitteilung ohne Nummer."]
    return "\n".join(lines)


def _epilog(doctype: Type) -> str:
    lines = [f"Die Datei entsteht unter {doctype.where()}."]
    if scaffold.has_draft(doctype):
        lines.append("Sie ist ein Entwurf (draft: true) mit einem Platzhaltertext; veröffentlicht "
                     "wird sie erst, wenn Sie die Zeile draft löschen.")
    if scaffold.is_numbered(doctype):
        lines.append("Die Nummer: mit --number angegeben, sonst gefragt; mit --yes (oder ohne "
                     "Terminal) die nächste freie des ersten Kreises in diesem Jahr – der Befehl "
                     "sagt, aus welcher Datei sie folgt. Gibt es noch keine, bleibt sie leer.")
    return "\n".join(fill(line) for line in lines).replace("%", "%%") + "\n\n" + _examples(doctype)


def _positive(text: str) -> int:
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"`{text}` ist keine Nummer — erwartet ist eine ganze "
                                         "Zahl größer als 0, z. B. 346")
    return int(text)


def _add_type(types: Any, doctype: Type) -> None:
    p = types.add_parser(doctype.key, help=_line(doctype), epilog=_epilog(doctype),
                         description=fill(f"Legt eine neue Datei der Art „{doctype.label}“ an. "
                                          "Ohne Angaben fragt der Befehl nach allen Pflichtangaben."))
    required = p.add_argument_group("Pflichtangaben (fehlende fragt der Befehl ab)")
    for q in scaffold.questions_for(doctype, None):
        required.add_argument(q.option, dest=q.dest, metavar=_metavar(q.info), help=_help(q))
    more = p.add_argument_group("Weitere Angaben")
    if scaffold.is_numbered(doctype):
        numbers = more.add_mutually_exclusive_group()
        numbers.add_argument("--number", type=_positive, metavar="NR", help="Nummer der "
                             "Pressemitteilung. Ohne Angabe: gefragt, mit --yes berechnet.")
        numbers.add_argument("--no-number", action="store_true", help="ohne Nummer")
    for q in scaffold.extras_for(doctype, None):
        more.add_argument(q.option, dest=q.dest, metavar=_metavar(q.info), help=_help(q))
    p.add_argument("--root", default="content", metavar="ORDNER",
                   help="Inhaltsordner (Standard: content)")
    p.add_argument("--yes", action="store_true", help="nichts fragen, nur die Angaben verwenden")
    p.add_argument("--now", help=argparse.SUPPRESS)
    p.set_defaults(func=run_new, doctype=doctype.key)


def add_new(sub: Any) -> None:
    p = sub.add_parser("new", help="Neue Datei anlegen (fragt nach den Pflichtangaben).",
                       description=fill("Legt eine neue Datei mit allen Pflichtangaben an. Die "
                                        "Hilfe zu einer Art mit Beispielen: familiennetz new ART "
                                        "--help"),
                       epilog="Beispiele:\n  familiennetz new pressemitteilung\n"
                       "  familiennetz new angebot --help")
    types = p.add_subparsers(title="Arten", metavar="ART", dest="type", required=True)
    for doctype in TYPES:
        _add_type(types, doctype)


def _ask_number(info: Numbering, read: Callable[[str], str]) -> int | None:
    default = f"leer lassen: Nr. {info.next}; `-`: ohne Nummer" if info.next else \
        "leer lassen: ohne Nummer"
    while True:
        answer = read(f"Nummer (number) – laufende Nummer der Pressestelle\n  "
                      f"{info.explain()}\n  eine Zahl eingeben; {default}\n> ").strip()
        if not answer:
            return info.next
        if answer == "-":
            return None
        if answer.isdigit() and int(answer) > 0:
            return int(answer)
        print("  Bitte eine ganze Zahl größer als 0 eingeben.", file=sys.stderr)


def _number(args: argparse.Namespace, meta: dict[str, Any], collection: Collection,
            root: Path, interactive: bool) -> tuple[int | None, str | None]:
    """The number and what to tell about it; (None, message) with `--number` taken."""
    day = meta["date"]
    info = numbering(collection, meta["districts"][0], day.year, root)
    if args.number is not None:
        if args.number in dict(info.used):
            return None, (f"Nr. {args.number} gibt es für `{info.district}` im Jahr {info.year} "
                          f"schon ({dict(info.used)[args.number]}) — die nächste freie ist "
                          f"Nr. {info.next}.")
        return args.number, None
    if interactive:
        return _ask_number(info, input), None
    if info.next is None:
        print(f"Ohne Nummer: {info.explain()} Ihre laufende Nummer tragen Sie als `number: …` "
              "ein (oder geben Sie --number an).")
        return None, None
    print(f"Nr. {info.next}: {info.explain()}")
    return info.next, None


def run_new(args: argparse.Namespace) -> int:
    doctype = next(t for t in TYPES if t.key == args.doctype)
    root = Path(args.root)
    if not root.is_dir():
        print(f"Ordner `{root}` nicht gefunden — geben Sie den Inhaltsordner mit --root an.",
              file=sys.stderr)
        return 2
    now = current_time(args.now)
    collection = validate(root, now=now).collection
    questions = scaffold.questions_for(doctype, collection)
    asked = questions + scaffold.extras_for(doctype, collection)
    given = {q.path: getattr(args, q.dest) for q in asked if getattr(args, q.dest, None)}
    interactive = sys.stdin.isatty() and not args.yes
    if interactive:
        given.update(scaffold.ask([q for q in questions if q.path not in given], input, now.date()))
    meta, problems = scaffold.build_front_matter(doctype, given, collection, now.date())
    number: int | None = None
    if not problems and scaffold.is_numbered(doctype) and not args.no_number:
        number, taken = _number(args, meta, collection, root, interactive)
        problems += [taken] if taken else []
    if problems:
        print("Die Datei wurde nicht angelegt:", file=sys.stderr)
        for message in problems:
            print(f"  - {message}", file=sys.stderr)
        options = " ".join(f"{q.option} …" for q in questions
                           if q.path not in given and not q.defaults_to_today)
        if options:
            print(f"Fehlende Angaben als Optionen: {options}", file=sys.stderr)
        return 1
    meta = scaffold.finish(doctype, meta, number)
    path = scaffold.target_path(root, doctype, meta)
    try:
        scaffold.write_new(path, meta, scaffold.body_for(doctype))
    except FileExistsError:
        print(f"`{path}` gibt es schon — es wird nichts überschrieben. Wählen Sie einen anderen "
              "Titel oder bearbeiten Sie die vorhandene Datei.", file=sys.stderr)
        return 1
    print(f"Angelegt: {path}")
    if scaffold.has_draft(doctype):
        print("Die Datei ist ein Entwurf (`draft: true`) und wird noch nicht veröffentlicht. "
              "Nächste Schritte:\n  1. Ersetzen Sie den Platzhaltertext unter dem Kopfbereich "
              f"durch Ihren Text.\n  2. Prüfen Sie die Datei: `familiennetz validate {path}`.\n"
              "  3. Zum Veröffentlichen löschen Sie die Zeile `draft: true`.")
    else:
        print("Die Seite erscheint mit der nächsten Veröffentlichung. Eine Einleitung schreiben "
              "Sie unter den Kopfbereich (an die Stelle des Kommentars `<!-- … -->`); prüfen "
              f"Sie danach mit `familiennetz validate {path}`.")
    return 0

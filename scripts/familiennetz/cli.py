"""The `familiennetz` command: validate, schema, new, import."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .clock import current_time
from .problems import Level
from .reporters import FORMATS, render_problems, summary_line
from .validator import validate

__all__ = ["main"]

DEFAULT_ROOT = Path("content")


def _cmd_validate(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.paths]
    root = Path(args.root) if args.root else None
    if root is None:
        dirs = [p for p in paths if p.is_dir()]
        root = dirs[0] if len(paths) == 1 and dirs else DEFAULT_ROOT
    if not root.is_dir():
        print(f"Ordner `{root}` nicht gefunden — geben Sie den Inhaltsordner mit --root an.",
              file=sys.stderr)
        return 2
    result = validate(root, now=current_time(args.now))
    problems = result.problems
    only = {p.resolve() for p in paths if p.is_file()}
    if only:
        problems = [p for p in problems if Path(p.path).resolve() in only]
    sys.stdout.write(render_problems(problems, args.format))
    if args.format != "json":
        print(summary_line(result.files, problems), file=sys.stderr)
    if any(p.level is Level.ERROR for p in problems):
        return 1
    if args.strict and problems:
        return 2
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    from .jsonschema import write_schemas

    for path in write_schemas(Path(args.out)):
        print(path)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="familiennetz", description="Familiennetz: Inhalte "
                                     "prüfen und anlegen.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("validate", help="Inhalte prüfen (alle Probleme auf einmal).")
    p.add_argument("paths", nargs="*", default=[], help="Inhaltsordner oder einzelne Dateien "
                   "(Standard: content/).")
    p.add_argument("--root", help="Inhaltsordner für die Querprüfungen (Standard: content/).")
    p.add_argument("--format", choices=["auto", *FORMATS], default="auto")
    p.add_argument("--strict", action="store_true", help="Warnungen zählen als Fehlschlag "
                   "(Exit-Code 2).")
    p.add_argument("--now", help="Zeitpunkt der Prüfung (ISO 8601), für Sperrfristen und "
                   "Prüfdaten; Standard: jetzt.")
    p.set_defaults(func=_cmd_validate)
    p = sub.add_parser("schema", help="JSON Schema je Typ für Editoren schreiben.")
    p.add_argument("--out", required=True, help="Zielordner")
    p.set_defaults(func=_cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())

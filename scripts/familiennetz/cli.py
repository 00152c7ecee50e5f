"""The `familiennetz` command: validate, schema, new, import."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .clock import InvalidNow, current_time
from .problems import Level
from .reporters import FORMATS, render_problems, summary_line
from .validator import validate

__all__ = ["main"]

DEFAULT_ROOT = Path("content")


def _cmd_validate(args: argparse.Namespace) -> int:
    paths = [Path(p) for p in args.paths]
    missing = [p for p in paths if not p.exists()]
    if missing:  # otherwise a mistyped file name would silently print the whole tree
        print(f"`{missing[0]}` nicht gefunden — geben Sie vorhandene Dateien oder Ordner an.",
              file=sys.stderr)
        return 2
    root = Path(args.root) if args.root else None
    if root is None:
        dirs = [p for p in paths if p.is_dir()]
        # A folder inside content/ (`content/angebote`) selects, like files do: as the root it
        # would turn every file into an ordinary page and pass unchecked.
        inside = bool(dirs) and _below(dirs[0], DEFAULT_ROOT)
        root = dirs[0] if len(paths) == 1 and dirs and not inside else DEFAULT_ROOT
    if not root.is_dir():
        print(f"Ordner `{root}` nicht gefunden — geben Sie den Inhaltsordner mit --root an.",
              file=sys.stderr)
        return 2
    try:
        now = current_time(args.now)
    except ValueError:  # --now or $FAMILIENNETZ_NOW mistyped: a message, not a traceback
        print("Zeitpunkt für --now (oder FAMILIENNETZ_NOW) nicht lesbar — erwartet ist ISO 8601, "
              "z. B. `2026-11-21T12:00:00+01:00`.", file=sys.stderr)
        return 2
    result = validate(root, now=now)
    problems = result.problems
    only = {p.resolve() for p in paths if p.is_file()}
    scopes = [p.resolve() for p in paths if p.is_dir() and _below(p, root)]
    if only or scopes:
        problems = [p for p in problems if Path(p.path).resolve() in only
                    or any(Path(p.path).resolve().is_relative_to(s) for s in scopes)]
    sys.stdout.write(render_problems(problems, args.format))
    if args.format != "json":
        print(summary_line(result.files, problems), file=sys.stderr)
    if any(p.level is Level.ERROR for p in problems):
        return 1
    if args.strict and problems:
        return 2
    return 0


def _below(path: Path, root: Path) -> bool:
    """Whether path is a folder strictly inside root."""
    inner, outer = path.resolve(), root.resolve()
    return inner != outer and inner.is_relative_to(outer)


def _cmd_schema(args: argparse.Namespace) -> int:
    from .schema_export import write_schemas

    for path in write_schemas(Path(args.out)):
        print(path)
    return 0


def _cmd_new(args: argparse.Namespace) -> int:
    from . import scaffold
    from .types import BY_KEY

    doctype = BY_KEY[args.type]
    root = Path(args.root)
    now = current_time(args.now)
    collection = validate(root, now=now).collection if root.is_dir() else None
    if collection is None:
        print(f"Ordner `{root}` nicht gefunden — geben Sie den Inhaltsordner mit --root an.",
              file=sys.stderr)
        return 2
    questions = scaffold.questions_for(doctype, collection)
    given = {q.path: getattr(args, q.path.replace(".", "_")) for q in questions}
    given = {k: v for k, v in given.items() if v}
    if sys.stdin.isatty() and not args.yes:
        missing = [q for q in questions if q.path not in given]
        given.update(scaffold.ask(missing, input))
    meta, problems = scaffold.build_front_matter(doctype, given, collection, now.date(),
                                                 number=not args.no_number)
    if problems:
        print("Die Datei wurde nicht angelegt:", file=sys.stderr)
        for message in problems:
            print(f"  - {message}", file=sys.stderr)
        options = " ".join(f"{q.option} …" for q in questions if q.path not in given)
        if options:
            print(f"Fehlende Angaben als Optionen: {options}", file=sys.stderr)
        return 1
    path = scaffold.target_path(root, doctype, meta)
    try:
        scaffold.write_new(path, meta)
    except FileExistsError:
        print(f"`{path}` gibt es schon — es wird nichts überschrieben. Wählen Sie einen anderen "
              "Titel oder bearbeiten Sie die vorhandene Datei.", file=sys.stderr)
        return 1
    print(f"Angelegt: {path}")
    print("Nächste Schritte: Text schreiben, dann `make validate` (oder `familiennetz validate`).")
    return 0


def _cmd_import(args: argparse.Namespace) -> int:
    from .importer import DistrictName, draft_path, import_file, render_markdown, render_report

    root = Path(args.root)
    if not root.is_dir():
        print(f"Ordner `{root}` nicht gefunden — geben Sie den Inhaltsordner mit --root an.",
              file=sys.stderr)
        return 2
    now = current_time(None)
    collection = validate(root, now=now).collection
    districts = [DistrictName(e.slug, e.title) for e in collection.entries if e.type.ref == "district"]
    # A text without a date is dated today (marked to confirm), so it lands in the year's folder.
    result = import_file(Path(args.file), districts, today=now.date())
    if result.problems:
        for message in result.problems:
            print(f"Fehler: {message}", file=sys.stderr)
        return 1
    print(render_report(result), end="")
    relative = draft_path(result)
    if args.out:
        target = Path(args.out)
    elif relative:
        target = root / "pressemitteilungen" / relative
    else:  # not reached: today's date is always set
        target = root / "pressemitteilungen" / "entwurf-import.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with target.open("x", encoding="utf-8") as handle:
            handle.write(render_markdown(result))
    except FileExistsError:
        print(f"`{target}` gibt es schon — es wird nichts überschrieben (Option --out).",
              file=sys.stderr)
        return 1
    print(f"Entwurf geschrieben: {target} (draft: true). Ergänzen Sie die Lücken und prüfen "
          "Sie die Zeilen mit „bitte prüfen“; `familiennetz validate` zeigt, was noch fehlt.")
    return 0


def _cmd_build(args: argparse.Namespace) -> int:
    from .mkdocs_adapter.build import build_site

    return build_site(Path(args.config), Path(args.site_dir), now=args.now, fmt=args.format)


def _add_new(sub: Any) -> None:
    from .fields import fields_of
    from .types import BY_KEY

    p = sub.add_parser("new", help="Neue Datei anlegen (fragt nach den Pflichtfeldern).")
    p.add_argument("type", choices=sorted(BY_KEY), help="Art des Inhalts")
    p.add_argument("--root", default=str(DEFAULT_ROOT), help="Inhaltsordner (Standard: content/)")
    p.add_argument("--now", help=argparse.SUPPRESS)
    p.add_argument("--yes", action="store_true", help="nicht nachfragen, nur Optionen verwenden")
    p.add_argument("--no-number", action="store_true", help="Pressemitteilung ohne Nummer")
    seen: set[str] = set()

    def options(model: type, prefix: str) -> None:
        for info in fields_of(model):
            path = prefix + info.name
            if info.shape.kind == "model" and info.shape.model is not None:
                options(info.shape.model, f"{path}.")
            elif path not in seen:
                seen.add(path)
                p.add_argument("--" + path.replace(".", "-").replace("_", "-"),
                               dest=path.replace(".", "_"), help=info.doc.label)

    for doctype in BY_KEY.values():
        options(doctype.model, "")
    p.set_defaults(func=_cmd_new)


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
    p = sub.add_parser("build", help="Inhalte prüfen und die Website bauen; `site/` wird erst "
                       "ersetzt, wenn alles gelungen ist.")
    p.add_argument("--config", default="mkdocs.yml", help="MkDocs-Konfiguration")
    p.add_argument("--site-dir", default="site", help="Zielordner (Standard: site/)")
    p.add_argument("--format", choices=["auto", *FORMATS], default="auto")
    p.add_argument("--now", help="Zeitpunkt des Baus (ISO 8601); Standard: jetzt.")
    p.set_defaults(func=_cmd_build)
    p = sub.add_parser("schema", help="JSON Schema je Typ für Editoren schreiben.")
    p.add_argument("--out", required=True, help="Zielordner")
    p.set_defaults(func=_cmd_schema)
    _add_new(sub)
    p = sub.add_parser("import", help="Pressemitteilung aus Text-, Word-, LibreOffice- oder "
                       "PDF-Datei als Entwurf übernehmen.")
    p.add_argument("file", help=".txt, .md, .docx, .odt oder .pdf")
    p.add_argument("--root", default=str(DEFAULT_ROOT), help="Inhaltsordner (Standard: content/)")
    p.add_argument("--out", help="Zieldatei (Standard: aus Datum und Titel berechnet)")
    p.set_defaults(func=_cmd_import)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return int(args.func(args))
    except InvalidNow as exc:
        print(exc, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())

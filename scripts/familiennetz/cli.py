"""The `familiennetz` command: validate, schema, new, import."""

from __future__ import annotations

import argparse
import atexit
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .argparse_de import GermanParser, fill
from .clock import InvalidNow, current_time
from .new_command import add_new
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
        root = dirs[0] if len(paths) == 1 and dirs and not inside else \
            _content_of(paths[0]) if paths and not dirs else DEFAULT_ROOT
    if not root.is_dir():
        print(f"Ordner `{root}` nicht gefunden — geben Sie den Inhaltsordner mit --root an.",
              file=sys.stderr)
        return 2
    outside = [p for p in paths if p.is_file() and not p.resolve().is_relative_to(root.resolve())]
    if outside:  # checked against nothing, it would pass without a word
        print(f"`{outside[0]}` liegt nicht im Inhaltsordner `{root}` — legen Sie die Datei dorthin "
              "oder geben Sie den richtigen Ordner mit --root an.", file=sys.stderr)
        return 2
    try:
        now = current_time(args.now)
    except ValueError:  # --now or $FAMILIENNETZ_NOW mistyped: a message, not a traceback
        print("Zeitpunkt für --now (oder FAMILIENNETZ_NOW) nicht lesbar — erwartet ist ISO 8601, "
              "z. B. `2026-11-21T12:00:00+01:00`.", file=sys.stderr)
        return 2
    result = validate(root, now=now, blame_base=args.base)
    problems = result.problems
    only = {p.resolve() for p in paths if p.is_file()}
    scopes = [p.resolve() for p in paths if p.is_dir() and _below(p, root)]
    if only or scopes:
        # A clash is reported on the file to blame, and shown also for the file it names.
        problems = [p for p in problems if Path(p.path).resolve() in only
                    or any(Path(i).resolve() in only for i in p.involves)
                    or any(Path(p.path).resolve().is_relative_to(s) for s in scopes)]
    rendered = render_problems(problems, args.format)
    sys.stdout.write(rendered if not rendered or rendered.endswith("\n") else rendered + "\n")
    sys.stdout.flush()  # before the summary on stderr: a terminal shows both, in this order
    if args.format != "json":
        checked = len(only) + sum(1 for f in root.rglob("*") if f.is_file()
                                  and any(f.resolve().is_relative_to(s) for s in scopes))
        print(summary_line(checked, problems, tree=result.files) if only or scopes
              else summary_line(result.files, problems), file=sys.stderr)
    if any(p.level is Level.ERROR for p in problems):
        return 1
    if args.strict and problems:
        return 2
    return 0


def _content_of(path: Path) -> Path:
    """The content root a file belongs to: its nearest folder named `content`, so that
    `familiennetz validate ../site/content/angebote/x.md` checks x.md against its own tree."""
    for folder in path.resolve().parents:
        if folder.name == DEFAULT_ROOT.name:
            return _relative(folder)
    return DEFAULT_ROOT


def _relative(path: Path) -> Path:
    """Below the working directory: relative, as messages name files; else absolute."""
    try:
        return path.relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def _below(path: Path, root: Path) -> bool:
    """Whether path is a folder strictly inside root."""
    inner, outer = path.resolve(), root.resolve()
    return inner != outer and inner.is_relative_to(outer)


def _cmd_schema(args: argparse.Namespace) -> int:
    from .schema_export import write_schemas

    for path in write_schemas(Path(args.out)):
        print(path)
    return 0


_EXISTS = ("Fehler: `{target}` gibt es schon – nichts wurde überschrieben. Für einen anderen "
           "Namen: --out DATEI.")
_IMPORT_EXAMPLES = (
    "Beispiele:\n"
    "  familiennetz import ~/Downloads/pressemitteilung.docx\n"
    "  familiennetz import mitteilung.txt --out content/pressemitteilungen/2025/entwurf.md"
)


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
    relative = draft_path(result)
    if args.out:
        target = Path(args.out)
    elif relative:
        target = root / "pressemitteilungen" / relative
    else:  # not reached: today's date is always set
        target = root / "pressemitteilungen" / "entwurf-import.md"
    # Checked before the report, so that a second import does not look like a success.
    if target.exists():
        print(_EXISTS.format(target=target), file=sys.stderr)
        return 1
    print(render_report(result), end="")
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with target.open("x", encoding="utf-8") as handle:
            handle.write(render_markdown(result))
    except FileExistsError:  # written by someone else in the meantime
        print(_EXISTS.format(target=target), file=sys.stderr)
        return 1
    print(f"Entwurf geschrieben: {target} (draft: true). Ergänzen Sie die Lücken und prüfen "
          "Sie die Zeilen mit „bitte prüfen“; `familiennetz validate` zeigt, was noch fehlt.")
    return 0


def _cmd_build(args: argparse.Namespace) -> int:
    from .mkdocs_adapter.build import build_site

    cache = None if args.no_cache else Path(args.cache)
    return build_site(Path(args.config), Path(args.site_dir), now=args.now, fmt=args.format,
                      cache=cache)


def _cmd_serve(args: argparse.Namespace) -> int:
    from .mkdocs_adapter.serve import serve

    return serve(Path(args.config), dev_addr=args.dev_addr, cache=Path(args.cache), now=args.now)


def _parser() -> argparse.ArgumentParser:
    parser = GermanParser(prog="familiennetz", description="Familiennetz: Inhalte prüfen und "
                          "anlegen.")
    sub = parser.add_subparsers(dest="command", required=True, title="Befehle", metavar="BEFEHL")
    p = sub.add_parser("validate", help="Inhalte prüfen (alle Probleme auf einmal).")
    p.add_argument("paths", nargs="*", default=[], help="Inhaltsordner oder einzelne Dateien "
                   "(Standard: content/); Dateien werden gegen den ganzen Bestand geprüft.")
    p.add_argument("--root", help="Inhaltsordner für die Querprüfungen (Standard: der Ordner "
                   "`content` über der ersten Datei, sonst content/).")
    p.add_argument("--format", choices=["auto", *FORMATS], default="auto")
    p.add_argument("--base", default="HEAD", help="Git-Stand, gegenüber dem Dateien als neu oder "
                   "geändert gelten: Bei doppelter Nummer oder doppeltem Namen wird die neue "
                   "Datei gemeldet (Standard: HEAD).")
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
    p.add_argument("--cache", default=".cache", help="Ordner für Zwischenergebnisse, die der "
                   "nächste Bau wiederverwendet (Standard: .cache/)")
    p.add_argument("--no-cache", action="store_true", help="alles neu bauen, ohne "
                   "Zwischenergebnisse zu lesen oder zu schreiben")
    p.set_defaults(func=_cmd_build)
    p = sub.add_parser("serve", help="Vorschau auf diesem Rechner, die sich nach jedem "
                       "Speichern selbst aktualisiert.")
    p.add_argument("--config", default="mkdocs.yml", help="MkDocs-Konfiguration")
    p.add_argument("--dev-addr", help="Adresse und Port, Standard: 127.0.0.1:8000")
    p.add_argument("--cache", default=".cache", help="Ordner für Zwischenergebnisse "
                   "(Standard: .cache/)")
    p.add_argument("--now", help="Zeitpunkt der Vorschau (ISO 8601); Standard: jetzt.")
    p.set_defaults(func=_cmd_serve)
    p = sub.add_parser("schema", help="JSON Schema je Typ für Editoren schreiben.")
    p.add_argument("--out", required=True, help="Zielordner")
    p.set_defaults(func=_cmd_schema)
    add_new(sub)
    p = sub.add_parser("import", help="Pressemitteilung aus Text-, Word-, LibreOffice- oder "
                       "PDF-Datei als Entwurf übernehmen.", epilog=_IMPORT_EXAMPLES,
                       description=fill("Liest eine Pressemitteilung (.txt, .md, .docx, .odt, "
                                        ".pdf) und schreibt einen Entwurf mit draft: true. "
                                        "Eine vorhandene Datei wird nie überschrieben."))
    p.add_argument("file", metavar="DATEI", help="die Mitteilung: .txt, .md, .docx, .odt "
                   "oder .pdf")
    p.add_argument("--root", metavar="ORDNER", default=str(DEFAULT_ROOT),
                   help="Inhaltsordner (Standard: content/)")
    p.add_argument("--out", metavar="DATEI", help="Zieldatei (Standard: aus Datum und Titel "
                   "berechnet, unter ORDNER/pressemitteilungen/JJJJ/)")
    p.set_defaults(func=_cmd_import)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return int(args.func(args))
    except InvalidNow as exc:
        print(exc, file=sys.stderr)
        return 2
    except (KeyboardInterrupt, EOFError):  # Ctrl-C, or Ctrl-D at one of `new`'s questions
        print("\nAbgebrochen — es wurde nichts angelegt.", file=sys.stderr)
        return 130


def run() -> None:
    """The `familiennetz` command: `main()`, then exit without taking the interpreter
    apart object by object — after a build of 10,000 items that took 0.7 s (a fourteenth of
    a rebuild after one edit) to free memory the system frees at once. What is registered to
    run at exit still runs, and the output is flushed."""
    code = main()
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    run()

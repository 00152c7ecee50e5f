"""argparse in German: the command line is used by press officers, and argparse's own words
("usage:", "options:", "show this help message and exit", its errors) are English."""

from __future__ import annotations

import argparse
import re
import sys
import textwrap
from collections.abc import Iterable
from typing import Any, NoReturn

__all__ = ["GermanFormatter", "GermanParser", "fill", "german_error"]

# argparse's error messages (Python 3.11–3.13), in the order they nest.
_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(a), b) for a, b in (
    (r"^argument (\S+): (.*)$", r"bei \1: \2"),
    (r"^the following arguments are required: (.*)$", r"es fehlt: \1"),
    (r"^unrecognized arguments: (.*)$", r"unbekannt: \1 — die möglichen Angaben zeigt --help"),
    (r"invalid choice: (.*) \(choose from (.*)\)$", r"unbekannter Wert \1 — möglich sind: \2"),
    (r"^expected one argument$", "hier fehlt der Wert"),
    (r"^expected at least one argument$", "hier fehlt mindestens ein Wert"),
    (r"^ignored explicit argument (.*)$", r"überflüssiger Wert \1"),
    (r"^invalid (\S+) value: (.*)$", r"ungültiger Wert \2"),
    (r"^ambiguous option: (\S+) could match (.*)$", r"\1 ist mehrdeutig: gemeint sein könnte \2"),
    (r"^not allowed with argument (.*)$", r"geht nicht zusammen mit \1"),
    (r"^one of the arguments (.*) is required$", r"eine dieser Angaben ist nötig: \1"),
))


def german_error(message: str) -> str:
    """argparse's English error, said in German (unknown ones stay as they are)."""
    for pattern, german in _ERRORS:
        if pattern.search(message):
            inner = pattern.sub(german, message)
            if inner.startswith("bei "):  # `argument X: <another message>`
                head, _, rest = inner.partition(": ")
                return f"{head}: {german_error(rest)}"
            return inner
    return message


class GermanFormatter(argparse.RawDescriptionHelpFormatter):
    """German usage line; descriptions and examples keep their own line breaks (whoever
    writes them wraps them: `fill`)."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 30,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position, width)

    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[argparse._MutuallyExclusiveGroup],
                  prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "Verwendung: " if prefix is None else prefix)


def fill(text: str) -> str:
    """A paragraph wrapped for a terminal (descriptions and examples are not rewrapped)."""
    return textwrap.fill(text, width=78, break_on_hyphens=False)


class GermanParser(argparse.ArgumentParser):
    """Every (sub)command's help and errors in German; subcommands inherit the class."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        add_help = kwargs.pop("add_help", True)
        kwargs.setdefault("formatter_class", GermanFormatter)
        kwargs["add_help"] = False  # added below, in German
        super().__init__(*args, **kwargs)
        self._positionals.title = "Angaben"
        self._optionals.title = "Optionen"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="diese Hilfe zeigen und beenden")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: Fehler: {german_error(message)}\n")

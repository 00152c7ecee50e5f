"""The version of everything that shapes the output besides the content and the project's
own files: this package's source and the libraries it renders with. Part of every cache key,
so that an update of either rebuilds everything."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import metadata
from pathlib import Path

__all__ = ["code_version"]

# The libraries whose update may change a byte of the site, a feed or a message.
LIBRARIES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2",
             "markupsafe", "nh3", "pyyaml", "python-frontmatter", "feedgen", "icalendar",
             "pagefind", "pagefind-bin")


@cache
def code_version() -> str:
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    for path in sorted(package.rglob("*")):
        if path.suffix in {".py", ".json", ".txt", ".csv", ".js", ".css", ".html"} \
                and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    for name in LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{name}={version}\n".encode())
    return digest.hexdigest()[:24]

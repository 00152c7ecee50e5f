"""Addresses the site keeps for itself: folders the build writes (feeds, calendars, the
search index, the theme's files) and the pages it generates. A content page there would
collide with a generated file or silently lose its text, so the validator refuses it.
"""

from __future__ import annotations

__all__ = ["ADMIN", "CALENDARS", "ENTRY_CALENDARS", "FEEDS", "GENERATED_PAGES", "RESERVED_FOLDERS",
           "SEARCH_FOLDER", "SEARCH_PIECES", "SEARCH_SRC", "SUBSCRIBE_FOLDER", "SUBSCRIBE_SRC",
           "THEME_FOLDERS", "entry_calendar_path", "reserved_for_files"]

FEEDS = "feeds"
CALENDARS = "kalender"
# One file per meeting or event ("In meinen Kalender"), at its page's path: in the folder
# the validator keeps free of content, so that no content file can take its place.
ENTRY_CALENDARS = f"{CALENDARS}/termine"
SUBSCRIBE_FOLDER = "abonnieren"  # a page per feed: abonnieren/kreise/saarlouis/
ADMIN = "admin"  # the web editor (`editor/`)
SEARCH_FOLDER = "suche"  # the search page and the site's words (`search/vocabulary.py`)
SEARCH_PIECES = "pagefind-teile"  # the search index's other pieces (`search/parts.py`)
# The folder → why no content may be there (German, after "ist der Website vorbehalten:").
RESERVED_FOLDERS = {
    folder: f"dort legt die Website {what} ab" for folder, what in {
        FEEDS: "die Feeds", CALENDARS: "die Kalender", "pagefind": "den Suchindex",
        "assets": "Bilder, Dateien und das Layout der Website", "search": "die Suche",
        SUBSCRIBE_FOLDER: "die Seiten zum Abonnieren der Feeds und Kalender",
        ADMIN: "den Web-Editor", SEARCH_FOLDER: "die Suchseite und ihre Wortlisten",
        SEARCH_PIECES: "den Suchindex"}.items()
} | {"templates": "MkDocs veröffentlicht ihn nie (er ist für Vorlagen des Layouts da)"}
# Where the theme keeps its own files: a file of the same path in content/ would replace
# them (MkDocs lets content win), the favicon for instance.
THEME_FOLDERS = ("assets/images", "assets/javascripts", "assets/stylesheets")
SUBSCRIBE_SRC = "abonnieren.md"
SEARCH_SRC = f"{SEARCH_FOLDER}.md"  # generated unless content/ has one
GENERATED_PAGES = (SUBSCRIBE_SRC, SEARCH_SRC)


def entry_calendar_path(page_url: str) -> str:
    """"netzwerktreffen/2027/x/" → "kalender/termine/netzwerktreffen/2027/x.ics"."""
    return f"{ENTRY_CALENDARS}/{page_url.strip('/')}.ics"


def reserved_for_files(rel: str) -> str | None:
    """What the site keeps at the folder of a file (images, PDFs) at `rel`, if it does."""
    folders = rel.split("/")[:-1]
    if not folders:
        return None
    if "/".join(folders[:2]) in THEME_FOLDERS:
        return "die Dateien des Layouts"
    return RESERVED_FOLDERS.get(folders[0]) if folders[0] != "assets" else None

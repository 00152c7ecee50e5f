"""Addresses the site keeps for itself: folders the build writes (feeds, calendars, the
search index, the theme's files) and the pages it generates. A content page there would
collide with a generated file or silently lose its text, so the validator refuses it.
"""

from __future__ import annotations

__all__ = ["CALENDARS", "FEEDS", "GENERATED_PAGES", "RESERVED_FOLDERS", "SEARCH_SRC",
           "SUBSCRIBE_SRC"]

FEEDS = "feeds"
CALENDARS = "kalender"
# The folder → what it holds (German, for the message).
RESERVED_FOLDERS = {
    FEEDS: "die Feeds", CALENDARS: "die Kalender", "pagefind": "den Suchindex",
    "assets": "Bilder, Dateien und das Layout der Website", "search": "die Suche",
}
SUBSCRIBE_SRC = "abonnieren.md"
SEARCH_SRC = "suche.md"  # generated unless content/ has one
GENERATED_PAGES = (SUBSCRIBE_SRC, SEARCH_SRC)

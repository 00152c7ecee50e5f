"""Lines that belong to the web page a release was copied from, not to the release.

Only whole lines are matched, so a sentence that mentions "Facebook" stays in the text;
a line that is nothing but "Facebook" is a share button.
"""

from __future__ import annotations

import re

from .dates import parse_page_date

_PHRASE_LIST = """
    startseite|start|home|zurück|zurück zur übersicht|zur übersicht|übersicht|
    zurück zur startseite|zurück zur liste|zurück zu den pressemitteilungen|
    teilen|seite teilen|artikel teilen|beitrag teilen|jetzt teilen|link teilen|
    link kopieren|e-mail senden|per e-mail senden|per e-mail teilen|per e-mail versenden|
    seite per e-mail versenden|artikel per e-mail versenden|auf facebook teilen|
    auf x teilen|auf twitter teilen|per whatsapp teilen|drucken|seite drucken|
    artikel drucken|druckansicht|druckversion|als pdf speichern|pdf herunterladen|
    nach oben|zum seitenanfang|seitenanfang|nach oben scrollen|top|zurück nach oben|
    zurück zum seitenanfang|back to top|anzeige|werbung|advertisement|sponsored|
    artikel bewerten|beitrag bewerten|seite bewerten|bewerten|bewertung abgeben|
    war dieser artikel hilfreich?|war diese seite hilfreich?|
    mehr|weiterlesen|mehr erfahren|mehr lesen|alle meldungen|alle pressemitteilungen|
    weitere pressemitteilungen|weitere meldungen|weitere nachrichten|ähnliche artikel|
    ähnliche beiträge|das könnte sie auch interessieren|mehr zum thema|verwandte artikel|
    vorheriger artikel|nächster artikel|vorherige meldung|nächste meldung|
    menü|menu|navigation|hauptnavigation|suche|suchen|zum inhalt springen|zum inhalt|
    direkt zum inhalt|inhalt|sprungmarken|impressum|datenschutz|datenschutzerklärung|
    erklärung zur barrierefreiheit|sitemap|leichte sprache|gebärdensprache|
    newsletter|newsletter abonnieren|rss|rss-feed|kontaktformular|
    alle akzeptieren|alle cookies akzeptieren|akzeptieren|ablehnen|alle ablehnen|
    nur notwendige|einstellungen|verstanden|ok|einverstanden|auswahl speichern|zustimmen|
    bild vergrößern|vergrößern|bild öffnen|galerie|bildergalerie|zur bildergalerie|
    vorlesen|schrift vergrößern|schriftgröße|kontrast|
    aktuelles|aktuelle meldungen|nachrichten|news|presse|pressemeldungen|pressemitteilungen|
    pressemitteilung|presseinformation|pressemeldung|medieninformation|pressedienst|
    zur sofortigen veröffentlichung|zur veröffentlichung frei|zur veröffentlichung freigegeben|
    ohne sperrfrist|sperrfrist: keine|sofort frei|
    kommentare|kommentar|kommentieren|jetzt kommentieren|kommentar schreiben|
    artikel merken|beitrag merken|merken|zur merkliste|gemerkt|
    abo|plus|plus-artikel|jetzt weiterlesen|weiterlesen mit abo|jetzt abonnieren|abo abschließen|
    lesen sie auch|auch interessant
    """
_PHRASES = frozenset(phrase.strip() for phrase in _PHRASE_LIST.split("|"))
# Single words a share bar puts on one line: "Facebook Twitter WhatsApp E-Mail".
_SHARE_WORDS = frozenset(
    {
        "teilen", "drucken", "facebook", "twitter", "x", "whatsapp", "linkedin", "instagram",
        "xing", "threads", "mastodon", "bluesky", "telegram", "pinterest", "youtube", "e-mail",
        "email", "mail", "pdf", "rss",
    }
)  # fmt: skip
_PIECES = re.compile(r"\s*[|·•,/]\s*|\s{2,}|\t")
_EDGES = re.compile(r"^[^\wäöüß]+|[^\w?äöüß]+$")
_START_WORDS = ("start", "startseite", "home", "sie sind hier")
_BREADCRUMB = re.compile(r"\s*[>»›]\s*")
_SLASH_CRUMB = re.compile(r"\s+/\s+")
_PATTERNS = [
    # Author boxes and page metadata.
    re.compile(
        r"^(?:autor(?:in)?|verfasser(?:in)?|text|redaktion|geschrieben von|erstellt von)"
        r"\s*:\s*\S.{0,80}$",
        re.IGNORECASE,
    ),
    re.compile(r"^(?:lesezeit\s*:?\s*)?(?:ca\.\s*)?\d+\s*min(?:uten|\.)?(?:\s*lesezeit)?$", re.I),
    re.compile(r"^(?:[★☆]\s*){3,}.{0,40}$"),
    re.compile(r"^\(?\d+(?:[.,]\d+)?\s*(?:von\s*5\s*)?(?:sternen?|bewertungen?)\)?$", re.I),
    re.compile(r"^(?:bewertung|schlagw[oö]rte?r?|tags?|kategorien?|rubriken?)\s*:.{0,200}$", re.I),
    re.compile(r"^(?:©|\(c\)|copyright)\s*\d{4}|alle rechte vorbehalten", re.IGNORECASE),
    re.compile(r"^sie sind hier\s*:", re.IGNORECASE),
    # A byline: "Von Vorname Nachname" (names capitalised, so "Von Montag an" stays).
    re.compile(r"^(?:[Vv]on|[Bb]y)\s+[A-ZÄÖÜ][\w'’-]+(?:\s+[A-ZÄÖÜ][\w'’-]+){1,2}$"),
    re.compile(r"^kommentare?\s*\(\d+\)$", re.IGNORECASE),  # "Kommentare (3)"
    # "Stand: 31.02.2026" with an impossible date is still the page's note, not a title.
    re.compile(r"^(?:stand|erstellt)\s*:\s*\d[\d.\s:,/-]*(?:uhr)?\.?$", re.IGNORECASE),
    # Teasers for other articles.
    re.compile(r"^(?:lesen sie auch|auch interessant|mehr dazu|passend dazu|zum thema)\s*:.{0,160}$",
               re.IGNORECASE),
]
# The web agency's credit line in the page footer: "Webdesign: …", "Realisiert von Agentur X".
# Words like "Gestaltung von Spielplätzen" stay unless the rest names an agency.
_AGENCY = re.compile(
    r"^(?P<word>webdesign|web-design|programmierung|powered|made with|design|gestaltung"
    r"|umsetzung|realisierung|realisiert|umgesetzt|gestaltet|entwickelt|erstellt)"
    r"(?:\s+(?:und|&|\+)\s+\w+)?\s*(?::|\bby\b|\bvon\b|\bmit\b|\bdurch\b)\s*(?P<rest>.{2,60})$",
    re.IGNORECASE,
)
_AGENCY_WORDS = re.compile(
    r"agentur|media|medien|design|digital|web|gmbh|werbe|kommunikation|studio|\.de\b|\.com\b"
    r"|wordpress|typo3|joomla|drupal",
    re.IGNORECASE,
)
_ALWAYS_AGENCY = {"webdesign", "web-design", "programmierung", "powered", "made with"}


def _is_agency_credit(text: str) -> bool:
    match = _AGENCY.match(text)
    if match is None or text.endswith((".", "!", "?")):
        return False
    return match["word"].lower() in _ALWAYS_AGENCY or bool(_AGENCY_WORDS.search(match["rest"]))


# A pointer to a messenger channel: "Jetzt unserem WhatsApp-Kanal folgen!". A sentence about
# a channel ("Das Jugendamt informiert über einen WhatsApp-Kanal.") has no call to act.
_MESSENGER = re.compile(r"whatsapp|telegram|signal|threema|messenger|instagram|facebook|kanal",
                        re.IGNORECASE)
_CALL = re.compile(
    r"\b(?:folgen sie|folge uns|abonnieren|abonniert|beitreten|klicken|tippen"
    r"|kostenlos abonnieren|nichts verpassen|immer informiert|aufs handy)\b",
    re.IGNORECASE,
)
_AUTHOR_HEADING = re.compile(
    r"^(?:über (?:den|die) (?:autor(?:in)?|verfasser(?:in)?|redakteur(?:in)?)|(?:der|die) "
    r"autor(?:in)?|zur person|autoreninfo|autorenbox|autor(?:in)?nen-?info)\s*:?$",
    re.IGNORECASE,
)
# Publication notes are furniture only with a date or an author in them, so that a
# sentence such as "Veröffentlicht wurde die Broschüre im Mai." stays.
_META = re.compile(
    r"^(?:veröffentlicht|erstellt am|zuletzt (?:aktualisiert|geändert|bearbeitet)"
    r"|aktualisiert am|letzte (?:aktualisierung|änderung)|erschienen am"
    r"|publiziert am|datum der veröffentlichung)(?=.*(?:\d{1,2}\.\s?\d{1,2}\.|\d{1,2}\.\s*[a-zä]{3}"
    r"|\d{4}-\d{2}-\d{2}|\bvon\b)).{0,120}$",
    re.IGNORECASE,
)
# "Cookies" alone may be biscuits at an Elterncafé; a banner talks about the website.
_COOKIE_CONTEXT = re.compile(
    r"website|webseite|internetseite|akzeptier|zustimm|einwillig|datenschutz|einstellung"
    r"|verwende|nutz|speicher|browser|tracking|analyse|notwendig"
)
# Dates in these lines are when the web page changed, not when the release appeared.
UPDATE_NOTE = re.compile(r"aktualisiert|geändert|bearbeitet|änderung", re.IGNORECASE)


# Subscription prompts: "Jetzt Abo sichern – 4 Wochen gratis!", "Nur für Abonnenten".
_SUBSCRIPTION = re.compile(
    r"\b(?:abo|probeabo|digitalabo|abonnement|abonnent(?:en|innen)?|plus-artikel|plus-inhalt)\b",
    re.IGNORECASE,
)
_SUBSCRIPTION_CALL = re.compile(
    r"\b(?:jetzt|sichern|gratis|kostenlos testen|testen|abschließen|weiterlesen|nur für"
    r"|exklusiv|freischalten|bestellen|\d+\s*(?:wochen|monate)|€|euro)\b",
    re.IGNORECASE,
)
def _bare(line: str) -> str:
    return _EDGES.sub("", line.strip().lower())


def _is_breadcrumb(line: str) -> bool:
    parts = _BREADCRUMB.split(line.strip())
    if len(parts) < 2:
        parts = _SLASH_CRUMB.split(line.strip())
        if len(parts) < 3 or _bare(parts[0]) not in _START_WORDS:
            return False
    if any(not part or len(part) > 80 for part in parts):
        return False
    return len(parts) >= 3 or _bare(parts[0]) in _START_WORDS


def is_furniture(line: str) -> bool:
    """Whether a whole line is navigation, share buttons, cookie text or an author box."""
    text = line.strip()
    if not text:
        return False
    lowered = text.lower()
    if len(text) <= 600 and "cookie" in lowered and _COOKIE_CONTEXT.search(lowered):
        return True
    if len(text) > 250:
        return False
    if not any(char.isalnum() for char in text):
        return True  # separators such as "* * *" or "|"
    if _bare(text) in _PHRASES or _bare(text) in _SHARE_WORDS:
        return True
    pieces = [_bare(piece) for piece in _PIECES.split(text) if _bare(piece)]
    if len(pieces) > 1 and all(piece in _PHRASES or piece in _SHARE_WORDS for piece in pieces):
        return True
    words = [_bare(word) for word in text.split()]
    if len(words) > 1 and all(word in _SHARE_WORDS for word in words):
        return True
    if _is_breadcrumb(text) or _META.match(text) or parse_page_date(text) is not None:
        return True
    if len(text) <= 120 and _MESSENGER.search(text) and _CALL.search(text):
        return True
    if _is_agency_credit(text):
        return True
    if len(text) <= 100 and _SUBSCRIPTION.search(text) and (
        len(text.split()) <= 3 or _SUBSCRIPTION_CALL.search(text)
    ):
        return True
    return any(pattern.search(text) for pattern in _PATTERNS)


def is_author_heading(line: str) -> bool:
    """Whether a line opens an author box ("Über die Autorin"); its paragraph goes with it."""
    return _AUTHOR_HEADING.match(line.strip().strip("*#_ ")) is not None

"""German vocabulary and sentence templates for the synthetic benchmark corpus.

Pure data: the generator in `corpus.py` fills the `{slots}` of these templates. Templates
are written so that every slot value fits grammatically (slots that would need a
different case or article carry it themselves, e.g. `{im_kreis}` = "im Rhein-Lahn-Kreis").
The districts and towns are real places; people, organisations' staff and all
statements are invented, and all addresses use example.org.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "COORDINATOR_ROLES",
    "DISTRICTS",
    "DISTRICT_BODY",
    "FACH",
    "FAMILIEN",
    "FIRST_NAMES",
    "FUNDING",
    "GENERAL_SENTENCES",
    "GROUP_NAMES",
    "HOME_PAGE",
    "KITAS",
    "LANGUAGES",
    "LAST_NAMES",
    "LIST_INTROS",
    "LIST_ITEMS",
    "MEETING_HEADINGS",
    "MEETING_SENTENCES",
    "MEETING_SUMMARIES",
    "MEETING_TITLES",
    "MEETING_TITLES_ANNOUNCEMENT",
    "MEETING_TITLES_EDITION",
    "NETWORK_BODY",
    "NETWORK_TITLES",
    "OFFERS",
    "OFFER_HEADINGS",
    "OFFER_SENTENCES",
    "OFFER_SUMMARIES",
    "PRESS_HEADINGS",
    "PRESS_ROLES",
    "PRESS_SENTENCES",
    "PRESS_SUMMARIES",
    "PRESS_TITLES",
    "PRICES",
    "PROVIDERS",
    "SCHEDULES",
    "SECTION_PAGES",
    "SLOT_POOLS",
    "SOURCES",
    "STREETS",
    "TALKS",
    "TOPICS",
    "TOPIC_BODY",
    "VENUES",
    "DistrictSeed",
    "OfferSeed",
    "TopicSeed",
]


@dataclass(frozen=True, slots=True)
class DistrictSeed:
    slug: str
    title: str  # "Rhein-Lahn-Kreis"
    kind: str  # landkreis | stadt
    state: str
    der_kreis: str  # nominative with article: "der Rhein-Lahn-Kreis"
    im_kreis: str  # dative phrase: "im Rhein-Lahn-Kreis"
    kurz: str  # short name for network and office names: "Rhein-Lahn"
    verwaltung: str  # nominative with article: "die Kreisverwaltung Rhein-Lahn"
    verwaltung_dat: str  # dative with article: "der Kreisverwaltung Rhein-Lahn"
    amt: str  # office name without article, for organisers and contacts
    in_land: str  # "in Rheinland-Pfalz", "im Saarland"
    towns: tuple[tuple[str, str], ...]  # (town, postcode); the first is the seat


_RP = "in Rheinland-Pfalz"
_SL = "im Saarland"
_HE = "in Hessen"
_NW = "in Nordrhein-Westfalen"

DISTRICTS: tuple[DistrictSeed, ...] = (
    DistrictSeed("rhein-lahn-kreis", "Rhein-Lahn-Kreis", "landkreis", "RP",
                 "der Rhein-Lahn-Kreis", "im Rhein-Lahn-Kreis", "Rhein-Lahn",
                 "die Kreisverwaltung Rhein-Lahn", "der Kreisverwaltung Rhein-Lahn",
                 "Kreisverwaltung Rhein-Lahn", _RP,
                 (("Bad Ems", "56130"), ("Lahnstein", "56112"), ("Diez", "65582"),
                  ("Nastätten", "56355"))),
    DistrictSeed("landkreis-bad-kreuznach", "Landkreis Bad Kreuznach", "landkreis", "RP",
                 "der Landkreis Bad Kreuznach", "im Landkreis Bad Kreuznach",
                 "Kreis Bad Kreuznach", "die Kreisverwaltung Bad Kreuznach",
                 "der Kreisverwaltung Bad Kreuznach", "Kreisverwaltung Bad Kreuznach", _RP,
                 (("Bad Kreuznach", "55543"), ("Kirn", "55606"), ("Bad Sobernheim", "55566"),
                  ("Meisenheim", "55590"), ("Stromberg", "55442"))),
    DistrictSeed("stadt-bad-kreuznach", "Stadt Bad Kreuznach", "stadt", "RP",
                 "die Stadt Bad Kreuznach", "in der Stadt Bad Kreuznach", "Stadt Bad Kreuznach",
                 "die Stadtverwaltung Bad Kreuznach", "der Stadtverwaltung Bad Kreuznach",
                 "Stadtverwaltung Bad Kreuznach", _RP, (("Bad Kreuznach", "55543"),)),
    DistrictSeed("landkreis-mayen-koblenz", "Landkreis Mayen-Koblenz", "landkreis", "RP",
                 "der Landkreis Mayen-Koblenz", "im Landkreis Mayen-Koblenz", "Mayen-Koblenz",
                 "die Kreisverwaltung Mayen-Koblenz", "der Kreisverwaltung Mayen-Koblenz",
                 "Kreisverwaltung Mayen-Koblenz", _RP,
                 (("Koblenz", "56068"), ("Mayen", "56727"), ("Andernach", "56626"),
                  ("Bendorf", "56170"), ("Polch", "56751"))),
    DistrictSeed("landkreis-saarlouis", "Landkreis Saarlouis", "landkreis", "SL",
                 "der Landkreis Saarlouis", "im Landkreis Saarlouis", "Saarlouis",
                 "das Landratsamt Saarlouis", "dem Landratsamt Saarlouis",
                 "Landratsamt Saarlouis", _SL,
                 (("Saarlouis", "66740"), ("Dillingen", "66763"), ("Lebach", "66822"),
                  ("Wallerfangen", "66798"))),
    DistrictSeed("eifelkreis-bitburg-pruem", "Eifelkreis Bitburg-Prüm", "landkreis", "RP",
                 "der Eifelkreis Bitburg-Prüm", "im Eifelkreis Bitburg-Prüm", "Bitburg-Prüm",
                 "die Kreisverwaltung Bitburg-Prüm", "der Kreisverwaltung Bitburg-Prüm",
                 "Kreisverwaltung Bitburg-Prüm", _RP,
                 (("Bitburg", "54634"), ("Prüm", "54595"), ("Speicher", "54662"))),
    DistrictSeed("stadt-koblenz", "Stadt Koblenz", "stadt", "RP",
                 "die Stadt Koblenz", "in der Stadt Koblenz", "Koblenz",
                 "die Stadtverwaltung Koblenz", "der Stadtverwaltung Koblenz",
                 "Stadtverwaltung Koblenz", _RP, (("Koblenz", "56068"),)),
    DistrictSeed("westerwaldkreis", "Westerwaldkreis", "landkreis", "RP",
                 "der Westerwaldkreis", "im Westerwaldkreis", "Westerwald",
                 "die Kreisverwaltung Westerwald", "der Kreisverwaltung Westerwald",
                 "Kreisverwaltung Westerwald", _RP,
                 (("Montabaur", "56410"), ("Westerburg", "56457"), ("Hachenburg", "57627"))),
    DistrictSeed("regionalverband-saarbruecken", "Regionalverband Saarbrücken", "landkreis",
                 "SL", "der Regionalverband Saarbrücken", "im Regionalverband Saarbrücken",
                 "Saarbrücken", "die Verwaltung des Regionalverbands",
                 "der Verwaltung des Regionalverbands", "Regionalverband Saarbrücken", _SL,
                 (("Saarbrücken", "66111"), ("Völklingen", "66333"), ("Sulzbach", "66280"))),
    DistrictSeed("landkreis-limburg-weilburg", "Landkreis Limburg-Weilburg", "landkreis", "HE",
                 "der Landkreis Limburg-Weilburg", "im Landkreis Limburg-Weilburg",
                 "Limburg-Weilburg", "die Kreisverwaltung Limburg-Weilburg",
                 "der Kreisverwaltung Limburg-Weilburg", "Kreisverwaltung Limburg-Weilburg", _HE,
                 (("Limburg", "65549"), ("Weilburg", "35781"), ("Bad Camberg", "65520"))),
    DistrictSeed("stadt-wiesbaden", "Landeshauptstadt Wiesbaden", "stadt", "HE",
                 "die Landeshauptstadt Wiesbaden", "in der Landeshauptstadt Wiesbaden",
                 "Wiesbaden", "die Stadtverwaltung Wiesbaden", "der Stadtverwaltung Wiesbaden",
                 "Stadtverwaltung Wiesbaden", _HE, (("Wiesbaden", "65183"),)),
    DistrictSeed("rhein-sieg-kreis", "Rhein-Sieg-Kreis", "landkreis", "NW",
                 "der Rhein-Sieg-Kreis", "im Rhein-Sieg-Kreis", "Rhein-Sieg",
                 "die Kreisverwaltung Rhein-Sieg", "der Kreisverwaltung Rhein-Sieg",
                 "Kreisverwaltung Rhein-Sieg", _NW,
                 (("Siegburg", "53721"), ("Troisdorf", "53840"), ("Hennef", "53773"))),
)

DISTRICT_BODY: tuple[str, ...] = (
    "{Der_kreis} liegt {in_land}; Sitz der Verwaltung ist {sitz}.",
    "Zu den größeren Orten gehören {orte}.",
    "Das Jugendamt koordiniert die Frühen Hilfen und arbeitet eng mit Kitas, "
    "Beratungsstellen und dem Gesundheitsamt zusammen.",
    "Familien finden hier Elterncafés, Eltern-Kind-Gruppen und Beratungsangebote in "
    "der Nähe ihres Wohnorts.",
    "Die Pressestelle veröffentlicht Mitteilungen zu Kinderschutz, Kita-Sozialarbeit und "
    "Familienbildung.",
)


@dataclass(frozen=True, slots=True)
class TopicSeed:
    slug: str
    title: str
    summary: str


TOPICS: tuple[TopicSeed, ...] = (
    TopicSeed("fruehe-hilfen", "Frühe Hilfen",
              "Unterstützung für werdende Eltern und Familien mit Kindern bis drei Jahre."),
    TopicSeed("kinderschutz", "Kinderschutz",
              "Wie Fachkräfte Kinder schützen und Familien in Krisen frühzeitig helfen."),
    TopicSeed("kita-sozialarbeit", "Kita-Sozialarbeit",
              "Sozialarbeit direkt in der Kita: Beratung, Begleitung und Vernetzung für Familien."),
    TopicSeed("sozialraumbudget", "Kita-Sozialraumbudget",
              "Mittel, mit denen Kitas Angebote für Familien im Sozialraum finanzieren."),
    TopicSeed("familienbildung", "Familienbildung",
              "Kurse und Treffpunkte, die Eltern im Familienalltag stärken."),
    TopicSeed("elterncafes", "Elterncafés",
              "Offene Treffpunkte, an denen Eltern sich austauschen und beraten lassen können."),
    TopicSeed("familienzentren", "Familienzentren",
              "Kitas, die zu Anlaufstellen für die ganze Familie im Stadtteil werden."),
    TopicSeed("kindergesundheit", "Kindergesundheit",
              "Vorsorge, Impfungen und gesundes Aufwachsen von Anfang an."),
    TopicSeed("sprachfoerderung", "Sprachförderung",
              "Alltagsintegrierte Sprachbildung in Kitas und Angebote für mehrsprachige Familien."),
    TopicSeed("inklusion", "Inklusion",
              "Teilhabe für Kinder mit und ohne Behinderung in Kita, Schule und Freizeit."),
    TopicSeed("migration", "Familien mit Migrationsgeschichte",
              "Angebote, die zugewanderten Familien den Zugang zu Hilfen erleichtern."),
    TopicSeed("alleinerziehende", "Alleinerziehende",
              "Entlastung, Beratung und Netzwerke für Mütter und Väter, die allein erziehen."),
    TopicSeed("ehrenamt", "Ehrenamt in der Familienhilfe",
              "Familienpatenschaften, Leihgroßeltern und andere ehrenamtliche Unterstützung."),
    TopicSeed("babylotsen", "Babylotsen",
              "Lotsinnen in Geburtskliniken, die Familien direkt nach der Geburt begleiten."),
    TopicSeed("familienhebammen", "Familienhebammen",
              "Gesundheitsorientierte Begleitung belasteter Familien im ersten Lebensjahr."),
    TopicSeed("erziehungsberatung", "Erziehungsberatung",
              "Beratung für Eltern, Kinder und Jugendliche bei Fragen und Konflikten."),
    TopicSeed("schulsozialarbeit", "Schulsozialarbeit",
              "Sozialarbeit an Grundschulen als Brücke zwischen Schule, Familie und Jugendhilfe."),
    TopicSeed("medienerziehung", "Medienerziehung",
              "Wie Familien einen guten Umgang mit Bildschirmen und Medien finden."),
    TopicSeed("kinderarmut", "Kinderarmut",
              "Was Kommunen gegen die Folgen von Armut für Kinder und Familien tun."),
    TopicSeed("netzwerkarbeit", "Netzwerkarbeit",
              "Zusammenarbeit von Jugendhilfe, Gesundheitswesen, Kitas und Beratungsstellen."),
    TopicSeed("fachkraefte", "Fachkräftegewinnung",
              "Wie Träger pädagogische Fachkräfte gewinnen, qualifizieren und halten."),
    TopicSeed("beteiligung", "Beteiligung von Eltern",
              "Eltern reden mit: Befragungen, Elternbeiräte und gemeinsame Planung."),
    TopicSeed("uebergang-kita-schule", "Übergang Kita–Schule",
              "Wie Kitas, Grundschulen und Eltern den Schulstart gemeinsam vorbereiten."),
    TopicSeed("vaeterarbeit", "Väterarbeit",
              "Angebote, die Väter ansprechen und ihre Rolle in der Familie stärken."),
    TopicSeed("psychische-gesundheit", "Psychische Gesundheit von Eltern",
              "Hilfen für Familien, in denen ein Elternteil psychisch belastet ist."),
    TopicSeed("suchtpraevention", "Suchtprävention",
              "Vorbeugung und Hilfe für Kinder aus Familien mit Suchtbelastung."),
    TopicSeed("gewaltschutz", "Gewaltschutz",
              "Schutz und Beratung für Frauen und Kinder, die häusliche Gewalt erleben."),
    TopicSeed("jugendhilfeplanung", "Jugendhilfeplanung",
              "Wie Kreise und Städte den Bedarf an Hilfen für Familien planen."),
    TopicSeed("gesundheitsfoerderung", "Gesundheitsförderung",
              "Bewegung, Ernährung und Gesundheit im Kita- und Familienalltag."),
    TopicSeed("digitale-angebote", "Digitale Familienangebote",
              "Online-Beratung, Elternbriefe per App und digitale Sprechstunden."),
)

TOPIC_BODY: tuple[str, ...] = (
    "Unter dem Thema {thema} sammelt diese Seite Pressemitteilungen, Berichte aus den "
    "Netzwerken und Angebote für Familien.",
    "Die Beiträge stammen aus den Kreisen und Städten, die sich am Familiennetz beteiligen.",
    "Fachkräfte finden hier Anregungen aus der Praxis anderer Kommunen; Eltern finden "
    "Angebote in ihrer Nähe.",
    "Fragen zum Thema beantworten die Koordinationsstellen der Jugendämter.",
)

NETWORK_TITLES: dict[str, tuple[str, ...]] = {
    "fruehe-hilfen": ("Netzwerk Frühe Hilfen {kurz}", "Lokales Netzwerk Frühe Hilfen {kurz}"),
    "kinderschutz": ("Netzwerk Kinderschutz {kurz}",
                     "Netzwerk Kinderschutz und Kindergesundheit {kurz}"),
    "kita-netzwerk": ("Kita-Netzwerk {kurz}", "Netzwerk der Kita-Netzwerkerinnen {kurz}"),
    "kita-sozialarbeit": ("Netzwerk Kita-Sozialarbeit {kurz}",),
    "sonstiges": ("Netzwerk Familienbildung {kurz}", "Bündnis für Familie {kurz}",
                  "Netzwerk Familienzentren {kurz}"),
}

NETWORK_BODY: tuple[str, ...] = (
    "Im {netzwerk} arbeiten Jugendhilfe, Gesundheitswesen, Kitas, Schulen und freie Träger "
    "zusammen.",
    "Das Netzwerk trifft sich mehrmals im Jahr und lädt einmal jährlich zu einer großen "
    "Netzwerkkonferenz ein.",
    "Ziel ist, dass Familien die passende Hilfe früh und ohne Umwege finden.",
    "Die Koordination liegt beim Jugendamt; neue Partner sind jederzeit willkommen.",
    "Aktuelle Termine und Berichte von den Treffen stehen auf dieser Seite.",
)

FIRST_NAMES: tuple[str, ...] = (
    "Anna", "Sabine", "Julia", "Katharina", "Petra", "Claudia", "Andrea", "Nicole", "Stefanie",
    "Miriam", "Jana", "Lea", "Sophie", "Özlem", "Jülide", "Marie", "Ute", "Birgit", "Simone",
    "Franziska", "Thomas", "Michael", "Andreas", "Stefan", "Markus", "Jörg", "Jürgen", "Tobias",
    "Daniel", "Matthias", "Björn", "Lukas", "Florian", "Sebastian", "Ralf", "Günter", "Uwe",
    "Mehmet", "Klaus", "Frank",
)

LAST_NAMES: tuple[str, ...] = (
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
    "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder",
    "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange",
    "Schmitt", "Werner", "Schmitz", "Krause", "Meier", "Lehmann", "Schmid", "Schulze", "Maier",
    "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber", "Kaiser", "Fuchs", "Peters",
    "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Keller", "Vogel", "Friedrich", "Günther",
    "Roth", "Beck", "Lorenz", "Baumann", "Franke", "Albrecht", "Schuster", "Simon", "Ludwig",
    "Böhm", "Winter", "Kraus", "Martin", "Krämer", "Vogt", "Stein", "Jäger", "Otto", "Sommer",
    "Groß", "Seidel", "Heinrich", "Brandt", "Haas", "Schreiber", "Graf", "Dietrich", "Ziegler",
    "Kuhn", "Kühn", "Pohl", "Engel", "Horn", "Busch", "Bergmann", "Thomas", "Voigt", "Sauer",
    "Arnold", "Wolff", "Pfeiffer", "Yılmaz", "Kaya", "Demir", "Nowak", "Kowalski",
)

PRESS_ROLES: tuple[str, ...] = (
    "Pressestelle", "Pressesprecherin", "Pressesprecher", "Öffentlichkeitsarbeit",
    "Netzwerkkoordination Frühe Hilfen", "Jugendamt, Fachbereich Kindertagesstätten",
    "Koordination Kinderschutz",
)

COORDINATOR_ROLES: tuple[str, ...] = (
    "Jugendamt {kurz}", "Gesundheitsamt {kurz}", "Koordinierungsstelle Frühe Hilfen {kurz}",
    "{amt}",
)

PROVIDERS: tuple[str, ...] = (
    "Caritasverband {kurz}", "Diakonisches Werk {kurz}", "DRK-Kreisverband {kurz}",
    "AWO-Kreisverband {kurz}", "Kinderschutzbund {ort}", "Jugendamt {kurz}",
    "Evangelische Familienbildungsstätte {ort}", "Katholische Familienbildungsstätte {ort}",
    "Haus der Familie {ort}", "Mehrgenerationenhaus {ort}", "Gesundheitsamt {kurz}",
    "Lebenshilfe {kurz}", "Familienzentrum {kita}, {ort}", "Stadtteilbüro {ort}",
    "Verein Familien in {ort} e. V.",
)

KITAS: tuple[str, ...] = (
    "Kita Regenbogen", "Kita Sonnenschein", "Kita St. Martin", "Kita Pusteblume",
    "Kita Arche Noah", "Kita Löwenzahn", "Kita Kunterbunt", "Kita Am Schlossberg",
    "Kita Zwergenland", "Kita Spatzennest", "Kita Schatzkiste", "Kita Villa Sonnenblume",
    "Kita Am Bach", "Kita St. Elisabeth", "Kita Rappelkiste", "Kita Wirbelwind",
)

GROUP_NAMES: tuple[str, ...] = (
    "Krabbelkäfer", "Zwergentreff", "Purzelbaum", "Kleine Strolche", "Glühwürmchen",
    "Schneckenhaus", "Rasselbande", "Mäusenest", "Sonnenkäfer", "Tausendfüßler",
)

STREETS: tuple[str, ...] = (
    "Hauptstraße", "Bahnhofstraße", "Schulstraße", "Kirchstraße", "Gartenstraße",
    "Lindenstraße", "Am Markt", "Rathausplatz", "Mühlenweg", "Goethestraße", "Schillerstraße",
    "Friedhofstraße", "Rheinstraße", "Bergstraße", "Im Winkel", "Brückenstraße",
)

VENUES: tuple[str, ...] = (
    "{amt}, {sitz}", "Kreisverwaltung, {sitz}", "Bürgerhaus, {ort}", "Stadthalle, {ort}",
    "Haus der Familie, {ort}", "Mehrgenerationenhaus, {ort}", "Familienzentrum {kita}, {ort}",
    "Dienstleistungszentrum Ländlicher Raum, {ort}", "Gemeindezentrum, {ort}",
    "Jugendamt, {sitz}", "Großer Sitzungssaal, {sitz}", "Videokonferenz",
)

SCHEDULES: tuple[str, ...] = (
    "montags 9–11 Uhr", "dienstags 9–11 Uhr", "mittwochs 15–17 Uhr", "donnerstags 9.30–11.30 Uhr",
    "freitags 10–12 Uhr", "jeden ersten Mittwoch im Monat, 15–17 Uhr",
    "dienstags und donnerstags 9–12 Uhr", "nach Vereinbarung", "14-täglich freitags 9–11 Uhr",
    "montags bis freitags 8–12 Uhr", "jeden zweiten Samstag, 10–12 Uhr",
)

PRICES: tuple[str, ...] = (
    "2 € pro Termin", "5 € pro Treffen", "35 € für den ganzen Kurs", "20 € für sechs Termine",
    "10 € Materialkosten", "nach Einkommen gestaffelt", "Spende erbeten",
)

FUNDING: tuple[str, ...] = (
    "Kita-Sozialraumbudget", "Bundesstiftung Frühe Hilfen", "Landesprogramm Kita!Plus",
    "Mittel des Jugendamts", "Spenden und Eigenmittel", "Landesförderung Familienbildung",
)

LANGUAGES: tuple[str, ...] = ("en", "tr", "ar", "ru", "uk", "pl", "fa", "ro", "bg", "it", "fr")

SOURCES: tuple[str, ...] = (
    "Gesundheitsamt {kurz}", "Jugendamt {kurz}", "{amt}", "Caritasverband {kurz}",
    "Diakonisches Werk {kurz}",
)

TALKS: tuple[str, ...] = (
    "Kooperation zwischen Kitas, sozialen Diensten und regionalen Anbietern",
    "Familienzentren im Sozialraum", "Kinder mit herausforderndem Verhalten",
    "Erfahrungen aus der Koordination von Familienzentren", "Kinderschutz in der Kita",
    "Ergebnisse der Elternbefragung", "Frühe Hilfen in Zahlen", "Sozialraumanalyse mit Eltern",
    "Mehrsprachigkeit in der Kita", "Armutssensibles Handeln in Kitas",
    "Das neue Kita-Gesetz in der Praxis", "Babylotsinnen in der Geburtsklinik",
    "Psychisch belastete Eltern erreichen", "Väter in den Frühen Hilfen",
)

# Plural nominative/accusative only: the templates never put these in the dative.
FACH: tuple[str, ...] = (
    "Fachkräfte aus Kitas", "Hebammen", "Kinderärztinnen und Kinderärzte",
    "Mitarbeitende der Jugendhilfe", "Erzieherinnen und Erzieher",
    "Kita-Sozialarbeiterinnen und Kita-Sozialarbeiter", "Lehrkräfte aus Grundschulen",
    "Familienhebammen", "Ehrenamtliche", "Kitaleitungen", "Beraterinnen und Berater",
    "Fachkräfte des Gesundheitsamts",
)

FAMILIEN: tuple[str, ...] = (
    "werdende Eltern", "Familien mit kleinen Kindern", "Alleinerziehende",
    "junge Mütter und Väter", "Familien in belastenden Lebenslagen",
    "Eltern mit Kindern unter drei Jahren", "zugewanderte Familien", "Großeltern und Eltern",
)

# Accusative plural nouns ("bietet … an").
_ANGEBOTE = (
    "Elterncafés", "Eltern-Kind-Gruppen", "Informationsabende", "Beratungsangebote",
    "Hausbesuche", "Babysprechstunden", "Kurse zur Familienbildung", "offene Sprechstunden",
)

SLOT_POOLS: dict[str, tuple[str, ...]] = {
    "fach": FACH,
    "familien": FAMILIEN,
    "angebote": _ANGEBOTE,
}

# --- titles: (template, topic slug the title is about, or None for the item's topic) ----

PRESS_TITLES: tuple[tuple[str, str | None], ...] = (
    ("{kreis}: Fachtag zum Thema {thema}", None),
    ("Neues Elterncafé in {ort} eröffnet", "elterncafes"),
    ("Jugendamt {kurz} stellt Konzept zur Kita-Sozialarbeit vor", "kita-sozialarbeit"),
    ("{netzwerk} zieht Bilanz für {jahr}", "netzwerkarbeit"),
    ("Kita-Netzwerkerinnen treffen sich in {ort}", "netzwerkarbeit"),
    ("Workshop zur Weiterentwicklung des Kita-Sozialraumbudgets in {ort}", "sozialraumbudget"),
    ("Frühe Hilfen {im_kreis}: Babylotsinnen begleiten junge Familien", "babylotsen"),
    ("Familienzentrum in {ort} erhält Förderung", "familienzentren"),
    ("Neue Netzwerkkoordinatorin für Kinderschutz {im_kreis}", "kinderschutz"),
    ("Elternbefragung zum Thema {thema}: Ergebnisse liegen vor", None),
    ("Kreis fördert Eltern-Kind-Gruppen in {ort}", "familienbildung"),
    ("Sozialraumanalyse {im_kreis} abgeschlossen", "sozialraumbudget"),
    ("Rund {zahl} Fachkräfte beim Fachtag {thema} in {ort}", None),
    ("Familienbildung {im_kreis}: neues Kursprogramm erschienen", "familienbildung"),
    ("Kinderschutzkonzept für Kitas {im_kreis} überarbeitet", "kinderschutz"),
    ("Willkommensbesuche für Neugeborene in {ort} starten", "fruehe-hilfen"),
    ("Informationsabend für werdende Eltern in {ort}", "fruehe-hilfen"),
    ("{traeger} übernimmt Familienzentrum in {ort}", "familienzentren"),
    ("Kita-Sozialarbeit wird {im_kreis} ausgebaut", "kita-sozialarbeit"),
    ("Netzwerk Frühe Hilfen lädt zur Fachveranstaltung nach {ort} ein", "fruehe-hilfen"),
    ("Ehrenamtliche Familienpatinnen und -paten in {ort} gesucht", "ehrenamt"),
    ("Sprachförderung in Kitas: Bilanz {im_kreis}", "sprachfoerderung"),
    ("Gesundheitsamt und Jugendamt {kurz} vereinbaren engere Zusammenarbeit",
     "netzwerkarbeit"),
    ("Broschüre „Gut begleitet ins Familienleben“ neu aufgelegt", "fruehe-hilfen"),
    ("Elterncafés {im_kreis} ziehen positive Bilanz", "elterncafes"),
    ("Fortbildung zum Thema {thema} für Fachkräfte in {ort}", None),
    ("Besuch im Familienzentrum {kita} in {ort}", "familienzentren"),
    ("Mehr Geld für {thema} {im_kreis}", None),
    ("Jahresbericht Frühe Hilfen {kurz} {jahr} veröffentlicht", "fruehe-hilfen"),
    ("Aktionswoche „Familie stärken“ in {ort}", "familienbildung"),
    ("Kinderschutz: Fachtag zu herausforderndem Verhalten in {ort}", "kinderschutz"),
    ("Netzwerk Kinderschutz {kurz} stellt neues Logo vor", "kinderschutz"),
    ("Beratungsstelle in {ort} erweitert Sprechzeiten", "erziehungsberatung"),
    ("Neues Angebot für Väter in {ort}", "vaeterarbeit"),
    ("Kitas {im_kreis} erhalten Mittel aus dem Sozialraumbudget", "sozialraumbudget"),
    ("Schulstart gut vorbereiten: Kitas und Grundschulen in {ort} kooperieren",
     "uebergang-kita-schule"),
    ("Familienhebammen {im_kreis} verstärken ihr Team", "familienhebammen"),
    ("Digitale Sprechstunde für Eltern startet {im_kreis}", "digitale-angebote"),
    ("Gemeinsam gegen Kinderarmut: Aktionsplan für {ort}", "kinderarmut"),
)

MEETING_TITLES_EDITION: tuple[str, ...] = (
    "{edition}. Netzwerkkonferenz des Netzwerks {kurz}",
    "{edition}. Fachtag Frühe Hilfen in {ort}",
    "{edition}. Netzwerkkonferenz: {thema} im Mittelpunkt",
    "{edition}. Treffen der Kita-Netzwerkerinnen in {ort}",
)

MEETING_TITLES: tuple[str, ...] = (
    "Netzwerktreffen in {ort}: {thema}",
    "Treffen der Kita-Netzwerkerinnen in {ort}",
    "Arbeitskreis Kita-Sozialarbeit tagt in {ort}",
    "Netzwerktreffen zum Thema {thema}",
    "Fachaustausch zum Thema {thema} in {ort}",
    "Runder Tisch Frühe Hilfen {kurz}",
    "Bericht vom Netzwerktreffen in {ort}",
    "Großes Netzwerktreffen der Frühen Hilfen in {ort}",
    "Frühjahrstreffen des Netzwerks {kurz} in {ort}",
    "Herbsttreffen des Netzwerks {kurz}",
    "Netzwerk Kinderschutz {kurz} gibt Empfehlungen für die Arbeit mit Familien",
    "{netzwerk}: Treffen in {ort}",
)

MEETING_TITLES_ANNOUNCEMENT: tuple[str, ...] = (
    "Einladung: Netzwerktreffen am {termin} in {ort}",
    "Ankündigung: Netzwerkkonferenz zum Thema {thema} am {termin}",
    "Save the Date: Fachtag {thema} in {ort}",
    "{netzwerk} lädt am {termin} nach {ort} ein",
)


@dataclass(frozen=True, slots=True)
class OfferSeed:
    offer_type: str
    titles: tuple[str, ...]
    topics: tuple[str, ...]  # the first is the primary topic
    target_groups: tuple[str, ...]  # allowed target groups, in enum order


OFFERS: tuple[OfferSeed, ...] = (
    OfferSeed("elterncafe",
              ("Elterncafé {ort}", "Elterncafé im Familienzentrum {kita}, {ort}",
               "Offenes Elterncafé „{gruppe}“ in {ort}", "Interkulturelles Elterncafé in {ort}"),
              ("elterncafes", "familienbildung", "migration"),
              ("werdende-eltern", "eltern", "kinder-0-3", "alle")),
    OfferSeed("eltern-kind-gruppe",
              ("Eltern-Kind-Gruppe „{gruppe}“ in {ort}",
               "Krabbelgruppe für Kinder unter drei Jahren in {ort}",
               "Eltern-Kind-Gruppe für Väter in {ort}", "Spielgruppe „{gruppe}“, {ort}"),
              ("familienbildung", "fruehe-hilfen", "vaeterarbeit"),
              ("eltern", "kinder-0-3", "kinder-3-6")),
    OfferSeed("beratung",
              ("Erziehungsberatung {ort}", "Schwangerschaftsberatung in {ort}",
               "Offene Sprechstunde der Familienhebamme in {ort}",
               "Beratung für Alleinerziehende in {ort}", "Online-Beratung für Eltern, {kurz}"),
              ("erziehungsberatung", "familienhebammen", "alleinerziehende",
               "digitale-angebote"),
              ("werdende-eltern", "eltern", "kinder-6-10", "alle")),
    OfferSeed("familienbildung",
              ("Kurs „Das erste Lebensjahr“ in {ort}",
               "Elternkurs „Gelassen durch den Familienalltag“ in {ort}",
               "Babymassage in {ort}", "Erste Hilfe am Kind in {ort}",
               "Medienkompetenz für Eltern in {ort}"),
              ("familienbildung", "medienerziehung", "kindergesundheit"),
              ("werdende-eltern", "eltern", "kinder-0-3")),
    OfferSeed("begleitung",
              ("Familienpatenschaften in {ort}", "Babylotsinnen {im_kreis}",
               "Begleitung zu Ämtern und Behörden in {ort}",
               "Willkommensbesuche für Neugeborene in {ort}"),
              ("fruehe-hilfen", "babylotsen", "ehrenamt", "migration"),
              ("werdende-eltern", "eltern", "kinder-0-3")),
    OfferSeed("kita-sozialarbeit",
              ("Kita-Sozialarbeit in der {kita}, {ort}",
               "Sprechstunde der Kita-Sozialarbeit in {ort}"),
              ("kita-sozialarbeit", "sozialraumbudget", "kinderarmut"),
              ("eltern", "kinder-3-6", "fachkraefte")),
    OfferSeed("familienzentrum",
              ("Familienzentrum {kita} in {ort}", "Familienzentrum am Markt, {ort}",
               "Familienzentrum im Stadtteil, {ort}"),
              ("familienzentren", "familienbildung", "beteiligung"),
              ("eltern", "kinder-0-3", "kinder-3-6", "alle")),
    OfferSeed("sonstiges",
              ("Spielplatztreff in {ort}", "Familienfrühstück in {ort}",
               "Leihgroßeltern-Vermittlung in {ort}", "Kleiderbörse für Kinderkleidung in {ort}"),
              ("ehrenamt", "kinderarmut", "gesundheitsfoerderung"),
              ("eltern", "kinder-0-3", "kinder-3-6", "kinder-6-10", "alle")),
)

# --- summaries: one or two of these, filled, make the teaser -------------------------

PRESS_SUMMARIES: tuple[str, ...] = (
    "{Verwaltung} informiert über neue Angebote für {familien} {im_kreis}.",
    "Fachkräfte aus Kitas, Jugendhilfe und Gesundheitswesen haben in {ort} über das Thema "
    "{thema} beraten.",
    "Das {netzwerk} hat Bilanz gezogen und die nächsten Schritte geplant.",
    "Rund {zahl} Teilnehmende tauschten sich in {ort} über Erfahrungen aus der Praxis aus.",
    "Eltern, Kitas und Verwaltung haben gemeinsam Ideen für bessere Angebote vor Ort "
    "entwickelt.",
    "Das Jugendamt {kurz} baut seine Unterstützung für {familien} weiter aus.",
    "Ein neues Angebot in {ort} richtet sich an {familien}.",
    "Die Ergebnisse sollen in die Jugendhilfeplanung {im_kreis} einfließen.",
    "Im Mittelpunkt standen Kinderschutz, Kita-Sozialarbeit und die Zusammenarbeit im "
    "Sozialraum.",
    "Die Anmeldung ist ab sofort möglich; die Teilnahme ist kostenlos.",
)

MEETING_SUMMARIES: tuple[str, ...] = (
    "Rund {teilnehmende} Fachkräfte trafen sich in {ort} zum Austausch über das Thema "
    "{thema}.",
    "Das {netzwerk} kommt in {ort} zusammen; auf dem Programm stehen Vorträge und "
    "Arbeitsgruppen.",
    "Beim Netzwerktreffen ging es um die Zusammenarbeit von Kitas, Jugendhilfe und "
    "Gesundheitswesen.",
    "Die Teilnehmenden verabredeten gemeinsame Empfehlungen für die Arbeit mit Familien.",
    "Neue Partner stellten sich vor, und die Koordination berichtete über das vergangene Jahr.",
    "Vorträge und Infostände gaben einen Überblick über Angebote für {familien}.",
)

OFFER_SUMMARIES: tuple[str, ...] = (
    "Ein offenes Angebot für {familien} in {ort}: ohne Anmeldung, mit Zeit für Fragen.",
    "Hier treffen sich {familien}, tauschen sich aus und bekommen Rat von Fachkräften.",
    "Träger ist {traeger}; das Angebot unterstützt {familien} im Alltag.",
    "Beratung und Begleitung für {familien}, vertraulich und in der Nähe.",
    "Spielen, Austauschen und Lernen: ein Treffpunkt für Familien in {ort}.",
    "Fachkräfte beantworten Fragen rund um Erziehung, Gesundheit und Entwicklung.",
)

# --- body sentences ------------------------------------------------------------------

GENERAL_SENTENCES: tuple[str, ...] = (
    "Beim nächsten Netzwerktreffen sollen die Ergebnisse vorgestellt werden.",
    "Frühe Hilfen sollen Familien erreichen, bevor aus Belastungen Krisen werden.",
    "Dabei arbeiten Jugendhilfe, Gesundheitswesen, Kitas und Beratungsstellen eng zusammen.",
    "Viele Familien kennen die Angebote in ihrer Nähe noch nicht.",
    "Deshalb setzt das Netzwerk auf kurze Wege und persönliche Ansprechpersonen.",
    "Besonders {familien} profitieren von niedrigschwelligen Treffpunkten.",
    "Die Zusammenarbeit über Zuständigkeitsgrenzen hinweg hat sich in den vergangenen "
    "Jahren bewährt.",
    "Auch Kinderschutz beginnt mit Vertrauen zwischen Familien und Fachkräften.",
    "Das Jugendamt {kurz} koordiniert die Angebote und hält Kontakt zu den Trägern.",
    "Ein Schwerpunkt liegt auf der Zusammenarbeit zwischen Kita und Familie.",
    "Die Kita ist für viele Eltern der erste Ort, an dem sie Rat suchen.",
    "Kita-Sozialarbeit schließt hier eine Lücke zwischen Erziehung, Bildung und Beratung.",
    "Im Familienzentrum finden Eltern Beratung, Bildungsangebote und Begegnung unter einem "
    "Dach.",
    "Elterncafés bieten einen geschützten Raum für Fragen, die im Alltag oft untergehen.",
    "In Eltern-Kind-Gruppen knüpfen Mütter und Väter Kontakte und lernen voneinander.",
    "Die Angebote sind kostenlos und stehen allen Familien offen.",
    "Übersetzungen in mehrere Sprachen erleichtern zugewanderten Familien den Zugang.",
    "Ehrenamtliche Familienpatinnen entlasten Eltern im ersten Lebensjahr ihres Kindes.",
    "Hebammen und Kinderärztinnen verweisen Familien gezielt an passende Angebote.",
    "Eine gute Netzwerkarbeit braucht Zeit, verlässliche Strukturen und Menschen, die sie "
    "tragen.",
    "Die Erfahrungen aus {ort} sollen auch anderen Gemeinden zugutekommen.",
    "Nach der Corona-Zeit haben sich viele Angebote neu aufgestellt.",
    "Digitale Sprechstunden ergänzen die Beratung vor Ort, ersetzen sie aber nicht.",
    "Gerade im ländlichen Raum sind weite Wege für Familien eine Hürde.",
    "Mobile Angebote kommen deshalb direkt in die Dörfer und Stadtteile.",
    "Die Finanzierung ist zunächst für zwei Jahre gesichert.",
    "Über die Fortsetzung entscheidet der Jugendhilfeausschuss im kommenden Jahr.",
    "Das Landesprogramm unterstützt Kommunen beim Aufbau solcher Strukturen.",
    "Wer Fragen hat, kann sich jederzeit an die Koordinationsstelle wenden.",
    "Künftig sollen {fach} noch enger mit dem Gesundheitswesen zusammenarbeiten.",
    "Eltern wünschen sich vor allem verlässliche Ansprechpersonen und kurze Wartezeiten.",
    "Die Zahl der Familien, die Unterstützung suchen, ist in den letzten Jahren gestiegen.",
    "Gleichzeitig fehlen in vielen Einrichtungen Fachkräfte.",
    "Umso wichtiger ist es, vorhandene Kräfte zu bündeln und gut abzustimmen.",
    "Die Kitas im Sozialraum stimmen ihre Angebote untereinander ab.",
    "So entsteht ein dichtes Netz an Hilfen, das Familien auffängt.",
    "Für Kinder mit herausforderndem Verhalten braucht es abgestimmte Hilfen aus einer Hand.",
)

PRESS_SENTENCES: tuple[str, ...] = (
    "Die Beteiligung der Eltern war von Anfang an ein zentrales Anliegen.",
    "Bei einer Befragung im Dezember nannten Eltern Beratung und Austausch als wichtigste "
    "Wünsche.",
    "{Verwaltung} hat das Konzept im {monat} vorgestellt.",
    "Rund {zahl} Fachkräfte nahmen an der Veranstaltung in {ort} teil.",
    "Die Ergebnisse fließen in die weitere Jugendhilfeplanung {im_kreis} ein.",
    "Das Konzept beschreibt Aufgaben, Zuständigkeiten und Ziele der Kita-Sozialarbeit.",
    "Seit {jahr} stehen dafür zusätzliche Mittel aus dem Sozialraumbudget bereit.",
    "Gefördert wurden bisher unter anderem {angebote} und {angebote}.",
    "Das Angebot richtet sich an {familien} und ist kostenlos.",
    "Die Kreisverwaltung dankt allen Beteiligten für ihre Mitarbeit.",
    "Weitere Termine werden rechtzeitig bekannt gegeben.",
    "Die Moderation übernahm ein Institut für sozialpädagogische Forschung.",
    "Eröffnet wurde die Veranstaltung von der Spitze der Verwaltung.",
    "Zuvor waren Eltern in einer Umfrage nach ihren Wünschen gefragt worden.",
    "Das Gesundheitsamt beteiligt sich mit eigenen Beratungsangeboten.",
    "Insgesamt arbeiten {im_kreis} inzwischen rund {zahl} Fachkräfte in diesem Bereich.",
    "Die Broschüre liegt in Rathäusern, Kitas und Arztpraxen aus.",
    "Eine Anmeldung ist per E-Mail oder Telefon möglich.",
    "Auch Familien aus den Nachbargemeinden sind willkommen.",
    "In den kommenden Monaten sollen weitere Standorte hinzukommen.",
    "Die Sozialraumanalyse wurde gemeinsam mit Eltern, Erzieherinnen und Sozialarbeitern "
    "erstellt.",
    "Mit dem neuen Kita-Gesetz haben sich die Aufgaben der Kitas erweitert.",
)

MEETING_SENTENCES: tuple[str, ...] = (
    "Zum Netzwerktreffen hatten die Jugendämter gemeinsam mit dem Gesundheitsamt "
    "eingeladen.",
    "Das Netzwerktreffen findet zweimal im Jahr an wechselnden Orten statt.",
    "Zum Abschluss bedankte sich die Koordination bei allen Beteiligten für ihr Engagement.",
    "{fach} berichteten von guten Erfahrungen mit gemeinsamen Fallbesprechungen.",
    "Rund {teilnehmende} Fachkräfte kamen zum Treffen nach {ort}.",
    "An Infoständen stellten sich rund {klein} Einrichtungen und Träger vor.",
    "In Arbeitsgruppen diskutierten die Teilnehmenden Fälle aus der Praxis.",
    "Ein Vortrag beleuchtete das Thema {thema} aus Sicht der Forschung.",
    "Die Koordinatorin berichtete über die Arbeit des vergangenen Jahres.",
    "Eine neue Netzwerkkoordinatorin stellte sich und ihre Aufgaben vor.",
    "{fach} schilderten, wo es in der Zusammenarbeit noch hakt.",
    "Am Ende stand eine Liste gemeinsamer Empfehlungen für die Arbeit mit Familien.",
    "Das Netzwerk präsentierte bei dieser Gelegenheit sein neues Logo.",
    "Das nächste Treffen ist für den Herbst geplant.",
    "Die Mittagspause nutzten viele für Gespräche an den Ständen.",
    "Erstmals nahmen auch Vertreterinnen der Grundschulen teil.",
    "Die Präsentationen stehen den Teilnehmenden im Anschluss zur Verfügung.",
    "Eine Anmeldung ist bis zwei Wochen vor dem Termin erbeten.",
    "Das Programm bot Raum für Austausch zwischen den verschiedenen Berufsgruppen.",
)

OFFER_SENTENCES: tuple[str, ...] = (
    "Das Angebot findet {schedule} statt.",
    "Eine Anmeldung ist nicht nötig; Familien können einfach vorbeikommen.",
    "Die Treffen werden von einer pädagogischen Fachkraft begleitet.",
    "Geschwisterkinder sind herzlich willkommen.",
    "Es gibt Kaffee, Tee und Zeit für Gespräche.",
    "Bei Bedarf vermittelt das Team weitere Hilfen, etwa Beratung oder Familienbildung.",
    "Die Beratung ist vertraulich und auf Wunsch anonym.",
    "Träger des Angebots ist {traeger}.",
    "Der Raum ist barrierefrei erreichbar.",
    "Kinderwagen können im Eingangsbereich abgestellt werden.",
    "Regelmäßig kommen Gäste, etwa eine Hebamme oder eine Ernährungsberaterin.",
    "In den Schulferien ruht das Angebot.",
    "Das Angebot richtet sich an {familien}.",
    "Die Gruppe ist auf zwölf Familien begrenzt.",
)

PRESS_HEADINGS: tuple[str, ...] = (
    "Hintergrund", "Ergebnisse", "Ausblick", "Zahlen und Fakten", "Stimmen aus der Praxis",
    "So geht es weiter", "Was sich ändert", "Zur Sache",
)

MEETING_HEADINGS: tuple[str, ...] = (
    "Programm", "Vorträge", "Ergebnisse der Arbeitsgruppen", "Ausblick", "Rückblick",
    "Neue Partner im Netzwerk", "Empfehlungen",
)

OFFER_HEADINGS: tuple[str, ...] = (
    "Was erwartet Sie?", "Für wen?", "Ablauf", "Anmeldung", "Gut zu wissen", "Wo und wann?",
)

LIST_INTROS: tuple[str, ...] = (
    "Zu den Angeboten gehören:", "Die wichtigsten Punkte im Überblick:",
    "Auf dem Programm standen:", "Das Team unterstützt bei:", "Vereinbart wurde:",
)

LIST_ITEMS: tuple[str, ...] = (
    "Beratung in Erziehungsfragen", "Begleitung zu Ämtern und Behörden",
    "offene Sprechstunde im Familienzentrum", "Eltern-Kind-Gruppen am Vormittag",
    "Informationsabende zu Gesundheit und Entwicklung", "Krisenprävention",
    "Elterncafés in mehreren Stadtteilen", "Hausbesuche nach der Geburt",
    "Vermittlung von Familienpatinnen", "Austausch zwischen Kitas und Grundschulen",
    "Fortbildungen für Fachkräfte", "eine gemeinsame Übersicht aller Angebote",
    "feste Ansprechpersonen in jeder Kita", "Sprechstunden in mehreren Sprachen",
    "kurze Wege zwischen Jugendamt und Gesundheitsamt", "regelmäßige Fallbesprechungen",
    "Kinderbetreuung während der Beratung", "Angebote speziell für Väter",
)

# --- ordinary pages ------------------------------------------------------------------

HOME_PAGE = (
    "# Familiennetz",
    "Pressemitteilungen, Berichte aus den Netzwerken und Angebote für Familien aus den "
    "Kreisen und Städten — Frühe Hilfen, Kinderschutz, Kita-Sozialarbeit und "
    "Familienbildung an einem Ort.",
)

SECTION_PAGES: dict[str, tuple[str, str]] = {
    "pressemitteilungen": ("Pressemitteilungen", "Alle Pressemitteilungen der beteiligten "
                           "Kreise und Städte, die neuesten zuerst."),
    "netzwerktreffen": ("Netzwerktreffen", "Berichte von Netzwerktreffen und "
                        "Netzwerkkonferenzen sowie Ankündigungen kommender Termine."),
    "angebote": ("Angebote für Familien", "Elterncafés, Eltern-Kind-Gruppen, Beratung und "
                 "Familienbildung in Ihrer Nähe."),
    "kreise": ("Kreise und Städte", "Die Kreise und Städte, die sich am Familiennetz "
               "beteiligen."),
    "netzwerke": ("Netzwerke", "Lokale Netzwerke für Frühe Hilfen, Kinderschutz und "
                  "Kita-Sozialarbeit."),
    "themen": ("Themen", "Von Frühen Hilfen bis Kinderschutz: alle Themen im Überblick."),
}

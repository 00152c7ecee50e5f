"""The allow-list check of a body's HTML, on the tree an HTML5 parser builds (Lexbor, as a
browser would build it), not on the text: entities, odd quoting and parser quirks cannot
hide anything. One implementation: the validator runs it on the body it renders, the build
on the body MkDocs rendered, and nothing with a finding is published.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import policy
from .urls import LINK_SCHEMES, read_url

__all__ = ["Finding", "check_html", "checked_html"]

MAX_FINDINGS = 20  # per body: a pasted web page would otherwise print hundreds
_FRAME = frozenset({"html", "head", "body"})  # the parser adds them around every fragment
# Attributes that fetch or send something (besides the allowed `src` and `href`).
_FETCHING = frozenset({"srcset", "background", "poster", "data", "ping", "lowsrc", "dynsrc",
                       "longdesc", "xlink:href", "href", "src", "action", "formaction", "manifest",
                       "codebase", "archive", "icon", "profile", "usemap", "imagesrcset"})
# CSS that fetches: url(), image-set(), @import — also hidden behind escapes (`u\\72l(`).
_CSS_LOADS = re.compile(r"url\s*\(|image-set|@import|\\|expression\s*\(", re.IGNORECASE)
_UNSAFE_TAG = ("`<{tag}>` kann Skripte ausführen, fremde Inhalte einbetten oder Eingaben "
               "senden und wird nicht veröffentlicht — entfernen Sie es (Videos, Karten und "
               "Formulare bitte als Link setzen).")
_OTHER_HOST = ("`{name}` lädt `{value}` von einem fremden Server — das ist für öffentliche "
               "Stellen datenschutzrechtlich nicht zulässig. Legen Sie Bilder nach "
               "`content/assets/` (mit Bildrechten) oder setzen Sie einen Link.")


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    message: str  # German
    tag: str  # where: the element …
    attribute: str | None = None  # … and its attribute, if that is the problem
    value: str | None = None  # … with this value (as the parser read it)
    last: bool = False  # the last such element in the source, not the first


def _attribute(tag: str, name: str, value: str) -> Finding | None:
    def finding(rule: str, message: str) -> Finding:
        return Finding(rule, message, tag, name, value)

    shown = value.strip()[:60]
    if name.startswith("on"):
        return finding("unsafe-html", f"das Attribut `{name}` führt ein Skript aus und wird nicht "
                       "veröffentlicht — entfernen Sie es.")
    if name in ("srcdoc", "action", "formaction"):
        return finding("unsafe-html", f"das Attribut `{name}` bettet eine Seite ein oder sendet "
                       "Eingaben — entfernen Sie es.")
    allowed = name in policy.GLOBAL or name in policy.ATTRIBUTES.get(tag, ())
    if name in ("srcset", "imagesrcset"):  # candidates: "a.png 1x, https://… 2x"
        urls = [read_url(c.split()[0]) for c in value.split(",") if c.strip()]
        if any(u.loads_from_elsewhere for u in urls):
            return finding("external-resource", _OTHER_HOST.format(name=name, value=shown))
    if name in _FETCHING:
        url = read_url(value)
        if url.runs_script and not (tag == "img" and name == "src" and url.inline_image):
            return finding("unsafe-html", f"`{name}` mit `{url.scheme}:` führt ein Skript aus — "
                           "entfernen Sie den Verweis.")
        if allowed and name in policy.NAVIGATING:
            if url.scheme is not None and url.scheme not in LINK_SCHEMES:
                return finding("broken-link", f"Link auf `{shown}`: `{url.scheme}:` öffnet kein "
                               "Browser — erlaubt sind Links mit `https://`, `http://`, `mailto:` "
                               "und `tel:` sowie Links auf Dateien im Inhaltsordner.")
            return None
        if (name in policy.LOADING or not allowed) and url.loads_from_elsewhere:
            return finding("external-resource", _OTHER_HOST.format(name=name, value=shown))
    if name == "style" and not (allowed and policy.STYLE.match(value)):
        if _CSS_LOADS.search(value):
            return finding("external-resource", "`style` kann Inhalte von anderen Servern laden "
                           "— entfernen Sie es; die Gestaltung kommt vom Layout der Website.")
        return finding("html-not-allowed", "`style` wird im Text nicht unterstützt (nur "
                       "`text-align` in Tabellen) — die Gestaltung kommt vom Layout der Website.")
    if not allowed:
        return finding("html-not-allowed", f"das Attribut `{name}` an `<{tag}>` wird im Text "
                       "nicht unterstützt — entfernen Sie es; die Gestaltung kommt vom Layout "
                       "der Website.")
    if name == "id" and not policy.ID.match(value):
        return finding("html-not-allowed", f"die Kennung `{shown}` (`id`) ist der Website "
                       "vorbehalten oder enthält Sonderzeichen — wählen Sie einen Namen aus "
                       "Buchstaben, Ziffern und `-`, der nicht mit `_`, `md-` oder `fn-` beginnt.")
    if name == "class" and (bad := " ".join(policy.bad_classes(tag, value))):
        return Finding("html-not-allowed", f"die Klasse `{bad[:60]}` wird im Text nicht "
                       "unterstützt — erlaubt sind Hinweiskästen (`!!! note`, `!!! tip`, "
                       "`!!! warning` …) und Links als Schaltfläche (`{ .md-button }`); die "
                       "Gestaltung kommt vom Layout der Website.",
                       tag, name, bad)  # just the bad ones: the source shows where they are
    return None


def _element(node: LexborNode, allow_h1: bool, end: str) -> list[Finding]:
    tag = (node.tag or "").lower()
    attributes = node.attributes
    if tag in _FRAME:  # attributes on them land on the page's own <body>: `onload=…`
        return [Finding("unsafe-html", f"`<{tag} {name}>` gehört nicht in den Text; seine "
                        "Attribute landen auf der ganzen Seite — entfernen Sie es.", tag, name, value)
                for name, value in attributes.items()]
    if tag in policy.DANGEROUS:
        return [Finding("unsafe-html", _UNSAFE_TAG.format(tag=tag), tag)]
    if tag not in policy.TAGS:  # what it loads or runs matters more than the tag itself
        worse = [f for name, value in attributes.items()
                 if (f := _attribute(tag, name.lower(), value or "")) is not None
                 and f.rule in ("unsafe-html", "external-resource")]
        return worse or [Finding("html-not-allowed", f"`<{tag}>` wird im Text nicht unterstützt "
                                 "— verwenden Sie Markdown (`**fett**`, `## Zwischentitel`, "
                                 "Listen, Links) statt HTML.", tag)]
    found: list[Finding] = []
    if tag == "h1" and not allow_h1:
        found.append(Finding("h1-in-body", "Überschrift erster Ebene im Text — die Überschrift "
                             "der Seite kommt aus `title`; verwenden Sie `## …` für Zwischentitel.",
                             tag))
    if tag == "img" and not (attributes.get("alt") or "").strip():
        found.append(Finding("image-alt", "Bild ohne Alternativtext — beschreiben Sie in "
                             "`![…](bild.jpg)` in den eckigen Klammern, was zu sehen ist.", tag,
                             "src", attributes.get("src") or ""))
    for name, value in attributes.items():
        if end in name:  # the end marker, swallowed by a tag left open (reported once)
            continue
        if (finding := _attribute(tag, name.lower(), value or "")) is not None:
            found.append(finding)
    return found


# Parsed after the body: it must come out as the body's last element. If it does not, the
# body leaves something open (a tag without `>`, a quote, a comment, an element) that the
# page around it would close — and that is where a browser would find a script or a request
# that this fragment alone does not show. Its name is new for every check, so a body cannot
# write it and pass for closed (or have an element of its own skipped).
_UNTERMINATED = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)[^>]*$")


def _unclosed(parser: LexborHTMLParser, html: str, marker: str) -> Finding | None:
    end = parser.css_first(marker)
    if end is not None and end.parent is not None and end.parent.tag == "body" \
            and end.next is None:
        return None
    if end is not None and end.parent is not None and end.parent.tag != "body":
        tag = end.parent.tag or ""
        return Finding("unsafe-html", f"`<{tag}>` wird im Text nicht geschlossen — ergänzen "
                       f"Sie `</{tag}>`; sonst gehörte der Rest der Seite dazu.", tag, last=True)
    m = _UNTERMINATED.search(html)
    return Finding("unsafe-html", "Das HTML am Ende des Textes ist nicht vollständig (ein `<…` "
                   "ohne `>`, ein offenes Anführungszeichen oder `<!--` ohne `-->`) — die Seite "
                   "um den Text herum würde es ergänzen. Schließen oder entfernen Sie es.",
                   m.group(1).lower() if m else "!--", last=True)


def check_html(html: str, *, allow_h1: bool = False) -> list[Finding]:
    """Every finding in a body's HTML, in document order (at most MAX_FINDINGS)."""
    return checked_html(html, allow_h1=allow_h1)[1]


def checked_html(html: str, *, allow_h1: bool = False) -> tuple[str, list[Finding]]:
    """The body serialised from the tree the check ran on, and the findings. The build
    publishes that serialisation, not the text it was given: a stray `</div>`, harmless in
    the fragment, would otherwise close the page's own elements around the body."""
    end = f"fn-end-{secrets.token_hex(8)}"
    parser = LexborHTMLParser(f"{html}<{end}></{end}>")
    findings: list[Finding] = []
    if (unclosed := _unclosed(parser, html, end)) is not None:
        findings.append(unclosed)
    if parser.root is None or parser.body is None:
        return "", findings
    for node in parser.root.traverse(include_text=False):
        if node.tag in ("-comment", end):
            continue
        findings.extend(_element(node, allow_h1, end))
        if len(findings) >= MAX_FINDINGS:
            break
    for node in parser.css(end):
        node.decompose()
    return parser.body.inner_html or "", findings[:MAX_FINDINGS]

"""Is an SVG file safe to publish? Opened on its own, an SVG is a document that can run
scripts and load from other servers; shown through `<img>` it cannot, but its URL is public.

Parsed with lxml, without entities, DTDs or network: anything that runs (scripts, event
handlers, `javascript:` through animation), embeds other documents, or refers to anything
but itself is refused.
"""

from __future__ import annotations

import re

from lxml import etree

__all__ = ["svg_problem"]

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_RUNNING = frozenset({"script", "foreignObject", "handler", "listener", "iframe", "embed",
                      "object", "audio", "video"})
_ANIMATION = frozenset({"animate", "set", "animateMotion", "animateTransform", "discard"})
_LINKING = frozenset({"href", XLINK_HREF, "src"})
_CSS_REFERENCE = re.compile(r"@import|url\s*\(\s*['\"]?\s*(?!#)|image-set\s*\(|\\", re.IGNORECASE)
_INLINE_IMAGE = re.compile(r"^data:image/(?:png|jpeg|gif|webp);", re.IGNORECASE)

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          dtd_validation=False, huge_tree=False, remove_comments=True)


def _local(name: object) -> str:
    return name.split("}", 1)[-1] if isinstance(name, str) else ""


def _element_problem(element: etree._Element) -> str | None:
    name = _local(element.tag)
    if name in _RUNNING:
        return f"das Element `<{name}>` kann Skripte ausführen oder fremde Inhalte einbetten"
    if name == "style" and _CSS_REFERENCE.search(element.text or ""):
        return "ein `<style>` verweist auf andere Dateien"
    for attribute, value in element.attrib.items():
        local = _local(attribute)
        if local.lower().startswith("on"):
            return f"das Attribut `{local}` führt ein Skript aus"
        if name in _ANIMATION and local in ("attributeName", "values", "to", "from", "by") \
                and re.search(r"href|script", value, re.IGNORECASE):
            return f"`<{name}>` verändert einen Verweis (so können Skripte eingeschleust werden)"
        if attribute in _LINKING and not value.strip().startswith("#") \
                and not _INLINE_IMAGE.match(value.strip()):
            return f"`{local}` verweist auf `{value.strip()[:60]}` außerhalb der Grafik"
        if local == "style" and _CSS_REFERENCE.search(value):
            return "ein `style` verweist auf andere Dateien"
    return None


def svg_problem(data: bytes) -> str | None:
    """A German message when the SVG must not be published; None when it may."""
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError:
        return ("Die SVG-Datei ist kein gültiges XML — exportieren Sie die Grafik neu "
                "(z. B. aus Inkscape als „Optimiertes SVG“) oder verwenden Sie PNG.")
    tree = root.getroottree()
    if tree.docinfo.internalDTD is not None or tree.docinfo.doctype:
        return ("Die SVG-Datei enthält eine DOCTYPE-Angabe — entfernen Sie sie (Zeile "
                "`<!DOCTYPE …>`) oder exportieren Sie die Grafik neu.")
    if _local(root.tag) != "svg" or not str(root.tag).startswith("{" + SVG_NS):
        return "Die Datei ist keine SVG-Grafik — verwenden Sie PNG oder JPEG."
    outside = [*root.itersiblings(preceding=True), *root.itersiblings()]
    for node in [*outside, *root.iter()]:
        if isinstance(node, etree._ProcessingInstruction):
            return ("Die SVG-Datei enthält eine Verarbeitungsanweisung (`<?…?>`), die andere "
                    "Dateien laden kann — entfernen Sie sie.")
        if isinstance(node, etree._Element) and not isinstance(node.tag, str):
            continue  # entities left unresolved, comments: inert
        problem = _element_problem(node)
        if problem is not None:
            return (f"Die SVG-Datei wird nicht veröffentlicht: {problem}. Exportieren Sie die "
                    "Grafik ohne Skripte und Verweise neu, oder verwenden Sie PNG.")
    return None

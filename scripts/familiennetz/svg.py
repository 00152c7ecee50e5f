"""Is an SVG file safe to publish? Opened on its own, an SVG is a document that can run
scripts and load from other servers; shown through `<img>` it cannot, but its URL is public.

Parsed with lxml, without entities, DTDs or network. An allow-list: only elements of SVG
itself (and the inert metadata Inkscape writes) may appear — an XHTML `<img>` or `<meta>`
inside an SVG document is live. Nothing may run (scripts, event handlers, `javascript:`
through animation) or refer to anything but the graphic itself, in any attribute or
style.
"""

from __future__ import annotations

import re

from lxml import etree

__all__ = ["svg_problem"]

SVG_NS = "http://www.w3.org/2000/svg"
# Metadata namespaces drawing programs write; browsers do not render their elements.
_INERT_NS = frozenset({
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://creativecommons.org/ns#",
    "http://purl.org/dc/elements/1.1/", "http://www.inkscape.org/namespaces/inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
})
_RUNNING = frozenset({"script", "foreignObject", "handler", "listener", "iframe", "embed",
                      "object", "audio", "video", "discard"})
_ANIMATION = frozenset({"animate", "set", "animateMotion", "animateTransform"})
_LINKING = frozenset({"href", "{http://www.w3.org/1999/xlink}href", "src"})
# Any reference out of the file: url(…) not to `#`, @import, image-set(), CSS escapes.
_REFERENCE = re.compile(r"@import|url\s*\(\s*['\"]?\s*(?!#)|image-set\s*\(|\\", re.IGNORECASE)
_INLINE_IMAGE = re.compile(r"^data:image/(?:png|jpeg|gif|webp);", re.IGNORECASE)

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          dtd_validation=False, huge_tree=False, remove_comments=True)


def _split(name: object) -> tuple[str, str]:
    """(namespace, local name) of an lxml tag or attribute name."""
    if not isinstance(name, str):
        return "", ""
    if name.startswith("{"):
        namespace, _, local = name[1:].partition("}")
        return namespace, local
    return "", name


def _element_problem(element: etree._Element) -> str | None:
    namespace, name = _split(element.tag)
    if namespace in _INERT_NS:
        return None
    if namespace != SVG_NS:
        return f"das Element `<{name}>` gehört nicht zu SVG (`{namespace or 'ohne Namensraum'}`)"
    if name in _RUNNING:
        return f"das Element `<{name}>` kann Skripte ausführen oder fremde Inhalte einbetten"
    if name == "style" and _REFERENCE.search("".join(element.itertext())):
        return "ein `<style>` verweist auf andere Dateien"
    for attribute, value in element.attrib.items():
        local = _split(attribute)[1]
        if local.lower().startswith("on"):
            return f"das Attribut `{local}` führt ein Skript aus"
        if name in _ANIMATION and re.search(r"href|script", value, re.IGNORECASE):
            return f"`<{name}>` verändert einen Verweis (so können Skripte eingeschleust werden)"
        if attribute in _LINKING and not value.strip().startswith("#") \
                and not _INLINE_IMAGE.match(value.strip()):
            return f"`{local}` verweist auf `{value.strip()[:60]}` außerhalb der Grafik"
        if _REFERENCE.search(value):
            return f"`{local}` verweist auf andere Dateien (`{value.strip()[:60]}`)"
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
    if _split(root.tag) != (SVG_NS, "svg"):
        return "Die Datei ist keine SVG-Grafik — verwenden Sie PNG oder JPEG."
    outside = [*root.itersiblings(preceding=True), *root.itersiblings()]
    for node in [*outside, *root.iter()]:
        if isinstance(node, etree._ProcessingInstruction):
            return ("Die SVG-Datei enthält eine Verarbeitungsanweisung (`<?…?>`), die andere "
                    "Dateien laden kann — entfernen Sie sie.")
        if not isinstance(node.tag, str):
            continue  # entities left unresolved: inert
        problem = _element_problem(node)
        if problem is not None:
            return (f"Die SVG-Datei wird nicht veröffentlicht: {problem}. Exportieren Sie die "
                    "Grafik ohne Skripte und Verweise neu, oder verwenden Sie PNG.")
    return None

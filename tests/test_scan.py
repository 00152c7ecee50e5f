"""The body scan: H1 headings, links, images and anchors, with 0-based lines, and
nothing found inside code (fences or inline), because code is shown, not run. (What HTML
a body may contain is judged on the rendered HTML: test_sanitize.py.)"""

from __future__ import annotations

import pytest

from familiennetz.scan import Link, blank_code, heading_id, scan_body


def h1(body: str) -> list[tuple[int, int]]:
    return scan_body(body).h1


# --- headings ----------------------------------------------------------------------------------


def test_atx_h1_is_found_with_its_line() -> None:
    assert h1("Text.\n\n# Titel\n\n## Zwischentitel\n### Mehr\n") == [(2, 1)]


# As Python-Markdown reads them: `#` at the very start of the line, a space after it or not.
@pytest.mark.parametrize("line", ["#Hashtag", "#", "#\tTab", "# Titel #"])
def test_atx_h1_variants(line: str) -> None:
    assert h1(f"{line}\n") == [(0, 1)]


@pytest.mark.parametrize("line", ["   # Leerzeichen davor", "## H2", "\\# kein Titel",
                                  "Text # kein Titel"])
def test_not_an_atx_h1(line: str) -> None:
    assert h1(f"{line}\n") == []


def test_setext_h1_is_reported_on_its_text_line() -> None:
    assert h1("Einleitung.\n\nTitel\n=====\n\nText.\n") == [(2, 1)]
    assert h1("Titel\n=\n") == [(0, 1)]


def test_setext_h2_and_equals_after_blank_line_are_not_h1() -> None:
    assert h1("Titel\n-----\n\nText.\n") == []
    assert h1("Text.\n\n=====\n") == []
    assert h1("=====\n") == []


def test_equals_after_a_code_fence_is_not_a_setext_underline() -> None:
    assert h1("```\ncode\n```\n===\n") == []


def test_headings_come_sorted_by_line() -> None:
    assert h1("Titel\n===\n\n# Zweiter\n\nDritter\n=====\n") == [(0, 1), (3, 1), (5, 1)]


# --- code is skipped ---------------------------------------------------------------------------

CODE_SAMPLES = ["# Titel", "<script>alert(1)</script>", "[Link](fehlt.md)", "![](fehlt.jpg)",
                '<a onclick="x()">', "Titel\n====="]


@pytest.mark.parametrize("sample", CODE_SAMPLES)
@pytest.mark.parametrize("fence", ["```", "~~~", "````", "```python"])
def test_nothing_is_found_inside_a_fence(sample: str, fence: str) -> None:
    body = f"Text.\n\n{fence}\n{sample}\n{fence.strip().rstrip('python')}\n"
    scan = scan_body(body)
    assert (scan.h1, scan.links) == ([], [])
    assert "<" not in blank_code(body) and len(blank_code(body)) == len(body)


def test_fence_closes_only_with_the_same_character_and_at_least_its_length() -> None:
    body = "````\n```\n# im Code\n~~~\n````\n# danach\n"
    assert h1(body) == [(5, 1)]
    assert h1("~~~\n```\n# im Code\n~~~\n# danach\n") == [(4, 1)]


def test_a_fence_never_closed_or_indented_is_no_code() -> None:
    # Python-Markdown renders both as text and the heading as a heading: so does the scan.
    assert scan_body("Text.\n```\n# Titel\n<script>\n").h1 == [(2, 1)]
    assert scan_body("Text.\n\n  ```\n# Titel\n  ```\n").h1 == [(3, 1)]
    assert blank_code("Text.\n```\n<script>\n") == "Text.\n```\n<script>\n"


def test_an_escaped_backtick_opens_no_code_span() -> None:
    body = "Das Zeichen \\` heißt Backtick; mehr im [Glossar](glossar.md) und ` so.\n"
    assert [link.target for link in scan_body(body).links] == ["glossar.md"]


@pytest.mark.parametrize("span", ["`<script>`", "``<iframe src=x>``", "`` a ` <script> ``",
                                  "`[Link](fehlt.md)`", "`javascript:x`", "`onclick=\"x\"`"])
def test_nothing_is_found_inside_inline_code(span: str) -> None:
    scan = scan_body(f"Im Text: {span} und weiter.\n")
    assert scan.links == [] and "<" not in scan.text


def test_inline_code_keeps_positions_of_what_follows() -> None:
    [link] = scan_body("`code` <a href=\"x.md\">\n").links
    assert (link.line, link.col, link.html) == (0, 8, True)


def test_text_after_a_fence_is_scanned_again() -> None:
    assert h1("```\n# a\n```\n# b\n") == [(3, 1)]


# --- links and images ------------------------------------------------------------------------


def test_links_and_images_with_positions() -> None:
    scan = scan_body("Zum [Angebot](../angebote/x.md) und\n![Foto](bild.jpg \"Titel\").\n")
    assert scan.links == [Link(0, 5, "../angebote/x.md", False, "Angebot"),
                          Link(1, 1, "bild.jpg", True, "Foto")]


def test_angle_bracket_target_and_title_are_stripped() -> None:
    [link] = scan_body("[Programm](<programm.pdf> 'PDF')\n").links
    assert (link.target, link.text) == ("programm.pdf", "Programm")


def test_reference_definition_is_a_link() -> None:
    [link] = scan_body("Text [Angebot][a].\n\n[a]: ../angebote/x.md\n").links
    assert (link.line, link.target, link.image) == (2, "../angebote/x.md", False)


def test_html_links_and_images_are_links_marked_as_html() -> None:
    scan = scan_body('<a href="../x.md">x</a>\n<img src="b.jpg" alt="Ein Foto">\n<img alt="">\n')
    assert [(link.line, link.col, link.target, link.image, link.html) for link in scan.links] == [
        (0, 1, "../x.md", False, True), (1, 1, "b.jpg", True, True)]


# --- anchors -------------------------------------------------------------------------------


@pytest.mark.parametrize(("heading", "anchor"), [
    ("Über uns", "uber-uns"), ("8. Meldungen lesen und beheben", "8-meldungen-lesen-und-beheben"),
    ("**Wichtig:** Termine", "wichtig-termine"), ("[Link](x.md) im Titel", "link-im-titel"),
    ("Kinder- & Jugendhilfe", "kinder-jugendhilfe"), ("`Code` zeigen", "code-zeigen"),
])
def test_heading_ids_are_those_of_python_markdowns_toc(heading: str, anchor: str) -> None:
    import markdown

    html = markdown.markdown(f"## {heading}\n", extensions=["toc"])
    assert f'id="{anchor}"' in html  # the reference: what the build will render
    assert heading_id(heading) == anchor


def test_anchors_are_headings_explicit_ids_and_html_ids_with_repeats_numbered() -> None:
    scan = scan_body("# Titel\n\n## Ablauf\n\nText\n\n## Ablauf\n\nEnde\n----\n\n"
                     "## Anders {#eigene-id}\n\n<p id=\"kasten\">x</p>\n")
    assert scan.anchors == {"titel", "ablauf", "ablauf_1", "ende", "eigene-id", "kasten"}


def test_reference_style_images_are_images_with_their_definition_as_target() -> None:
    scan = scan_body("![Logo][logo]\n![][leer]\n\n[logo]: https://cdn.example.org/l.png\n"
                     "[leer]: bild.png\n")
    images = [(link.target, link.text) for link in scan.links if link.image]
    assert images == [("https://cdn.example.org/l.png", "Logo"), ("bild.png", "")]


def test_raw_html_h1_counts_as_a_heading() -> None:
    assert scan_body("Text\n\n<h1>Noch ein Titel</h1>\n").h1 == [(2, 1)]


def test_link_target_in_angle_brackets_may_contain_spaces() -> None:
    [link] = scan_body("![Foto](<fotos/mein bild.png>)\n").links
    assert link.target == "fotos/mein bild.png"

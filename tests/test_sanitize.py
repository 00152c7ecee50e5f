"""The allow-list for body HTML, end to end: a Markdown body as a press officer (or an
attacker) writes it → rendered as the build renders it → checked on the HTML5 parser's
tree → reported on the line of the source, with a rule id; and the build refuses the same.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, NOW, Tree, write_tree
from familiennetz.sanitize import check_html, needs_render, render_body
from familiennetz.validator import validate

PR = "pressemitteilungen/2024/2024-06-14-workshop.md"
HEAD = """---
title: Workshop zum Kita-Sozialraumbudget
date: 2024-06-14
districts: [rhein-lahn-kreis]
topics: [kita-sozialarbeit]
summary: Kitaleitungen, Fachkräfte und Verwaltung haben in Bad Ems Bilanz gezogen.
---

"""
BODY_LINE = 9  # the body's first line in the file
SITE = Path(__file__).parent / "examples" / "site"


def findings(tree: Tree, content: Path, body: str) -> list[tuple[int, int, str]]:
    tree({PR: HEAD + body})
    result = validate(content, now=NOW, display_base=content)
    return [(p.line - BODY_LINE, p.col, p.rule) for p in result.problems]


# Each attack from the security review, as a press officer could paste it: the rule and
# where it stands (0-based line in the body, 1-based column).
ATTACKS = {
    "svg animate on href": ('Text\n<svg><a><animate attributeName="href" '
                            'values="javascript:alert(1)"/><text>x</text></a></svg>\n',
                            (1, 1, "unsafe-html")),
    "svg set": ('<svg><set attributeName="href" to="javascript:alert(1)"/></svg>\n',
                (0, 1, "unsafe-html")),
    "svg image": ('<svg><image href="https://tracker.example.com/p.png"/></svg>\n',
                  (0, 1, "unsafe-html")),
    "svg feImage": ('<svg><filter><feImage href="https://t.example.com/x"/></filter></svg>\n',
                    (0, 1, "unsafe-html")),
    "css image-set": ('<p style="background: image-set(\'https://t.example.com/x.png\' 1x)">'
                      'x</p>\n', (0, 4, "external-resource")),
    "css escaped url": ('<p style="background: u\\72l(https://t.example.com/x.png)">x</p>\n',
                        (0, 4, "external-resource")),
    "backslash host": ('<img src="/\\t.example.com/x.png" alt="Bild">\n', (0, 6, "external-resource")),
    "ping beacon": ('<a href="https://example.org/" ping="https://t.example.com/">x</a>\n',
                    (0, 32, "external-resource")),
    "form": ('<form action="https://t.example.com/"><input name="iban"></form>\n',
             (0, 1, "unsafe-html")),
    "entity-split javascript": ('<a href="java&#x73;cript:alert(1)">x</a>\n', (0, 4, "unsafe-html")),
    "newline-split javascript": ('<a href="java\nscript:alert(1)">x</a>\n', (0, 4, "unsafe-html")),
    "srcset candidate": ('<img src="a.png" srcset="a.png 1x, https://t.example.com/b.png 2x" '
                         'alt="Bild">\n', (0, 18, "external-resource")),
    "entity-encoded slashes": ('<img src="&#x2F;&#x2F;t.example.com/p.gif" alt="Bild">\n',
                               (0, 6, "external-resource")),
    "markdown link, nested brackets": ("Zur [Anmeldung [hier]](javascript:alert(1))\n",
                                       (0, 5, "unsafe-html")),
    "markdown image elsewhere": ("![Foto](https://cdn.example.com/foto.jpg)\n",
                                 (0, 1, "external-resource")),
    "attribute list handler": ('[Mehr](#mehr){: onclick="alert(1)" }\n\n## Mehr\n',
                               (0, 17, "unsafe-html")),
    "id takes material's config": ("Text\n{: #__config }\n", (1, 5, "html-not-allowed")),
    "dangling tag at the end": ("Erster Absatz.\n\n<p>\n<img alt=x src=x "
                                'onerror="alert(document.domain)"\n', (3, 1, "unsafe-html")),
    "dangling request at the end": ("<p>\n<img alt=Logo src=http://127.0.0.2:9/beacon.png\n",
                                    (1, 1, "unsafe-html")),
    "element left open": ("<div>\n\nDer Rest der Seite gehörte dazu.\n", (0, 1, "unsafe-html")),
    "reference on the next line": ("[x]:\njavascript:alert(1)\n\n[click][x]\n",
                                   (1, 1, "unsafe-html")),
    "meta refresh": ('<meta http-equiv="refresh" content="0;url=https://example.com/">\n',
                     (0, 1, "unsafe-html")),
    "body onload": ("<body onload=\"alert(1)\">\n", (0, 7, "unsafe-html")),
    "noscript mutation": ('<noscript><p title="</noscript><img src=x onerror=alert(1)>">'
                          "</noscript>\n", (0, 1, "unsafe-html")),
    "event handler": ("<img src=x onerror=alert(1) alt=Bild>\n", (0, 12, "unsafe-html")),
    "unknown scheme": ("[Karte](geo:50.3,7.7)\n", (0, 1, "broken-link")),
    "forged end of body": ('Text\n\n<p><hr><fn-end-of-body tabindex="0" autofocus '
                           'onfocus="alert(1)">\n', (2, 8, "unsafe-html")),
    "forged end, dangling": ('<p><hr><fn-end-of-body><img src=x onerror="alert(1)" title="\n',
                             (0, 24, "unsafe-html")),
    "admonition with the site's class": ("Text\n\n!!! md-typeset\n    x\n",
                                         (2, 5, "html-not-allowed")),
    "a class Material's scripts act on": ('Ablauf:\n\n<pre class="mermaid">\ngraph TD\n  A --> B\n'
                                          '</pre>\n', (2, 6, "html-not-allowed")),
    "an admonition of that class": ("Text\n\n!!! mermaid\n    x\n", (2, 5, "html-not-allowed")),
    "a class of one's own": ("Text\n{: .rot }\n", (1, 5, "html-not-allowed")),
    "a comment left open": ("Text <!-- nie geschlossen\n", (0, 6, "unsafe-html")),
    "link target split over lines": ("[hier](java\nscript:alert(1))\n", (0, 8, "unsafe-html")),
}


@pytest.mark.parametrize("case", list(ATTACKS), ids=list(ATTACKS))
def test_each_attack_is_reported_at_its_line_with_its_rule(tree: Tree, content: Path,
                                                           case: str) -> None:
    body, expected = ATTACKS[case]
    assert expected in findings(tree, content, body)


def test_findings_in_html_written_like_code_are_still_found(tree: Tree, content: Path) -> None:
    # Backticks inside an HTML block look like a code span, but Markdown leaves the block be.
    body = 'Text\n\n<div title="`"><script>alert(1)</script><span title="`"></span></div>\n'
    assert (2, 16, "unsafe-html") in findings(tree, content, body)


HARMLESS = [
    "Ein Absatz mit **fett**, _kursiv_ und `<script>` als Code.\n",
    "```html\n<script>alert(1)</script>\n```\n",
    "| Zeit | Programm |\n|:----:|---:|\n| 9:30 | Begrüßung |\n",
    "<details><summary>Mehr</summary>\n\nText.\n</details>\n",
    '<abbr title="Institut für Sozialpädagogische Forschung Mainz">ISM</abbr>, H<sub>2</sub>O\n',
    "[extern](https://www.example.org/?a=1&b=2) [mail](mailto:presse@example.org) "
    "[tel](tel:+49-2603-972-0)\n",
    "Eltern & Kinder, 3 < 5 > 2, „Zitat“\n",
    '[Programm](#programm){ .md-button }\n\n## Programm\n',
    "!!! note \"Hinweis\"\n    Die Anmeldung ist kostenlos.\n",
    "![Teilnehmende am Tisch](data:image/png;base64,iVBORw0KGgo=)\n",
    "## 🎉\n",
    "## Inhalt\n\n## MD-Kurs für Eltern\n\n## " + "Eine sehr lange Überschrift " * 5 + "\n",
    "__config\n--------\n\n## __config\n\n## FN-Kurs\n",  # safe ids by construction
    "```Python\nprint(1)\n```\n\n```c++\nx\n```\n",
    '!!! tip "Tipp"\n    Text.\n\n!!! 2026\n    Text.\n\n!!! übung\n    Text.\n',
]


@pytest.mark.parametrize("body", HARMLESS)
def test_what_press_officers_may_write_passes(tree: Tree, content: Path, body: str) -> None:
    assert findings(tree, content, body) == []


def test_headings_never_get_an_id_of_the_site() -> None:
    html = render_body("## __config\n\n## FN-Kurs\n\n## Inhalt\n")
    assert 'id="h-__config"' in html and 'id="h-fn-kurs"' in html and 'id="inhalt"' in html


def test_messages_are_german_and_say_what_to_do() -> None:
    [finding] = check_html('<p><img src="a.png" alt="x" onerror="alert(1)"></p>')
    assert finding.message == ("das Attribut `onerror` führt ein Skript aus und wird nicht "
                               "veröffentlicht — entfernen Sie es.")
    [finding] = check_html('<img src="https://t.example.com/p.gif" alt="Bild">')
    assert finding.message == ("`src` lädt `https://t.example.com/p.gif` von einem fremden Server "
                               "— das ist für öffentliche Stellen datenschutzrechtlich nicht "
                               "zulässig. Legen Sie Bilder nach `content/assets/` (mit "
                               "Bildrechten) oder setzen Sie einen Link.")


def test_h1_is_allowed_only_where_asked() -> None:
    assert [f.rule for f in check_html("<h1>Zweiter Titel</h1>")] == ["h1-in-body"]
    assert check_html("<h1>Impressum</h1>", allow_h1=True) == []


@pytest.mark.parametrize("body", [
    "Nur Text.\n\n## Zwischentitel\n\n- eins\n- zwei\n",
    "[Angebot](../angebote/x.md) und [Seite](https://example.org/a?b=c#d)\n",
    "[Anruf](tel:+49-2603-972-0)\n",
])
def test_bodies_that_skip_rendering_give_nothing_to_find(body: str) -> None:
    # The validator renders only what can hold more than Markdown's plain output.
    assert not needs_render(body)
    assert check_html(render_body(body)) == []


@pytest.mark.parametrize("body", [
    "<b>x</b>", "a &amp; b", "[x](y){: .z }", "![x](y.png)", "[x](javascript:y)", "[x](geo:1,2)",
    "[x]: vbscript:y", "[x](<java script:y>)", "[x](\njavascript:y)", "[x](java\nscript:y)",
    "!!! md-header\n    x\n",
    "```\nx\n```",
])
def test_bodies_with_anything_else_are_rendered(body: str) -> None:
    assert needs_render(body)


@pytest.mark.slow
def test_the_build_refuses_what_the_validator_would(tmp_path: Path) -> None:
    # The validator is skipped here on purpose (a file changed after it ran): the build
    # checks every rendered body itself and stops.
    site = tmp_path / "site-src"
    shutil.copytree(SITE, site)
    shutil.copytree(SITE.parents[1].parent / "overrides", tmp_path / "overrides")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("../../../overrides",
                                                                "../overrides"), encoding="utf-8")
    page = site / "content" / "impressum.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<div title="`"><script>alert(1)'
                    '</script><span title="`"></span></div>\n', encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "FAMILIENNETZ_NOW": "2026-11-21T12:00:00+01:00"}
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config),
                          "-d", str(tmp_path / "out")], capture_output=True, text=True, env=env,
                         check=False)
    assert run.returncode != 0
    assert "(unsafe-html)" in run.stderr + run.stdout
    assert not (tmp_path / "out" / "impressum" / "index.html").exists()


# --- the gate is sound ------------------------------------------------------------------------

FRAGMENTS = [
    "Ein ganz normaler Satz.", "## Über uns", "## __config", "## ＿＿config", "## FN-Kurs",
    "## ＦＮ-Kurs", "Titel\n=====", "__config\n--------", "- eins\n- zwei", "1. erstens",
    "**fett** und _kursiv_", "`code <script>`", "[Link](../angebote/x.md)",
    "[Link](https://example.org/a?b=c#d)", "[Link](javascript:alert(1))", "[Link](\njavascript:x)",
    "[Link](java\nscript:x)", "- # In Liste", "> # Zitat", "> Zitat\n> =====", "#Hashtag",
    "[a [b] c](x.md)", "[mehr\nText](y.md)", "[x][ref]", "[ref]: https://example.org/",
    "[ref]:\n  javascript:alert(1)", "> Zitat", "    eingerückter Code", "***", "Text  \nUmbruch",
    "| a | b |\n|---|---|\n| 1 | 2 |", "https://example.org/ ohne Link", "Kinder unter 3 Jahren",
    "[leer]()", "[x](tel:+49-1)", "[x](mailto:a@b.de)", "![Bild](bild.png)", "!!! note\n    x",
    "```Python\nx\n```", "Text {: #__config }", "<b>fett</b>", "A &amp; B", "§ 8a SGB VIII",
]


def test_what_skips_rendering_would_never_be_found_on_the_rendered_html() -> None:
    rng = random.Random(20261205)
    for _ in range(3000):
        body = "\n\n".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 6))) + "\n"
        if not needs_render(body):
            assert check_html(render_body(body), allow_h1=True) == [], body  # H1: the scan


@pytest.mark.parametrize(("body", "code"), [
    # `[a](` and 19,000 spaces on each of 12 lines: quadratic backtracking took minutes.
    ("".join(f"Text [a]({' ' * 19_000}x\n\n" for _ in range(12)), 0),
    # 117,000 `](` without a `[`: walking back from each took a minute (refused now for its
    # parentheses, but read to the end first).
    ("a" + ("](" * 9000 + "\n") * 13, 1),
    # 12 lines of 19,999 characters: looking for a longer line from every offset, 10 s.
    (("x" * 19_999 + "\n") * 12, 0),
    # 1,800 `<a ` never closed: Python's HTML tokenizer read to the end from each (minutes).
    (("<a " * 300 + "Text\n\n") * 6, 1),
], ids=["spaces in targets", "closing brackets", "long lines", "tags never closed"])
def test_bodies_cost_linear_time_whatever_the_text(tmp_path: Path, body: str, code: int) -> None:
    root = write_tree(tmp_path / "content", {PR: HEAD + body})
    shutil.copytree(EXAMPLES / "base", root, dirs_exist_ok=True)
    run = subprocess.run([sys.executable, "-c", "import sys; from familiennetz.cli import main; "
                          "sys.exit(main())", "validate", "--now", "2026-11-21T12:00:00+01:00",
                          str(root)], capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == code, run.stdout + run.stderr  # a guard against hanging, not a timing

"""The build's last check on rendered HTML: what the source scan cannot see still stops it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from familiennetz.rules.rendered import check_rendered_html

SITE = Path(__file__).parent / "examples" / "site"


@pytest.mark.parametrize(("html", "finding"), [
    ('<a href="java&#x73;cript:alert(1)">x</a>', "`href` mit `javascript:alert(1)` führt ein Skript aus"),
    ('<a href=" JaVaScRiPt&colon;x">x</a>', "`href` mit `javascript:x` führt ein Skript aus"),
    ("<script>alert(1)</script>", "`<script>` ist im Text nicht erlaubt"),
    ('<img src="https://tracker.example.com/p.gif" alt="x">',
     "`img` lädt `https://tracker.example.com/p.gif` von einem fremden Server"),
    ('<img srcset="a.png 1x, //cdn.example.com/b.png 2x" alt="x">',
     "`img` lädt `//cdn.example.com/b.png` von einem fremden Server"),
    ('<p onmouseover="x()">x</p>', "das Attribut `onmouseover` führt ein Skript aus"),
    ('<p style="background:url(https://x)">x</p>', "`style` mit `url(…)` lädt Inhalte nach"),
    ("<h1>Zweite Überschrift</h1>", "`<h1>` im Text — die Überschrift kommt aus `title`"),
])
def test_forbidden_html_is_named_in_german(html: str, finding: str) -> None:
    assert check_rendered_html(html, allow_h1=False) == [finding]


def test_ordinary_html_passes() -> None:
    body = ('<h2 id="x">Zwischentitel</h2><p><a href="https://www.example.org/">extern</a> '
            '<a href="../../kreise/">intern</a> <img src="../bild.png" alt="Ein Bild"></p>')
    assert check_rendered_html(body, allow_h1=False) == []
    assert check_rendered_html("<h1>Impressum</h1>", allow_h1=True) == []


def test_script_hidden_from_the_source_scan_still_stops_the_build(tmp_path: Path) -> None:
    site = tmp_path / "site-src"
    shutil.copytree(SITE, site)
    shutil.copytree(SITE.parents[1].parent / "overrides", tmp_path / "overrides")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("../../../overrides", "../overrides"),
                      encoding="utf-8")
    page = site / "content" / "impressum.md"
    # Backticks inside an HTML block look like a code span to a line-based scan.
    page.write_text(page.read_text(encoding="utf-8") + '\n<div title="`"><script>alert(1)</script>'
                    '<span title="`"></span></div>\n', encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "FAMILIENNETZ_NOW": "2026-11-21T12:00:00+01:00"}
    target = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config),
                          "-d", str(target)], capture_output=True, text=True, env=env, check=False)
    assert run.returncode != 0
    assert "content/impressum.md: `<script>` ist im Text nicht erlaubt" in run.stderr + run.stdout

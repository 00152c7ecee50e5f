"""The Nu Html Checker (vnu-jar, pinned in package-lock.json; it runs on Java) finds no
error on any page of the built sample site."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

import sitebuild
from browser import need

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_no_page_of_the_sample_site_has_an_html_error(tmp_path: Path) -> None:
    java = shutil.which("java")
    need(java is not None and VNU.is_file(), "HTML-Prüfung",
         "Java oder node_modules/vnu-jar fehlt (make node; Java 11 oder neuer)")
    assert java is not None
    result = sitebuild.run_build(ROOT / "mkdocs.yml", tmp_path / "site")
    assert result.returncode == 0, result.output
    pages = list((tmp_path / "site").rglob("*.html"))
    assert len(pages) > 40
    checked = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json",
                              "--skip-non-html", str(tmp_path / "site")],
                             capture_output=True, text=True, timeout=600, check=False)
    messages = json.loads(checked.stderr or '{"messages": []}')["messages"]
    errors = [f"{m['url'].rsplit('/site/', 1)[-1]}:{m.get('lastLine', '?')}: {m['message']}"
              for m in messages if m.get("type") == "error"]
    assert errors == []

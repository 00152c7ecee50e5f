"""The web editor's configuration is the type registry's: every field of every type, with
the validator's constraints; and /admin/ is private and locked down."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from familiennetz.editor import EditorSettings, content_security_policy, editor_config
from familiennetz.fields import fields_of
from familiennetz.types import BY_FOLDER, BY_REF, TYPES
from familiennetz.validator import validate

ROOT = Path(__file__).resolve().parents[1]
LOCAL = EditorSettings(local="http://127.0.0.1:8081/api/v1")
GITHUB = EditorSettings(repo="kreis-beispiel/familiennetz", auth_url="https://anmeldung.kreis-beispiel.de")


def _config(settings: EditorSettings = GITHUB) -> dict[str, Any]:
    return editor_config(settings, site_url="https://www.example.org/")


def _compare(model: type, form: list[dict[str, Any]], where: str) -> None:
    by_name = {f["name"]: f for f in form}
    for info in fields_of(model):
        path = f"{where}.{info.name}"
        assert info.name in by_name, f"{path} fehlt im Formular"
        field = by_name.pop(info.name)
        assert field["label"] == info.doc.label, path
        assert field.get("required", True) == info.required, path
        shape = info.shape.item if info.shape.kind == "list" else info.shape
        assert shape is not None
        if info.doc.ref:
            assert field["widget"] == "relation", path
            assert field["collection"] == BY_REF[info.doc.ref].folder, path
            assert field["multiple"] == (info.shape.kind == "list"), path
        elif shape.kind == "enum":
            assert [o["value"] for o in field["options"]] == list(shape.choices), path
        elif shape.kind == "model":
            assert shape.model is not None
            _compare(shape.model, list(field["fields"]), path)
        elif info.doc.offer is not None:  # codes offered by name, each one the pattern's
            values = [o["value"] for o in field["options"]]
            assert values and all(re.match(str(info.doc.pattern), v) for v in values), path
        elif info.doc.pattern:
            pattern = (field.get("field") or field)["pattern"][0]
            assert pattern == info.doc.pattern, path
        if info.doc.min_items:
            assert field["min"] == info.doc.min_items, path
    assert set(by_name) <= {"body"}, f"{where}: Felder ohne Modell: {sorted(by_name)}"


def test_every_field_of_every_type_is_in_the_form_with_the_validators_constraints() -> None:
    collections = {c["name"]: c for c in _config()["collections"]}
    assert set(collections) == {t.folder for t in TYPES}
    for name, collection in collections.items():
        doctype = BY_FOLDER[name]
        assert collection["folder"] == f"content/{doctype.folder}"
        assert collection["label_singular"] == doctype.label
        _compare(doctype.model, collection["fields"], name)


def test_lengths_dates_and_required_groups_are_asked_as_the_validator_reads_them() -> None:
    fields = {f["name"]: f for f in _config()["collections"][0]["fields"]}
    assert fields["title"]["pattern"][0].endswith(r"[\s\S]{5,160}$")
    assert fields["date"]["format"] == "YYYY-MM-DD" and fields["date"]["time_format"] is False
    assert fields["embargo"]["format"] == "YYYY-MM-DDTHH:mm:ssZ"  # with the Berlin offset
    image = fields["image"]
    assert image["widget"] == "fn-optional-group"  # alt and credit count once a picture is chosen
    assert {f["name"]: f.get("required", True) for f in image["fields"]} == \
        {"src": True, "alt": True, "credit": True}
    assert image["fields"][0]["widget"] == "image"
    assert [f["name"] for f in _config()["collections"][0]["fields"]][:2] == ["title", "date"]


def test_dated_types_are_filed_in_year_folders_named_by_their_date() -> None:
    for collection in _config()["collections"]:
        if BY_FOLDER[collection["name"]].dated:
            assert collection["path"] == "{{year}}/{{slug}}"
            assert collection["slug"].startswith("{{fields.date | date('YYYY-MM-DD')}}-")
        else:
            assert "path" not in collection


def test_saving_makes_pull_requests_and_the_local_backend_is_only_for_make_edit() -> None:
    config = _config()
    assert config["publish_mode"] == "editorial_workflow"
    assert config["locale"] == "de"
    backend = config["backend"]
    assert (backend["name"], backend["repo"], backend["base_url"]) == (
        "github", "kreis-beispiel/familiennetz", "https://anmeldung.kreis-beispiel.de")
    assert "local_backend" not in config
    assert _config(LOCAL)["local_backend"] == {"url": LOCAL.local}
    assert config["media_folder"] == "content/assets" and config["public_folder"] == "assets"


def test_csp_allows_only_the_site_the_git_api_and_the_login_helper() -> None:
    policy = dict(part.split(" ", 1) for part in content_security_policy(GITHUB).split("; "))
    assert policy["default-src"] == "'none'"
    assert policy["connect-src"].split() == ["'self'", "blob:", "https://api.github.com",
                                             "https://anmeldung.kreis-beispiel.de"]
    assert policy["script-src"].split()[0] == "'self'" and "'unsafe-inline'" not in policy["script-src"]
    assert "http" not in content_security_policy(EditorSettings()).replace("'self'", "")


@pytest.mark.parametrize(("settings", "wrong"), [
    (EditorSettings(repo="nur-ein-name"), "editor_repo"),
    (EditorSettings(repo="a/b", auth_url="http://anmeldung.example.org"), "editor_auth_url"),
    (EditorSettings(local="http://example.org:8081/api/v1"), "editor_local"),
    (EditorSettings(branch="-x"), "editor_branch"),
])
def test_wrong_settings_are_named_in_german(settings: EditorSettings, wrong: str) -> None:
    problem = settings.problem()
    assert problem is not None and wrong in problem


NODE_ROUNDTRIP = Path(__file__).resolve().parent / "editor_roundtrip.mjs"


def test_every_sample_file_survives_the_editors_yaml_and_still_validates(tmp_path: Path) -> None:
    """Each sample item read and written as Decap writes it (yaml 1.10, gray-matter,
    keys in form order) still passes the validator with the same values."""
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules/yaml").is_dir():
        pytest.skip("node oder node_modules fehlen (make node)")
    copy = tmp_path / "content"
    shutil.copytree(ROOT / "content", copy)
    orders = {c["folder"].removeprefix("content/"): [f["name"] for f in c["fields"]]
              for c in _config()["collections"]}
    files = [p for p in copy.rglob("*.md") if p.parent.relative_to(copy).parts
             and p.relative_to(copy).parts[0] in orders and p.name != "index.md"]
    jobs = [{"path": str(p), "order": orders[p.relative_to(copy).parts[0]]} for p in files]
    subprocess.run([node, str(NODE_ROUNDTRIP)], input=json.dumps(jobs), text=True, check=True,
                   cwd=ROOT, timeout=120)
    before = validate(ROOT / "content", now=_now())
    after = validate(copy, now=_now())
    assert [str(p) for p in after.errors] == []
    assert len(files) > 30
    old = {e.src: e.data for e in before.collection.entries}
    for entry in after.collection.entries:
        assert entry.data == old[entry.src], entry.src


def _now() -> Any:
    from conftest import NOW

    return NOW


def test_config_is_valid_yaml_as_written_into_the_site(tmp_path: Path) -> None:
    from familiennetz.editor import write_editor

    write_editor(tmp_path, ROOT, GITHUB, site_url="https://www.example.org/", site_name="Test")
    text = (tmp_path / "admin/config.yml").read_text(encoding="utf-8")
    assert yaml.safe_load(text) == json.loads(json.dumps(_config()))
    page = (tmp_path / "admin/index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert (tmp_path / "admin/decap/decap-cms.js").is_file()


SAMPLES = ["Elterncafé in der Kita Nastätten", "Kurz", "Zeile eins ist lang genug\nZeile zwei",
           "Mit <b>fett</b> genug Zeichen hier", "Kosten: 5 < 10 und A & B, genug Zeichen",
           "Mit &amp; einer Entität, genug Zeichen", "x" * 161, "  Leerzeichen vorn und hinten  "]


def test_the_form_refuses_exactly_the_texts_the_validator_refuses() -> None:
    """Each text field's pattern, run by node as the browser runs it, agrees with the
    validator's own checks (lengths, line breaks, tags, entities)."""
    from familiennetz.text import text_problem

    node = shutil.which("node")
    if node is None:
        pytest.skip("node fehlt")
    fields = {f["name"]: f for f in _config()["collections"][0]["fields"]}
    infos = {i.name: i for i in fields_of(BY_FOLDER["pressemitteilungen"].model)}
    for name in ("title", "summary", "source"):
        pattern = fields[name]["pattern"][0]
        script = ("const r = new RegExp(process.argv[1]);"
                  "console.log(JSON.stringify(JSON.parse(process.argv[2]).map(t => r.test(t))))")
        found = subprocess.run([node, "-e", script, pattern, json.dumps(SAMPLES)],
                               capture_output=True, text=True, check=True).stdout
        doc = infos[name].doc
        expected = [text_problem(t, plain=doc.plain) is None
                    and (doc.min_len or 0) <= len(t) <= (doc.max_len or 10**6) for t in SAMPLES]
        assert json.loads(found) == expected, name


@pytest.mark.parametrize(("request_", "allowed"), [
    ({"params": {"path": "content/angebote/x.md"}}, True),
    ({"params": {"folder": "content/pressemitteilungen", "depth": 2}}, True),
    ({"params": {"paths": ["content/a.md", "content/b.md"]}}, True),
    ({"params": {"path": ".git/config"}}, False),
    ({"params": {"path": "content/../.git/config"}}, False),
    ({"params": {"dataFiles": [{"path": "content/a.md", "newPath": "scripts/x.py"}]}}, False),
    ({"params": {"paths": ["content/a.md", ".env"]}}, False),
    ({"params": {"asset": {"path": "content/.git/hooks/x"}}}, False),
])
def test_the_local_backends_gate_lets_through_only_paths_under_content(
        request_: dict[str, Any], allowed: bool) -> None:
    from familiennetz.editor.guard import allowed_paths

    assert allowed_paths(request_) is allowed


def test_make_edit_says_in_german_when_its_port_is_taken(tmp_path: Path) -> None:
    import socket

    from familiennetz.localedit import LocalBackend

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(SystemExit, match="ist belegt"):
            LocalBackend(tmp_path, frozenset(), port=port).start()

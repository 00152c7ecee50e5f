"""A site is published only with its real address, its operator declared and no template
placeholder left; the operator's data fill the legal pages; a demo says so on every page."""

from __future__ import annotations

from pathlib import Path

import pytest

import sitebuild
from familiennetz.colours import AA, contrast, passing_shade
from familiennetz.documents import TextPage
from familiennetz.fields import fields_of
from familiennetz.operator import Operator, read_operator
from familiennetz.publication import is_local, publication_problems
from familiennetz.types.parts import PageMeta

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_OPERATOR = sitebuild.FIXTURE_CONFIG


def _page(body: str) -> TextPage:
    return TextPage("impressum.md", "content/impressum.md", body, 3, PageMeta())


def _operator() -> Operator:
    operator, problems = read_operator(FIXTURE_OPERATOR, _raw_fixture_operator())
    assert problems == [] and operator is not None
    return operator


def _raw_fixture_operator() -> dict[str, object]:
    import yaml

    text = FIXTURE_OPERATOR.read_text(encoding="utf-8")
    data = yaml.safe_load(text[text.index("extra:"):])
    return dict(data["extra"]["operator"])


@pytest.mark.parametrize("url", ["http://localhost:8000/", "http://127.0.0.1:8000/x/", "http://[::1]/"])
def test_addresses_on_this_machine_are_local(url: str) -> None:
    assert is_local(url)


def test_a_real_address_is_not_local() -> None:
    assert not is_local("https://familiennetz.kreis-beispiel.de/")


def test_placeholders_in_brackets_are_refused_with_file_line_and_column() -> None:
    body = "Intro.\n\n[Name der Behörde]  \nTeil [Anschrift].\n"
    problems = publication_problems(site_url="https://x.example/", publish=False,
                                    operator=_operator(), pages=[_page(body)],
                                    config_file=FIXTURE_OPERATOR)
    assert [(p.line, p.col, p.rule) for p in problems] == [(5, 1, "placeholder"), (6, 6, "placeholder")]
    assert "Platzhalter „[Name der Behörde]“" in problems[0].message


def test_links_images_checkboxes_footnotes_and_code_are_not_placeholders() -> None:
    body = ("[Impressum](impressum.md) ![Foto](a.png) [x] [^1] `districts: [a, b]`\n\n"
            "```yaml\ntopics: [fruehe-hilfen]\n```\n\n[Text][ref]\n\n[ref]: https://x.example/\n")
    assert publication_problems(site_url="https://x.example/", publish=False, operator=_operator(),
                                pages=[_page(body)], config_file=FIXTURE_OPERATOR) == []


def test_a_local_preview_may_have_placeholders_and_no_operator() -> None:
    assert publication_problems(site_url="http://localhost:8000/", publish=False, operator=None,
                                pages=[_page("[Name der Behörde]")], config_file=FIXTURE_OPERATOR) == []


def test_publishing_with_a_local_address_or_without_operator_is_refused() -> None:
    problems = publication_problems(site_url="http://localhost:8000/", publish=True, operator=None,
                                    pages=[], config_file=ROOT / "mkdocs.yml")
    assert [p.rule for p in problems] == ["site-url", "operator-missing"]
    assert "SITE_URL" in problems[0].message
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    assert text[problems[0].line - 1].startswith("site_url:")


def test_operator_mistakes_are_reported_in_german_at_their_line(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    text = FIXTURE_OPERATOR.read_text(encoding="utf-8").replace(
        "email: familiennetz@testkreis.example", "email: keine-adresse")
    config.write_text(text, encoding="utf-8")
    raw = _raw_fixture_operator() | {"email": "keine-adresse"}
    del raw["representative"]
    operator, problems = read_operator(config, raw)
    assert operator is None
    by_rule = {p.rule: p for p in problems}
    wrong = by_rule["invalid-value"]
    assert text.splitlines()[wrong.line - 1].strip() == "email: keine-adresse"
    assert "E-Mail-Adresse" in wrong.message and wrong.path == "mkdocs.yml"
    assert "representative" in by_rule["missing-field"].message


def test_a_colour_without_aa_contrast_is_refused_with_a_darker_suggestion(tmp_path: Path) -> None:
    operator, problems = read_operator(FIXTURE_OPERATOR, _raw_fixture_operator() | {"colour": "#3399cc"})
    assert operator is None
    (problem,) = problems
    assert problem.rule == "colour-contrast"
    assert "3,2 : 1" in problem.message and "#2a7da7" in problem.message
    assert contrast(passing_shade("#3399cc")) >= AA > contrast("#3399cc")


def test_every_operator_field_reaches_a_legal_page() -> None:
    """What the operator declares is printed somewhere (or styles the site)."""
    from familiennetz.render.legal import MARKERS

    operator = _operator()
    text = "".join(generate(operator, "https://x.example/") for generate in MARKERS.values())
    for info in fields_of(Operator):
        value = getattr(operator, info.name)
        if info.name in ("colour", "logo", "demo", "sign_language_video") or value is None:
            continue
        assert str(value) in text.replace("\\", ""), info.name


@pytest.mark.slow
def test_a_publication_build_with_a_placeholder_is_refused_in_german(tmp_path: Path) -> None:
    config = sitebuild.copy_fixture(tmp_path / "src")
    impressum = tmp_path / "src" / "content" / "impressum.md"
    impressum.write_text("# Impressum\n\n<!-- familiennetz:impressum -->\n\n[Name der Behörde]\n",
                         encoding="utf-8")
    result = sitebuild.run_build(config, tmp_path / "out")
    assert result.returncode != 0
    assert "content/impressum.md:5:1: [error] Platzhalter „[Name der Behörde]“" in result.output
    assert not (tmp_path / "out" / "index.html").exists()


@pytest.mark.slow
def test_the_demo_says_so_on_every_page_and_fills_the_legal_pages(tmp_path: Path) -> None:
    result = sitebuild.run_build(ROOT / "mkdocs.yml", tmp_path / "out")
    assert result.returncode == 0, result.output
    site = sitebuild.Site(tmp_path / "out", "http://localhost:8000/")
    pages = site.pages()
    assert len(pages) > 40
    missing = [url for url in pages if "Demo mit Beispieldaten" not in site.html(url)]
    assert missing == []
    # the press officers' help is reached from the footer, not from the public menu
    home = site.doc("")
    (footer,) = home.find_all("footer")
    assert "Für Redaktionen" in [a.text().strip() for a in footer.find_all("a")]
    menus = [n for n in home.find_all("nav") if n.get("aria-label") != "Rechtliches und Service"]
    assert not [a for n in menus for a in n.find_all("a") if "hilfe/" in a.get("href")]
    impressum = site.html("impressum/")
    assert "Kreisverwaltung Musterland" in impressum and "Landrätin Erika Musterfrau" in impressum
    assert "[" not in site.doc("impressum/").find_all("main")[0].text()


@pytest.mark.slow
def test_the_home_page_has_a_slot_for_a_sign_language_video(tmp_path: Path) -> None:
    config = sitebuild.copy_fixture(tmp_path / "src")
    (tmp_path / "src" / "content" / "assets").mkdir(exist_ok=True)
    (tmp_path / "src" / "content" / "assets" / "dgs-startseite.webm").write_bytes(
        b"\x1a\x45\xdf\xa3" + b"\x00" * 64)
    text = config.read_text(encoding="utf-8").replace(
        "    state_law: Landesinklusionsgesetz Testland\n",
        "    state_law: Landesinklusionsgesetz Testland\n"
        "    sign_language_video: assets/dgs-startseite.webm\n")
    config.write_text(text, encoding="utf-8")
    site = sitebuild.build_site(config, tmp_path / "out", sitebuild.NOW)
    home = site.doc("")
    (video,) = home.find_all("video")
    assert video.get("src") == "assets/dgs-startseite.webm" and "controls" in video.attrs
    assert site.exists("assets/dgs-startseite.webm")
    links = {a.text().strip(): a.get("href") for a in home.find_all("a")}
    assert links["Diese Website in Leichter Sprache erklärt"] == "leichte-sprache/"
    headings = [h.text().strip() for h in home.find_all("h2") if h.get("id") == "fn-access-heading"]
    assert headings == ["In Gebärdensprache und Leichter Sprache"]


@pytest.mark.slow
def test_a_local_preview_says_its_feed_addresses_work_only_here(tmp_path: Path) -> None:
    config = sitebuild.copy_fixture(tmp_path / "src")
    config.write_text(config.read_text(encoding="utf-8").replace(
        "site_url: https://www.example.org/familiennetz/", "site_url: http://localhost:8000/"),
        encoding="utf-8")
    result = sitebuild.run_build(config, tmp_path / "out")
    assert result.returncode == 0, result.output
    page = (tmp_path / "out" / "abonnieren" / "index.html").read_text(encoding="utf-8")
    assert "Vorschau auf diesem Rechner" in page and "http://localhost:8000/" in page


@pytest.mark.parametrize(("src", "expanded"), [("impressum.md", True), ("angebote/x.md", False),
                                               ("hilfe/impressum.md", False), ("seite.md", False)])
def test_the_operators_text_is_set_only_into_its_own_page(src: str, expanded: bool) -> None:
    # An item from a stranger's pull request must not carry the Impressum into its page
    # and feeds; the validator refuses the marker there, and the build leaves it as it is.
    from familiennetz.render.legal import legal_markdown

    markdown = "Text.\n\n<!-- familiennetz:impressum -->\n"
    result = legal_markdown(src, markdown, _operator(), "https://x.example/")
    assert ("## Anbieter" in result) is expanded
    assert (result == markdown) is not expanded

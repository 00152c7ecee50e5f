"""Accessibility, measured in the browser: axe-core (pinned in package.json, installed by
`make test` with `npm ci`) on one page of each kind of the search fixture, at phone and at
desktop width. No violation of WCAG 2.2 AA (of any impact) is allowed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

import browser
from browser import Tab
from sitebuild import Site

SHOWN = ("() => { const p = document.querySelector('[data-fn-search]');"
         " return p.dataset.fnShown === location.search; }")
PAGES = {
    "Startseite": "",
    "Liste": "pressemitteilungen/",
    "Pressemitteilung": "pressemitteilungen/2026/koordinatorin-kinderschutz-saarlouis/",
    "Netzwerktreffen (Bericht)": "netzwerktreffen/2025/zwoelfte-netzwerkkonferenz-kinderschutz/",
    "Netzwerktreffen (Ankündigung)": "netzwerktreffen/2026/einladung-kita-netzwerk-bad-ems/",
    "Angebot (veraltet)": "angebote/familienhebammen-saarlouis/",
    "Termine für Familien": "veranstaltungen/",
    "Veranstaltung": "veranstaltungen/2026/medienabend-mayen/",
    "Kreis": "kreise/saarlouis/",
    "Netzwerk": "netzwerke/netzwerk-kinderschutz-bad-kreuznach/",
    "Thema": "themen/kinderschutz/",
    "Angebote-Finder": "angebote/?kreis=saarlouis",
    "Angebote-Finder (Kreis)": "angebote/kreis/saarlouis/?art=beratung",
    "Suchergebnisse": "suche/?q=Familie&art=Angebot",
    "Suche ohne Treffer": "suche/?q=Kinderschuz",
    "Suche (ältere Beiträge angeboten)": "suche/?q=Netzwerkkonferenz",
    "Suche mit älteren Beiträgen": "suche/?q=Kinderschutz&archiv=1",
    "Archiv": "pressemitteilungen/2026/",
    "Kreise": "kreise/",
    "Netzwerktreffen (Liste)": "netzwerktreffen/",
    "Netzwerke": "netzwerke/",
    "Themen": "themen/",
    "Datenschutz": "datenschutz/",
    "Abonnieren": "abonnieren/",
    "Abonnieren (ein Feed mit Kalendern)": "abonnieren/kreise/saarlouis/",
    "Impressum": "impressum/",
    "Hilfe (mit Beispiel im Code)": "hilfe/",
    "Seite nicht gefunden": "404.html",
}
WIDTHS = {"Telefon": 390, "Desktop": 1366}
SHOTS = browser.ROOT / ".screenshots" / "seiten"
# WCAG 2.2 AA (BITV 2.0 asks 2.1 AA): every rule axe has for these levels, any impact.
AXE_RUN = """async () => {
  const result = await axe.run(document, { resultTypes: ["violations"], runOnly: { type: "tag",
    values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
  }));
}"""


pytestmark = pytest.mark.browser

@pytest.fixture(scope="module")
def site(search_site: Site) -> Site:
    return search_site


@pytest.fixture(scope="module")
def chromium(site: Site) -> Iterator[tuple[Any, str]]:
    browser.need(browser.AXE.is_file(), "Barrierefreiheits-Tests", "axe-core fehlt "
                 "(node_modules/axe-core; make test installiert es mit `npm ci`).")
    with browser.launch(site) as launched:
        yield launched


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("url", PAGES.values(), ids=PAGES.keys())
def test_no_wcag_22_aa_violation_at_phone_and_desktop_width(chromium: tuple[Any, str], url: str,
                                                             width: int) -> None:
    chrome, base = chromium
    context = chrome.new_context(locale="de-DE", viewport={"width": width, "height": 900})
    tab = Tab(context.new_page(), base)
    tab.watch()
    page = tab.open(url)
    if url.startswith("suche/"):
        page.wait_for_function(SHOWN)
        if page.locator(".fn-facet summary").first.is_visible():
            page.locator(".fn-facet summary").first.click()  # check an open filter group too
    if url.startswith(("angebote/?", "angebote/kreis/")):
        page.wait_for_function("() => document.querySelector('[data-fn-finder]').dataset.fnReady")
        # with distances on the cards and the filters open (on a phone they start folded)
        page.fill("#fn-near-plz", "66740")
        page.wait_for_function("() => document.querySelector('[data-fn-near]').dataset.fnSorted")
        if page.get_attribute("[data-fn-finder-toggle]", "aria-expanded") == "false":
            page.click("[data-fn-finder-toggle]")
    page.add_script_tag(path=str(browser.AXE))
    violations = page.evaluate(AXE_RUN)
    # for reviewers: the pull-request workflow uploads these pictures
    name = next(key for key, value in PAGES.items() if value == url)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name} ({width} px).png"), full_page=True)
    context.close()
    assert violations == [], "\n".join(f"{v['impact']} {v['id']}: {v['help']} — {v['nodes']}"
                                        for v in violations)
    assert tab.errors == []


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The project's own sample site (the demo), built once."""
    import sitebuild

    out = tmp_path_factory.mktemp("sample") / "site"
    # below the path the test server serves it from (a local address: a preview build)
    url = f"http://localhost:8000{browser.MOUNT}"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITE_URL", url)
        result = sitebuild.run_build(sitebuild.PROJECT_CONFIG, out)
    assert result.returncode == 0, result.output
    return Site(out, url)


@pytest.mark.slow
def test_every_page_of_the_sample_site_passes_axe_and_fits_320_px(chromium: tuple[Any, str],
                                                                  sample_site: Site) -> None:
    """Beyond one page of each kind: every page the sample site has — help, legal pages,
    Leichte Sprache included — at 320 and 1366 px."""
    browser.need(browser.AXE.is_file(), "Barrierefreiheits-Tests", "axe-core fehlt")
    pages = [url for url in sample_site.pages() if not url.startswith("pagefind")]
    assert len(pages) > 60
    problems: list[str] = []
    chrome, _ = chromium  # one Playwright per process: the module's browser, another server
    with browser.serve(sample_site.root) as base:
        for width in (320, 1366):
            context = chrome.new_context(locale="de-DE", viewport={"width": width, "height": 800})
            page = context.new_page()
            for url in pages:
                page.goto(base + url)
                if width == 320 and page.evaluate("document.documentElement.scrollWidth") > 320:
                    problems.append(f"{url} ({width} px): scrolls sideways")
                page.add_script_tag(path=str(browser.AXE))
                problems += [f"{url} ({width} px): {v['impact']} {v['id']} — {v['nodes']}"
                             for v in page.evaluate(AXE_RUN)]
            context.close()
    assert problems == [], "\n".join(problems)

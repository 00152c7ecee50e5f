"""Keyboard and small screens, in Chromium: no page scrolls sideways at 320 px; Tab and
Shift+Tab never land on something invisible, off screen or under the sticky header; the
phone menu opens with Enter, closes with Escape, and its links are out of the tab order
while it is closed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

import browser
from sitebuild import Site
from test_browser_a11y import PAGES

pytestmark = pytest.mark.browser

# Where the focused element is, and whether a person can see it there.
FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const r = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(r.top + Math.min(r.height, 40) / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  return {
    what: el.tagName + (el.id ? "#" + el.id : "") + " "
      + (el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 40),
    visible: r.width > 0 && r.height > 0 && style.visibility !== "hidden" && Number(style.opacity) > 0,
    onscreen: r.right > 0 && r.left < innerWidth && r.bottom > 0 && r.top < innerHeight,
    uncovered: !!top && (el === top || el.contains(top) || top.contains(el)),
  };
}"""


@pytest.fixture(scope="module")
def chromium(search_site: Site) -> Iterator[tuple[Any, str]]:
    with browser.launch(search_site) as launched:
        yield launched


@pytest.mark.parametrize("url", PAGES.values(), ids=PAGES.keys())
def test_no_page_scrolls_sideways_at_320_px(chromium: tuple[Any, str], url: str) -> None:
    chrome, base = chromium
    context = chrome.new_context(locale="de-DE", viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(base + url)
    width = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert width <= 320


def _walk(page: Any, key: str, steps: int) -> list[dict[str, Any]]:
    """Press `key` until the focus comes back round to where it started (the whole
    page), at most `steps` times; what was focused on the way."""
    seen: list[dict[str, Any]] = []
    for _ in range(steps):
        page.keyboard.press(key)
        found = page.evaluate(FOCUS)
        if found is None:
            continue
        if seen and found == seen[0] and len(seen) > 3:
            break
        seen.append(found)
    return seen


@contextmanager
def opened(chromium: tuple[Any, str], url: str, width: int = 390) -> Iterator[Any]:
    """A page of the site in a fresh German context `width` pixels wide."""
    chrome, base = chromium
    context = chrome.new_context(locale="de-DE", viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(base + url)
        yield page
    finally:
        context.close()


@pytest.mark.parametrize("width", [390, 1366], ids=["Telefon", "Desktop"])
@pytest.mark.parametrize("url", ["", "pressemitteilungen/", "angebote/?kreis=saarlouis",
                                 "veranstaltungen/2026/medienabend-mayen/", "abonnieren/",
                                 "abonnieren/kreise/saarlouis/"],
                         ids=["Start", "Liste", "Finder", "Veranstaltung", "Abonnieren",
                              "Abonnieren (Feed)"])
def test_tab_and_shift_tab_never_focus_anything_hidden(chromium: tuple[Any, str], url: str,
                                                       width: int) -> None:
    chrome, base = chromium
    context = chrome.new_context(locale="de-DE", viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(base + url)
    # what a person sees once the focus has arrived: no transitions half way
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
    forward = _walk(page, "Tab", 400)
    backward = _walk(page, "Shift+Tab", 400)
    context.close()
    bad = [f for f in forward + backward if not (f["visible"] and f["onscreen"] and f["uncovered"])]
    assert len(forward) > 10
    assert bad == [], "\n".join(str(f) for f in bad)


def test_the_phone_menu_opens_with_enter_and_closes_with_escape(chromium: tuple[Any, str]) -> None:
    chrome, base = chromium
    context = chrome.new_context(locale="de-DE", viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(base + "pressemitteilungen/")
    button = page.get_by_role("button", name="Menü")
    assert button.get_attribute("aria-expanded") == "false"
    # closed: the drawer's links are never reached by Tab
    walked = _walk(page, "Tab", 40)
    assert not [f for f in walked if f["what"].startswith("A") and not f["onscreen"]]
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    drawer = page.locator("#fn-drawer")
    assert (drawer.get_attribute("role"), drawer.get_attribute("aria-modal")) == ("dialog", "true")
    # it slides in (a quarter of a second): where focus is shown is judged once it is in
    page.wait_for_function("() => document.getElementById('fn-drawer').getBoundingClientRect().left >= 0")
    inside = page.evaluate("document.getElementById('fn-drawer').contains(document.activeElement)")
    # the page behind is out of reach, for screen readers too
    behind = page.evaluate("[document.querySelector('.md-content'), document.getElementById("
                           "'fn-search-input')].map((el) => el.closest('[inert]') !== null)")
    # while it is open, Tab and Shift+Tab stay in the menu, and one sees where
    stops = []
    for key in ["Tab"] * 25 + ["Shift+Tab"] * 25:
        page.keyboard.press(key)
        stops.append(page.evaluate(FOCUS) | {"inside": page.evaluate(
            "document.getElementById('fn-drawer').contains(document.activeElement)")})
    page.screenshot(path=str(browser.ROOT / ".screenshots" / "menu-offen-390.png"))
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    focused_button = page.evaluate("document.activeElement.classList.contains('fn-menu-button')")
    freed = page.evaluate("document.querySelector('.md-content').closest('[inert]') === null")
    context.close()
    assert inside and behind == [True, True] and focused_button and freed
    hidden = [s for s in stops if not (s["inside"] and s["visible"] and s["onscreen"] and s["uncovered"])]
    assert hidden == []
    assert any(s["what"].startswith("BUTTON") and "Schließen" in s["what"] for s in stops)


def test_the_open_phone_menu_closes_with_its_own_button(chromium: tuple[Any, str]) -> None:
    with opened(chromium, "pressemitteilungen/") as page:
        button = page.get_by_role("button", name="Menü")
        button.click()
        page.get_by_role("button", name="Schließen").click()
        expanded = button.get_attribute("aria-expanded")
        focused_button = page.evaluate("document.activeElement.classList.contains('fn-menu-button')")
    assert expanded == "false" and focused_button


def test_code_examples_in_the_guide_wrap_instead_of_scrolling_sideways(chromium: tuple[Any, str]) -> None:
    with opened(chromium, "hilfe/") as page:
        blocks = page.evaluate("[...document.querySelectorAll('pre > code')]"
                               ".map((c) => c.scrollWidth - c.clientWidth)")
    assert blocks and all(extra <= 0 for extra in blocks)


@pytest.mark.parametrize("width", [390, 1366], ids=["Telefon", "Desktop"])
def test_chips_of_districts_and_topics_run_in_rows(chromium: tuple[Any, str], width: int) -> None:
    # Material's list rules would stack them as an indented column.
    with opened(chromium, "", width) as page:
        chips = page.evaluate("[...document.querySelector('.fn-taglist').children].map((li) => "
                              "[li.getBoundingClientRect().top, li.getBoundingClientRect().left,"
                              " li.parentElement.getBoundingClientRect().left])")
        page.screenshot(path=str(browser.ROOT / ".screenshots" / f"start-{width}.png"), full_page=True)
    tops = [top for top, _, _ in chips]
    assert len(chips) >= 3 and len(set(tops)) < len(tops)  # side by side, wrapping as needed
    assert chips[0][1] == chips[0][2]  # not indented


@pytest.mark.parametrize("width", [390, 1366], ids=["Telefon", "Desktop"])
def test_the_site_name_sits_in_the_middle_of_the_header(chromium: tuple[Any, str], width: int) -> None:
    with opened(chromium, "", width) as page:
        name = page.locator(".fn-header-name").bounding_box()
        bar = page.locator(".md-header__inner").bounding_box()
    assert name is not None and bar is not None
    assert abs((name["y"] + name["height"] / 2) - (bar["y"] + bar["height"] / 2)) <= 3


@pytest.mark.parametrize(("width", "menu"), [(1366, ".md-tabs"), (390, "#fn-drawer")],
                         ids=["Reiter", "Telefon-Menü"])
def test_the_menu_says_which_section_is_open(chromium: tuple[Any, str], width: int, menu: str) -> None:
    with opened(chromium, "pressemitteilungen/", width) as page:
        current = page.evaluate(f"[...document.querySelectorAll('{menu} a[aria-current]')]"
                                ".map((a) => [a.textContent.trim(), a.getAttribute('aria-current')])")
    assert current == [["Pressemitteilungen", "page"]]

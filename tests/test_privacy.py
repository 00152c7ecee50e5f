"""No request leaves the site: every resource a built page or stylesheet loads comes from
the site itself.

German public bodies answer for every third-party request a page makes (a font, a map
tile, a pixel): the visitor's IP address goes to that server. The checker below reads
every HTML file with the stdlib parser and every CSS file with a small scanner, and
reports what a browser would fetch from another host:

- `<script src>`, `<link rel=stylesheet|preload|modulepreload|prefetch|preconnect|
  dns-prefetch|icon|apple-touch-icon|mask-icon|manifest href/imagesrcset>`,
- `<img src/srcset>`, `<source src/srcset>`, `<video src/poster>`, `<audio src>`,
  `<track src>`, `<iframe|frame|embed src>`, `<object data>`, `<input type=image src>`,
  SVG `<image|use|feImage href>`,
- `url(…)` and `@import` in `style` attributes, `<style>` elements and `.css` files,
- absolute URLs in inline executable scripts (which could fetch them).

Relative URLs, `data:` URIs and the `site_url` host are fine. `<a href>` links, the
`https://schema.org` vocabulary in JSON-LD and other JSON data blocks are not requests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import sitebuild
from sitebuild import Site

pytestmark = pytest.mark.slow  # builds sites with MkDocs

SITE_HOST = "www.example.org"

RESOURCE_ATTRS: dict[str, tuple[str, ...]] = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
    "feimage": ("href", "xlink:href"),
}
LOADING_RELS = frozenset({
    "stylesheet", "preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch", "icon",
    "apple-touch-icon", "apple-touch-icon-precomposed", "mask-icon", "manifest", "prerender",
})
DATA_SCRIPT_TYPES = frozenset({"application/ld+json", "application/json", "text/template"})
FONT_HOSTS = ("fonts.googleapis.com", "fonts.gstatic.com", "use.typekit.net", "fonts.bunny.net")

_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_CSS_URL = re.compile(r"url\(\s*(?:\"([^\"]*)\"|'([^']*)'|([^)\s]*))\s*\)", re.IGNORECASE)
_CSS_IMPORT = re.compile(r"@import\s+(?:\"([^\"]*)\"|'([^']*)')", re.IGNORECASE)
_ABSOLUTE_URL = re.compile(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}[^\s\"'`)]*", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    source: str
    line: int
    what: str
    url: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.what} lädt {self.url}"


def is_foreign(url: str, site_host: str) -> bool:
    """True if fetching `url` goes to a host other than the site's own."""
    url = url.strip()
    if url.startswith("//"):
        url = "https:" + url
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https", "ftp", "ws", "wss"):
        return False  # relative, data:, blob:, mailto: …
    return (parts.hostname or "").lower() != site_host.lower()


def _srcset_urls(value: str) -> list[str]:
    return [candidate.split()[0] for candidate in value.split(",") if candidate.split()]


def css_foreign_requests(css: str, site_host: str, source: str, first_line: int = 1) -> list[Finding]:
    """`url(…)` and `@import` in CSS text that fetch from another host."""
    text = _CSS_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), css)
    findings = []
    for pattern, what in ((_CSS_URL, "CSS url()"), (_CSS_IMPORT, "CSS @import")):
        for match in pattern.finditer(text):
            url = next(g for g in match.groups() if g is not None)
            if is_foreign(url, site_host):
                line = first_line + text.count("\n", 0, match.start())
                findings.append(Finding(source, line, what, url))
    return findings


class _RequestScanner(HTMLParser):
    def __init__(self, site_host: str, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.site_host = site_host
        self.source = source
        self.findings: list[Finding] = []
        self._raw: tuple[str, str, int] | None = None  # ("style"|"script", type, line) being read

    def _check(self, what: str, url: str) -> None:
        if is_foreign(url, self.site_host):
            self.findings.append(Finding(self.source, self.getpos()[0], what, url.strip()))

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {k.lower(): v or "" for k, v in attrs_list}
        for attr in RESOURCE_ATTRS.get(tag, ()):
            if attr in attrs:
                urls = _srcset_urls(attrs[attr]) if attr == "srcset" else [attrs[attr]]
                for url in urls:
                    self._check(f"<{tag} {attr}>", url)
        if tag == "input" and attrs.get("type", "").lower() == "image" and "src" in attrs:
            self._check("<input type=image src>", attrs["src"])
        if tag == "link" and LOADING_RELS & set(attrs.get("rel", "").lower().split()):
            if "href" in attrs:
                self._check(f"<link rel={attrs['rel']}>", attrs["href"])
            for url in _srcset_urls(attrs.get("imagesrcset", "")):
                self._check(f"<link rel={attrs['rel']} imagesrcset>", url)
        if "style" in attrs:
            self.findings += css_foreign_requests(attrs["style"], self.site_host, self.source,
                                                  self.getpos()[0])
        if tag == "style":
            self._raw = ("style", "", self.getpos()[0])
        elif tag == "script" and "src" not in attrs:
            self._raw = ("script", attrs.get("type", "").lower(), self.getpos()[0])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._raw = None

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._raw = None

    def handle_data(self, data: str) -> None:
        if self._raw is None:
            return
        kind, script_type, line = self._raw
        if kind == "style":
            self.findings += css_foreign_requests(data, self.site_host, self.source, line)
        elif script_type not in DATA_SCRIPT_TYPES:
            for match in _ABSOLUTE_URL.finditer(data):
                if is_foreign(match.group(0), self.site_host):
                    self.findings.append(Finding(self.source, line, "inline <script>", match.group(0)))


def html_foreign_requests(html: str, site_host: str, source: str = "<html>") -> list[Finding]:
    scanner = _RequestScanner(site_host, source)
    scanner.feed(html)
    scanner.close()
    return scanner.findings


def site_foreign_requests(site: Site, host: str = SITE_HOST) -> list[Finding]:
    findings = []
    for path in site.files():
        rel = str(path.relative_to(site.root))
        if path.suffix == ".html":
            findings += html_foreign_requests(path.read_text(encoding="utf-8"), host, rel)
        elif path.suffix == ".css":
            findings += css_foreign_requests(path.read_text(encoding="utf-8"), host, rel)
    return findings


@pytest.fixture(scope="session")
def site(fixture_site: Site) -> Site:
    return fixture_site


# --- the checker can fail ------------------------------------------------------------------

BAD_SNIPPETS = {
    "script": '<script src="https://cdn.example.net/lib.js"></script>',
    "protocol-relative script": '<script src="//cdn.example.net/lib.js"></script>',
    "stylesheet": '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">',
    "preconnect": '<link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>',
    "preload": '<link rel="preload" as="font" href="https://fonts.gstatic.com/roboto.woff2">',
    "icon": '<link rel="shortcut icon" href="https://cdn.example.net/favicon.ico">',
    "manifest": '<link rel="manifest" href="https://cdn.example.net/site.webmanifest">',
    "img": '<img src="https://tracker.example.net/pixel.gif" alt="x">',
    "img srcset": '<img src="a.png" srcset="a.png 1x, https://cdn.example.net/a@2x.png 2x" alt="x">',
    "iframe": '<iframe src="https://www.youtube.com/embed/abc"></iframe>',
    "video": '<video src="https://media.example.net/film.mp4"></video>',
    "video poster": '<video poster="https://media.example.net/poster.jpg"></video>',
    "audio": '<audio src="https://media.example.net/ton.mp3"></audio>',
    "source": '<video><source src="https://media.example.net/film.webm"></video>',
    "object": '<object data="https://media.example.net/doc.pdf"></object>',
    "embed": '<embed src="https://media.example.net/anim.swf">',
    "svg image": '<svg><image href="https://maps.example.net/tile.png"/></svg>',
    "inline style url": '<div style="background: url(\'https://maps.example.net/tile.png\')"></div>',
    "style element import": '<style>@import "https://fonts.googleapis.com/css?family=Roboto";</style>',
    "style element font": '<style>@font-face { src: url(https://fonts.gstatic.com/r.woff2); }</style>',
    "inline script fetch": '<script>fetch("https://stats.example.net/hit")</script>',
}

GOOD_SNIPPET = f"""<!doctype html><html lang="de"><head>
<link rel="stylesheet" href="../assets/main.css">
<link rel="stylesheet" href="https://{SITE_HOST}/familiennetz/assets/extra.css">
<link rel="canonical" href="https://{SITE_HOST}/familiennetz/">
<link rel="icon" href="/familiennetz/assets/images/favicon.png">
<script src="../assets/javascripts/bundle.js"></script>
<script type="application/ld+json">{{"@context": "https://schema.org", "url": "https://other.example.net/"}}</script>
<script>__md_scope=new URL("../..",location)</script>
<style>.x {{ background: url("data:image/svg+xml;charset=utf-8,<svg/>") }}</style>
</head><body>
<a href="https://www.example.net/">Ein Link ist keine Anfrage</a>
<a href="mailto:presse@example.org">E-Mail</a>
<img src="bild.svg" srcset="bild.svg 1x, bild@2x.svg 2x" alt="Ein Bild">
<div style="background: url(../img/muster.png)"></div>
</body></html>"""


@pytest.mark.parametrize("snippet", BAD_SNIPPETS.values(), ids=BAD_SNIPPETS.keys())
def test_checker_finds_each_kind_of_foreign_request(snippet: str) -> None:
    findings = html_foreign_requests(f"<html><body>{snippet}</body></html>", SITE_HOST, "bad.html")
    assert len(findings) == 1, findings
    assert findings[0].source == "bad.html"
    assert findings[0].url in snippet
    assert is_foreign(findings[0].url, SITE_HOST)


def test_checker_allows_own_host_relative_urls_links_and_json_ld() -> None:
    assert html_foreign_requests(GOOD_SNIPPET, SITE_HOST) == []


def test_css_checker_finds_foreign_urls_and_imports_but_not_comments() -> None:
    css = """/* url(https://commented.example.net/x.png) is not loaded */
@import url("https://fonts.googleapis.com/css2?family=Inter");
@import 'https://cdn.example.net/more.css';
.a { background: url(../images/own.png); }
.b { background-image: url( "//cdn.example.net/b.png" ); }
@font-face { font-family: X; src: url(https://www.example.org/familiennetz/x.woff2); }
"""
    findings = css_foreign_requests(css, SITE_HOST, "x.css")
    assert sorted(f.url for f in findings) == [
        "//cdn.example.net/b.png", "https://cdn.example.net/more.css",
        "https://fonts.googleapis.com/css2?family=Inter",
    ]
    assert {f.line for f in findings} == {2, 3, 5}


# --- the built site ----------------------------------------------------------------------------


def test_fixture_site_url_is_the_allowed_host(site: Site) -> None:
    assert site.site_url.startswith(f"https://{SITE_HOST}/")


def test_no_page_loads_anything_from_another_host(site: Site) -> None:
    pages = list(site.root.rglob("*.html"))
    assert len(pages) > 25
    findings = [f for f in site_foreign_requests(site) if f.source.endswith(".html")]
    assert [str(f) for f in findings] == []


def test_no_stylesheet_loads_anything_from_another_host(site: Site) -> None:
    stylesheets = list(site.root.rglob("*.css"))
    assert any(p.name == "familiennetz.css" for p in stylesheets)
    findings = [f for f in site_foreign_requests(site) if f.source.endswith(".css")]
    assert [str(f) for f in findings] == []


def test_no_file_mentions_a_web_font_service(site: Site) -> None:
    mentions = [f"{p.relative_to(site.root)}: {host}" for p in site.files()
                if p.suffix in (".html", ".css", ".js", ".json", ".xml")
                for host in FONT_HOSTS if host in p.read_text(encoding="utf-8", errors="replace")]
    assert mentions == []


def test_images_from_other_servers_in_a_body_are_never_published(tmp_path: Path) -> None:
    config = sitebuild.copy_fixture(tmp_path / "src")
    offer = tmp_path / "src" / "content" / "angebote" / "elterncafe-nastaetten.md"
    with offer.open("a", encoding="utf-8") as f:
        f.write("\n![Lageplan der Kita](https://maps.example.net/kita.png)\n\n"
                '<img src="https://cdn.example.net/eingang.jpg" alt="Der Eingang der Kita">\n')
    result = sitebuild.run_build(config, tmp_path / "out")
    if result.returncode != 0:  # rejected: then with a German message naming the place
        assert re.search(r"content/angebote/elterncafe-nastaetten\.md:\d+:\d+: ", result.output)
        assert not (tmp_path / "out" / "index.html").exists()
    else:  # or published without the request
        built = Site(tmp_path / "out", sitebuild.site_url_of(config))
        assert [str(f) for f in site_foreign_requests(built)] == []


def test_the_editor_page_is_the_one_exception_it_talks_to_the_git_api_and_login_only(
        tmp_path: Path) -> None:
    """/admin/ loads nothing from another host either; its Content-Security-Policy lets it
    talk to GitHub's API and the district's login helper, and to nothing else."""
    from familiennetz.editor import EditorSettings, write_editor

    settings = EditorSettings(repo="kreis/familiennetz", auth_url="https://anmeldung.kreis.example")
    write_editor(tmp_path, Path(__file__).resolve().parents[1], settings,
                 site_url=f"https://{SITE_HOST}/", site_name="Familiennetz")
    built = Site(tmp_path, f"https://{SITE_HOST}/")
    assert [str(f) for f in site_foreign_requests(built)] == []
    page = (tmp_path / "admin/index.html").read_text(encoding="utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert policy is not None
    hosts = {urlsplit(token).netloc for part in policy.group(1).split("; ")
             for token in part.split()[1:] if "://" in token}
    assert hosts == {"api.github.com", "anmeldung.kreis.example"}
    bundle = [p for p in (tmp_path / "admin").rglob("*.js")]
    assert len(bundle) > 10
    assert [p.name for p in bundle for host in FONT_HOSTS
            if host in p.read_text(encoding="utf-8", errors="replace")] == []


def test_the_fixture_sites_editor_page_talks_to_no_host_until_it_is_set_up(site: Site) -> None:
    page = (site.root / "admin/index.html").read_text(encoding="utf-8")
    assert "noch nicht eingerichtet" in page and "<script" not in page
    assert "connect-src 'self' blob:;" in page

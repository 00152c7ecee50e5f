"""`make bench`: generate a synthetic corpus, then time validation and site builds.

Every measured step runs in its own process, so wall time and peak memory (max RSS)
belong to that step alone. Timed figures are printed, never asserted in tests.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from familiennetz.types import TYPES

from .corpus import REFERENCE_NOW, generate_corpus

PROJECT = Path(__file__).resolve().parents[2]

# Every type's listing, from the registry, so that a new type cannot be left out; the
# corpus writes each folder's index.md, which the bare build (no plugin) needs.
_NAV = "".join(f"  - {t.plural}: {t.folder}/index.md\n" for t in TYPES)

SITE_CONFIG = """\
site_name: Familiennetz Bench
site_url: http://localhost:8000/
docs_dir: content
use_directory_urls: true
theme:
  name: material
  language: de
  font: false
{extra_theme}
plugins:
{plugins}
markdown_extensions: [toc, attr_list, admonition, tables, md_in_html]
validation:
  nav:
    omitted_files: ignore
nav:
  - Start: index.md
""" + _NAV.replace("{", "{{").replace("}", "}}")  # literal braces: the text is .format()ed


@dataclass(frozen=True)
class Measurement:
    seconds: float
    max_rss_mib: float
    output: str
    cpu_seconds: float = 0.0  # user + system of the step (drifts less than wall time on a VM)


def measure(argv: list[str], *, env: dict[str, str] | None = None, cwd: Path | None = None) -> Measurement:
    """Wall time and this process's own peak memory (wait4 gives the child's rusage)."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        out = log.read()
    if proc.returncode:
        sys.stderr.write(out[-4000:])
        raise SystemExit(f"bench: step failed: {' '.join(argv)}")
    return Measurement(seconds, usage.ru_maxrss / 1024, out, usage.ru_utime + usage.ru_stime)


def _empty(folder: Path) -> str:
    shutil.rmtree(folder, ignore_errors=True)
    return str(folder)


def _python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def main() -> int:
    parser = argparse.ArgumentParser(prog="make bench")
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-build", action="store_true", help="only generate and validate")
    parser.add_argument("--rounds", type=int, default=3,
                        help="alternating runs of the bare build and ours (default 3)")
    parser.add_argument("--dir", default=str(PROJECT / ".bench"),
                        help="scratch folder, emptied first (default: .bench/ in the project; "
                        "/tmp is a slow file system on some machines)")
    args = parser.parse_args()
    workdir = Path(args.dir)
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)
    content = workdir / "content"
    env = {**os.environ, "FAMILIENNETZ_NOW": REFERENCE_NOW.isoformat(), "NO_MKDOCS_2_WARNING": "1"}

    start = time.perf_counter()
    stats = generate_corpus(content, args.items, seed=args.seed)
    print(f"corpus: {args.items} items ({stats.press_releases} press releases, {stats.events} "
          f"events, {stats.meeting_reports} meeting reports, {stats.offers} offers; "
          f"{stats.drafts} drafts, {stats.embargoed} embargoed), {stats.files} files, "
          f"{stats.total_bytes / 1e6:.1f} MB, "
          f"generated in {time.perf_counter() - start:.2f} s → {workdir}")

    validate_code = (
        "import sys; from pathlib import Path; from familiennetz.validator import validate;"
        "from familiennetz.clock import current_time;"
        f"r = validate(Path({str(content)!r}), now=current_time());"
        "print(len(r.errors), len(r.warnings), r.files)"
    )
    v = measure(_python(validate_code), env=env)
    errors, warnings, files = v.output.split()[-3:]
    print(f"validate: {v.seconds:.2f} s wall, peak memory {v.max_rss_mib:.0f} MiB "
          f"({files} files, {errors} errors, {warnings} warnings) — target < 3 s")
    if args.no_build:
        return 0

    ours = workdir / "mkdocs.yml"
    ours.write_text(SITE_CONFIG.format(
        extra_theme=f"  custom_dir: {PROJECT / 'overrides'}",
        plugins="  - familiennetz"), encoding="utf-8")
    bare = workdir / "mkdocs-bare.yml"
    bare.write_text(SITE_CONFIG.format(extra_theme="", plugins="  []"), encoding="utf-8")
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    nosearch = workdir / "mkdocs-nosearch.yml"
    nosearch.write_text(SITE_CONFIG.format(
        extra_theme=f"  custom_dir: {PROJECT / 'overrides'}",
        plugins="  - familiennetz:\n      search: false"), encoding="utf-8")
    # This machine's speed drifts by ±20 % between runs: the builds compared take turns,
    # `--rounds` times. Reported: the ratio of the fastest runs, and the median of the
    # rounds' ratios (each round's builds ran back to back, at about the same speed).
    # Each build writes into an empty folder, as on a fresh clone: MkDocs would otherwise
    # first delete the previous output (seconds for 11,000 pages, more for the larger site).
    runs: dict[str, list[Measurement]] = {"bare": [], "nosearch": [], "full": []}
    timings = {kind: workdir / f"timings-{kind}.json" for kind in ("nosearch", "full")}
    builds = {"bare": (bare, "site-bare"), "nosearch": (nosearch, "site-nosearch"),
              "full": (ours, "site")}
    for _ in range(args.rounds):
        for kind, (config, folder) in builds.items():
            step_env = {**env, "FAMILIENNETZ_TIMINGS": str(timings[kind])} if kind in timings else env
            runs[kind].append(measure([*mkdocs, "-f", str(config), "-d", _empty(workdir / folder)],
                                      env=step_env))
    best = {kind: min(measured, key=lambda m: m.seconds) for kind, measured in runs.items()}
    b, n, o = best["bare"], best["nosearch"], best["full"]
    pages = sum(1 for _ in (workdir / "site-nosearch").rglob("*.html"))
    print(f"bare mkdocs build (same Markdown and theme, nothing of ours): {b.seconds:.1f} s wall "
          f"(runs: {_runs(runs['bare'])}), peak memory {b.max_rss_mib:.0f} MiB")
    print(f"familiennetz build (validation, listings, templates, feeds; search off): "
          f"{n.seconds:.1f} s wall (runs: {_runs(runs['nosearch'])}), peak memory "
          f"{n.max_rss_mib:.0f} MiB, {pages} HTML pages — ratio {n.seconds / b.seconds:.2f}× "
          f"the bare build (target ≤ 1.3×)")
    print(f"  per round: {_ratios(runs['nosearch'], runs['bare'])}")
    b_cpu = min(m.cpu_seconds for m in runs["bare"])
    n_cpu = min(m.cpu_seconds for m in runs["nosearch"])
    print(f"  in CPU time (best runs, both cores): {n_cpu:.1f} s against {b_cpu:.1f} s = "
          f"{n_cpu / b_cpu:.2f}× (validation and the feeds use the second core)")
    phases = _phases(timings["nosearch"])
    for name, seconds in phases.items():
        note = {"feeds and calendars": ", made on the other core while the pages are rendered"
                                       " — target < 10 %"}.get(name, "")
        print(f"  {name}: {seconds:.2f} s ({seconds / n.seconds * 100:.1f} % of the build{note})")
    print(f"familiennetz build with the search index: {o.seconds:.1f} s wall (runs: "
          f"{_runs(runs['full'])}), peak memory {o.max_rss_mib:.0f} MiB — ratio "
          f"{o.seconds / b.seconds:.2f}× the bare build; per round: "
          f"{_ratios(runs['full'], runs['bare'])}")
    report_search(workdir / "site", _phases(timings["full"]), o, runs["full"], runs["nosearch"])
    return 0


def _runs(measured: list[Measurement]) -> str:
    return ", ".join(f"{m.seconds:.1f}" for m in measured)


def _ratios(ours: list[Measurement], bare: list[Measurement]) -> str:
    ratios = [o.seconds / b.seconds for o, b in zip(ours, bare, strict=True)]
    return f"{', '.join(f'{r:.2f}×' for r in ratios)} (median {statistics.median(ratios):.2f}×)"


def _phases(path: Path) -> dict[str, float]:
    phases: dict[str, float] = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    path.unlink(missing_ok=True)
    return phases


SEARCH_PHASES = ("search terms", "search index: pages", "search index: writing")  # the plugin's timings
COMMON_WORDS = ("familie", "kinderschutz")  # in the corpus: on nearly every page; on 2 of 3


def report_search(site_dir: Path, phases: dict[str, float], build: Measurement,
                  with_search: list[Measurement], without: list[Measurement]) -> None:
    """Indexing time, index size, and what a first search for a common word downloads.

    The index is built while MkDocs renders (Pagefind works in its own process), so the
    time it adds is measured as the difference to the same build without it; the
    plugin's own timings show the part the build waits for."""
    from familiennetz.search.indexer import OUTPUT, index_size

    from .transfer import first_query

    files, size = index_size(site_dir / OUTPUT)
    counted = re.search(r"Suchindex: (\d+) Seiten", build.output)
    print(f"search index: {counted.group(1) if counted else '?'} pages indexed; {files} files, "
          f"{size / 1e6:.1f} MB on disk ({site_dir / OUTPUT})")
    terms, pages, writing = (phases.get(name, 0.0) for name in SEARCH_PHASES)
    waited = terms + pages + writing
    print(f"  indexing: the build waits {waited:.1f} s for it (compound terms {terms:.1f} s, handing "
          f"pages to Pagefind {pages:.1f} s, waiting for its files {writing:.1f} s) = "
          f"{waited / (build.seconds - waited) * 100:.0f} % on top of the rest of the build "
          f"— target < 20 %")
    added = [w.seconds / o.seconds - 1 for w, o in zip(with_search, without, strict=True)]
    print(f"  against the same build without search, round by round: search adds "
          f"{', '.join(f'{a * 100:+.0f} %' for a in added)} (median "
          f"{statistics.median(added) * 100:+.0f} %; Pagefind indexes and writes on the second "
          f"core, beside the feeds)")
    for word in COMMON_WORDS:
        transfer = first_query(site_dir, word)
        if isinstance(transfer, str):
            print(f"  first query: not measured ({transfer})")
            return
        kinds = ", ".join(f"{kind} {n}× {b / 1024:.0f} KB"
                          for kind, (n, b) in sorted(transfer.by_kind().items()))
        compressed = transfer.compressed_bytes(site_dir / OUTPUT)
        print(f"  first query \"{word}\" ({transfer.results} results, the first 10 shown), measured "
              f"in chromium: {len(transfer.files)} files, {transfer.bytes / 1024:.0f} KB from "
              f"{OUTPUT}/ as http.server sends them, {compressed / 1024:.0f} KB where the server "
              f"compresses text (as GitHub Pages does) — target < 300 KB ({kinds})")

if __name__ == "__main__":
    raise SystemExit(main())

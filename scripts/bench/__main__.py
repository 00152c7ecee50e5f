"""`make bench`: generate a synthetic corpus, then measure the targets of issue #16.

Every measured step runs in its own process, as `make site` runs it, so wall time and peak
memory belong to that step alone (`scenarios.py` says which builds). The figures end in a
table of the targets (✓/✗) and are stored in `<dir>/results-<items>.json`, so that a run
at another size can say how they grew. Timed figures are printed, never asserted in tests.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import sys
import time
from pathlib import Path

from .corpus import REFERENCE_NOW, generate_corpus
from .edits import item_url
from .growth import compare, load_results, per_thousand, save_results
from .measure import Measurement, StepFailed, measure
from .scenarios import SITE_CONFIG, Bench, Runs
from .search_report import report_search
from .serve import measure_serve
from .targets import render_table, target_rows

__all__ = ["SITE_CONFIG", "main"]

PROJECT = Path(__file__).resolve().parents[2]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="make bench")
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-build", action="store_true", help="only generate and validate")
    parser.add_argument("--rounds", type=int, default=3,
                        help="alternating rounds of the bare build and ours (default 3)")
    parser.add_argument("--without-search", action="store_true",
                        help="also time our build without the search index, in each round")
    parser.add_argument("--no-serve", action="store_true", help="skip the `make serve` measurement")
    parser.add_argument("--dir", default=str(PROJECT / ".bench"),
                        help="scratch folder, emptied first except for results-*.json "
                        "(default: .bench/ in the project; /tmp is a slow file system on some "
                        "machines)")
    return parser


def prepare(workdir: Path) -> None:
    """Empty the scratch folder, but keep the results of runs at other sizes."""
    workdir.mkdir(parents=True, exist_ok=True)
    for path in workdir.iterdir():
        if path.name.startswith("results-") and path.suffix == ".json":
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()


def _median(measured: list[Measurement]) -> float:
    return statistics.median(m.seconds for m in measured)


def _line(label: str, measured: list[Measurement]) -> str:
    return (f"{label}: {_median(measured):.1f} s median (runs: "
            f"{', '.join(f'{m.seconds:.1f}' for m in measured)}), peak memory "
            f"{max(m.peak_mib for m in measured):.0f} MiB")


# What `familiennetz build` says when it used the page cache.
_REUSED = re.compile(r"\((\d+) Seiten neu erzeugt, (\d+) unverändert übernommen\)")


def _reused(measured: Measurement) -> str:
    found = _REUSED.search(measured.output)
    return f"; last run: {found[1]} pages rendered, {found[2]} reused" if found else ""


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.rounds < 1 or args.items < 1:
        parser.error("--rounds and --items must be at least 1")
    workdir = Path(args.dir).resolve()
    prepare(workdir)
    env = {**os.environ, "FAMILIENNETZ_NOW": REFERENCE_NOW.isoformat(), "NO_MKDOCS_2_WARNING": "1"}
    bench = Bench(workdir, env, PROJECT)

    start = time.perf_counter()
    stats = generate_corpus(bench.content, args.items, seed=args.seed)
    print(f"corpus: {args.items} items ({stats.press_releases} press releases, {stats.events} "
          f"events, {stats.meeting_reports} meeting reports, {stats.offers} offers; "
          f"{stats.drafts} drafts, {stats.embargoed} embargoed), {stats.files} files, "
          f"{stats.total_bytes / 1e6:.1f} MB, "
          f"generated in {time.perf_counter() - start:.2f} s → {workdir}")
    validate_code = (
        "from pathlib import Path; from familiennetz.validator import validate;"
        "from familiennetz.clock import current_time;"
        f"r = validate(Path({str(bench.content)!r}), now=current_time());"
        "print(len(r.errors), len(r.warnings), r.files)"
    )
    v = measure([sys.executable, "-c", validate_code], env=env)
    errors, warnings, files = v.output.split()[-3:]
    print(f"validate: {v.seconds:.2f} s wall, peak memory {v.max_rss_mib:.0f} MiB "
          f"({files} files, {errors} errors, {warnings} warnings)")
    if args.no_build:
        return 0
    bench.write_configs()
    try:
        runs = bench.rounds(args.rounds, without_search=args.without_search)
    except StepFailed as exc:
        print(exc, file=sys.stderr)
        return 1
    figures, missing, serve_name = _report(args, bench, runs)
    rounds = f"{args.rounds} round{'s' if args.rounds != 1 else ''}"
    print()
    print(render_table(target_rows(args.items, figures, serve=serve_name, missing=missing),
                       f"targets of #16 at {args.items:,} items ({rounds}; times are rough on "
                       "a shared machine, bytes and memory are not):"))
    print(f"\n{per_thousand(args.items, figures)}")
    for other, stored in sorted(load_results(workdir, but=args.items).items()):
        print(compare(other, stored, args.items, figures).line())
    print(f"results: {save_results(workdir, args.items, figures)}")
    return 0


def _report(args: argparse.Namespace, bench: Bench,
            runs: Runs) -> tuple[dict[str, float], dict[str, str], str]:
    """Print the details; the figures for the table, why some are missing, the server."""
    by = runs.by_kind
    if runs.first is not None:
        cached = sum(f.stat().st_size for f in bench.cache.rglob("*") if f.is_file())
        print(f"first build with an empty cache: {runs.first.seconds:.1f} s, peak memory "
              f"{runs.first.peak_mib:.0f} MiB; after the rounds the cache holds "
              f"{cached / 1e6:.1f} MB ({bench.cache})")
    bare_s, full_s = _median(by["bare"]), _median(by["full"])
    print(_line("bare Material build with its own search", by["bare"]))
    print(_line("make site (familiennetz build --no-cache, with search)", by["full"])
          + f" for the process tree (shared pages counted once; summing RSS, which counts "
          f"them in each process: {max(m.tree_rss_mib for m in by['full']):.0f} MiB; largest "
          f"single process {max(m.max_rss_mib for m in by['full']):.0f} MiB); per round "
          + ", ".join(f"{f.seconds / b.seconds:.2f}×" for f, b in zip(by["full"], by["bare"],
                                                                      strict=True)))
    full_cpu = statistics.median(m.cpu_seconds for m in by["full"])
    bare_cpu = statistics.median(m.cpu_seconds for m in by["bare"])
    print(f"  in CPU time (medians, every process and core): {full_cpu:.1f} s against "
          f"{bare_cpu:.1f} s = {full_cpu / bare_cpu:.2f}× (drifts less than wall time here)")
    phases: dict[str, float] = {}
    if bench.timings.exists():
        phases = json.loads(bench.timings.read_text(encoding="utf-8"))
    for name, seconds in phases.items():
        print(f"  {name}: {seconds:.2f} s (last round)")
    if by["nosearch"]:
        print(_line("familiennetz build without search", by["nosearch"])
              + f" = {_median(by['nosearch']) / bare_s:.2f}× bare; search adds "
              + ", ".join(f"{f.seconds / n.seconds - 1:+.0%}"
                          for f, n in zip(by["full"], by["nosearch"], strict=True))
              + " round by round")
    for key, label in (("unchanged", "nothing changed"), ("one_item", "one item changed"),
                       ("template", f"template changed ({bench.overrides.name}/main.html)")):
        print(_line(f"rebuild with the cache, {label}", by[key]) + _reused(by[key][-1]))
    search = report_search(bench.workdir / "site", phases)
    figures = {"bare_s": bare_s, "full_s": full_s,
               "peak_mib": max(m.peak_mib for m in by["full"]),
               **{f"{k}_s": _median(by[k]) for k in ("unchanged", "one_item", "template")},
               "index_mb": search.index_bytes / 1e6}
    missing: dict[str, str] = {}
    if search.first_query_bytes is not None:
        figures["query_kb"] = search.first_query_bytes / 1024
    else:
        missing["query_kb"] = search.why_not
    if args.no_serve:
        missing["serve_s"] = "skipped (--no-serve)"
        return figures, missing, "make serve"
    item = bench.editable_items()[-1]
    serve = measure_serve(bench.python, bench.config, item, item_url(bench.content, item),
                          env=bench.env, cwd=bench.workdir)
    print(f"make serve ({serve.command}): up after {serve.startup_seconds:.1f} s; one saved "
          f"item ({item.relative_to(bench.content)}) shown after "
          + (f"{serve.seconds:.1f} s" if serve.seconds is not None else serve.note))
    if serve.seconds is None:
        missing["serve_s"] = serve.note
    else:
        figures["serve_s"] = serve.seconds
    name = "make serve" if serve.command == "familiennetz serve" else "make serve (mkdocs serve)"
    return figures, missing, name


if __name__ == "__main__":
    raise SystemExit(main())

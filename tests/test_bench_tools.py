"""The logic of `make bench` itself: the table of targets, the memory sampler of a process
tree, the growth comparison, the scratch folder, and the edits it measures. Nothing here
times anything: what `make bench` measures is printed, never asserted."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import urllib.request
from pathlib import Path

import pytest

from bench import measure as measure_module
from bench import serve as serve_module
from bench.__main__ import _reused, prepare
from bench.__main__ import main as bench_main
from bench.corpus import REFERENCE_NOW, generate_corpus
from bench.edits import append_word, editable_items, item_url, touch_template, unique_word
from bench.growth import compare, load_results, per_thousand, save_results
from bench.measure import Measurement, StepFailed, TreeSampler, measure, tree_rss
from bench.scenarios import SITE_CONFIG
from bench.serve import measure_serve
from bench.targets import GIB, Row, memory_target_mib, render_table, target_rows

MIB = 1024 * 1024
FIGURES = {"bare_s": 10.0, "full_s": 13.0, "unchanged_s": 3.1, "one_item_s": 2.0,
           "template_s": 11.0, "peak_mib": 900.0, "query_kb": 301.0}

# --- the table ----------------------------------------------------------------------


def test_each_target_compares_with_the_median_bare_build_and_marks_met_or_missed() -> None:
    rows = target_rows(10_000, FIGURES, missing={"serve_s": "no change within 120 s"})
    assert [(row.name.split(" ")[0], row.figure, row.target, row.mark) for row in rows] == [
        ("make", "1.30×", "≤ 1.30×", "✓"),  # at most 1.3: the target itself is met
        ("rebuild,", "0.31×", "≤ 0.30×", "✗"),
        ("rebuild,", "0.20×", "≤ 0.30×", "✓"),
        ("rebuild,", "1.10×", "≤ 1.10×", "✓"),
        ("make", "no change within 120 s", "≤ 2.0 s", "–"),  # not measured: neither ✓ nor ✗
        ("peak", "900 MiB", "≤ 1024 MiB", "✓"),
        ("first", "301 KB", "≤ 300 KB", "✗"),
    ]


def test_the_memory_target_is_1_gib_to_10000_items_2_gib_to_30000_and_none_beyond() -> None:
    assert [memory_target_mib(n) for n in (500, 10_000, 10_001, 30_000, 30_001)] == [
        GIB, GIB, 2 * GIB, 2 * GIB, None]
    rows = target_rows(30_000, {**FIGURES, "peak_mib": 1500.0})
    memory = next(row for row in rows if row.name.startswith("peak memory"))
    assert (memory.target, memory.ok) == ("≤ 2048 MiB", True)
    beyond = next(row for row in target_rows(50_000, FIGURES) if row.name.startswith("peak"))
    assert beyond.ok is None and beyond.figure == "900 MiB"


def test_the_table_aligns_its_columns_and_ends_each_row_with_its_mark() -> None:
    rows = [Row("short", "1.0×", "≤ 1.3×", True), Row("a much longer name", "12.25 s", "≤ 2 s",
                                                     False), Row("unmeasured", "–", "≤ 1", None)]
    lines = render_table(rows, "title").splitlines()
    assert lines[0] == "title"
    body = lines[3:]
    assert [line[-1] for line in body] == ["✓", "✗", "–"]
    target_column = {line.index("≤") for line in body}
    assert len(target_column) == 1  # every target starts in the same column
    figure_ends = {line.index(fig) + len(fig) for line, fig in zip(body, ("1.0×", "12.25 s", "–"),
                                                                    strict=True)}
    assert len(figure_ends) == 1  # figures are right-aligned


# --- the memory of a process tree ------------------------------------------------------

# A child holding 150 MiB of touched memory starts a grandchild that holds 150 MiB more,
# says "ready" and holds it until its stdin closes.
_GRANDCHILD = ("import sys; b = bytearray(b'x') * ({mb} * 1024 * 1024); "
               "print('ready', flush=True); sys.stdin.read()")
_CHILD = textwrap.dedent("""\
    import subprocess, sys
    held = bytearray(b"x") * (150 * 1024 * 1024)
    subprocess.run([sys.executable, "-c", {code!r}], check=True)
""")


def test_the_sampler_adds_up_the_memory_of_a_process_and_its_grandchild() -> None:
    code = _CHILD.format(code=_GRANDCHILD.format(mb=150))
    proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdin is not None and proc.stdout is not None
    sampler = TreeSampler(proc.pid)  # sampled by hand here, not by its thread
    assert proc.stdout.readline().strip() == "ready"
    sampler.sample()
    proc.stdin.close()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    proc.stdout.close()
    assert proc.returncode == 0
    assert sampler.rss_peak >= 300 * MIB and sampler.peak >= 300 * MIB
    # wait4 knows only the largest single process: the sum is what the sampler adds
    assert 150 * MIB <= usage.ru_maxrss * 1024 < 250 * MIB


# A process holding 200 MiB forks: the child shares those pages until either writes them.
_FORKS = textwrap.dedent("""\
    import os, sys
    held = bytearray(b"x") * (200 * 1024 * 1024)
    pid = os.fork()
    if pid == 0:
        print("ready", flush=True)
        sys.stdin.read()
        os._exit(0)
    os.waitpid(pid, 0)
""")


def test_pages_a_forked_child_shares_are_counted_once_where_pss_is_readable() -> None:
    proc = subprocess.Popen([sys.executable, "-c", _FORKS], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdin is not None and proc.stdout is not None
    with proc:
        sampler = TreeSampler(proc.pid)
        assert proc.stdout.readline().strip() == "ready"
        sampler.sample()
        proc.stdin.close()
    assert proc.returncode == 0
    assert sampler.rss_peak >= 380 * MIB  # both processes show the 200 MiB as resident
    if sampler.pss_peak is None:
        pytest.skip("this kernel gives no /proc/PID/smaps_rollup")
    assert 200 * MIB <= sampler.peak == sampler.pss_peak < 300 * MIB


def test_both_ways_of_finding_children_agree() -> None:
    with subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"],
                          stdin=subprocess.PIPE) as proc:
        assert proc.stdin is not None
        assert proc.pid in measure_module._children_by_scan(os.getpid())
        if measure_module._HAS_CHILDREN_FILE:
            assert proc.pid in measure_module._children(os.getpid())
        proc.stdin.close()


def test_tree_rss_of_a_process_that_does_not_exist_is_zero_not_an_error() -> None:
    assert tree_rss(2**22 + 12345) == 0  # above the largest pid_max Linux allows
    assert tree_rss(os.getpid()) > 0


def test_a_failing_step_stops_the_bench_with_its_command() -> None:
    with pytest.raises(StepFailed, match="step failed"):
        measure([sys.executable, "-c", "raise SystemExit(3)"])
    passed = measure([sys.executable, "-c", "print('hallo')"])
    assert passed.output.strip() == "hallo" and passed.peak_mib > 0


# --- growth --------------------------------------------------------------------------


def test_figures_that_grow_with_the_items_are_linear_and_faster_growth_is_named() -> None:
    small = {"full_s": 60.0, "peak_mib": 900.0, "query_kb": 270.0, "bare_s": 50.0}
    linear = compare(10_000, small, 30_000, {"full_s": 190.0, "peak_mib": 1800.0,
                                              "query_kb": 290.0, "bare_s": 150.0})
    assert linear.ok and round(linear.factors["full_s"], 2) == 3.17  # within the time leeway
    assert "at most linear ✓" in linear.line() and "10,000 → 30,000 items (×3.00)" in linear.line()
    faster = compare(30_000, {"full_s": 220.0, "peak_mib": 2800.0}, 10_000, small)
    assert faster.small == 10_000 and faster.over == ["full_s", "peak_mib"]
    assert "faster than linear ✗ (make site, peak memory)" in faster.line()


def test_memory_gets_no_leeway_but_times_do() -> None:
    assert compare(1000, {"peak_mib": 100.0}, 2000, {"peak_mib": 201.0}).over == ["peak_mib"]
    assert compare(1000, {"full_s": 10.0}, 2000, {"full_s": 22.0}).over == []


def test_results_are_stored_per_size_and_unreadable_ones_are_skipped(tmp_path: Path) -> None:
    save_results(tmp_path, 2000, {"full_s": 12.5})
    save_results(tmp_path, 500, {"full_s": 4.0})
    (tmp_path / "results-30000.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "results-100.json").write_text('{"items": 100}', encoding="utf-8")
    assert load_results(tmp_path, but=500) == {2000: {"full_s": 12.5}}


def test_per_thousand_leaves_out_figures_per_query() -> None:
    text = per_thousand(2000, {"full_s": 12.0, "query_kb": 200.0, "peak_mib": 400.0})
    assert text == "make site 6 s, peak memory 200 MiB per 1,000 items"


# --- the scratch folder and the edits ------------------------------------------------


def test_the_scratch_folder_is_emptied_except_for_stored_results(tmp_path: Path) -> None:
    (tmp_path / "site" / "a").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text("x", encoding="utf-8")
    save_results(tmp_path, 500, {"full_s": 4.0})
    prepare(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["results-500.json"]


@pytest.fixture(scope="module")
def bench_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """A small corpus, one offer edited and the base template touched, then built by
    `familiennetz build` as the bench builds it (search off, to stay small)."""
    root = tmp_path_factory.mktemp("bench")
    content = root / "content"
    generate_corpus(content, 40, seed=5)
    item = editable_items(content)[0]
    word = unique_word()
    append_word(item, word)
    overrides = root / "overrides"
    shutil.copytree(Path(__file__).resolve().parents[1] / "overrides", overrides)
    touch_template(overrides, 1)
    (root / "mkdocs.yml").write_text(SITE_CONFIG.format(
        extra_theme=f"  custom_dir: {overrides}",
        plugins="  - familiennetz:\n      search: false"), encoding="utf-8")
    env = {**os.environ, "FAMILIENNETZ_NOW": REFERENCE_NOW.isoformat(), "NO_MKDOCS_2_WARNING": "1"}
    built = subprocess.run([sys.executable, "-m", "familiennetz.cli", "build", "--no-cache",
                            "--config", str(root / "mkdocs.yml"), "--site-dir", str(root / "site")],
                           cwd=root, env=env, capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr[-2000:]
    return root, item, word


def test_editable_items_are_published_offers_only(tmp_path: Path) -> None:
    offers = tmp_path / "angebote"
    offers.mkdir()
    (tmp_path / "pressemitteilungen").mkdir()
    for path, head in (("angebote/index.md", "title: Angebote"), ("angebote/b.md", "title: B"),
                       ("angebote/a.md", "title: A\ndraft: true"), ("angebote/c.md", "title: C"),
                       ("pressemitteilungen/d.md", "title: D")):
        # a body that mentions drafts does not make the item one
        (tmp_path / path).write_text(f"---\n{head}\n---\n\nText\ndraft: true\n", encoding="utf-8")
    assert [p.name for p in editable_items(tmp_path)] == ["b.md", "c.md"]
    assert item_url(tmp_path, offers / "b.md") == "angebote/b/"


@pytest.mark.slow
def test_the_edited_item_shows_its_word_at_the_url_the_bench_polls(
    bench_site: tuple[Path, Path, str],
) -> None:
    root, item, word = bench_site
    page = root / "site" / item_url(root / "content", item) / "index.html"
    assert word in page.read_text(encoding="utf-8")
    assert word.isalpha() and word != unique_word()


@pytest.mark.slow
def test_the_template_edit_changes_the_copy_only_and_the_site_still_builds(
    bench_site: tuple[Path, Path, str],
) -> None:
    root, _, _ = bench_site
    copy = (root / "overrides" / "main.html").read_text(encoding="utf-8")
    original = (Path(__file__).resolve().parents[1] / "overrides" / "main.html").read_text(
        encoding="utf-8")
    assert copy == original + "{# bench: template edit 1 #}\n"
    assert "bench: template edit" not in (root / "site" / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_serve_measurement_sees_the_saved_word_on_the_items_page(
    bench_site: tuple[Path, Path, str],
) -> None:
    """The URL polled is the item's page under the preview server too, and the server is
    stopped afterwards (its port answers no more)."""
    root, edited, _ = bench_site
    item = next(p for p in editable_items(root / "content") if p != edited)
    env = {**os.environ, "FAMILIENNETZ_NOW": REFERENCE_NOW.isoformat(), "NO_MKDOCS_2_WARNING": "1"}
    result = measure_serve(sys.executable, root / "mkdocs.yml", item,
                           item_url(root / "content", item), env=env, cwd=root)
    assert result.seconds is not None, result.note
    assert result.command in ("familiennetz serve", "mkdocs serve (familiennetz serve fehlt noch)")
    assert "Ergänzung: Benchwort" in item.read_text(encoding="utf-8")
    with pytest.raises(OSError):  # connection refused: nothing is left running
        urllib.request.urlopen(result.address, timeout=10)
    wrong = measure_serve(sys.executable, root / "mkdocs.yml", item, "angebote/gibt-es-nicht/",
                          env=env, cwd=root, page_timeout=1.0)
    assert (wrong.seconds, wrong.note) == (None, "no page at /angebote/gibt-es-nicht/")


@pytest.mark.slow
@pytest.mark.browser  # the first query is measured in chromium (or said why not)
def test_make_bench_runs_through_prints_the_table_and_compares_with_a_stored_size(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    """The whole bench on a tiny corpus (one round, no preview server): every target has
    its row, the figures are stored, and a stored run at another size gets a growth line."""
    save_results(tmp_path, 15, {"full_s": 1.0, "peak_mib": 100.0})
    assert bench_main(["--items", "30", "--rounds", "1", "--no-serve", "--dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    table = out[out.index("targets of #16 at 30 items (1 round;"):].splitlines()
    assert [line.split("  ")[1] for line in table[3:10]] == [
        "make site with search vs bare Material + search (medians)",
        "rebuild, nothing changed", "rebuild, one item changed", "rebuild, template changed",
        "make serve, saved item shown", "peak memory of make site (process tree)",
        "first query for a common word, compressed"]
    assert "growth 15 → 30 items (×2.00): make site ×" in out
    stored = load_results(tmp_path, but=15)[30]
    assert {"bare_s", "full_s", "unchanged_s", "one_item_s", "template_s", "peak_mib",
            "index_mb"} <= set(stored) and "serve_s" not in stored
    assert sorted(p.name for p in tmp_path.glob("results-*.json")) == [
        "results-15.json", "results-30.json"]


def test_rebuild_lines_name_the_pages_rendered_and_reused_when_the_build_says_so() -> None:
    said = "Website gebaut: site/ (12 Seiten neu erzeugt, 3400 unverändert übernommen)\n"
    assert _reused(Measurement(1.0, 1.0, said)) == "; last run: 12 pages rendered, 3400 reused"
    assert _reused(Measurement(1.0, 1.0, "Website gebaut: site/\n")) == ""


def test_the_preview_server_gets_ctrl_c_even_when_the_bench_runs_in_the_background() -> None:
    """A shell starts `make bench &` with SIGINT ignored; the server must not inherit that,
    or it cannot remove its temporary site when the bench stops it."""
    probe = "import signal; print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)"
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        inherited = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
        restored = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                                  preexec_fn=serve_module._ctrl_c_reaches_it)
    finally:
        signal.signal(signal.SIGINT, previous)
    assert inherited.stdout.strip() == "False"  # the trap itself
    assert restored.stdout.strip() == "True"

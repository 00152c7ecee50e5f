"""`familiennetz validate` and `familiennetz schema`: exit codes, formats, file selection.

Run both ways: as a real process (`python -m familiennetz.cli`, what CI does) and
in-process through `main()`, which is quicker and sees the same code.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import NOW, copy_example
from familiennetz.cli import main

NOW_ARG = f"--now={NOW.isoformat()}"
PR = "content/pressemitteilungen/2024/2024-06-14-workshop.md"


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Inside GitHub Actions `auto` would mean annotations; tests choose for themselves."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("FAMILIENNETZ_NOW", raising=False)
    monkeypatch.chdir(tmp_path)


def example(name: str, tmp_path: Path) -> Path:
    """The example laid out as ./content in the working directory (tmp_path)."""
    return copy_example(name, tmp_path / "content")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items()
               if k not in ("GITHUB_ACTIONS", "FAMILIENNETZ_NOW")}
    return subprocess.run([sys.executable, "-m", "familiennetz.cli", *args], capture_output=True,
                          text=True, encoding="utf-8", env={**environ, **(env or {})},
                          check=False, timeout=120)


# --- as a process --------------------------------------------------------------------------------


def test_process_clean_tree_exits_0(tmp_path: Path) -> None:
    example("valid", tmp_path)
    done = run("validate", "content", NOW_ARG)
    assert (done.returncode, done.stdout) == (0, "")
    assert done.stderr.strip().endswith("geprüft: keine Probleme.")


def test_the_command_exits_with_main_s_code_after_the_exit_handlers_and_all_output(
        tmp_path: Path) -> None:
    """`familiennetz` (cli.run) leaves without the interpreter's teardown: what is registered
    to run at exit still runs, and nothing written is lost."""
    example("invalid/unknown-field", tmp_path)
    script = ("import atexit, sys; from familiennetz.cli import run; "
              "atexit.register(lambda: print('beim Beenden', file=sys.stderr)); "
              "sys.argv = ['familiennetz', 'validate', 'content', sys.argv[1]]; run(); "
              "print('nicht erreicht')")
    environ = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "FAMILIENNETZ_NOW")}
    done = subprocess.run([sys.executable, "-c", script, NOW_ARG], capture_output=True, text=True,
                          encoding="utf-8", env=environ, check=False, timeout=120)
    assert done.returncode == 1
    assert done.stdout.startswith(f"{PR}:1:1: [error] Pflichtfeld `summary`")
    assert done.stdout == run("validate", "content", NOW_ARG).stdout  # nothing lost, nothing more
    assert done.stderr.splitlines() == ["6 Dateien geprüft: 2 Fehler, 0 Warnungen.", "beim Beenden"]


def test_process_errors_exit_1_with_one_line_each(tmp_path: Path) -> None:
    example("invalid/unknown-field", tmp_path)
    done = run("validate", "content", NOW_ARG)
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        f"{PR}:1:1: [error] Pflichtfeld `summary` (Kurzfassung) fehlt — ergänzen Sie die Zeile "
        "`summary: …` (missing-field)",
        f"{PR}:6:1: [error] unbekanntes Feld `sumary` — meinten Sie `summary`? (unknown-field)",
    ]
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().endswith("geprüft: 2 Fehler, 0 Warnungen.")


def test_process_warnings_exit_0_but_2_under_strict(tmp_path: Path) -> None:
    example("invalid/stale-offer", tmp_path)
    assert run("validate", "content", NOW_ARG).returncode == 0
    strict = run("validate", "content", NOW_ARG, "--strict")
    assert strict.returncode == 2
    assert "[warning]" in strict.stdout


def test_process_github_format_from_the_environment(tmp_path: Path) -> None:
    example("invalid/unknown-slug-district", tmp_path)
    done = run("validate", "content", NOW_ARG, env={"GITHUB_ACTIONS": "true"})
    assert done.stdout.startswith(f"::error file={PR},line=4,col=13,title=unknown-slug::Kreis ")


def test_process_json_format_is_parseable_and_alone_on_stdout(tmp_path: Path) -> None:
    example("invalid/duplicate-number", tmp_path)
    done = run("validate", "content", NOW_ARG, "--format", "json")
    [row] = json.loads(done.stdout)
    assert row["rule"] == "duplicate-number" and row["line"] == 7 and row["level"] == "error"
    assert done.stderr == ""


def test_process_schema_writes_files(tmp_path: Path) -> None:
    done = run("schema", "--out", "schemas")
    assert done.returncode == 0
    assert sorted(Path(line).name for line in done.stdout.splitlines()) == sorted(
        p.name for p in (tmp_path / "schemas").iterdir())
    assert len(done.stdout.splitlines()) == 7  # one per type


# --- in-process --------------------------------------------------------------------------------


def test_exit_codes_in_process(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    example("valid", tmp_path / "a")
    example("invalid/stale-offer", tmp_path / "b")
    example("invalid/broken-link", tmp_path / "c")
    assert main(["validate", "a/content", NOW_ARG]) == 0
    assert main(["validate", "b/content", NOW_ARG]) == 0
    assert main(["validate", "b/content", NOW_ARG, "--strict"]) == 2
    assert main(["validate", "c/content", NOW_ARG]) == 1
    assert main(["validate", "c/content", NOW_ARG, "--strict"]) == 1
    capsys.readouterr()


def test_default_root_is_content(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    example("invalid/unknown-field", tmp_path)
    assert main(["validate", NOW_ARG]) == 1
    assert capsys.readouterr().out.count("\n") == 2


def test_missing_root_is_exit_2_with_german_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", NOW_ARG]) == 2
    err = capsys.readouterr().err
    assert err == "Ordner `content` nicht gefunden — geben Sie den Inhaltsordner mit --root an.\n"


def test_mistyped_path_is_exit_2_not_the_whole_tree(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    example("invalid/unknown-field", tmp_path)
    assert main(["validate", "content/angebote/tippfehler.md", NOW_ARG]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == ("`content/angebote/tippfehler.md` nicht gefunden — geben Sie "
                            "vorhandene Dateien oder Ordner an.\n")


def test_unreadable_now_is_exit_2_not_a_traceback(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    example("valid", tmp_path)
    assert main(["validate", "content", "--now", "morgen"]) == 2
    assert "nicht lesbar" in capsys.readouterr().err
    monkeypatch.setenv("FAMILIENNETZ_NOW", "14.06.2024")
    assert main(["validate", "content"]) == 2


def test_now_comes_from_the_environment_when_not_given(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    example("invalid/stale-offer", tmp_path)  # reviewed 2025-06-01
    monkeypatch.setenv("FAMILIENNETZ_NOW", "2025-07-01T12:00:00+02:00")
    assert main(["validate", "content", "--strict"]) == 0
    monkeypatch.setenv("FAMILIENNETZ_NOW", NOW.isoformat())
    assert main(["validate", "content", "--strict"]) == 2
    capsys.readouterr()


@pytest.mark.parametrize(("fmt", "github"), [("github", False), ("auto", True),
                                             ("auto", False), ("standard", True)])
def test_format_choice(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                       monkeypatch: pytest.MonkeyPatch, fmt: str, github: bool) -> None:
    example("invalid/unknown-field", tmp_path)
    if github:
        monkeypatch.setenv("GITHUB_ACTIONS", "true")
    main(["validate", "content", NOW_ARG, "--format", fmt])
    out = capsys.readouterr().out
    annotations = fmt == "github" or (fmt == "auto" and github)
    assert out.startswith("::error file=") is annotations
    assert out.startswith(f"{PR}:1:1: [error] ") is not annotations


def test_json_format_has_no_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    example("valid", tmp_path)
    assert main(["validate", "content", NOW_ARG, "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert (json.loads(captured.out), captured.err) == ([], "")


# --- selecting files ------------------------------------------------------------------------------


def test_given_files_restrict_output_but_cross_checks_see_the_whole_tree(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    example("invalid/duplicate-number", tmp_path)
    first = "content/pressemitteilungen/2024/2024-06-14-workshop.md"
    second = "content/pressemitteilungen/2024/2024-07-01-elternbefragung.md"
    other = "content/pressemitteilungen/2025/2025-01-10-neues-jahr.md"
    # The duplicate is reported at the second (later) file, and shown for the first too,
    # which it names; a file not involved stays clean.
    assert main(["validate", "--root", "content", second, NOW_ARG]) == 1
    [line] = capsys.readouterr().out.splitlines()
    assert line.startswith(f"{second}:7:9: [error] `number` (Nummer): Nr. 176 ")
    assert main(["validate", "--root", "content", first, NOW_ARG]) == 1
    assert capsys.readouterr().out.splitlines() == [line]
    assert main(["validate", "--root", "content", other, NOW_ARG]) == 0
    assert capsys.readouterr().out == ""


def test_given_files_without_root_use_content(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    example("invalid/unknown-field", tmp_path)
    example("invalid/broken-link", tmp_path / "x")  # not looked at
    assert main(["validate", PR, NOW_ARG]) == 1
    assert {line.split(":")[0] for line in capsys.readouterr().out.splitlines()} == {PR}


def test_folder_inside_content_selects_instead_of_becoming_the_root(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # As the root, `content/pressemitteilungen` would make every file an ordinary page.
    example("invalid/unknown-field", tmp_path)
    assert main(["validate", "content/pressemitteilungen", NOW_ARG]) == 1
    assert capsys.readouterr().out.count(f"{PR}:") == 2
    assert main(["validate", "content/kreise", NOW_ARG]) == 0
    assert capsys.readouterr().out == ""


def test_files_with_only_warnings_select_warnings(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    example("invalid/stale-offer", tmp_path)
    offer = "content/angebote/elterncafe-nastaetten.md"
    assert main(["validate", offer, NOW_ARG, "--strict"]) == 2
    assert main(["validate", "content/kreise/saarlouis.md", NOW_ARG, "--strict"]) == 0
    capsys.readouterr()


def test_absolute_root_prints_absolute_paths_outside_cwd(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    root = example("invalid/unknown-field", tmp_path)
    elsewhere = tmp_path / "anderswo"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert main(["validate", str(root), NOW_ARG]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"{(root / PR.removeprefix('content/')).as_posix()}:1:1: ")


def test_schema_command_in_process(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--out", "out"]) == 0
    assert (tmp_path / "out" / "angebot.schema.json").is_file()
    assert "angebot.schema.json" in capsys.readouterr().out


@pytest.mark.slow
def test_a_relative_site_folder_is_taken_from_the_working_folder(tmp_path: Path) -> None:
    # MkDocs takes a relative site_dir from the config file's folder; a command line means
    # the folder it runs in. It used to end in a traceback.
    import sitebuild

    config = sitebuild.copy_fixture(tmp_path / "src")
    work = tmp_path / "work"
    work.mkdir()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    built = subprocess.run([sys.executable, "-m", "familiennetz.cli", "build", "--config", str(config),
                            "--site-dir", "out/site", f"--now={NOW.isoformat()}", "--no-cache"],
                           cwd=work, env=env, capture_output=True, text=True,
                           timeout=sitebuild.BUILD_TIMEOUT, check=False)
    assert built.returncode == 0, built.stderr
    assert (work / "out/site/index.html").is_file()
    assert "Website gebaut: out/site/" in built.stderr
    assert not (config.parent / "out").exists()

"""Cross-file checks blame the right file: of two press releases with one number (or two
files with one name), the one that is new or changed relative to Git's `HEAD` is reported,
with the other file and the next free number; without Git, the later one by date. And
`familiennetz validate FILE` checks that file against the whole tree.

Every Git case runs in a real repository in a temporary folder.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from conftest import NOW, copy_example, write_tree
from familiennetz.blame import changed_files
from familiennetz.cli import main
from familiennetz.problems import Level
from familiennetz.validator import validate

NOW_ARG = f"--now={NOW.isoformat()}"
PUBLISHED = "pressemitteilungen/2026/2026-11-10-familienzentrum.md"
IMPORTED = "pressemitteilungen/2026/2026-11-02-elterncafe.md"


def release(title: str, day: str, number: int, *, draft: bool = False) -> str:
    return (f"---\ntitle: {title}\ndate: {day}\ndistricts: [rhein-lahn-kreis]\n"
            f"topics: [fruehe-hilfen]\nsummary: Eine Mitteilung des Kreises über {title}.\n"
            f"number: {number}\n" + ("draft: true\n" if draft else "") + "---\n\nText.\n")


def git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A Git repository with content/ committed: the districts, topics, and release Nr. 345
    published on 10 November (the working directory is the repository)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    content = copy_example("base", tmp_path / "content")
    write_tree(content, {PUBLISHED: release("Familienzentrum", "2026-11-10", 345)})
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "Inhalte")
    return tmp_path


def duplicates(root: Path) -> list[tuple[str, str, str]]:
    result = validate(root, now=NOW, display_base=root)
    return [(p.path, p.rule, p.message) for p in result.problems if p.rule.startswith("duplicate")]


def test_the_new_file_is_blamed_though_the_published_one_is_later(repo: Path) -> None:
    # The imported release is dated *before* the published one: by date alone, the
    # published release would be reported (the bug of issue #15).
    write_tree(repo / "content", {IMPORTED: release("Elterncafé", "2026-11-02", 345)})
    assert duplicates(repo / "content") == [
        (IMPORTED, "duplicate-number", "`number` (Nummer): Nr. 345 gibt es für `rhein-lahn-kreis` "
         f"im Jahr 2026 schon ({PUBLISHED}) — die nächste freie Nummer ist 346.")]


def test_a_staged_new_file_counts_as_new(repo: Path) -> None:
    write_tree(repo / "content", {IMPORTED: release("Elterncafé", "2026-11-02", 345)})
    git(repo, "add", "content")
    assert [path for path, *_ in duplicates(repo / "content")] == [IMPORTED]
    assert changed_files(repo / "content") == frozenset({IMPORTED})


def test_a_changed_file_is_blamed_and_the_unchanged_one_keeps_its_number(repo: Path) -> None:
    # Both committed with different numbers; then the older one is edited to take Nr. 345.
    write_tree(repo / "content", {IMPORTED: release("Elterncafé", "2026-11-02", 344)})
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Elterncafé")
    assert duplicates(repo / "content") == []
    write_tree(repo / "content", {IMPORTED: release("Elterncafé", "2026-11-02", 345)})
    assert [path for path, *_ in duplicates(repo / "content")] == [IMPORTED]
    # Edit the published one as well: neither is the old state, so the later one by date.
    write_tree(repo / "content", {PUBLISHED: release("Familienzentrum neu", "2026-11-10", 345)})
    assert [path for path, *_ in duplicates(repo / "content")] == [PUBLISHED]


def test_a_duplicate_name_is_blamed_on_the_new_file(repo: Path) -> None:
    newer = "pressemitteilungen/2025/2025-03-01-familienzentrum.md"  # same name, an older year
    write_tree(repo / "content", {newer: release("Familienzentrum", "2025-03-01", 12)})
    [(path, rule, message)] = duplicates(repo / "content")
    assert (path, rule) == (newer, "duplicate-slug")
    assert f"({PUBLISHED})" in message


def test_a_draft_with_a_taken_number_is_blamed_and_stays_an_error(repo: Path) -> None:
    write_tree(repo / "content", {IMPORTED: release("Elterncafé", "2026-11-02", 345, draft=True)})
    result = validate(repo / "content", now=NOW, display_base=repo / "content")
    assert [(p.path, p.rule, p.level) for p in result.problems] == [
        (IMPORTED, "duplicate-number", Level.ERROR)]


def test_without_git_the_later_file_by_date_is_blamed(tmp_path: Path) -> None:
    content = copy_example("base", tmp_path / "content")
    later = "pressemitteilungen/2026/2026-11-12-aaa-erste-im-alphabet.md"
    write_tree(content, {PUBLISHED: release("Familienzentrum", "2026-11-10", 345),
                         later: release("Elterncafé", "2026-11-12", 345)})
    assert changed_files(content) is None
    assert [path for path, *_ in duplicates(content)] == [later]


# --- familiennetz validate FILE ----------------------------------------------------------------


def test_validate_file_reports_the_clash_on_the_new_file(repo: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    write_tree(repo / "content", {IMPORTED: release("Elterncafé", "2026-11-02", 345)})
    assert main(["validate", f"content/{IMPORTED}", NOW_ARG]) == 1
    out, err = capsys.readouterr()
    [line] = out.splitlines()
    assert line.startswith(f"content/{IMPORTED}:7:9: [error] `number` (Nummer): Nr. 345 ")
    assert line.endswith("die nächste freie Nummer ist 346. (duplicate-number)")
    assert "1 Fehler" in err
    # The published file alone: the same problem, which names it, is shown for it too.
    assert main(["validate", f"content/{PUBLISHED}", NOW_ARG]) == 1
    assert capsys.readouterr().out.splitlines() == [line]


def test_validate_file_finds_its_content_root_from_its_path(repo: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]
                                                            ) -> None:
    write_tree(repo / "content", {IMPORTED: release("Elterncafé", "2026-11-02", 345)})
    elsewhere = tmp_path / "anderswo"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # no content/ here: the root comes from the file's path
    target = repo / "content" / IMPORTED
    assert main(["validate", str(target), NOW_ARG]) == 1
    [line] = capsys.readouterr().out.splitlines()
    assert line.startswith(f"{target.as_posix()}:7:9: [error]")
    assert main(["validate", str(repo / "content" / "kreise" / "saarlouis.md"), NOW_ARG]) == 0


def test_validate_file_outside_the_content_root_is_refused(repo: Path,
                                                           capsys: pytest.CaptureFixture[str]
                                                           ) -> None:
    stray = repo / "mitteilung.md"
    stray.write_text(release("Elterncafé", "2026-11-02", 345), encoding="utf-8")
    assert main(["validate", "--root", "content", "mitteilung.md", NOW_ARG]) == 2
    assert "liegt nicht im Inhaltsordner `content`" in capsys.readouterr().err


def test_github_annotations_name_the_blamed_file_and_line(repo: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    write_tree(repo / "content", {IMPORTED: release("Elterncafé", "2026-11-02", 345),
                                  "pressemitteilungen/2026/2026-11-03-entwurf.md":
                                      release("Entwurf", "2026-11-03", 7, draft=True)
                                      .replace("summary: ", "summary:  # TODO: ")})
    assert main(["validate", "--format", "github", f"content/{IMPORTED}",
                 "content/pressemitteilungen/2026/2026-11-03-entwurf.md", NOW_ARG]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"::error file=content/{IMPORTED},line=7,col=9,"
                               "title=duplicate-number::`number` (Nummer): Nr. 345")
    assert lines[1].startswith("::warning file=content/pressemitteilungen/2026/2026-11-03-entwurf.md,"
                               "line=6,col=1,title=missing-field::Pflichtfeld `summary`")
    assert len(lines) == 2


def test_base_makes_a_committed_branch_file_new(repo: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    # As in a pull request's check: the branch's commit is checked out, the tree is clean,
    # and only `--base` (the target branch) says which file the pull request adds.
    git(repo, "checkout", "-q", "-b", "neu")
    write_tree(repo / "content", {IMPORTED: release("Elterncafé", "2026-11-02", 345)})
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Elterncafé")
    assert [path for path, *_ in duplicates(repo / "content")] == [PUBLISHED]  # by date
    assert main(["validate", "--base", "main", f"content/{IMPORTED}", NOW_ARG]) == 1
    assert capsys.readouterr().out.startswith(f"content/{IMPORTED}:7:9: [error]")
    assert changed_files(repo / "content", "--output=x") is None  # never an option
    assert changed_files(repo / "content", "keine-revision") is None

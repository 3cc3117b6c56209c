"""The command line: exit codes 0/1/2, one clear line per problem, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from packs import QUIZ_TOML, line_of, write_pack

from explainer import __version__


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m explainer ARGS`` and capture its output."""
    return subprocess.run(
        [sys.executable, "-m", "explainer", *args], capture_output=True, text=True, cwd=cwd, timeout=60
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"explainer {__version__}"


def test_help_mentions_validate() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert "validate" in result.stdout


def test_validate_bundled_pack(tmp_path: Path) -> None:
    result = run("validate", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: nk-pows: ")
    assert "sections" in result.stdout and "questions" in result.stdout


def test_validate_valid_folder(tmp_path: Path) -> None:
    result = run("validate", str(write_pack(tmp_path / "mini")))
    assert result.returncode == 0
    assert result.stdout == "ok: mini: 2 sections, 3 questions\n"


def test_validate_invalid_pack_lists_every_error_with_file_and_line(tmp_path: Path) -> None:
    quiz = QUIZ_TOML.replace('type = "true_false"', 'type = "essay"').replace("pass_mark = 0.5", "pass_mark = 7")
    folder = write_pack(tmp_path / "broken", quiz=quiz)
    result = run("validate", str(folder))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"{folder / 'quiz.toml'}:{line_of(quiz, 'pass_mark')}:1: [quiz]: 'pass_mark'")
    assert lines[1].startswith(f"{folder / 'quiz.toml'}:{line_of(quiz, 'essay')}:1: question 'statement'")
    assert lines[-1] == f"invalid: {folder}: 2 errors"
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_validate_several_paths_exit_with_the_worst(tmp_path: Path) -> None:
    good = write_pack(tmp_path / "good")
    bad = write_pack(tmp_path / "bad", quiz=QUIZ_TOML.replace("pass_mark = 0.5", "pass_mark = 7"))
    result = run("validate", str(good), str(bad))
    assert result.returncode == 1
    assert result.stdout.startswith("ok: mini:")


@pytest.mark.parametrize("args", [("validate", "no/such/folder"), ("no/such/folder",)])
def test_missing_folder_is_a_usage_error(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "no/such/folder: no such folder" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [("--bogus",), ("validate", "--bogus")])
def test_unknown_option_is_one_line_and_exit_2(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "No such option '--bogus'" in result.stderr


def test_opening_an_invalid_pack_does_not_start_the_app(tmp_path: Path) -> None:
    folder = write_pack(tmp_path / "broken", quiz=QUIZ_TOML.replace("pass_mark = 0.5", "pass_mark = 7"))
    result = run(str(folder))
    assert result.returncode == 1
    assert "pass_mark" in result.stderr
    assert "not a valid pack" in result.stderr.splitlines()[-1]


@pytest.mark.parametrize("args", [("validate", ""), ("",)])
def test_empty_path_is_a_usage_error(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert "cannot be an empty string" in result.stderr and result.stderr.count("\n") == 1


def test_a_file_instead_of_a_folder_says_so(tmp_path: Path) -> None:
    folder = write_pack(tmp_path / "mini")
    result = run("validate", str(folder / "pack.toml"))
    assert result.returncode == 2
    assert "is a file; give the folder" in result.stderr

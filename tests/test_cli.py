"""The command line: exit codes 0/1/2, one clear line per problem, never a traceback."""

from __future__ import annotations

import json
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


# ------------------------------------------------------------ validate: warnings, json

NO_FEEDBACK = QUIZ_TOML.replace('  text = "Wrong"\n  feedback = "No."\n', '  text = "Wrong"\n')


def test_warnings_are_printed_but_exit_0_without_strict(tmp_path: Path) -> None:
    folder = write_pack(tmp_path / "mini", quiz=NO_FEEDBACK)
    result = run("validate", str(folder))
    assert result.returncode == 0, result.stderr
    assert result.stdout == "ok: mini: 2 sections, 3 questions (1 warning)\n"
    line = line_of(NO_FEEDBACK, "[[questions.choices]]", 2)
    assert result.stderr.splitlines() == [
        f"{folder / 'quiz.toml'}:{line}:3: warning: question 'pick-one': choice 2 (\"Wrong\") is wrong"
        " but has no feedback; fix: add feedback = \"...\" saying why this choice is wrong;"
        " it is shown when the reader picks it"
    ]


def test_strict_fails_on_warnings(tmp_path: Path) -> None:
    folder = write_pack(tmp_path / "mini", quiz=NO_FEEDBACK)
    result = run("validate", "--strict", str(folder))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == f"invalid: {folder}: 1 warning (--strict)"


def test_strict_passes_a_clean_pack_and_the_bundled_pack(tmp_path: Path) -> None:
    result = run("validate", "--strict", str(write_pack(tmp_path / "mini")))
    assert result.returncode == 0 and result.stderr == ""
    result = run("validate", "--strict")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_every_error_line_carries_a_fix(tmp_path: Path) -> None:
    quiz = QUIZ_TOML.replace('type = "true_false"', 'type = "essay"').replace("pass_mark = 0.5", "pass_mark = 7")
    result = run("validate", str(write_pack(tmp_path / "broken", quiz=quiz)))
    problems = result.stderr.splitlines()[:-1]
    assert len(problems) == 2 and all("; fix: " in line for line in problems)


PROBLEM_KEYS = ["file", "line", "column", "severity", "code", "message", "hint"]


def test_json_report(tmp_path: Path) -> None:
    good = write_pack(tmp_path / "good", quiz=NO_FEEDBACK)
    quiz = QUIZ_TOML.replace("pass_mark = 0.5", "pass_mark = 7")
    bad = write_pack(tmp_path / "bad", quiz=quiz)
    result = run("validate", "--format", "json", str(good), str(bad))
    assert result.returncode == 1
    assert result.stderr == ""
    document = json.loads(result.stdout)
    assert document["format"] == 1 and document["strict"] is False and document["valid"] is False
    first, second = document["packs"]
    assert first == {
        "path": str(good), "id": "mini", "valid": True, "errors": 0, "warnings": 1,
        "sections": 2, "questions": 3, "problems": [first["problems"][0]],
    }
    warning = first["problems"][0]
    assert list(warning) == PROBLEM_KEYS
    assert warning["severity"] == "warning" and warning["code"] == "choice-without-feedback"
    assert warning["file"] == str(good / "quiz.toml")
    assert warning["line"] == line_of(NO_FEEDBACK, "[[questions.choices]]", 2) and warning["column"] == 3
    assert second["valid"] is False and second["id"] == "mini" and second["errors"] == 1
    assert second["sections"] is None and second["questions"] is None
    error = second["problems"][0]
    assert list(error) == PROBLEM_KEYS
    assert (error["severity"], error["code"], error["line"]) == ("error", "out-of-range", line_of(quiz, "pass_mark"))
    assert error["hint"] == "write a fraction, e.g. pass_mark = 0.7 for 70%"


def test_json_strict(tmp_path: Path) -> None:
    folder = write_pack(tmp_path / "mini", quiz=NO_FEEDBACK)
    result = run("validate", "--format", "json", "--strict", str(folder))
    assert result.returncode == 1
    document = json.loads(result.stdout)
    assert document["strict"] is True and document["valid"] is False
    assert document["packs"][0]["valid"] is False and document["packs"][0]["warnings"] == 1


def test_json_missing_folder_is_still_a_document_and_exit_2(tmp_path: Path) -> None:
    result = run("validate", "--format", "json", str(tmp_path / "nowhere"))
    assert result.returncode == 2
    document = json.loads(result.stdout)
    problem = document["packs"][0]["problems"][0]
    assert problem["code"] == "no-such-folder" and problem["line"] is None
    assert result.stderr.count("\n") == 1 and "no such folder" in result.stderr


def test_unknown_format_is_a_usage_error() -> None:
    result = run("validate", "--format", "xml")
    assert result.returncode == 2 and result.stderr.count("\n") == 1


# ------------------------------------------------------------------------ new, schema


def test_new_writes_a_pack_that_passes_strict(tmp_path: Path) -> None:
    folder = tmp_path / "my-lesson"
    result = run("new", str(folder), "--title", "My lesson", "--language", "fr")
    assert result.returncode == 0, result.stderr
    assert f"explainer validate {folder} --strict" in result.stdout
    check = run("validate", "--strict", str(folder))
    assert check.returncode == 0, check.stderr
    assert check.stdout == "ok: my-lesson: 2 sections, 7 questions\n"


def test_new_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("keep me")
    result = run("new", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "is not empty" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


@pytest.mark.parametrize(("option", "value"), [("--language", "not a tag"), ("--title", "  ")])
def test_new_refuses_bad_options(tmp_path: Path, option: str, value: str) -> None:
    result = run("new", str(tmp_path / "x"), option, value)
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert not (tmp_path / "x").exists()


def test_new_needs_a_folder() -> None:
    result = run("new")
    assert result.returncode == 2 and "Missing argument" in result.stderr


def test_schema_to_stdout_and_to_a_folder(tmp_path: Path) -> None:
    result = run("schema")
    assert result.returncode == 0
    schemas = json.loads(result.stdout)
    assert list(schemas) == ["pack.schema.json", "explainer.schema.json", "quiz.schema.json"]
    result = run("schema", "--output", str(tmp_path / "out"))
    assert result.returncode == 0
    for name, schema in schemas.items():
        assert json.loads((tmp_path / "out" / name).read_text(encoding="utf-8")) == schema
        assert f"wrote: {tmp_path / 'out' / name}" in result.stdout


def test_help_lists_every_authoring_command() -> None:
    result = run("--help")
    for command in ("validate", "new", "schema"):
        assert command in result.stdout


def test_a_mistyped_command_suggests_the_right_one() -> None:
    result = run("validat", "content/nk-pows")
    assert result.returncode == 2
    assert "did you mean 'explainer validate'?" in result.stderr
    assert result.stderr.count("\n") == 1

"""`explainer --plain` through a pipe, `explainer results`, and the corrupt-file notice."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from explainer.history import CSV_COLUMNS
from explainer.pack import bundled_pack_path, load_pack
from plain_lines import answers, wrong_line


def whole_quiz(seed: int = 1) -> str:
    """Input that answers every question of the bundled quiz (wrongly) with ``--seed``."""
    return answers(load_pack(bundled_pack_path()), wrong_line, seed)[1]


def run(*args: str, data_dir: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Run ``python -m explainer ARGS`` with a private data folder; stdout is a pipe."""
    env = {**os.environ, "EXPLAINER_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "explainer", *args], input=stdin, capture_output=True, text=True, env=env, timeout=120
    )


def test_piped_quiz_prints_a_score_and_records_an_attempt(tmp_path: Path) -> None:
    result = run("--plain", "--quiz-only", "--seed", "1", data_dir=tmp_path, stdin=whole_quiz())
    assert result.returncode == 0, result.stderr
    assert "Score: " in result.stdout and "pass mark 70%" in result.stdout
    assert (tmp_path / "progress" / "nk-pows.toml").is_file()


def test_plain_is_chosen_when_stdout_is_not_a_terminal(tmp_path: Path) -> None:
    result = run("--quiz-only", data_dir=tmp_path, stdin="")
    assert result.returncode == 66, result.stderr  # the input ended before the quiz did
    assert "Question 1 of" in result.stdout
    assert "\x1b[" not in result.stdout  # no escape sequences: plain lines only


def test_results_in_every_format(tmp_path: Path) -> None:
    for _ in range(2):
        assert run("--quiz-only", "--seed", "1", data_dir=tmp_path, stdin=whole_quiz()).returncode == 0
    table = run("results", data_dir=tmp_path)
    assert table.returncode == 0
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["#", "finished", "(local", "time)", "kind", "score", "%", "result", "hints"]
    assert len(lines) == 3 and lines[1].startswith("1 ") and lines[2].startswith("2 ")

    rows = list(csv.DictReader(io.StringIO(run("results", "--format", "csv", data_dir=tmp_path).stdout)))
    assert len(rows) == 2
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[0]["kind"] == "quiz" and rows[0]["passed"] in ("yes", "no")
    assert int(rows[0]["questions"]) >= 18

    document = json.loads(run("results", "--format", "json", data_dir=tmp_path).stdout)
    assert document["pack"] == "nk-pows"
    assert [a["attempt"] for a in document["attempts"]] == [1, 2]
    assert document["attempts"][0]["answers"][0]["question"]


def test_results_with_no_history(tmp_path: Path) -> None:
    result = run("results", data_dir=tmp_path)
    assert result.returncode == 0
    assert result.stdout == "No finished attempts yet for nk-pows.\n"


def test_corrupt_progress_file_is_set_aside_with_a_notice(tmp_path: Path) -> None:
    folder = tmp_path / "progress"
    folder.mkdir()
    (folder / "nk-pows.toml").write_text("format = 1\nthis is not toml", encoding="utf-8")
    # A report changes nothing: it says the file cannot be used and exits 1.
    result = run("results", data_dir=tmp_path)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "cannot be used" in result.stderr and "left as it is" in result.stderr
    assert "Traceback" not in result.stderr
    assert (folder / "nk-pows.toml").read_text(encoding="utf-8").endswith("this is not toml")
    # Opening the pack sets the file aside with a notice and starts a fresh one.
    opened = run("--quiz-only", data_dir=tmp_path, stdin="q\n")
    assert opened.returncode == 0
    assert "was kept as" in opened.stderr
    kept = list(folder.glob("nk-pows.toml.bak-*"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8").endswith("this is not toml")
    assert run("results", data_dir=tmp_path).returncode == 0


def test_csv_columns_are_documented() -> None:
    guide = (Path(__file__).resolve().parent.parent / "docs" / "progress.md").read_text(encoding="utf-8")
    for column in CSV_COLUMNS:
        assert f"| `{column}` |" in guide

"""Closed, full and broken streams, and ctrl+C: one line on stderr, a documented exit code.

Every command runs in a fresh interpreter (``python -m explainer``) with its standard
streams set up as a shell would: stdout closed (``>&-``), stdout full (``> /dev/full``),
stdout a pipe whose reader is gone (``| head`` after head exited), stdin closed
(``<&-``), and plain mode interrupted at its first question. The exit codes are the
documented ones: 0 success, 1 invalid content, 74 the output could not be written, 130
interrupted. Never a traceback, never Python's "Exception ignored" noise at exit, and at
most one line about the failure on stderr.
"""

from __future__ import annotations

import os
import re
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from packs import QUIZ_TOML, write_pack

from explainer.pack import bundled_pack_path, load_pack
from explainer.storage import ProgressStore

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="POSIX file descriptors and signals"),
]

ROOT = Path(__file__).resolve().parent.parent
BANK = Path(__file__).parent / "fixtures" / "interop" / "every-construct.gift"
EXIT_OK, EXIT_INVALID, EXIT_INPUT_ENDED, EXIT_OUTPUT, EXIT_INTERRUPTED = 0, 1, 66, 74, 130
PREFIX = "explainer: cannot write the output: "

# The normal per-question report of import and export (export writes it on stderr).
REPORT_LINE = re.compile(r"^\S+:\d+: (converted|approximated|skipped|error): ")


def _mini_pack(tmp_path: Path) -> str:
    """Write the valid mini pack of tests/packs.py into ``tmp_path``; return its folder."""
    return str(write_pack(tmp_path / "mini"))


# Every command that writes on stdout, with arguments that make it succeed (exit 0)
# when its output can be written. Each gets a fresh tmp_path.
COMMANDS: dict[str, Callable[[Path], list[str]]] = {
    "validate": lambda tmp: ["validate", str(bundled_pack_path())],
    "validate-json": lambda tmp: ["validate", "--format", "json", _mini_pack(tmp)],
    "schema": lambda tmp: ["schema"],
    "results": lambda tmp: ["results", "--data-dir", str(tmp / "data")],
    "export": lambda tmp: ["export", _mini_pack(tmp), "--format", "gift"],
    "import": lambda tmp: ["import", str(BANK), "-o", str(tmp / "imported")],
    "new": lambda tmp: ["new", str(tmp / "fresh")],
    "version": lambda tmp: ["--version"],
    "help": lambda tmp: ["--help"],
    "plain": lambda tmp: ["--plain", "--quiz-only", "--data-dir", str(tmp / "data"), "--seed", "7"],
}


def run(
    args: list[str],
    *,
    stdout: int | object = subprocess.PIPE,
    stdin: int | object = subprocess.DEVNULL,
    close: tuple[int, ...] = (),
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m explainer ARGS``; ``close`` lists the descriptors (0, 1, 2) to
    close in the child before it starts, as ``<&-`` and ``>&-`` do."""

    def close_fds() -> None:
        for fd in close:
            os.close(fd)

    return subprocess.run(
        [sys.executable, "-m", "explainer", *args],
        stdin=stdin,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        preexec_fn=close_fds if close else None,
        timeout=60,
    )


def problems(stderr: str) -> list[str]:
    """The non-empty stderr lines, less the normal report lines of import and export."""
    return [line for line in stderr.splitlines() if line.strip() and not REPORT_LINE.match(line)]


def assert_clean(result: subprocess.CompletedProcess[str], code: int) -> list[str]:
    """No traceback, no shutdown noise, at most one line about the failure, and exit
    ``code``; return that line (or none) as a list."""
    assert "Traceback" not in result.stderr, result.stderr
    assert "Exception ignored" not in result.stderr, result.stderr
    lines = problems(result.stderr)
    assert len(lines) <= 1, result.stderr
    assert result.returncode == code, (result.returncode, result.stderr)
    return lines


def broken_pipe() -> int:
    """The write end of a pipe whose reader has gone (as after ``| head`` exited)."""
    read, write = os.pipe()
    os.close(read)
    return write


# ------------------------------------------------------------------ stdout closed, full, a broken pipe


@pytest.mark.parametrize("name", list(COMMANDS))
def test_stdout_closed(name: str, tmp_path: Path) -> None:
    result = run(COMMANDS[name](tmp_path), stdout=None, close=(1,))
    lines = assert_clean(result, EXIT_OUTPUT)
    assert lines == [f"{PREFIX}standard output is closed (errno 9)"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("name", list(COMMANDS))
def test_stdout_full(name: str, tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        result = run(COMMANDS[name](tmp_path), stdout=full)
    lines = assert_clean(result, EXIT_OUTPUT)
    assert lines == [f"{PREFIX}No space left on device (errno 28)"]


@pytest.mark.parametrize("name", list(COMMANDS))
def test_broken_pipe_is_quiet(name: str, tmp_path: Path) -> None:
    write = broken_pipe()
    try:
        result = run(COMMANDS[name](tmp_path), stdout=write)
    finally:
        os.close(write)
    assert assert_clean(result, EXIT_OUTPUT) == []  # the reader chose to stop: nothing to say


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_stdout_full_and_stderr_closed_still_exits_74(tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        result = run(["schema"], stdout=full, close=(2,))
    assert result.returncode == EXIT_OUTPUT


# ------------------------------------------------------------------ validate: the pack's validity first


@pytest.mark.parametrize("output_format", ["text", "json"])
@pytest.mark.parametrize("stream", ["closed", "full"])
def test_validate_reports_an_invalid_pack_first(tmp_path: Path, output_format: str, stream: str) -> None:
    if stream == "full" and not Path("/dev/full").exists():
        pytest.skip("needs /dev/full")
    good = write_pack(tmp_path / "good")
    bad = write_pack(tmp_path / "bad", quiz=QUIZ_TOML.replace("pass_mark = 0.5", "pass_mark = 7"))
    args = ["validate", "--format", output_format, str(good), str(bad)]
    if stream == "closed":
        result = run(args, stdout=None, close=(1,))
    else:
        with open("/dev/full", "w") as full:
            result = run(args, stdout=full)
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    assert result.returncode == EXIT_INVALID, result.stderr
    lines = result.stderr.splitlines()
    # Every problem of the bad pack is still reported, then the one line about stdout.
    if output_format == "text":
        assert "pass_mark" in lines[0] and lines[1] == f"invalid: {bad}: 1 error"
    assert lines[-1].startswith(PREFIX)
    assert sum(line.startswith("explainer:") for line in lines) == 1


# ------------------------------------------------------------------ stdin closed


def test_plain_with_stdin_closed_is_the_end_of_input(tmp_path: Path) -> None:
    result = run(COMMANDS["plain"](tmp_path), stdin=None, close=(0,))
    (line,) = assert_clean(result, EXIT_INPUT_ENDED)
    assert "The input ended before the quiz did" in line
    assert "Question 1 of " in result.stdout and "Score:" not in result.stdout


def test_plain_with_stdin_and_stdout_closed(tmp_path: Path) -> None:
    result = run(COMMANDS["plain"](tmp_path), stdin=None, stdout=None, close=(0, 1))
    assert assert_clean(result, EXIT_OUTPUT) == [f"{PREFIX}standard output is closed (errno 9)"]


def test_the_app_with_stdin_closed_on_a_terminal_runs_plain_mode(tmp_path: Path) -> None:
    """``explainer <&-`` in a terminal: the app cannot read keys, so plain mode runs and
    sees the end of input (before, Textual crashed)."""
    pty = pytest.importorskip("pty")
    main, child = pty.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "explainer", "--quiz-only", "--data-dir", str(tmp_path), "--seed", "7"],
            stdin=None, stdout=child, stderr=subprocess.PIPE, cwd=ROOT, preexec_fn=lambda: os.close(0),
            env={**os.environ, "TERM": "xterm", "PYTHONIOENCODING": "utf-8"},
        )
        os.close(child)
        screen = _drain(main, process, deadline=time.monotonic() + 30)
    finally:
        os.close(main)
    stderr = process.stderr.read().decode()
    process.stderr.close()
    assert "Traceback" not in stderr, stderr
    assert [line for line in stderr.splitlines() if line.strip()] == [
        f"The input ended before the quiz did: {len(load_pack(bundled_pack_path()).questions)} questions left."
        " Your answers so far are saved; start plain mode again to continue the quiz."
    ]
    assert process.returncode == EXIT_INPUT_ENDED
    assert "Question 1 of " in screen and "Score:" not in screen


def _drain(fd: int, process: subprocess.Popen, deadline: float) -> str:
    """Read a terminal's output until ``process`` ends (a pty's buffer is small)."""
    chunks = []
    while True:
        if time.monotonic() > deadline:
            process.kill()
            process.wait()
            pytest.fail("the app did not end")
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # EIO: every child side of the terminal is closed
                chunk = b""
            if not chunk:
                break
            chunks.append(chunk)
        elif process.poll() is not None:
            break
    process.wait(timeout=30)
    return b"".join(chunks).decode("utf-8", "replace")


# ------------------------------------------------------------------ ctrl+C


def test_ctrl_c_at_a_plain_prompt(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "explainer", *COMMANDS["plain"](tmp_path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    try:
        shown = b""
        deadline = time.monotonic() + 30
        # The first question is printed (and flushed) in one go, its instruction last.
        while not re.search(rb"Question 1 of \d+\n(.*\n)*Type [^\n]*\n$", shown):
            assert time.monotonic() < deadline, shown
            ready, _, _ = select.select([process.stdout], [], [], 0.1)
            if ready:
                chunk = os.read(process.stdout.fileno(), 65536)
                assert chunk, shown
                shown += chunk
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    stderr = err.decode()
    assert "Traceback" not in stderr and "Exception ignored" not in stderr
    assert [line for line in stderr.splitlines() if line.strip()] == ["Stopped. Your answers so far are saved."]
    assert process.returncode == EXIT_INTERRUPTED
    saved = ProgressStore("nk-pows", tmp_path / "data").load().quiz
    assert saved is not None and saved.position == 0  # the quiz waits to be continued


# ---------------------------------------------------------------- nothing raw reaches a terminal


def _explainer(*args: str, data: Path) -> subprocess.CompletedProcess[bytes]:
    """Run ``explainer ARGS`` with its data folder at ``data``; capture bytes."""
    env = {**os.environ, "EXPLAINER_DATA_DIR": str(data)}
    return subprocess.run([sys.executable, "-m", "explainer", *args], capture_output=True, env=env, timeout=60)


FORBIDDEN_BYTES = re.compile(rb"\x1b|\x07|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")
"""Control and bidi characters as UTF-8 bytes."""


@pytest.mark.slow
def test_a_file_name_with_control_characters_is_escaped_in_messages(tmp_path: Path) -> None:
    done = _explainer("validate", str(tmp_path / "no\x1b]0;PWNED\x07such\u202e"), data=tmp_path)
    assert done.returncode == 2
    assert not FORBIDDEN_BYTES.search(done.stderr), done.stderr
    assert b"no\\x1b]0;PWNED\\x07such\\u202e" in done.stderr


@pytest.mark.slow
def test_results_escape_what_a_progress_file_holds(tmp_path: Path) -> None:
    folder = tmp_path / "progress"
    folder.mkdir()
    (folder / "nk-pows.toml").write_text(
        'format = 1\npack = "nk-pows"\n\n[[attempts]]\n"\\u001b]0;PWNED\\u0007\\u202e" = 1\n', encoding="utf-8"
    )
    done = _explainer("results", data=tmp_path)
    assert done.returncode == 1
    assert not FORBIDDEN_BYTES.search(done.stderr), done.stderr


def test_json_keeps_its_value_and_loses_raw_controls() -> None:
    import json

    from explainer.pack.text import json_safe

    value = {"q": "which\u202e\x9b2J\x1b"}
    text = json_safe(json.dumps(value, ensure_ascii=False))
    assert json.loads(text) == value
    assert not FORBIDDEN_BYTES.search(text.encode())


def _interrupt(args: list[str], after: float, data: Path) -> subprocess.CompletedProcess[bytes]:
    """Start the ``explainer`` console script with ``args``, send ctrl+C (SIGINT) after
    ``after`` seconds, and return what it did."""
    env = {**os.environ, "EXPLAINER_DATA_DIR": str(data)}
    script = Path(sys.executable).with_name("explainer")
    process = subprocess.Popen(
        [str(script), *args], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    time.sleep(after)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


@pytest.mark.slow
@pytest.mark.parametrize("after", [0.12, 0.25])
def test_ctrl_c_while_the_command_line_loads_is_one_line(tmp_path: Path, after: float) -> None:
    done = _interrupt(["validate"], after, tmp_path)
    if done.returncode == 0 or done.stdout.startswith(b"ok:"):
        # validate had finished; a signal while the interpreter shuts down (its handlers
        # already reset) ends it as the shell's ctrl+C does, with nothing printed.
        pytest.skip("validate finished before the signal; nothing to check")
    assert b"Traceback" not in done.stderr
    assert done.returncode == 130
    assert done.stderr.decode().splitlines() == ["explainer: interrupted"]


@pytest.mark.slow
def test_ctrl_c_during_a_long_validate_is_one_line(tmp_path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
    from scale import write_pack as write_big_pack

    pack = write_big_pack(tmp_path / "big", 50_000, sections=10)  # validating takes seconds
    done = _interrupt(["validate", str(pack)], 1.0, tmp_path)
    assert b"Traceback" not in done.stderr
    assert done.returncode == 130
    assert done.stderr.decode().splitlines() == ["explainer: interrupted"]

"""No content byte reaches the terminal as a control sequence (issue 7, item 1).

The loader refuses control characters in packs; these tests go past it (a pack built by
:func:`tests.hostile.hostile_pack`) to prove the defence behind it: every path that
puts text on the screen makes control characters visible.

- In process, through every screen (welcome, each section, glossary, timeline, sources,
  help, every question and its feedback, results, history, palette, notifications): the
  text the screen is drawn from holds no control character, and the ``␛`` stand-in
  shows that the hostile text really was drawn.
- In a real terminal (a pseudo-terminal, the app run as a reader runs it): the bytes
  the app writes hold none of the hostile sequences.
"""

from __future__ import annotations

import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import fcntl
import time
from pathlib import Path

import pytest
from textual import events

from explainer.app import ExplainerApp
from explainer.pack import TextResponse
from explainer.widgets.text import INVISIBLE, strip_invisible, visible
from hostile import DECODED, HOSTILE, MARKERS, hostile_pack, with_first_body

from conftest import FIXTURES, SEED, screen_text, wrong_keys

SIZE = (100, 30)


def assert_clean(app: ExplainerApp, where: str, *, drawn: bool = True) -> None:
    """The current screen holds no control character; with ``drawn``, it shows ``␛``."""
    text = screen_text(app)
    found = INVISIBLE.search(text)
    assert found is None, f"{where}: {found.group(0)!r} reached the screen:\n{text}"
    if drawn:
        assert "␛" in text, f"{where}: the hostile text is not on screen:\n{text}"


def test_visible_makes_every_control_visible():
    assert visible("a\x1b[2Jb") == "a␛[2Jb"
    assert visible("\x07\x00\x7f") == "␇␀␡"
    assert visible("x\x9b31m") == "x⟨U+009B⟩31m"
    assert visible("\u202eevil\u2066") == "⟨U+202E⟩evil⟨U+2066⟩"
    assert visible("tab\tand\nnewline, 한국어, emoji 🙂, عربي") == "tab\tand\nnewline, 한국어, emoji 🙂, عربي"
    assert INVISIBLE.search(visible(HOSTILE)) is None


def test_strip_invisible_keeps_only_what_can_be_seen():
    assert strip_invisible("Hana\x1b[2Jwon\u202e") == "Hana[2Jwon"


@pytest.fixture(scope="module")
def pack(every_type_pack):
    return hostile_pack(every_type_pack)


async def test_every_screen_shows_control_characters_visibly(pack):
    app = ExplainerApp(pack, seed=SEED)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert_clean(app, "welcome")
        for index in range(len(pack.sections)):
            app.start_reading(index)
            await pilot.pause()
            assert_clean(app, f"section {index + 1}")
        for entry in pack.glossary:
            app.action_glossary(entry.term)
            await pilot.pause()
            assert_clean(app, f"glossary at {entry.term!r}")
        await pilot.press("escape")
        for action in (app.action_timeline, app.action_sources, app.action_help, app.action_history):
            action()
            await pilot.pause()
            assert_clean(app, action.__name__, drawn=action != app.action_help and action != app.action_history)
            await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.press(*"section")
        await pilot.pause()
        assert_clean(app, "command palette")
        await pilot.press("escape")

        app.start_quiz()
        await pilot.pause()
        session = app.session
        while not session.finished:
            question = session.current
            await pilot.pause()
            assert_clean(app, f"question {question.id}")
            if question.hint:
                await pilot.press("f2" if question.type in ("short_answer", "numeric") else "h")
            keys = wrong_keys(session, question)
            await pilot.press(*keys, "enter")
            await pilot.pause()
            if not session.is_answered(question.id):  # an order question starts wrong
                await pilot.press("enter")
                await pilot.pause()
            assert_clean(app, f"feedback on {question.id}")
            await pilot.press("n")
            await pilot.pause()
        assert_clean(app, "results")
        app.action_history()
        await pilot.pause()
        assert_clean(app, "history", drawn=False)


async def test_markdown_that_decodes_into_control_characters_shows_them_visibly(every_type_pack):
    """Clean as written (the loader accepts it), but the parser decodes ``%1B`` in a
    link's address and ``&#x202E;`` into the characters themselves."""
    app = ExplainerApp(with_first_body(every_type_pack, DECODED), seed=SEED)
    async with app.run_test(size=SIZE) as pilot:
        app.start_reading(0)
        await pilot.pause()
        assert_clean(app, "a section whose Markdown decodes into controls")
        text = screen_text(app)
        assert "⟨U+202E⟩REV" in text and "example.org/␛" in text


async def test_typed_and_pasted_control_characters_never_enter_an_answer(every_type_pack):
    app = ExplainerApp(every_type_pack, seed=SEED, quiz_only=True)
    async with app.run_test(size=SIZE) as pilot:
        session = app.session
        while session.current.type != "short_answer":
            session.advance()
        app.start_quiz(session)
        await pilot.pause()
        box = app.screen.query_one("AnswerInput")
        box.post_message(events.Paste("Hana\x1b[2Jwon\u202e\x07"))
        await pilot.pause()
        assert box.value == "Hana[2Jwon"
        box.value = "x\x1b]0;PWNED\x07"
        await pilot.pause()
        assert box.value == "x]0;PWNED"
        assert_clean(app, "typed answer", drawn=False)


async def test_saved_answers_and_notices_are_shown_visibly(every_type_pack):
    app = ExplainerApp(every_type_pack, seed=SEED)
    notices: list[str] = []

    def hook(message) -> None:
        if type(message).__name__ == "Notify":
            notices.append(message.notification.message)

    async with app.run_test(size=SIZE, message_hook=hook) as pilot:
        session = app.session
        for question in session.questions:
            if question.type == "short_answer":
                session.submit(question.id, TextResponse(text="typed\x1b[2J answer\u202e"))
        app.notify("Your file /tmp/\x1b]0;PWNED\x07.toml could not be read.", markup=False)
        await pilot.pause()
        assert notices == ["Your file /tmp/␛]0;PWNED␇.toml could not be read."]
        while not session.finished:
            session.advance()
        app.show_results()
        await pilot.pause()
        assert_clean(app, "results with a saved typed answer")


# ---------------------------------------------------------------- a real terminal

_RUN = """
import sys
sys.path.insert(0, {tests!r})
from explainer.app import ExplainerApp
from explainer.pack import load_pack
from hostile import hostile_pack
ExplainerApp(hostile_pack(load_pack({pack!r})), seed=7).run()
"""


def _read(fd: int, seconds: float) -> bytes:
    """Everything the terminal receives from ``fd`` within ``seconds``."""
    out = b""
    end = time.monotonic() + seconds
    while (left := end - time.monotonic()) > 0:
        ready, _, _ = select.select([fd], [], [], min(left, 0.1))
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
    return out


@pytest.mark.slow
def test_a_real_terminal_receives_no_control_sequence_from_content(tmp_path):
    """Run the app in a pseudo-terminal on the hostile pack, read a section, open the
    glossary, the timeline and a question's feedback, and look at every byte written."""
    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "EXPLAINER_DATA_DIR": str(tmp_path), "TEXTUAL_ANIMATIONS": "none"}
    env.pop("NO_COLOR", None)
    script = _RUN.format(tests=str(Path(__file__).parent), pack=str(FIXTURES / "every-type"))
    process = subprocess.Popen(
        [sys.executable, "-c", script], stdin=child, stdout=child, stderr=child, env=env, start_new_session=True
    )
    os.close(child)
    output = b""
    try:
        output += _read(main, 6)
        for keys in (b"r", b"g", b"\x1b", b"t", b"\x1b", b"z", b"1", b"\r"):
            os.write(main, keys)
            output += _read(main, 1.5)
        os.write(main, b"q")
        output += _read(main, 3)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(10)
        os.close(main)
    assert "␛]0;PWNED".encode() in output, "the hostile text was never drawn"
    for marker in MARKERS:
        assert marker not in output, f"{marker!r} reached the terminal"
    assert not re.search(rb"\x1b\]0;", output), "something set the window title"


def test_text_reaches_widgets_only_through_shown():
    """The one path: no module of the app builds ``Content(...)`` from a string itself;
    they call :func:`explainer.widgets.text.shown`, which makes controls visible."""
    root = Path(__file__).parent.parent / "explainer"
    offenders = []
    for path in root.rglob("*.py"):
        if path == root / "widgets" / "text.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.search(r"(?<![\w.])Content\(", line):
                offenders.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    assert offenders == []

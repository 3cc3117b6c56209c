"""Shared fixtures for the app tests: packs, a seeded app, and screen-text helpers.

TEXTUAL_ANIMATIONS must be set before Textual is imported, so it is set here, at the
top of the first module pytest loads.
"""

from __future__ import annotations

import os

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from explainer.pack import Pack, bundled_pack_path, load_pack  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
"""Folder of the test packs."""

SEED = 7
"""The seed every app test uses, so shuffles are the same on every run."""


@pytest.fixture(scope="session")
def mini_pack() -> Pack:
    """A small pack of single, multiple and true/false questions (tests/fixtures/mini)."""
    return load_pack(FIXTURES / "mini")


@pytest.fixture(scope="session")
def every_type_pack() -> Pack:
    """A small pack with one question of every type (tests/fixtures/every-type): a pinned
    choice, partial scoring, hints, and square brackets in order items and match sides."""
    return load_pack(FIXTURES / "every-type")


@pytest.fixture(scope="session")
def verbatim_pack() -> Pack:
    """A pack full of markup look-alikes, backslashes, Korean and emoji."""
    return load_pack(FIXTURES / "verbatim")


@pytest.fixture(scope="session")
def bundled_pack() -> Pack:
    """The pack that ships with explainer (content/nk-pows)."""
    return load_pack(bundled_pack_path())


def screen_text(app) -> str:
    """Return the text of the screen as the terminal shows it, one line per row."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def find_text(app, text: str) -> tuple[int, int]:
    """Return the (x, y) cell where ``text`` starts on screen; AssertionError if absent."""
    from rich.cells import cell_len

    for y, line in enumerate(screen_text(app).splitlines()):
        index = line.find(text)
        if index >= 0:
            return cell_len(line[:index]), y
    raise AssertionError(f"{text!r} is not on screen:\n{screen_text(app)}")


def right_keys(session, question) -> list[str]:
    """The number keys that pick the right answer of ``question`` as displayed."""
    if question.type == "true_false":
        return ["1" if question.answer else "2"]
    order = session.choice_order(question.id)
    return [str(order.index(i) + 1) for i, choice in enumerate(question.choices) if choice.correct]


def wrong_keys(session, question) -> list[str]:
    """Number keys that pick a wrong answer of ``question`` as displayed."""
    if question.type == "true_false":
        return ["2" if question.answer else "1"]
    order = session.choice_order(question.id)
    wrong = next(i for i, choice in enumerate(question.choices) if not choice.correct)
    return [str(order.index(wrong) + 1)]

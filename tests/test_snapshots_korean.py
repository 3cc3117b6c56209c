"""Snapshots of the lesson in Korean (issue 13) at 80x24 and 60x20: Hangul takes two
cells of the terminal, and every screen wraps and aligns it by cells.

The bundled pack's Korean translation with the Korean interface, seed 7, animations
off. Update with ``pytest tests/test_snapshots_korean.py --snapshot-update`` after
LOOKING at the new SVGs (``bash tests/snapshot_png.sh FILE.svg``).
"""

from __future__ import annotations

import pytest
from conftest import SEED, settle

from explainer import i18n
from explainer.app import ExplainerApp
from explainer.launch import open_lesson
from explainer.pack import bundled_pack_path

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((60, 20), id="60x20")]


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    i18n.use("en")


def korean_app() -> ExplainerApp:
    """The bundled lesson in Korean, as ``explainer --lang ko`` opens it."""
    lesson = open_lesson(bundled_pack_path(), "ko", environ={})
    app = ExplainerApp(lesson.pack, seed=SEED, languages=lesson.languages)
    app.animation_level = "none"
    return app


@pytest.mark.parametrize("size", SIZES)
def test_korean_welcome(snap_compare, size):
    assert snap_compare(korean_app(), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_korean_section(snap_compare, size):
    assert snap_compare(korean_app(), terminal_size=size, press=["r", "n"], run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_korean_question(snap_compare, size):
    assert snap_compare(korean_app(), terminal_size=size, press=["z"], run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_korean_feedback_after_a_wrong_answer(snap_compare, size):
    async def wrong(pilot):
        await pilot.press("z")
        await pilot.pause()
        question = pilot.app.session.current
        order = pilot.app.session.display_order(question.id)
        wrong_position = next(p for p, i in enumerate(order) if not question.choices[i].correct)
        await pilot.press(str(wrong_position + 1), "enter")
        await settle(pilot)

    assert snap_compare(korean_app(), terminal_size=size, run_before=wrong)


def test_korean_language_menu(snap_compare):
    assert snap_compare(korean_app(), terminal_size=(80, 24), press=["l"], run_before=settle)


def test_korean_help(snap_compare):
    assert snap_compare(korean_app(), terminal_size=(80, 24), press=["question_mark"], run_before=settle)

"""Snapshots of list-like text with long entries, at 80x24 and 60x20 (tests/fixtures/long).

Every wrapped line of a list stays in its entry's column (a hanging indent): the
sidebar's titles and "(read)", timeline events beside their dates, help rows, choices
and their marks, key points and sources; a long web address breaks only after a ``/``.
Below 80 columns the reading screen folds its sidebar away (``l`` shows the list in the
section's place), and the quiz keeps the question's prompt in view above its feedback.

Update with ``pytest tests/test_snapshots_wrap.py --snapshot-update`` after LOOKING at
the new SVGs (``rsvg-convert -o /tmp/s.png file.svg``).
"""

from __future__ import annotations

import pytest
from conftest import FIXTURES, SEED, settle, snapshot_app, right_keys, wrong_keys

from explainer.app import ExplainerApp
from explainer.pack import load_pack

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((60, 20), id="60x20")]


def make_app() -> ExplainerApp:
    """The long-entries pack with the fixed seed and animations off."""
    return snapshot_app("long")


_settle = settle


@pytest.mark.parametrize("size", SIZES)
def test_reading_long_titles_and_key_points(snap_compare, size):
    assert snap_compare(make_app(), terminal_size=size, press=["r", "n"], run_before=_settle)


def test_reading_list_of_sections_at_60x20(snap_compare):
    assert snap_compare(make_app(), terminal_size=(60, 20), press=["r", "n", "l"], run_before=_settle)


@pytest.mark.parametrize("size", SIZES)
def test_timeline_long_events(snap_compare, size):
    assert snap_compare(make_app(), terminal_size=size, press=["t"], run_before=_settle)


@pytest.mark.parametrize("size", SIZES)
def test_sources_long_titles_and_addresses(snap_compare, size):
    assert snap_compare(make_app(), terminal_size=size, press=["s"], run_before=_settle)


def test_help_rows_at_60x20(snap_compare):
    assert snap_compare(make_app(), terminal_size=(60, 20), press=["question_mark"], run_before=_settle)


@pytest.mark.parametrize("size", SIZES)
def test_feedback_on_a_long_choice_keeps_the_prompt(snap_compare, size):
    async def second_question_wrong(pilot):
        app = pilot.app
        await pilot.press("z")
        await pilot.pause()
        await pilot.press(*right_keys(app.session, app.screen.question), "enter", "n")
        await pilot.pause()
        await pilot.press(*wrong_keys(app.session, app.screen.question), "enter")
        await _settle(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=second_question_wrong)


@pytest.mark.parametrize("size", SIZES)
def test_a_section_figure_as_text_bars(snap_compare, size):
    """A figure (tests/fixtures/figure): labels wrap beside their bars at 80 columns and
    go above them at 60; the estimate is drawn with ░ and labelled; note and sources."""

    async def show_figure(pilot):
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        pilot.app.screen.query_one("#section-figures").scroll_visible(animate=False, top=True)
        await settle(pilot)

    app = snapshot_app("figure")
    assert snap_compare(app, terminal_size=size, run_before=show_figure)


@pytest.mark.parametrize("size", SIZES)
def test_the_class_sign_in_with_a_refusal(snap_compare, size, tmp_path):
    """explainer serve's first screen: name, PIN, class code; a wrong code is said on the
    line above the button (and in a notification)."""
    from explainer.app import ExplainerApp as App

    app = App(load_pack(FIXTURES / "mini"), seed=SEED, class_dir=tmp_path, class_code="731905")
    app.animation_level = "none"

    async def wrong_code(pilot):
        await settle(pilot)
        await pilot.press(*"Ana", "enter", *"1234", "enter", *"000000", "enter")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=wrong_code)

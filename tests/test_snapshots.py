"""SVG snapshots of every screen at 80x24 with a fixed seed (tests/fixtures/mini), and of
every question type (tests/fixtures/every-type).

``run_before`` runs before ``press``. Sync tests only: ``snap_compare`` runs its own event loop. Update with
``pytest tests/test_snapshots.py --snapshot-update`` after LOOKING at the new SVGs.
"""

from __future__ import annotations

from conftest import FIXTURES, SEED, settle, snapshot_app, right_keys, wrong_keys

from explainer.app import ExplainerApp
from explainer.pack import load_pack

SIZE = (80, 24)


def make_app() -> ExplainerApp:
    """The mini pack with the fixed seed and animations off."""
    return snapshot_app("mini")


_settle = settle


def test_welcome(snap_compare):
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_settle)


def test_explainer_section(snap_compare):
    assert snap_compare(make_app(), terminal_size=SIZE, press=["r", "n"], run_before=_settle)


def test_quiz_question(snap_compare):
    assert snap_compare(make_app(), terminal_size=SIZE, press=["z", "2"], run_before=_settle)


def test_long_choices_wrap(snap_compare):
    async def second_question(pilot):
        app = pilot.app
        await pilot.press("z")
        await pilot.pause()
        await pilot.press(*right_keys(app.session, app.screen.question), "enter", "n")
        await _settle(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=second_question)


def test_feedback_after_wrong_answer(snap_compare):
    async def answer_wrong(pilot):
        app = pilot.app
        await pilot.press("z")
        await pilot.pause()
        await pilot.press(*wrong_keys(app.session, app.screen.question), "enter")
        await _settle(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=answer_wrong)


def test_results(snap_compare):
    async def take_quiz(pilot):
        app = pilot.app
        await pilot.press("z")
        await pilot.pause()
        session = app.session
        for index, question in enumerate(session.questions):
            keys = wrong_keys(session, question) if index == 1 else right_keys(session, question)
            await pilot.press(*keys, "enter", "n")
            await pilot.pause()
        await _settle(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=take_quiz)


def test_glossary(snap_compare):
    assert snap_compare(make_app(), terminal_size=SIZE, press=["g", "down"], run_before=_settle)


def test_timeline(snap_compare):
    assert snap_compare(make_app(), terminal_size=SIZE, press=["t"], run_before=_settle)


def test_sources(snap_compare):
    assert snap_compare(make_app(), terminal_size=SIZE, press=["s"], run_before=_settle)


def test_help(snap_compare):
    assert snap_compare(make_app(), terminal_size=SIZE, press=["question_mark"], run_before=_settle)


def test_section_from_feedback(snap_compare):
    async def open_section(pilot):
        app = pilot.app
        await pilot.press("z")
        await pilot.pause()
        await pilot.press(*wrong_keys(app.session, app.screen.question), "enter", "r")
        await _settle(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=open_section)


def test_too_small(snap_compare):
    assert snap_compare(make_app(), terminal_size=(50, 12), run_before=_settle)


# ------------------------------------------------------------------ every question type
# tests/fixtures/every-type: one question of each type.


def make_every_type_app() -> ExplainerApp:
    """The every-type pack with the fixed seed and animations off."""
    app = ExplainerApp(load_pack(FIXTURES / "every-type"), seed=SEED)
    app.animation_level = "none"
    return app


def at_question(question_id: str, *keys: str):
    """A ``run_before`` that opens the quiz at ``question_id`` (earlier ones answered
    right), presses ``keys`` and lets the screen settle."""

    async def run_before(pilot) -> None:
        from test_session import right_response

        app = pilot.app
        await pilot.press("z")
        await pilot.pause()
        session = app.session
        while session.current.id != question_id:
            session.submit(session.current.id, right_response(session.current))
            session.advance()
        app.start_quiz(session)
        await pilot.pause()
        await pilot.press(*keys)
        await _settle(pilot)

    return run_before


def test_short_answer_typed(snap_compare):
    keys = ["H", "a", "r", "b", "o", "u", "r"]
    assert snap_compare(make_every_type_app(), terminal_size=SIZE, run_before=at_question("town-name", *keys))


def test_numeric_refuses_words(snap_compare):
    keys = ["t", "e", "n", "enter"]
    assert snap_compare(make_every_type_app(), terminal_size=SIZE, run_before=at_question("repair-months", *keys))


def test_order_with_hint_after_a_move(snap_compare):
    keys = ["h", "d"]
    assert snap_compare(make_every_type_app(), terminal_size=SIZE, run_before=at_question("story-order", *keys))


def test_order_checked_wrong(snap_compare):
    assert snap_compare(make_every_type_app(), terminal_size=SIZE, run_before=at_question("story-order", "enter"))


def test_match_one_line_picked(snap_compare):
    assert snap_compare(make_every_type_app(), terminal_size=SIZE, run_before=at_question("who-what", "2"))


def test_match_checked_wrong(snap_compare):
    keys = ["1", "2", "enter"]
    assert snap_compare(make_every_type_app(), terminal_size=SIZE, run_before=at_question("who-what", *keys))


def test_partial_credit_feedback(snap_compare):
    async def one_right_pick(pilot) -> None:
        await at_question("ferry-facts")(pilot)
        app = pilot.app
        await pilot.press(right_keys(app.session, app.screen.question)[0], "enter")
        await _settle(pilot)

    assert snap_compare(make_every_type_app(), terminal_size=SIZE, run_before=one_right_pick)


# ---------------------------------------------------------------- progress, history, themes
# (issue 4: the resume prompt, the history screen, the high-contrast theme, NO_COLOR).
# Every test has its own empty data folder (conftest.py); the data each one needs is
# written there first, with fixed times and local time set to UTC.


def test_resume_prompt(snap_compare, data_dir):
    import datetime as dt

    from explainer.resume import session_to_in_progress
    from explainer.session import QuizSession
    from explainer.storage import ProgressStore

    pack = load_pack(FIXTURES / "mini")
    session = QuizSession(pack, seed=SEED)
    first = session.questions[0]
    session.submit(first.id, _right_response(session, first))
    session.advance()
    started = dt.datetime(2025, 2, 3, 9, 30, tzinfo=dt.timezone.utc)
    ProgressStore(pack.id, data_dir).save_quiz(session_to_in_progress(session, started))
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_settle)


def _right_response(session, question):
    """The right response to a single-choice question of the mini pack."""
    from explainer.pack import ChoiceResponse

    return ChoiceResponse(frozenset(i for i, c in enumerate(question.choices) if c.correct))


def test_history(snap_compare, data_dir, monkeypatch):
    import time

    from test_app_history import save_history

    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        save_history(load_pack(FIXTURES / "mini"), data_dir)
        assert snap_compare(make_app(), terminal_size=SIZE, press=["y"], run_before=_settle)
    finally:
        monkeypatch.undo()
        time.tzset()


def test_high_contrast_question(snap_compare, data_dir):
    (data_dir / "settings.toml").write_text('theme = "explainer-high-contrast"\n', encoding="utf-8")

    async def wrong_then_feedback(pilot):
        app = pilot.app
        assert app.theme == "explainer-high-contrast"
        await pilot.press("z")
        await pilot.pause()
        await pilot.press(*wrong_keys(app.session, app.screen.question), "enter")
        await _settle(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=wrong_then_feedback)


def test_no_color_question(snap_compare, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    assert app.no_color
    monkeypatch.delenv("NO_COLOR")

    async def pick_one(pilot):
        await pilot.press("z")
        await pilot.pause()
        await pilot.press("2", "down")
        await _settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=pick_one)


def test_no_color_feedback(snap_compare, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    monkeypatch.delenv("NO_COLOR")

    async def answer_wrong(pilot):
        await pilot.press("z")
        await pilot.pause()
        await pilot.press(*wrong_keys(pilot.app.session, pilot.app.screen.question), "enter")
        await _settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=answer_wrong)


# ------------------------------------------------------------------ the minimum size


def test_explainer_section_at_minimum_size(snap_compare):
    """The reading screen at 60x20: whole words in the navigation bar, "? Help" in the footer."""
    assert snap_compare(make_app(), terminal_size=(60, 20), press=["r", "n"], run_before=_settle)

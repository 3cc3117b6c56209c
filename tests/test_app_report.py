"""Results as a report, and history that opens an attempt's answers."""

from __future__ import annotations

from conftest import SEED, is_visit, right_keys, screen_text, wrong_keys

from explainer.app import ExplainerApp
from explainer.screens.history import AttemptScreen, HistoryScreen, score_chart
from explainer.screens.results import ResultsScreen


async def finish(pilot, app, wrong_ids: set[str]) -> ResultsScreen:
    await pilot.press("z")
    await pilot.pause()
    session = app.session
    for question in session.questions:
        keys = wrong_keys(session, question) if question.id in wrong_ids else right_keys(session, question)
        await pilot.press(*keys, "enter", "n")
        await pilot.pause()
    assert isinstance(app.screen, ResultsScreen)
    return app.screen


async def test_sections_are_listed_weakest_first_and_open_over_the_results(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(100, 40)) as pilot:
        results = await finish(pilot, app, {"piers"})  # the bridge section: 1 of 2
        text = screen_text(app)
        assert "Passed: 75%, pass mark 70%" in text and "PASS" not in text
        rows = [line for line in text.splitlines() if "% " in line and "░" in line or "█ 100%" in line]
        assert "2. The state of the bridge" in rows[0]  # the weakest first
        assert "░░░░░" in rows[0] and "50%" in rows[0]
        results.query_one("#by-section").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert is_visit(app.screen) and app.screen.section.id == "the-bridge"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is results


async def test_answers_are_grouped_under_their_sections(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(100, 40)) as pilot:
        results = await finish(pilot, app, set())
        headings = [str(h.render()) for h in results.query(".answers-heading")]
        assert headings == ["1. The vote", "2. The state of the bridge", "3. The ferry option"]
        sections = [line.question.section for line in results.grouped]
        assert sections == sorted(sections, key=[s.id for s in mini_pack.sections].index)


async def test_history_opens_an_attempts_answers(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(100, 40)) as pilot:
        await finish(pilot, app, {"vote-date"})
        await pilot.press("y")
        await pilot.pause()
        history = app.screen
        assert isinstance(history, HistoryScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AttemptScreen)
        text = screen_text(app)
        assert "✗ Missed" in text and "When does Harbourtown vote on the bridge?" in text
        assert "Your answer:" in text
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is history


def test_the_chart_draws_the_pass_mark_as_a_line(mini_pack):
    from explainer.storage import Attempt
    import datetime as dt

    when = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    low = Attempt(started=when, finished=when, score=1, max_points=4, passed=False, answers=(), counts=None)
    text = score_chart([low], 0.7).plain
    mark_line = next(line for line in text.splitlines() if "pass mark 70%" in line)
    assert "╌" in mark_line.split("pass mark")[0]  # drawn across where no bar reaches

"""Pilot tests of the history screen: every finished attempt, a chart, and the way in
from the results, the palette and the global key."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from conftest import SEED, right_keys, screen_text

from explainer.app import ExplainerApp
from explainer.screens.history import HistoryScreen, score_chart
from explainer.wording import when
from explainer.screens.results import ResultsScreen
from explainer.screens.welcome import WelcomeScreen
from explainer.storage import Attempt, AttemptAnswer, Progress, ProgressStore, question_hash

T0 = dt.datetime(2025, 2, 3, 9, 30, 15, tzinfo=dt.timezone.utc)


@pytest.fixture
def utc(monkeypatch):
    """Local time is UTC for this test (the history shows local time)."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def history_progress(pack) -> Progress:
    """Three attempts at fixed times: failed, a review round, passed."""
    def attempt(minutes, rights, review=False):
        questions = pack.questions if not review else pack.questions[:2]
        answers = tuple(
            AttemptAnswer(question=q.id, hash=question_hash(q), correct=right, points=float(right), max_points=1.0)
            for q, right in zip(questions, rights)
        )
        score = sum(a.points for a in answers)
        return Attempt(
            started=T0 + dt.timedelta(days=minutes),
            finished=T0 + dt.timedelta(days=minutes, minutes=4),
            review=review,
            score=score,
            max_points=float(len(answers)),
            passed=score / len(answers) >= pack.quiz.pass_mark,
            answers=answers,
        )

    return Progress(
        pack=pack.id,
        attempts=(
            attempt(0, [False, False, True, True]),
            attempt(1, [True, False], review=True),
            attempt(2, [True, True, True, True]),
        ),
    )


def save_history(pack, data_dir) -> None:
    """Write :func:`history_progress` to the data folder."""
    ProgressStore(pack.id, data_dir).save(history_progress(pack))


def test_local_time_has_no_seconds(utc):
    assert when(T0) == "2025-02-03 09:30"


def test_chart_is_drawn_with_characters(mini_pack):
    chart = score_chart(history_progress(mini_pack).attempts, 0.7).plain
    lines = chart.splitlines()
    assert lines[0].startswith("100% ") and lines[3].startswith("  0% ")
    assert lines[0][5:] == "    █"  # only the full score reaches the top row
    assert lines[4].strip() == "1 r 3"
    assert "Pass mark 70%" in chart


async def test_history_lists_every_attempt(mini_pack, data_dir, utc):
    save_history(mini_pack, data_dir)
    app = ExplainerApp(mini_pack, seed=SEED, data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        text = screen_text(app)
        assert "2 attempts, 1 review round" in text
        assert "1  2025-02-03 09:34  quiz         2 of 4   50%  not passed" in text
        assert "2  2025-02-04 09:34  review       1 of 2   50%  1 of 2 right" in text
        assert "3  2025-02-05 09:34  quiz         4 of 4  100%  passed" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)


async def test_history_of_summarised_attempts_reads_the_same(mini_pack, data_dir, utc):
    """Older attempts summarised to keep the file small (explainer.storage.compact) show
    exactly as before: dates, kind, score, percentage, and "k of n right" for a review."""
    saved = ProgressStore(mini_pack.id, data_dir, detailed_attempts=1).save(history_progress(mini_pack))
    assert [a.summarised for a in saved.attempts] == [True, True, False]
    app = ExplainerApp(mini_pack, seed=SEED, data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("y")
        await pilot.pause()
        text = screen_text(app)
        assert "2 attempts, 1 review round" in text
        assert "1  2025-02-03 09:34  quiz         2 of 4   50%  not passed" in text
        assert "2  2025-02-04 09:34  review       1 of 2   50%  1 of 2 right" in text
        assert "3  2025-02-05 09:34  quiz         4 of 4  100%  passed" in text


async def test_a_long_history_lists_the_latest_attempts(mini_pack, data_dir, utc, monkeypatch):
    """Past HistoryScreen's TABLE_MAX (1,000) attempts, the table keeps the latest, with
    their own numbers, and says where the rest are (a 50,000-line table takes seconds)."""
    from explainer.screens import history

    monkeypatch.setattr(history, "TABLE_MAX", 2)
    save_history(mini_pack, data_dir)
    app = ExplainerApp(mini_pack, seed=SEED, data_dir=data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("y")
        await pilot.pause()
        text = screen_text(app)
        assert "The latest 2 attempts, oldest first" in text
        assert "The 1 before them are not listed here; `explainer results` prints every attempt." in text
        assert "1  2025-02-03 09:34" not in text
        assert "2  2025-02-04 09:34  review       1 of 2   50%  1 of 2 right" in text
        assert "3  2025-02-05 09:34  quiz         4 of 4  100%  passed" in text


async def test_empty_history_says_so(mini_pack, data_dir):
    app = ExplainerApp(mini_pack, seed=SEED, data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("y")
        await pilot.pause()
        assert "No attempts yet." in screen_text(app)


async def test_history_from_the_results_shows_the_attempt_just_finished(mini_pack, data_dir):
    app = ExplainerApp(mini_pack, seed=SEED, data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("z")
        await pilot.pause()
        session = app.session
        for question in session.questions:
            await pilot.press(*right_keys(session, question), "enter", "n")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        await pilot.click("#history")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert "4 of 4  100%  passed" in screen_text(app)
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)


async def test_history_from_the_palette(mini_pack, data_dir):
    app = ExplainerApp(mini_pack, seed=SEED, data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"History")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)

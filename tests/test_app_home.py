"""The welcome screen as a home: reading progress, the last score, history, start
over, and a quiz or review in progress said in words."""

from __future__ import annotations

from conftest import SEED, right_keys, screen_text, wrong_keys

from explainer.app import ExplainerApp
from explainer.screens.confirm import ConfirmScreen
from explainer.screens.explainer import ExplainerScreen
from explainer.screens.history import HistoryScreen
from explainer.screens.resume import ResumeScreen
from explainer.screens.results import ResultsScreen
from explainer.screens.welcome import WelcomeScreen
from explainer.storage import ProgressStore


def footer(app) -> str:
    return screen_text(app).splitlines()[-1]


async def take_quiz(pilot, app, wrong: set[int] = frozenset()) -> None:
    """Answer every question (the ones at positions in ``wrong`` wrongly)."""
    await pilot.press("z")
    await pilot.pause()
    session = app.session
    for index, question in enumerate(session.questions):
        keys = wrong_keys(session, question) if index in wrong else right_keys(session, question)
        await pilot.press(*keys, "enter", "n")
        await pilot.pause()


async def test_home_says_how_far_the_reading_got_and_continues_there(mini_pack, data_dir):
    app = ExplainerApp(mini_pack, seed=SEED, data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Reading: 3 sections to read" in screen_text(app)
        await pilot.press("r", "end", "n", "end")
        await pilot.pause()
        app.show_welcome()
        await pilot.pause()
        text = screen_text(app)
        assert "Reading: 2 of 3 sections read · next: 3. The ferry option" in text
        assert "Continue at section 3 (r)" in text
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ExplainerScreen) and app.screen.section.id == "the-ferry"
        await pilot.press("end", "n")  # the last section read: on to the quiz
        await pilot.pause()
        app.show_welcome()
        await pilot.pause()
        assert "All 3 sections read" in screen_text(app) and "Read again (r)" in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        assert app.screen.section.id == "the-vote"


async def test_home_shows_the_last_score_in_words(mini_pack, data_dir):
    app = ExplainerApp(mini_pack, seed=SEED, data_dir=data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await take_quiz(pilot, app, wrong={1})
        assert isinstance(app.screen, ResultsScreen)
        app.show_welcome()
        await pilot.pause()
        assert "Last score: Passed: 75%, pass mark 70%" in screen_text(app)


async def test_home_says_a_review_round_is_in_progress(mini_pack, data_dir):
    app = ExplainerApp(mini_pack, seed=SEED, data_dir=data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await take_quiz(pilot, app, wrong={0, 1})
        await pilot.press("m")  # review round: the two missed questions
        await pilot.pause()
        review = app.session
        await pilot.press(*right_keys(review, review.current), "enter", "n")  # one answered
        await pilot.pause()
        await pilot.press("escape")  # leave the rest for later
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        text = screen_text(app)
        assert "In progress: a review round, at question 2 of 2." in text
        assert "Continue review: 2 of 2 (z)" in text
        assert "Not passed yet: 50%, pass mark 70%" in text


async def test_start_over_asks_first_and_keeps_the_history(mini_pack, data_dir):
    app = ExplainerApp(mini_pack, seed=SEED, data_dir=data_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await take_quiz(pilot, app)
        await pilot.press("r")  # retake: a new attempt, one question answered
        await pilot.pause()
        await pilot.press(*right_keys(app.session, app.session.current), "enter", "n")
        await pilot.pause()
        app.show_welcome()
        await pilot.pause()
        app.screen.query_one("#start-over").press()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "1 finished attempt" in screen_text(app)
        assert "g Glossary" not in footer(app)  # the dialog's own keys only
        await pilot.press("n")  # keep going: nothing changes
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen) and app.quiz_in_progress
        app.screen.query_one("#start-over").press()
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen) and not app.quiz_in_progress
        assert app.reading.count == 0 and "Reading: 3 sections to read" in screen_text(app)
    saved = ProgressStore(mini_pack.id, data_dir).load()
    assert saved.quiz is None and saved.sections_read == () and len(saved.attempts) == 1


async def test_history_is_a_button_on_the_home(mini_pack, data_dir):
    app = ExplainerApp(mini_pack, seed=SEED, data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.query_one("#history").press()
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)


async def test_the_resume_prompt_footer_shows_only_its_own_keys(mini_pack, data_dir):
    ProgressStore(mini_pack.id, data_dir).mark_read("the-bridge")
    app = ExplainerApp(mini_pack, seed=SEED, data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        line = footer(app)
        assert "c Continue" in line and "g Glossary" not in line and "t Timeline" not in line

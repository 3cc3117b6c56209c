"""The quiz as a reader expects it: a progress bar, skip and come back, earlier answers
read-only, and a word when a question has no hint."""

from __future__ import annotations

from conftest import SEED, Notices, right_keys, screen_text

from explainer.app import ExplainerApp
from explainer.screens.quiz import AnsweredScreen, QuizScreen
from explainer.storage import ProgressStore


async def test_the_progress_bar_counts_answered_questions(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("z")
        await pilot.pause()
        bar = app.screen.query_one("#progress-bar")
        assert bar.total == 4 and bar.progress == 0
        assert "0 of 4 answered" in screen_text(app)
        await pilot.press(*right_keys(app.session, app.screen.question), "enter")
        await pilot.pause()
        assert bar.progress == 1 and "1 of 4 answered" in screen_text(app)


async def test_a_skipped_question_comes_back_at_the_end_and_stays_saved(mini_pack, data_dir):
    app = ExplainerApp(mini_pack, seed=SEED, data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("z")
        await pilot.pause()
        first = app.screen.question.id
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen) and app.screen.question.id != first
        assert [q.id for q in app.session.questions][-1] == first
        saved = ProgressStore(mini_pack.id, data_dir).load().quiz
        assert saved is not None and saved.questions[-1].id == first
        for _ in range(3):
            await pilot.press(*right_keys(app.session, app.screen.question), "enter", "n")
            await pilot.pause()
        assert app.screen.question.id == first  # back to it
        assert app.screen.query("#skip-button") == [] or not app.session.can_skip  # the last one left
        await pilot.press("k")
        await pilot.pause()
        assert app.screen.question.id == first


async def test_p_shows_earlier_answers_read_only(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("z")
        await pilot.pause()
        asked = []
        for _ in range(2):
            asked.append(app.screen.question.id)
            await pilot.press(*right_keys(app.session, app.screen.question), "enter", "n")
            await pilot.pause()
        quiz = app.screen
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, AnsweredScreen) and app.screen.question.id == asked[-1]
        assert "✓ Correct" in screen_text(app)
        await pilot.press("p")
        await pilot.pause()
        assert app.screen.question.id == asked[0]
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.question.id == asked[1]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is quiz


async def test_h_says_when_a_question_has_no_hint(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    seen = Notices()
    async with app.run_test(size=(80, 24), message_hook=seen) as pilot:
        await pilot.press("z")
        await pilot.pause()
        assert not app.screen.question.hint
        await pilot.press("h")
        await pilot.pause()
        assert "This question has no hint." in seen.messages

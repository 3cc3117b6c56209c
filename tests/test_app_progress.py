"""Pilot tests of what the app saves and how it continues: sections read, the quiz in
progress after every answer, hint and move, finished attempts, the resume prompt, the
review queue, the remembered theme, and notices about bad files (never a crash).

Every app here gets the test's own data folder (``data_dir``, see conftest.py); two apps
opened one after the other on the same folder are two runs of explainer.
"""

from __future__ import annotations

import os

import pytest

from conftest import SEED, Notices, right_keys, screen_text, wrong_keys

from explainer.app import HIGH_CONTRAST, ExplainerApp
from explainer.settings import load_settings
from explainer.screens.explainer import ExplainerScreen
from explainer.screens.quiz import QuizScreen
from explainer.screens.results import ResultsScreen
from explainer.screens.resume import ResumeScreen
from explainer.screens.welcome import WelcomeScreen
from explainer.storage import ProgressStore


def load(pack, data_dir):
    """The progress saved for ``pack`` in ``data_dir``."""
    return ProgressStore(pack.id, data_dir).load()


async def answer(pilot, keys, *, next_: bool = True) -> None:
    """Pick ``keys``, check, and (by default) go on to the next question."""
    await pilot.press(*keys, "enter")
    if next_:
        await pilot.press("n")
    await pilot.pause()


async def test_sections_read_are_saved_as_opened_and_shown_next_time(mini_pack, data_dir):
    app = ExplainerApp(mini_pack, seed=SEED, data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert load(mini_pack, data_dir).sections_read == ()  # opened, its end not yet seen
        await pilot.press("end")  # scrolled to its end: read
        await pilot.pause()
        assert load(mini_pack, data_dir).sections_read == ("the-vote",)
        await pilot.press("n", "end")
        await pilot.pause()
        saved = load(mini_pack, data_dir)
        assert saved.sections_read == ("the-vote", "the-bridge")
        assert saved.last_section == "the-bridge"
    again = ExplainerApp(mini_pack, seed=SEED, data_dir=data_dir)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.reading.read_ids == ("the-vote", "the-bridge")
        assert isinstance(again.screen, ResumeScreen)
        assert "Section 2 of 3: The state of the bridge" in screen_text(again)
        await pilot.press("c")
        await pilot.pause()
        screen = again.screen
        assert isinstance(screen, ExplainerScreen) and screen.section.id == "the-bridge"
        text = screen_text(again)
        assert "✓ 1. The vote (read)" in text and "Read 2 of 3" in text


async def test_section_prompt_from_the_start_stays_on_welcome(mini_pack, data_dir):
    ProgressStore(mini_pack.id, data_dir).mark_read("the-ferry")
    app = ExplainerApp(mini_pack, seed=SEED, data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)


async def test_quiz_is_saved_after_every_answer_hint_and_move(every_type_pack, data_dir):
    app = ExplainerApp(every_type_pack, seed=SEED, data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("z")
        await pilot.pause()
        session = app.session
        first = session.questions[0]
        assert load(every_type_pack, data_dir).quiz is None  # nothing to keep yet
        await answer(pilot, right_keys(session, first), next_=False)
        quiz = load(every_type_pack, data_dir).quiz
        assert quiz is not None and quiz.position == 0
        assert quiz.state(first.id).response == session.response(first.id)
        assert [q.order for q in quiz.questions] == [session.display_order(q.id) for q in session.questions]
        await pilot.press("n")
        await pilot.pause()
        # Moving on writes nothing more (the answer was saved): the saved quiz, read by
        # a new run, is at the next question all the same.
        from explainer.flow import QuizFlow

        saved = QuizFlow(every_type_pack, data_dir=data_dir).saved_attempt()
        assert saved is not None and saved[0].position == 1
        hinted = session.current
        if hinted.hint:
            await pilot.press("h")
            await pilot.pause()
            assert load(every_type_pack, data_dir).quiz.state(hinted.id).hint_used


async def test_quit_mid_quiz_then_continue_with_answers_kept(mini_pack, data_dir):
    app = ExplainerApp(mini_pack, seed=SEED, data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("z")
        await pilot.pause()
        session = app.session
        first, second, third = session.questions[:3]
        await answer(pilot, wrong_keys(session, first))
        await answer(pilot, right_keys(session, second))
        assert app.screen.question.id == third.id
        orders = {q.id: session.display_order(q.id) for q in session.questions}
        responses = {q.id: session.response(q.id) for q in (first, second)}
        await pilot.press("q")
    assert load(mini_pack, data_dir).quiz is not None

    again = ExplainerApp(mini_pack, seed=SEED + 1, data_dir=data_dir)  # another seed: orders come from the file
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, ResumeScreen)
        text = screen_text(again)
        assert "Continue where you stopped?" in text
        assert "question 3 of 4, 2 answered so far (kept)" in text
        assert "Continue (c)" in text and "Not now (n)" in text
        await pilot.press("c")
        await pilot.pause()
        screen = again.screen
        assert isinstance(screen, QuizScreen) and screen.question.id == third.id
        assert "Score so far: 1/2" in screen_text(again)
        resumed = again.session
        assert {q.id: resumed.display_order(q.id) for q in resumed.questions} == orders
        assert {q: resumed.response(q) for q in responses} == responses
        for question in resumed.questions[2:]:
            await answer(pilot, right_keys(resumed, question))
        assert isinstance(again.screen, ResultsScreen)
    saved = load(mini_pack, data_dir)
    assert saved.quiz is None
    [attempt] = saved.attempts
    assert [a.question for a in attempt.answers] == [q.id for q in resumed.questions]
    assert [a.correct for a in attempt.answers] == [False, True, True, True]
    assert attempt.score == 3 and attempt.passed and attempt.finished >= attempt.started


async def test_checked_but_not_moved_on_continues_at_the_next_question(mini_pack, data_dir):
    app = ExplainerApp(mini_pack, seed=SEED, data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("z")
        await pilot.pause()
        first, second = app.session.questions[:2]
        await answer(pilot, right_keys(app.session, first), next_=False)
        await pilot.press("q")
    again = ExplainerApp(mini_pack, data_dir=data_dir)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "question 2 of 4, 1 answered so far" in screen_text(again)
        await pilot.press("c")
        await pilot.pause()
        assert again.screen.question.id == second.id


async def test_not_now_keeps_the_saved_quiz_and_the_start_screen_offers_it(mini_pack, data_dir):
    app = ExplainerApp(mini_pack, seed=SEED, data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("z")
        await pilot.pause()
        await answer(pilot, right_keys(app.session, app.session.questions[0]))
        await pilot.press("q")
    again = ExplainerApp(mini_pack, seed=SEED, data_dir=data_dir)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, ResumeScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(again.screen, WelcomeScreen)
        assert load(mini_pack, data_dir).quiz is not None  # nothing thrown away
        assert again.session.answered == 1
        assert "Continue quiz: 2 of 4 (z)" in screen_text(again)
        await pilot.press("z")
        await pilot.pause()
        assert isinstance(again.screen, QuizScreen) and again.screen.number == 2


async def test_quiz_only_starts_at_the_quiz_and_offers_the_saved_one(mini_pack, data_dir):
    app = ExplainerApp(mini_pack, seed=SEED, data_dir=data_dir, quiz_only=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        await answer(pilot, right_keys(app.session, app.session.questions[0]))
        second = app.screen.question.id
    again = ExplainerApp(mini_pack, seed=SEED, data_dir=data_dir, quiz_only=True)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, ResumeScreen)
        await pilot.press("c")
        await pilot.pause()
        assert again.screen.question.id == second


async def test_review_round_asks_the_queue_and_says_how_many_were_right(mini_pack, data_dir):
    app = ExplainerApp(mini_pack, seed=SEED, data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("z")
        await pilot.pause()
        session = app.session
        missed = [q.id for q in session.questions[:2]]
        for question in session.questions:
            keys = wrong_keys(session, question) if question.id in missed else right_keys(session, question)
            await answer(pilot, keys)
        assert isinstance(app.screen, ResultsScreen)
        text = screen_text(app)
        assert "2 questions are due for review (m)" in text
        assert "Read the sections behind your mistakes: b." in text
        await pilot.press("m")
        await pilot.pause()
        review = app.session
        assert review.review and [q.id for q in review.questions] == missed
        await answer(pilot, right_keys(review, review.questions[0]))
        await answer(pilot, wrong_keys(review, review.questions[1]))
        summary = str(app.screen.query_one("#summary").render())
        assert "Review round: 1 of 2 right." in summary
        assert "Passed" not in summary and "Not passed" not in summary
        # The first is right once (needs twice), the second was missed again: both due,
        # and the results say so honestly.
        assert "2 questions are due for review (m): 1 right once (one more right answer clears it), 1 not right yet." in summary
        assert app.review_ids() == missed
        await pilot.press("m")
        await pilot.pause()
        review = app.session
        for question in review.questions:
            await answer(pilot, right_keys(review, question))
        # The first is now right twice in a row: it leaves the queue.
        assert app.review_ids() == [missed[1]]
    attempts = load(mini_pack, data_dir).attempts
    assert [a.review for a in attempts] == [False, True, True]


async def test_theme_is_remembered(mini_pack, data_dir):
    app = ExplainerApp(mini_pack, seed=SEED, data_dir=data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        assert HIGH_CONTRAST.name in app.available_themes
        app.theme = HIGH_CONTRAST.name
        await pilot.pause()
        await pilot.pause()
    assert load_settings(data_dir)[0] == {"theme": HIGH_CONTRAST.name}
    again = ExplainerApp(mini_pack, seed=SEED, data_dir=data_dir)
    async with again.run_test(size=(80, 24)) as pilot:
        assert again.theme == HIGH_CONTRAST.name


async def test_bad_settings_and_progress_files_are_told_not_fatal(mini_pack, data_dir):
    (data_dir / "settings.toml").write_text("theme = [sic\n", encoding="utf-8")
    (data_dir / "progress").mkdir()
    (data_dir / "progress" / "mini.toml").write_text("format = 1\n[oops [/x]\n", encoding="utf-8")
    seen = Notices()
    app = ExplainerApp(mini_pack, seed=SEED, data_dir=data_dir)
    async with app.run_test(size=(80, 24), message_hook=seen) as pilot:
        await pilot.pause()
        notices = list(seen.messages)
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("r", "end")
        await pilot.pause()
    assert any("settings file" in n and "ignored" in n for n in notices)
    assert any("was unreadable" in n and ".bak-" in n for n in notices)
    assert any(p.name.startswith("mini.toml.bak-") for p in (data_dir / "progress").iterdir())
    assert load(mini_pack, data_dir).sections_read == ("the-vote",)


async def test_a_save_that_fails_is_told_once_and_the_app_goes_on(mini_pack, data_dir):
    (data_dir / "progress").write_text("a file where the folder should be", encoding="utf-8")
    app = ExplainerApp(mini_pack, seed=SEED, data_dir=data_dir)
    seen = Notices()
    async with app.run_test(size=(80, 24), message_hook=seen) as pilot:
        await pilot.press("r", "n", "n")
        await pilot.pause()
        assert isinstance(app.screen, ExplainerScreen)
        messages = seen.messages
        assert len([m for m in messages if "progress" in m.lower()]) == 1
        assert app.progress.sections_read == ("the-vote", "the-bridge", "the-ferry")


def test_no_test_writes_to_the_real_data_folder(data_dir):
    assert os.environ["EXPLAINER_DATA_DIR"] == str(data_dir)


@pytest.mark.parametrize("keys", [["r", "n"], ["z", "1"], ["escape", "r", "n"]])
async def test_keys_typed_while_the_resume_prompt_opens_never_crash(mini_pack, data_dir, keys):
    """A reader who types at once on start (as an educator did) meets no traceback."""
    first = ExplainerApp(mini_pack, seed=SEED, data_dir=data_dir)
    async with first.run_test(size=(80, 24)) as pilot:
        await pilot.press("r", "n", "z", "1", "enter")  # a section read and a quiz begun
        await pilot.pause()
    again = ExplainerApp(mini_pack, seed=SEED, data_dir=data_dir)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        assert again.is_running

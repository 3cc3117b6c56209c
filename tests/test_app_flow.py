"""Pilot tests of whole flows on the bundled pack: read, quiz, results, review, retake."""

from __future__ import annotations

from conftest import SEED, right_keys, screen_text, wrong_keys

from explainer.app import ExplainerApp
from explainer.screens.explainer import ExplainerScreen
from explainer.screens.quiz import QuizScreen
from explainer.screens.results import ResultsScreen


async def answer(pilot, app, keys) -> None:
    """Pick ``keys`` on the current question, check, and go on."""
    await pilot.press(*keys, "enter")
    await pilot.pause()


# The whole flow on the bundled pack (read every section, answer every question,
# review the missed ones) is two tests, so that they run side by side: reading ends at
# the quiz, and the quiz is then taken from the welcome screen's "Quiz" key, which opens
# the same fresh attempt (same seed, same questions).


async def test_read_every_section_and_the_quiz_opens(bundled_pack):
    app = ExplainerApp(bundled_pack, seed=SEED)
    sections = bundled_pack.sections
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        for k, section in enumerate(sections, start=1):
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ExplainerScreen)
            assert screen.section.id == section.id
            text = screen_text(app)
            assert f"Section {k} of {len(sections)}" in text
            assert f"Read {k - 1} of {len(sections)}" in text  # not read before its end is seen
            await pilot.press("end")
            await pilot.pause()
            assert f"Read {k} of {len(sections)}" in screen_text(app)
            await pilot.press("n")
        await pilot.pause()
        assert app.reading.all_read
        assert isinstance(app.screen, QuizScreen)
        session = app.session
        assert app.screen.question.id == session.questions[0].id
        assert f"Question 1 of {session.total}" in screen_text(app)


async def test_answer_every_question_and_review(bundled_pack):
    app = ExplainerApp(bundled_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("z")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)

        # Answer every question; every third one wrong on purpose.
        session = app.session
        wrong_ids = []
        for index, question in enumerate(session.questions):
            screen = app.screen
            assert isinstance(screen, QuizScreen) and screen.question.id == question.id
            assert f"Question {index + 1} of {session.total}" in screen_text(app)
            wrong = index % 3 == 0
            await answer(pilot, app, wrong_keys(session, question) if wrong else right_keys(session, question))
            assert screen.answered
            verdict = "Not quite" if wrong else "Correct"
            assert verdict in screen_text(app)
            if wrong:
                wrong_ids.append(question.id)
            right_so_far = index + 1 - len(wrong_ids)
            assert f"Score so far: {right_so_far}/{index + 1}" in screen_text(app)
            await pilot.press("n")
            await pilot.pause()

        results = app.screen
        assert isinstance(results, ResultsScreen)
        assert session.missed() == wrong_ids
        total = session.total
        points = total - len(wrong_ids)
        percent = (100 * points) // total  # rounded down, as everywhere (explainer.wording)
        summary = str(results.query_one("#summary").render())
        assert f"You scored {points} of {total} points." in summary
        state = "Passed" if points / total >= bundled_pack.quiz.pass_mark else "Not passed yet"
        assert f"{state}: {percent}%, pass mark 70%" in summary
        assert "FAIL" not in summary and "PASS" not in summary
        lines = list(results.query(".result"))
        assert len(lines) == total
        for line, result in zip(lines, session.results()):
            text = str(line.render())
            assert result.question.prompt in text
            assert f"Your answer: {result.your_answer}" in text
            assert f"Right answer: {result.right_answer}" in text
            assert ("✓ Correct" if result.correct else "✗ Missed") in text

        # Review mistakes: exactly the missed questions, in order.
        await pilot.press("m")
        await pilot.pause()
        review = app.session
        assert review.review and [q.id for q in review.questions] == wrong_ids
        asked = []
        for question in review.questions:
            screen = app.screen
            assert isinstance(screen, QuizScreen)
            asked.append(screen.question.id)
            await answer(pilot, app, right_keys(review, question))
            await pilot.press("n")
            await pilot.pause()
        assert asked == wrong_ids
        assert isinstance(app.screen, ResultsScreen)
        assert review.missed() == []
        assert f"Review round: {len(wrong_ids)} of {len(wrong_ids)} right" in str(app.screen.query_one("#summary").render())


async def test_results_actions_retake_and_read_missed_sections(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("z")
        session = app.session
        for question in session.questions:
            keys = wrong_keys(session, question) if question.id == "piers" else right_keys(session, question)
            await answer(pilot, app, keys)
            await pilot.press("n")
            await pilot.pause()
        results = app.screen
        assert isinstance(results, ResultsScreen)
        assert "Passed: 75%, pass mark 70%" in str(results.query_one("#summary").render())  # 3 of 4

        # Read the sections behind the mistakes, then back to the same results.
        await pilot.press("b")
        await pilot.pause()
        reading = app.screen
        assert isinstance(reading, ExplainerScreen) and reading.review
        assert [s.id for s in reading.sections] == ["the-bridge"]
        assert "Section 1 of 1" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is results

        # The last "next" of the missed sections also leads back.
        await pilot.click("#read-missed")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is results

        # Retake: a fresh attempt at every question.
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        assert app.session is not session and app.session.total == 4 and app.session.answered == 0
        assert "Question 1 of 4" in screen_text(app)


async def test_all_right_disables_review(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("z")
        session = app.session
        for question in session.questions:
            await answer(pilot, app, right_keys(session, question))
            await pilot.press("n")
            await pilot.pause()
        results = app.screen
        assert isinstance(results, ResultsScreen)
        assert "You scored 4 of 4 points." in str(results.query_one("#summary").render())
        assert results.query_one("#review").disabled
        await pilot.press("m")
        await pilot.pause()
        assert app.screen is results


async def test_failing_score_says_fail(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("z")
        session = app.session
        for question in session.questions:
            await answer(pilot, app, wrong_keys(session, question))
            await pilot.press("n")
            await pilot.pause()
        summary = str(app.screen.query_one("#summary").render())
        assert "You scored 0 of 4 points." in summary and "Not passed yet: 0%, pass mark 70%" in summary

"""Pilot tests of answering a question: keys, mouse, feedback, and dialogs on top."""

from __future__ import annotations

from conftest import SEED, find_text, right_keys, screen_text, wrong_keys, is_visit

from explainer.app import ExplainerApp
from explainer.pack import ChoiceResponse, TrueFalseResponse
from explainer.screens.glossary import GlossaryScreen
from explainer.screens.help import HelpScreen
from explainer.screens.quiz import QuizScreen
from explainer.screens.sources import SourcesScreen
from explainer.screens.timeline import TimelineScreen
from explainer.widgets import ChoiceList


async def start_quiz(pilot, app, skip: int = 0) -> QuizScreen:
    """Go to the quiz from the welcome screen and skip ``skip`` questions (answered right)."""
    await pilot.press("z")
    await pilot.pause()
    for _ in range(skip):
        question = app.screen.question
        await pilot.press(*right_keys(app.session, question), "enter", "n")
        await pilot.pause()
    assert isinstance(app.screen, QuizScreen)
    return app.screen


async def test_number_keys_pick_choices_in_display_order(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_quiz(pilot, app)
        choices = screen.query_one(ChoiceList)
        order = app.session.display_order("vote-date")
        await pilot.press("2")
        assert choices.picked == {1} and choices.highlighted == 1
        assert screen.question_widget.response == ChoiceResponse(frozenset({order[1]}))
        await pilot.press("3")
        assert choices.picked == {2}
        await pilot.press("9")  # no ninth choice: nothing changes
        assert choices.picked == {2}
        assert "(•) 3." in screen_text(app)
        assert not screen.answered


async def test_arrows_and_space_pick_and_enter_checks(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_quiz(pilot, app)
        choices = screen.query_one(ChoiceList)
        assert screen.query_one("#check").disabled
        await pilot.press("down", "space")
        assert choices.picked == {1}
        assert not screen.query_one("#check").disabled
        await pilot.press("down", "enter")  # enter on another choice picks it first
        assert choices.picked == {2} and not screen.answered
        await pilot.press("enter")
        assert screen.answered
        assert app.session.response("vote-date") == ChoiceResponse(frozenset({app.session.display_order("vote-date")[2]}))


async def test_mouse_click_picks_a_choice_and_check_button(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_quiz(pilot, app)
        question = screen.question
        order = app.session.display_order(question.id)
        text = question.choices[order[1]].text
        x, y = find_text(app, text)
        await pilot.click(offset=(x + 1, y))
        choices = screen.query_one(ChoiceList)
        assert choices.picked == {1}
        assert not screen.answered  # a click picks, it does not check
        await pilot.click("#check")
        await pilot.pause()
        assert screen.answered


async def test_multiple_choice_toggles_and_needs_exact_set(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_quiz(pilot, app, skip=2)
        assert screen.question.id == "ferry-facts"
        assert "Pick every right answer." in screen_text(app)
        keys = right_keys(app.session, screen.question)
        choices = screen.query_one(ChoiceList)
        await pilot.press(*keys)
        assert choices.picked == {int(k) - 1 for k in keys}
        await pilot.press(keys[0])  # again: unpick
        assert choices.picked == {int(keys[1]) - 1}
        await pilot.press(keys[0])
        assert "[x]" in screen_text(app) and "[ ]" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.answered and "✓ Correct" in screen_text(app)


async def test_true_false_question(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_quiz(pilot, app, skip=3)
        assert screen.question.id == "closure"
        assert "True or false?" in screen_text(app)
        await pilot.press("2")
        assert screen.question_widget.response == TrueFalseResponse(False)
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "✗ Not quite" in text and "The right answer: True" in text
        assert "✗ your pick, not right" in text and "✓ right answer" in text
        assert "see your results" in text


async def test_feedback_after_a_wrong_answer(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await start_quiz(pilot, app)
        question = screen.question
        wrong = next(c for c in question.choices if not c.correct)
        order = app.session.display_order(question.id)
        number = order.index(question.choices.index(wrong)) + 1
        await pilot.press(str(number), "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "✗ Not quite" in text
        assert "The right answer: 1 March 2025" in text
        assert f"About your pick: {wrong.feedback}" in text
        assert "The vote is on 1 March 2025." in text  # the explanation, as Markdown
        assert "Score so far: 0/1" in text
        # Picks are locked after checking.
        await pilot.press("1")
        assert screen.query_one(ChoiceList).picked == {number - 1}


async def test_read_section_from_feedback_and_back_to_same_question(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_quiz(pilot, app, skip=1)
        await pilot.press("r")  # nothing before the answer is checked
        assert app.screen is screen
        await pilot.press(*wrong_keys(app.session, screen.question), "enter")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert is_visit(app.screen)
        assert app.screen.section.id == screen.question.section == "the-bridge"
        assert "The state of the bridge" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and screen.answered
        assert "Not quite" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.question.id == "ferry-facts"


async def test_glossary_mid_question_keeps_the_selection(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_quiz(pilot, app, skip=2)
        await pilot.press("1", "3")
        picked = screen.query_one(ChoiceList).picked
        response = screen.question_widget.response
        for key, screen_type in (("g", GlossaryScreen), ("t", TimelineScreen), ("s", SourcesScreen), ("question_mark", HelpScreen)):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, screen_type)
            await pilot.press("down", "down")
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is screen
            assert screen.query_one(ChoiceList).picked == picked
            assert screen.question_widget.response == response
            assert not screen.answered
        # One dialog replaces another: escape still leads straight back.
        await pilot.press("g", "t", "s")
        await pilot.pause()
        assert isinstance(app.screen, SourcesScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("enter")
        await pilot.pause()
        assert screen.answered and app.session.response("ferry-facts") == response


async def test_escape_leaves_the_quiz_and_the_welcome_screen_continues_it(mini_pack):
    app = ExplainerApp(mini_pack, seed=SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_quiz(pilot, app, skip=1)
        first = app.session.questions[0].id
        # Answer the second question, then leave before going on.
        question = app.screen.question
        await pilot.press(*wrong_keys(app.session, question), "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, QuizScreen)
        assert find_text(app, "Continue quiz: 3 of 4 (z)")
        await pilot.press("z")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        assert app.screen.number == 3
        assert app.session.is_answered(first) and app.session.is_answered(question.id)

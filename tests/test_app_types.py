"""Pilot tests of the typed, order and match questions, hints, partial credit and pinned
choices (tests/fixtures/every-type): answered right and wrong, by keys and by mouse."""

from __future__ import annotations

from conftest import SEED, find_text, right_keys, screen_text, wrong_keys

from explainer.app import ExplainerApp
from explainer.pack import MatchResponse, NumberResponse, OrderResponse, TextResponse
from explainer.screens.quiz import QuizScreen
from explainer.screens.results import ResultsScreen
from explainer.widgets import AnswerInput, ChoiceList, MatchList, OrderList

IDS = ["vote-date", "ferry-facts", "closure", "town-name", "repair-months", "story-order", "who-what"]
"""The every-type questions, in the order they are asked."""


async def open_question(pilot, app, question_id: str) -> QuizScreen:
    """Start the quiz, with every question before ``question_id`` answered right."""
    await pilot.press("z")
    await pilot.pause()
    session = app.session
    for question in session.questions[: IDS.index(question_id)]:
        session.submit(question.id, right_response(question))
        session.advance()
    app.start_quiz(session)
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, QuizScreen) and screen.question.id == question_id
    return screen


def right_response(question):
    """The right response to a question of the every-type pack."""
    from test_session import right_response as right

    return right(question)


def flat(app) -> str:
    """The screen's text with every run of spaces and line breaks as one space."""
    return " ".join(screen_text(app).split())


def make_app(pack) -> ExplainerApp:
    """The app on ``pack`` with the fixed seed."""
    return ExplainerApp(pack, seed=SEED)


def test_fixture_has_every_type_in_this_order(every_type_pack):
    assert [q.id for q in every_type_pack.questions] == IDS
    assert [q.type for q in every_type_pack.questions] == [
        "single", "multiple", "true_false", "short_answer", "numeric", "order", "match"
    ]


# ------------------------------------------------------------------ short answer


async def test_short_answer_right_by_keys_ignores_case_and_spaces(every_type_pack):
    app = make_app(every_type_pack)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_question(pilot, app, "town-name")
        text = screen_text(app)
        assert "Type your answer, then press enter. Capital letters do not matter." in text
        assert screen.query_one("#check").disabled
        assert isinstance(app.focused, AnswerInput)
        await pilot.press("enter")  # nothing typed: not checked
        assert not screen.answered
        await pilot.press("space", "h", "a", "r", "b", "o", "u", "r", "space", "space", "t", "o", "w", "n")
        assert not screen.query_one("#check").disabled
        assert screen.question_widget.response == TextResponse("harbour  town")  # kept without the spaces around, as plain mode keeps it
        await pilot.press("enter")
        await pilot.pause()
        assert screen.answered and app.session.response("town-name") == TextResponse("harbour  town")
        text = screen_text(app)
        assert "✓ Correct" in text and "✓ right answer" in text
        assert "Your answer: harbour  town" in text
        assert "The right answer: Harbourtown (also accepted: Harbour town)" in text
        assert screen.query_one(AnswerInput).disabled
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.question.id == "repair-months"


async def test_short_answer_wrong_shows_the_right_one(every_type_pack):
    app = make_app(every_type_pack)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_question(pilot, app, "town-name")
        await pilot.press(*wrong_keys(app.session, screen.question), "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "✗ Not quite" in text and "✗ your answer, not right" in text
        assert "The right answer: Harbourtown" in text
        assert not app.session.results()[3].correct


async def test_short_answer_by_mouse(every_type_pack):
    app = make_app(every_type_pack)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_question(pilot, app, "town-name")
        await pilot.click("#check")  # disabled: nothing happens
        assert not screen.answered
        await pilot.click(AnswerInput)
        await pilot.press(*"Harbourtown")
        await pilot.click("#check")
        await pilot.pause()
        assert screen.answered and "✓ Correct" in screen_text(app)


async def test_letters_typed_in_the_box_are_not_app_keys(every_type_pack):
    app = make_app(every_type_pack)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_question(pilot, app, "town-name")
        await pilot.press("g", "t", "s", "h", "q", "z", "n", "r")
        assert app.screen is screen and app.is_running
        assert screen.query_one(AnswerInput).value == "gtshqznr"
        assert not app.session.hint_used("town-name")


# ------------------------------------------------------------------ numeric


async def test_numeric_refuses_words_with_a_message_then_accepts_a_correction(every_type_pack):
    app = make_app(every_type_pack)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_question(pilot, app, "repair-months")
        assert "10,000 and 1e4 all work" in screen_text(app)
        await pilot.press("t", "e", "n")
        assert not screen.query_one("#check").disabled  # there is something to check
        await pilot.press("enter")
        await pilot.pause()
        assert not screen.answered and not app.session.is_answered("repair-months")
        text = screen_text(app)
        assert "“ten” is not a number. Use digits, for example 10000, 10,000, 1e4 or -5." in text
        assert "Score so far: 4/4" in text  # not scored as zero
        # The check button says the same.
        await pilot.click("#check")
        await pilot.pause()
        assert not screen.answered
        # Correcting the answer clears the message; a number is scored.
        await pilot.press("backspace", "backspace", "backspace")
        assert "is not a number" not in screen_text(app)
        await pilot.press("1", "8")
        assert screen.question_widget.response == NumberResponse(18.0)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.answered and "✓ Correct" in screen_text(app)
        assert "Score so far: 5/5" in screen_text(app)


async def test_numeric_accepts_thousands_commas_and_says_when_wrong(every_type_pack):
    app = make_app(every_type_pack)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_question(pilot, app, "repair-months")
        await pilot.press("1", "0", ",", "0", "0", "0", "enter")
        await pilot.pause()
        assert screen.answered and app.session.response("repair-months") == NumberResponse(10000.0)
        text = screen_text(app)
        assert "✗ Not quite" in text and "Your answer: 10,000" in text
        assert "The right answer: 18 (± 1)" in text


async def test_numeric_within_tolerance_and_exponent_form(every_type_pack):
    app = make_app(every_type_pack)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_question(pilot, app, "repair-months")
        await pilot.press("1", ".", "7", "e", "1", "enter")  # 17, within ± 1
        await pilot.pause()
        assert screen.answered and app.session.results()[4].correct
        assert "Your answer: 17" in screen_text(app)


# ------------------------------------------------------------------ order


def _rows(app) -> list[str]:
    order_list = app.screen.query_one(OrderList)
    return [order_list.items[i] for i in order_list.order]


async def test_order_starts_shuffled_and_keys_reorder_it(every_type_pack):
    app = make_app(every_type_pack)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_question(pilot, app, "story-order")
        question = screen.question
        order_list = screen.query_one(OrderList)
        assert app.focused is order_list
        start = app.session.display_order("story-order")
        assert order_list.order == start != (0, 1, 2)
        assert not screen.query_one("#check").disabled  # the starting order is an answer
        assert screen.question_widget.response == OrderResponse(start)
        text = screen_text(app)
        assert "u/d move it, or click ▲▼" in flat(app) and "u/d Move" in text
        assert "Engineers survey the harbour bridge [survey]" in text  # brackets verbatim
        # d moves the chosen (top) item down; the choice follows it.
        first = _rows(app)[0]
        await pilot.press("d")
        assert _rows(app)[1] == first and order_list.chosen == 1
        await pilot.press("shift+up")
        assert _rows(app)[0] == first and order_list.chosen == 0
        await pilot.press("u")  # already at the top: nothing moves
        assert _rows(app)[0] == first
        await pilot.press("down", "down", "down")  # the choice stops at the bottom
        assert order_list.chosen == 2
        assert "▸ 3." in screen_text(app)
        # Sort it by keys, then check.
        keys = right_keys(app.session, question)
        await pilot.press("up", "up", *keys)
        assert _rows(app) == list(question.items)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.answered and app.session.response("story-order") == OrderResponse((0, 1, 2))
        assert "✓ Correct" in screen_text(app)
        await pilot.press("u")  # locked after checking
        assert _rows(app) == list(question.items)


async def test_order_wrong_marks_where_items_belong(every_type_pack):
    app = make_app(every_type_pack)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_question(pilot, app, "story-order")
        assert wrong_keys(app.session, screen.question) == []
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "✗ Not quite" in text and "✗ belongs at" in text
        right = str(screen.query_one("#right-answer").render())
        assert right == "The right answer: " + " → ".join(screen.question.items)
        assert not any(arrow.display for arrow in screen.query(".order-move"))  # arrows go once checked


async def test_order_by_mouse_arrows(every_type_pack):
    app = make_app(every_type_pack)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_question(pilot, app, "story-order")
        order_list = screen.query_one(OrderList)
        rows = list(order_list.query(".order-row"))
        # Bubble each item up to its place by clicking ▲ on its current row.
        for target in range(3):
            while order_list.order[target] != target:
                row = order_list.order.index(target)
                await pilot.click(rows[row].query(".order-move").first())
                await pilot.pause()
        assert order_list.order == (0, 1, 2)
        # ▼ on the last row and ▲ on the first do nothing.
        await pilot.click(rows[2].query(".order-move").last())
        await pilot.click(rows[0].query(".order-move").first())
        assert order_list.order == (0, 1, 2)
        # A click on a row's text chooses it.
        await pilot.click(rows[1].query_one(".order-text"))
        assert order_list.chosen == 1
        await pilot.click("#check")
        await pilot.pause()
        assert screen.answered and "✓ Correct" in screen_text(app)


# ------------------------------------------------------------------ match


async def test_match_right_by_keys(every_type_pack):
    app = make_app(every_type_pack)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_question(pilot, app, "who-what")
        question = screen.question
        match_list = screen.query_one(MatchList)
        assert app.focused is match_list
        text = screen_text(app)
        assert "Run a ferry [option B]" in text and "(pick 1–3)" in text
        for option in question.right_options:
            assert option in text
        assert screen.query_one("#check").disabled
        keys = right_keys(app.session, question)
        await pilot.press(keys[0])
        assert match_list.chosen == 1  # on to the next open line
        assert screen.question_widget.response is None and not screen.query_one("#check").disabled
        assert "1 line still open" in screen_text(app)
        await pilot.press(keys[1])
        assert screen.question_widget.response == MatchResponse((0, 1))
        await pilot.press("enter")
        await pilot.pause()
        assert screen.answered and "✓ Correct" in screen_text(app)


async def test_match_needs_every_line_and_wrong_shows_the_right_option(every_type_pack):
    app = make_app(every_type_pack)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_question(pilot, app, "who-what")
        keys = wrong_keys(app.session, screen.question)
        await pilot.press(keys[0], "enter")
        await pilot.pause()
        assert not screen.answered  # one line still open: not checked, not scored
        await pilot.press(keys[1], "enter")
        await pilot.pause()
        assert screen.answered
        assert app.session.response("who-what") == MatchResponse((1, 0))
        text = screen_text(app)
        assert "✗ Not quite" in text and "✗ right: " in text


async def test_match_arrows_step_through_options_and_backspace_clears(every_type_pack):
    app = make_app(every_type_pack)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_question(pilot, app, "who-what")
        match_list = screen.query_one(MatchList)
        await pilot.press("right")
        assert match_list.picks == (0, None)
        await pilot.press("right", "right", "right")
        assert match_list.picks == (0, None)  # wrapped round
        await pilot.press("left")
        assert match_list.picks == (2, None)
        await pilot.press("backspace")
        assert match_list.picks == (None, None)
        await pilot.press("down", "9")  # no ninth option
        assert match_list.picks == (None, None) and match_list.chosen == 1


async def test_match_by_mouse(every_type_pack):
    app = make_app(every_type_pack)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_question(pilot, app, "who-what")
        question = screen.question
        order = app.session.display_order("who-what")
        match_list = screen.query_one(MatchList)
        # Choose the second line, then click its right option.
        x, y = find_text(app, "Repair the bridge")
        await pilot.click(offset=(x + 1, y))
        assert match_list.chosen == 1
        x, y = find_text(app, f"{order.index(1) + 1}. {question.right_options[1]}")
        await pilot.click(offset=(x + 4, y))
        assert match_list.picks[1] == order.index(1)
        assert match_list.chosen == 0  # the open line
        x, y = find_text(app, f"{order.index(0) + 1}. {question.right_options[0]}")
        await pilot.click(offset=(x + 4, y))
        await pilot.click("#check")
        await pilot.pause()
        assert screen.answered and app.session.results()[6].correct


# ------------------------------------------------------------------ hints


async def test_h_shows_the_hint_and_the_attempt_records_it(every_type_pack):
    app = make_app(every_type_pack)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_question(pilot, app, "vote-date")
        assert "The vote comes after the council's minutes." not in screen_text(app)
        assert "h Hint" in screen_text(app)  # in the footer: this question has a hint
        await pilot.press("h")
        await pilot.pause()
        assert "Hint: The vote comes after the council's minutes." in screen_text(app)
        assert app.session.hint_used("vote-date")
        assert screen.query_one("#hint-button").disabled
        assert isinstance(app.focused, ChoiceList)  # back to answering
        await pilot.press(*right_keys(app.session, screen.question), "enter")
        await pilot.pause()
        assert "h Hint" not in screen_text(app)  # no hint key once answered
        await pilot.press("n")
        await pilot.pause()
        # No hint on this question: no key in the footer, no button, h does nothing.
        assert app.screen.question.id == "ferry-facts"
        assert "h Hint" not in screen_text(app) and not app.screen.query("#hint-button")
        await pilot.press("h")
        assert not app.session.hint_used("ferry-facts")


async def test_hint_button_by_mouse_while_typing(every_type_pack):
    app = make_app(every_type_pack)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_question(pilot, app, "town-name")
        assert "h Hint" not in screen_text(app)  # h is a letter in the text box
        await pilot.click("#hint-button")
        await pilot.pause()
        assert "Hint: It is named after its harbour." in screen_text(app)
        assert app.session.hints_used == ("town-name",)
        assert isinstance(app.focused, AnswerInput)  # typing goes on


async def test_hint_stays_shown_after_leaving_and_continuing(every_type_pack):
    app = make_app(every_type_pack)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_question(pilot, app, "story-order")
        await pilot.press("h", "escape")
        await pilot.pause()
        await pilot.press("z")
        await pilot.pause()
        assert app.screen.question.id == "story-order"
        assert "Hint: The vote comes last." in screen_text(app)


async def test_results_say_which_hints_were_used(every_type_pack):
    app = make_app(every_type_pack)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("z")
        await pilot.pause()
        session = app.session
        for question in session.questions:
            if question.id in ("vote-date", "story-order"):
                await pilot.press("h")
            await pilot.press(*right_keys(session, question), "enter", "n")
            await pilot.pause()
        results = app.screen
        assert isinstance(results, ResultsScreen)
        lines = {line.question.id: str(block.render()) for line, block in zip(results.grouped, results.query(".result"))}
        asked = [q.id for q in app.session.questions]
        assert "hint used" in lines[asked[0]] and "hint used" in lines[asked[5]]
        assert sum("hint used" in line for line in lines.values()) == 2
        assert "You scored 7 of 7 points." in str(results.query_one("#summary").render())


# ------------------------------------------------------------------ partial and pinned


async def test_partial_credit_in_feedback_and_results(every_type_pack):
    app = make_app(every_type_pack)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_question(pilot, app, "ferry-facts")
        assert "Partial credit: +1/2 point for each right pick, −1/2 for each wrong one" in screen_text(app)
        await pilot.press(right_keys(app.session, screen.question)[0], "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "◐ Partly right: 0.5 of 1 point" in text
        assert "Score so far: 1.5/2" in text
        assert "Partial credit: +1/2 point for each right pick" in text  # the rule again, after
        await pilot.press("n")
        while not isinstance(app.screen, ResultsScreen):
            await pilot.press(*right_keys(app.session, app.screen.question), "enter", "n")
            await pilot.pause()
        blocks = dict(zip((line.question.id for line in app.screen.grouped), app.screen.query(".result")))
        line = str(blocks["ferry-facts"].render())
        assert "◐ Partly right" in line and "(0.5 of 1)" in line
        assert app.session.missed() == ["ferry-facts"]
        assert "Passed: 92%, pass mark 70%" in str(app.screen.query_one("#summary").render())


async def test_pinned_choice_stays_last_when_shuffled(every_type_pack):
    for seed in range(4):
        app = ExplainerApp(every_type_pack, seed=seed)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("z")
            await pilot.pause()
            assert "( ) 4. None of the above" in screen_text(app)


async def test_f2_shows_the_hint_while_typing(every_type_pack):
    app = make_app(every_type_pack)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_question(pilot, app, "town-name")
        assert "F2 Hint" in screen_text(app)  # the footer says how, since h is a letter here
        assert "Hint (F2)" in screen_text(app)
        await pilot.press("h", "f2")
        await pilot.pause()
        assert "Hint: It is named after its harbour." in screen_text(app)
        assert app.session.hints_used == ("town-name",)
        assert isinstance(app.focused, AnswerInput) and app.focused.value == "h"

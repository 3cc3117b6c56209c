"""The message contract of the question widgets, watched with ``run_test(message_hook=...)``.

Every answer control (choice list, text box, order list, match list) speaks one
vocabulary, :class:`~explainer.widgets.questions.AnswerControl.AnswerChanged` and
:class:`~explainer.widgets.questions.AnswerControl.CheckRequested` (the same classes as
``QuestionWidget.AnswerChanged`` / ``CheckRequested``): one message per change, carrying
the control and the answer as a response, that bubbles on to the screen as it is (no
widget translates it into another message).
"""

from __future__ import annotations

from conftest import SEED
from test_app_types import open_question
from textual.message import Message

from explainer.app import ExplainerApp
from explainer.pack import ChoiceResponse, MatchResponse, NumberResponse, OrderResponse, TextResponse, TrueFalseResponse
from explainer.screens.quiz import QuizScreen
from explainer.widgets import AnswerControl, AnswerInput, ChoiceList, MatchList, OrderList, QuestionWidget


class Answers:
    """A message hook that keeps every answer message, once."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        """AnswerChanged and CheckRequested messages, oldest first, each once."""
        self._seen: set[int] = set()

    def __call__(self, message: Message) -> None:
        """Keep ``message`` if it is an answer message not kept yet."""
        if isinstance(message, (AnswerControl.AnswerChanged, AnswerControl.CheckRequested)):
            if id(message) not in self._seen:
                self._seen.add(id(message))
                self.messages.append(message)

    def take(self) -> list[tuple[str, type, object]]:
        """``(message class name, control class, response)`` of the messages seen since
        the last call, oldest first."""
        seen = [(type(m).__name__, type(m.control), m.response) for m in self.messages]  # type: ignore[attr-defined]
        self.messages.clear()
        return seen


def test_the_question_widget_speaks_the_controls_vocabulary():
    """One vocabulary, defined once: the question widget's names are the control's classes."""
    assert QuestionWidget.AnswerChanged is AnswerControl.AnswerChanged
    assert QuestionWidget.CheckRequested is AnswerControl.CheckRequested
    for control in (ChoiceList, AnswerInput, OrderList, MatchList):
        assert issubclass(control, AnswerControl)
        own = [name for name, value in vars(control).items() if isinstance(value, type) and issubclass(value, Message)]
        assert not {"CheckPressed", "PicksChanged", "OrderChanged", "AnswerChanged", "CheckRequested"} & set(own)


async def test_a_choice_list_posts_the_pick_and_the_check(every_type_pack):
    answers = Answers()
    app = ExplainerApp(every_type_pack, seed=SEED)
    async with app.run_test(size=(80, 30), message_hook=answers) as pilot:
        screen = await open_question(pilot, app, "vote-date")
        order = app.session.display_order("vote-date")
        answers.take()
        await pilot.press("2")
        await pilot.pause()
        picked = ChoiceResponse(frozenset({order[1]}))
        assert answers.take() == [("AnswerChanged", ChoiceList, picked)]
        assert not screen.query_one("#check").disabled  # the screen heard it
        await pilot.press("enter")
        await pilot.pause()
        assert answers.take() == [("CheckRequested", ChoiceList, picked)]
        assert screen.answered and app.session.response("vote-date") == picked


async def test_true_false_posts_its_verdict(every_type_pack):
    answers = Answers()
    app = ExplainerApp(every_type_pack, seed=SEED)
    async with app.run_test(size=(80, 30), message_hook=answers) as pilot:
        await open_question(pilot, app, "closure")
        answers.take()
        await pilot.press("2")
        await pilot.pause()
        assert answers.take() == [("AnswerChanged", ChoiceList, TrueFalseResponse(False))]


async def test_a_text_box_posts_every_keystroke_and_the_check(every_type_pack):
    answers = Answers()
    app = ExplainerApp(every_type_pack, seed=SEED)
    async with app.run_test(size=(80, 30), message_hook=answers) as pilot:
        screen = await open_question(pilot, app, "town-name")
        answers.take()
        await pilot.press("o", "k")
        await pilot.pause()
        assert answers.take() == [
            ("AnswerChanged", AnswerInput, TextResponse("o")),
            ("AnswerChanged", AnswerInput, TextResponse("ok")),
        ]
        await pilot.press("enter")
        await pilot.pause()
        assert answers.take() == [("CheckRequested", AnswerInput, TextResponse("ok"))]
        assert screen.answered


async def test_a_number_box_posts_none_for_text_that_is_no_number(every_type_pack):
    answers = Answers()
    app = ExplainerApp(every_type_pack, seed=SEED)
    async with app.run_test(size=(80, 30), message_hook=answers) as pilot:
        screen = await open_question(pilot, app, "repair-months")
        answers.take()
        await pilot.press("1", "x")
        await pilot.pause()
        assert answers.take() == [
            ("AnswerChanged", AnswerInput, NumberResponse(1.0)),
            ("AnswerChanged", AnswerInput, None),
        ]
        await pilot.press("enter")
        await pilot.pause()
        assert answers.take() == [("CheckRequested", AnswerInput, None)]
        assert not screen.answered  # the reader is told why, and corrects it


async def test_an_order_list_posts_its_start_and_each_move(every_type_pack):
    answers = Answers()
    app = ExplainerApp(every_type_pack, seed=SEED)
    async with app.run_test(size=(80, 30), message_hook=answers) as pilot:
        await open_question(pilot, app, "story-order")
        start = app.session.display_order("story-order")
        assert answers.take()[-1:] == [("AnswerChanged", OrderList, OrderResponse(start))]
        await pilot.press("down", "u")
        await pilot.pause()
        moved = (start[1], start[0], *start[2:])
        assert answers.take() == [("AnswerChanged", OrderList, OrderResponse(moved))]
        await pilot.press("enter")
        await pilot.pause()
        assert answers.take() == [("CheckRequested", OrderList, OrderResponse(moved))]


async def test_a_match_list_posts_none_until_every_line_has_a_pick(every_type_pack):
    answers = Answers()
    app = ExplainerApp(every_type_pack, seed=SEED)
    async with app.run_test(size=(80, 30), message_hook=answers) as pilot:
        await open_question(pilot, app, "who-what")
        order = app.session.display_order("who-what")
        answers.take()
        await pilot.press("1", "2")
        await pilot.pause()
        assert answers.take() == [
            ("AnswerChanged", MatchList, None),
            ("AnswerChanged", MatchList, MatchResponse((order[0], order[1]))),
        ]
        await pilot.press("enter")
        await pilot.pause()
        assert answers.take() == [("CheckRequested", MatchList, MatchResponse((order[0], order[1])))]


async def test_a_locked_control_posts_nothing(every_type_pack):
    answers = Answers()
    app = ExplainerApp(every_type_pack, seed=SEED)
    async with app.run_test(size=(80, 30), message_hook=answers) as pilot:
        screen = await open_question(pilot, app, "vote-date")
        await pilot.press("1", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen) and screen.answered
        control = screen.question_widget.answer_control
        assert control.locked and isinstance(control, ChoiceList) and control.has_class("-locked")
        answers.take()
        control.pick(1)
        await pilot.pause()
        assert answers.take() == []

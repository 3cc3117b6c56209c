"""What every question widget shares: :class:`AnswerControl`, the base of the controls a
reader answers with (one message vocabulary, locked state, marks), and
:class:`QuestionWidget`, the base of the widgets that ask one question.

A question widget draws its question's kind (:mod:`explainer.kinds`): the kind says
what the instruction is and which mark each shown position gets after checking; the
widget draws them (:meth:`QuestionWidget.mark_content`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, ClassVar, cast

from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.widget import Widget

from explainer import wording
from explainer.i18n import N_, _
from explainer.kinds import Mark, QuestionKind, kind_of
from explainer.pack import AnyQuestion, Response
from explainer.widgets.text import shown

class AnswerControl:
    """The base of the controls a reader answers with: :class:`ChoiceList`,
    :class:`AnswerInput`, :class:`OrderList` and :class:`MatchList`.

    A mixin beside the Textual widget each control is (an ``OptionList``, an ``Input``,
    a list of rows), holding what they all share:

    - the one message vocabulary: :class:`AnswerChanged` when the reader's answer
      changes (:meth:`answer_changed`) and :class:`CheckRequested` when the reader asks
      to check it (:meth:`request_check`). Both carry the control and the answer as a
      response, and bubble through the question widget to the screen.
    - the response: the question widget gives the control ``respond``, which turns the
      control's own :attr:`answer` (picks, typed text, an order) into a response.
    - the locked state and the marks: :meth:`set_verdicts` locks the control (class
      ``-locked``) and shows a mark, in words, after some of its rows.
    """

    locked: var[bool] = var(False)
    """True once the answer has been checked: the answer no longer changes."""

    marks: Mapping[int, Content] = MappingProxyType({})
    """Row (display index) -> the mark shown after it once the answer is checked."""

    respond: Callable[[Any], Response | None] | None = None
    """Turns :attr:`answer` into a response (None while there is nothing to score)."""

    class AnswerChanged(Message):
        """The reader's answer changed (a pick, a keystroke, a move)."""

        def __init__(self, control: Widget, response: Response | None) -> None:
            self.answer_control = control
            """The control the reader is answering with."""
            self.response = response
            """The new answer, or None when there is nothing to score yet."""
            super().__init__()

        @property
        def control(self) -> Widget:
            """The answer control (for ``@on`` selectors)."""
            return self.answer_control

    class CheckRequested(Message):
        """The reader asked to check the answer (enter)."""

        def __init__(self, control: Widget, response: Response | None) -> None:
            self.answer_control = control
            """The control the reader is answering with."""
            self.response = response
            """The answer to check, or None when there is nothing to score."""
            super().__init__()

        @property
        def control(self) -> Widget:
            """The answer control (for ``@on`` selectors)."""
            return self.answer_control

    @property
    def answer(self) -> Any:
        """The control's own answer: what :attr:`respond` takes."""
        raise NotImplementedError

    @property
    def response(self) -> Response | None:
        """The reader's answer as a response, or None while there is nothing to score."""
        return None if self.respond is None else self.respond(self.answer)

    def answer_changed(self) -> None:
        """Post :class:`AnswerChanged` with the answer as it now is."""
        widget = cast(Widget, self)
        widget.post_message(AnswerControl.AnswerChanged(widget, self.response))

    def request_check(self) -> None:
        """Post :class:`CheckRequested` with the answer as it now is."""
        widget = cast(Widget, self)
        widget.post_message(AnswerControl.CheckRequested(widget, self.response))

    def set_verdicts(self, verdicts: Mapping[int, Content]) -> None:
        """Lock the control and add a mark (e.g. "✓ right answer") after some rows.

        Args:
            verdicts: display row -> the mark to show after it.
        """
        self.marks = MappingProxyType(dict(verdicts))
        self.locked = True
        cast(Widget, self).add_class("-locked")
        self.show_marks()

    def show_marks(self) -> None:
        """Draw the control as locked, with its :attr:`marks`."""
        raise NotImplementedError


MARK_STYLES: dict[str, str] = {
    "right": "$text-success",
    "placed": "$text-success",
    "missed": "$text-warning",
    "wrong": "$text-error",
    "misplaced": "$text-error",
    "mismatched": "$text-error",
}
"""The colour of each kind of mark (the words say it too, for readers without colour)."""


class QuestionWidget(Widget):
    """Base of the question widgets: asks one question and reports the reader's answer.

    Args:
        question: the question model.
        order: what the question shows, as file-order indexes in display order (from
            :meth:`~explainer.session.QuizSession.display_order`): choices, order
            items or match options; ``()`` for types with nothing to order.
        id: the widget id.
    """

    DEFAULT_CSS = """
    QuestionWidget { height: auto; }
    QuestionWidget .verdict-mark { display: none; }
    QuestionWidget .verdict-mark.-shown { display: block; }
    QuestionWidget #answer-problem { display: none; color: $text-error; }
    QuestionWidget #answer-problem.-shown { display: block; }
    """

    empty_message: ClassVar[str] = N_("Pick an answer first.")
    """Told to the reader who asks to check before answering (in English, marked with
    ``N_``: translate it with ``_()`` where it is shown)."""

    AnswerChanged = AnswerControl.AnswerChanged
    """The reader's answer changed: posted by the answer control, it bubbles through
    this widget to the screen (the one message vocabulary, :class:`AnswerControl`)."""

    CheckRequested = AnswerControl.CheckRequested
    """The reader asked to check the answer: posted by the answer control, it bubbles
    through this widget to the screen."""

    def __init__(self, question: AnyQuestion, order: Sequence[int] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.question = question
        """The question model."""
        self.order = tuple(order)
        """File-order indexes in display order (choices, items or options)."""

    # ---------------------------------------------------------------- what the screen asks

    @property
    def answer_control(self) -> AnswerControl:
        """The control the reader answers with (class ``answer-control``)."""
        return cast(AnswerControl, self.query_one(".answer-control"))

    @property
    def response(self) -> Response | None:
        """The reader's current answer, or None while there is nothing to score."""
        if not self.query(".answer-control"):
            return None  # not composed yet
        return self.answer_control.response

    @property
    def has_answer(self) -> bool:
        """True when the reader has given something to check (the check button works)."""
        return self.response is not None

    def answer_problem(self) -> str | None:
        """Why the answer given cannot be checked, in words for the reader; None if it can.

        Nothing given at all is not a problem (the screen says :attr:`empty_message`).
        """
        return None

    def show_problem(self, message: str) -> None:
        """Tell the reader why their answer cannot be checked (a notification by default)."""
        self.notify(message, severity="warning", markup=False)

    @property
    def kind(self) -> QuestionKind[Any, Any]:
        """The question's kind (:mod:`explainer.kinds`): its rules, words and marks."""
        return kind_of(self.question)

    def how_to(self) -> str:
        """One line under the prompt saying how to answer this question: the kind's
        instruction (widgets add how to work their control)."""
        return self.kind.instruction(self.question)

    @staticmethod
    def mark_content(mark: Mark) -> Content:
        """A mark in words (:func:`explainer.wording.mark_words`), coloured: green when
        right, amber for a right choice not picked, red when wrong."""
        words, author_text = wording.mark_words(mark)
        style = MARK_STYLES[mark.kind]
        if author_text:
            return Content.assemble((words, style), shown(author_text))
        return Content.assemble((words, style))

    def marks_content(self, response: Response | None) -> dict[int, Content]:
        """The marks after checking ``response``: shown position -> words
        (:meth:`explainer.kinds.QuestionKind.marks`)."""
        marks = self.kind.marks(self.question, self.order, response)
        return {position: self.mark_content(mark) for position, mark in marks.items()}

    def status_text(self) -> str:
        """The short note beside the check button."""
        return _("Press enter to check your answer.") if self.has_answer else ""

    def focus_answer(self) -> None:
        """Focus the control the reader answers with."""
        controls = self.query(".answer-control")
        if controls:
            controls.first().focus()

    def show_verdict(self, response: Response) -> None:
        """Lock the widget and mark, in words, what was right and what was not."""
        self.answer_control.set_verdicts(self.marks_content(response))


"""Question widgets: one class per question type, all speaking the same two messages.

Every question widget is a :class:`QuestionWidget`. It posts
:class:`QuestionWidget.AnswerChanged` whenever the reader's answer changes and
:class:`QuestionWidget.CheckRequested` when the reader asks to check it. After the
screen has scored the answer it calls :meth:`QuestionWidget.show_verdict`, which locks
the widget and marks the right and the picked choices in words.

A new question type is one more subclass (building its response from what the reader
did) registered in :data:`WIDGETS`.

Keys in a choice list: up/down move, space picks the highlighted choice (toggles it in a
multiple-choice question), 1-9 pick choice N, a mouse click picks; enter checks the
answer once something is picked (and picks the highlighted choice first if it is not).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from explainer.pack import (
    ChoiceResponse,
    MultipleChoiceQuestion,
    Response,
    SingleChoiceQuestion,
    TrueFalseQuestion,
    TrueFalseResponse,
)

_NUMBER_BINDINGS: list[BindingType] = [
    Binding(str(n), f"pick_number({n})", "Pick", show=n == 1, key_display="1-9")
    for n in range(1, 10)
]


class ChoiceList(OptionList):
    """A list of choices that wrap (never cut), picked by keys or mouse.

    Args:
        texts: the choice texts in display order (author text, shown verbatim).
        multiple: True to allow several picks (check boxes), False for one (radio).
        id: the widget id.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "select", "Pick", show=False),
        Binding("enter", "check", "Check", tooltip="Check the picked answer"),
        *_NUMBER_BINDINGS,
    ]

    DEFAULT_CSS = """
    ChoiceList {
        height: auto;
        max-height: 100%;
        padding: 0;
    }
    ChoiceList > .option-list--option { padding: 0 1; }
    """

    picked: var[frozenset[int]] = var(frozenset())
    """Display indexes (0-based) of the picked choices."""

    locked: var[bool] = var(False)
    """True once the answer has been checked: picks no longer change."""

    class PicksChanged(Message):
        """The reader picked or unpicked a choice."""

        def __init__(self, choice_list: ChoiceList, picked: frozenset[int]) -> None:
            self.choice_list = choice_list
            """The list whose picks changed."""
            self.picked = picked
            """Display indexes (0-based) now picked."""
            super().__init__()

        @property
        def control(self) -> ChoiceList:
            """The list whose picks changed (for ``@on`` selectors)."""
            return self.choice_list

    class CheckPressed(Message):
        """The reader pressed enter to check the answer."""

        def __init__(self, choice_list: ChoiceList) -> None:
            self.choice_list = choice_list
            """The list where enter was pressed."""
            super().__init__()

        @property
        def control(self) -> ChoiceList:
            """The list where enter was pressed (for ``@on`` selectors)."""
            return self.choice_list

    def __init__(self, texts: Sequence[str], *, multiple: bool = False, id: str | None = None) -> None:
        self.texts = tuple(texts)
        """The choice texts, in display order."""
        self.multiple = multiple
        """Whether several choices may be picked."""
        self._verdicts: dict[int, Content] | None = None
        super().__init__(id=id, markup=False)
        self.add_options([Option(self._prompt(i)) for i in range(len(self.texts))])
        self.highlighted = 0

    # ---------------------------------------------------------------- rendering

    def _prompt(self, index: int) -> Content:
        """The prompt for the choice at display ``index``: marker, number, text."""
        picked = index in self.picked
        if self.multiple:
            marker = "[x]" if picked else "[ ]"
        else:
            marker = "(•)" if picked else "( )"
        head = Content.styled(f"{marker} {index + 1}. ", "bold" if picked else "")
        prompt = Content.assemble(head, Content(self.texts[index]))
        if self._verdicts is not None and index in self._verdicts:
            prompt = Content.assemble(prompt, "  ", self._verdicts[index])
        return prompt

    def _refresh_prompts(self) -> None:
        """Redraw every prompt (after a pick or a verdict)."""
        if self.option_count != len(self.texts):
            return  # still being built
        for index in range(len(self.texts)):
            self.replace_option_prompt_at_index(index, self._prompt(index))

    def watch_picked(self) -> None:
        """Redraw the markers when the picks change."""
        self._refresh_prompts()

    def set_verdicts(self, verdicts: dict[int, Content]) -> None:
        """Lock the list and add a verdict (e.g. "✓ right answer") after some choices.

        Args:
            verdicts: display index -> content to show after that choice.
        """
        self._verdicts = dict(verdicts)
        self.locked = True
        self._refresh_prompts()

    # ---------------------------------------------------------------- picking

    def pick(self, index: int) -> None:
        """Pick the choice at display ``index`` (toggle it in a multiple-choice list)."""
        if self.locked or not 0 <= index < len(self.texts):
            return
        if self.multiple:
            picked = self.picked ^ {index}
        else:
            picked = frozenset({index})
        self.highlighted = index
        if picked != self.picked:
            self.picked = picked
            self.post_message(self.PicksChanged(self, picked))

    def action_select(self) -> None:
        """Pick the highlighted choice (space, mouse click)."""
        if self.highlighted is not None:
            self.pick(self.highlighted)

    def action_pick_number(self, number: int) -> None:
        """Pick choice ``number`` (1-based, as shown)."""
        self.pick(number - 1)

    def action_check(self) -> None:
        """Enter: pick the highlighted choice if that is what the reader means, then ask
        to check the answer."""
        if not self.locked and self.highlighted is not None:
            if not self.picked or (not self.multiple and self.highlighted not in self.picked):
                self.pick(self.highlighted)
                return
        self.post_message(self.CheckPressed(self))


class QuestionWidget(Widget):
    """Base of the question widgets: shows the choices and reports the reader's answer.

    Args:
        question: the question model.
        order: file-order choice indexes in display order (from the quiz session).
        id: the widget id.
    """

    DEFAULT_CSS = """
    QuestionWidget { height: auto; }
    """

    response: var[Response | None] = var(None)
    """The reader's current answer, or None while nothing is picked."""

    class AnswerChanged(Message):
        """The reader's answer changed (a choice was picked or unpicked)."""

        def __init__(self, question_widget: QuestionWidget, response: Response | None) -> None:
            self.question_widget = question_widget
            """The question widget the reader is answering."""
            self.response = response
            """The new answer, or None when nothing is picked."""
            super().__init__()

        @property
        def control(self) -> QuestionWidget:
            """The question widget (for ``@on`` selectors)."""
            return self.question_widget

    class CheckRequested(Message):
        """The reader asked to check the answer (enter in the choices)."""

        def __init__(self, question_widget: QuestionWidget, response: Response | None) -> None:
            self.question_widget = question_widget
            """The question widget the reader is answering."""
            self.response = response
            """The answer to check, or None when nothing is picked."""
            super().__init__()

        @property
        def control(self) -> QuestionWidget:
            """The question widget (for ``@on`` selectors)."""
            return self.question_widget

    def __init__(self, question: object, order: Sequence[int] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.question = question
        """The question model."""
        self.order = tuple(order)
        """File-order choice indexes in display order."""

    # Subclasses provide these three.

    def choice_texts(self) -> list[str]:
        """The texts to list, in display order."""
        raise NotImplementedError

    def make_response(self, picked: frozenset[int]) -> Response | None:
        """Build the response from the picked display indexes (None when nothing)."""
        raise NotImplementedError

    def verdicts(self, response: Response) -> dict[int, Content]:
        """Marks to show after the answer was checked: display index -> words."""
        raise NotImplementedError

    multiple: ClassVar[bool] = False
    """Whether several choices may be picked."""

    def compose(self) -> ComposeResult:
        """The list of choices."""
        yield ChoiceList(self.choice_texts(), multiple=self.multiple, id="choices")

    @property
    def choice_list(self) -> ChoiceList:
        """The list of choices."""
        return self.query_one(ChoiceList)

    def pick(self, number: int) -> None:
        """Pick choice ``number`` (1-based, as shown), as the number keys do."""
        self.choice_list.pick(number - 1)

    @on(ChoiceList.PicksChanged)
    def _picks_changed(self, event: ChoiceList.PicksChanged) -> None:
        event.stop()
        self.response = self.make_response(event.picked)
        self.post_message(self.AnswerChanged(self, self.response))

    @on(ChoiceList.CheckPressed)
    def _check_pressed(self, event: ChoiceList.CheckPressed) -> None:
        event.stop()
        self.post_message(self.CheckRequested(self, self.response))

    def show_verdict(self, response: Response) -> None:
        """Lock the widget and mark the right choice(s) and the picked ones, in words."""
        self.choice_list.set_verdicts(self.verdicts(response))


def _right_mark() -> Content:
    return Content.from_markup("[$text-success]✓ right answer[/]")


def _wrong_mark() -> Content:
    return Content.from_markup("[$text-error]✗ your pick, not right[/]")


def _missed_mark() -> Content:
    return Content.from_markup("[$text-warning]✓ right answer (not picked)[/]")


class _ChoiceQuestionWidget(QuestionWidget):
    """Shared code of single- and multiple-choice questions."""

    question: SingleChoiceQuestion | MultipleChoiceQuestion

    def choice_texts(self) -> list[str]:
        """The choice texts in display order."""
        return [self.question.choices[i].text for i in self.order]

    def make_response(self, picked: frozenset[int]) -> Response | None:
        """A :class:`ChoiceResponse` in FILE order, or None when nothing is picked."""
        if not picked:
            return None
        return ChoiceResponse(frozenset(self.order[i] for i in picked))

    def verdicts(self, response: Response) -> dict[int, Content]:
        """Mark right choices, and picked choices that are wrong."""
        selected = response.selected if isinstance(response, ChoiceResponse) else frozenset()
        marks: dict[int, Content] = {}
        for display, file_index in enumerate(self.order):
            right = self.question.choices[file_index].correct
            if right and file_index in selected:
                marks[display] = _right_mark()
            elif right:
                marks[display] = _missed_mark() if self.multiple else _right_mark()
            elif file_index in selected:
                marks[display] = _wrong_mark()
        return marks


class SingleChoiceWidget(_ChoiceQuestionWidget):
    """A ``single`` question: pick exactly one choice."""

    multiple = False


class MultipleChoiceWidget(_ChoiceQuestionWidget):
    """A ``multiple`` question: pick every right choice."""

    multiple = True


class TrueFalseWidget(QuestionWidget):
    """A ``true_false`` question: two choices, "True" and "False"."""

    question: TrueFalseQuestion

    def choice_texts(self) -> list[str]:
        """``["True", "False"]``."""
        return ["True", "False"]

    def make_response(self, picked: frozenset[int]) -> Response | None:
        """A :class:`TrueFalseResponse`, or None when nothing is picked."""
        if not picked:
            return None
        return TrueFalseResponse(value=0 in picked)

    def verdicts(self, response: Response) -> dict[int, Content]:
        """Mark the right verdict, and the reader's if it is wrong."""
        right = 0 if self.question.answer else 1
        marks = {right: _right_mark()}
        if isinstance(response, TrueFalseResponse):
            given = 0 if response.value else 1
            if given != right:
                marks[given] = _wrong_mark()
        return marks


WIDGETS: dict[str, type[QuestionWidget]] = {
    "single": SingleChoiceWidget,
    "multiple": MultipleChoiceWidget,
    "true_false": TrueFalseWidget,
}
"""Question ``type`` -> the widget class that asks it."""


def question_widget(question: object, order: Sequence[int] = (), *, id: str | None = None) -> QuestionWidget:
    """Return the widget that asks ``question`` (choices in display ``order``).

    Raises:
        KeyError: no widget is registered for the question's type.
    """
    return WIDGETS[question.type](question, order, id=id)  # type: ignore[attr-defined]

"""Question widgets: one class per question type, all speaking the same two messages.

Every question widget is a :class:`QuestionWidget` holding one answer control, an
:class:`AnswerControl` (a choice list, a text box, an order list or a match list). The
control posts the one message vocabulary, :class:`AnswerControl.AnswerChanged` whenever
the reader's answer changes and :class:`AnswerControl.CheckRequested` when the reader
asks to check it (also known as :class:`QuestionWidget.AnswerChanged` and
:class:`QuestionWidget.CheckRequested`); both carry the answer as a response and bubble
through the question widget to the screen. After the screen has scored the answer it
calls :meth:`QuestionWidget.show_verdict`, which locks the control and marks what was
right and what was not, in words (:meth:`AnswerControl.set_verdicts`).

A new question type is one more subclass registered in :data:`WIDGETS`. Besides the
two messages a widget tells the quiz screen how to answer it (:meth:`~QuestionWidget.how_to`,
:meth:`~QuestionWidget.status_text`), whether there is anything to check yet
(:attr:`~QuestionWidget.has_answer`) and why an answer cannot be checked
(:meth:`~QuestionWidget.answer_problem`, e.g. a number that is not a number).

Keys, per type:

- single / multiple / true_false (a choice list): up/down move, space picks the
  highlighted choice (toggles it in a multiple-choice question), 1-9 pick choice N, a
  mouse click picks; enter checks once something is picked (and picks the highlighted
  choice first if it is not).
- short_answer / numeric (a text box): type, enter checks. A number that cannot be
  read gets a message under the box and is not scored; the reader corrects it.
- order (a list of items): up/down choose an item, u or shift+up moves it up, d or
  shift+down moves it down; a click on ▲ or ▼ moves that row; enter checks.
- match (one line per left side): up/down choose a line, 1-9 pick option N for it
  (then the next open line is chosen), left/right step through the options, backspace
  clears; a click on a line chooses it, a click on an option picks it; enter checks.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import Any, ClassVar, cast

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import var
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from explainer.pack import (
    AnyQuestion,
    ChoiceResponse,
    MatchQuestion,
    MatchResponse,
    MultipleChoiceQuestion,
    NumberResponse,
    NumericQuestion,
    OrderQuestion,
    OrderResponse,
    Response,
    ShortAnswerQuestion,
    SingleChoiceQuestion,
    TextResponse,
    TrueFalseQuestion,
    TrueFalseResponse,
    parse_number,
)
from explainer.widgets.text import shown, strip_invisible

_NUMBER_BINDINGS: list[BindingType] = [
    Binding(str(n), f"pick_number({n})", "Pick", show=n == 1, key_display="1-9", id=f"choice-pick-{n}")
    for n in range(1, 10)
]


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


class ChoiceList(AnswerControl, OptionList):
    """A list of choices that wrap (never cut), picked by keys or mouse.

    Args:
        texts: the choice texts in display order (author text, shown verbatim).
        multiple: True to allow several picks (check boxes), False for one (radio).
        respond: turns the picks (display indexes) into a response.
        id: the widget id.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "select", "Pick", show=False, id="choice-pick"),
        Binding("enter", "check", "Check", tooltip="Check the picked answer", id="choice-check"),
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

    def __init__(
        self,
        texts: Sequence[str],
        *,
        multiple: bool = False,
        respond: Callable[[frozenset[int]], Response | None] | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        self.texts = tuple(texts)
        """The choice texts, in display order."""
        self.multiple = multiple
        """Whether several choices may be picked."""
        self.respond = respond
        super().__init__(id=id, classes=classes, markup=False)
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
        prompt = Content.assemble(head, shown(self.texts[index]))
        if index in self.marks:
            prompt = Content.assemble(prompt, "  ", self.marks[index])
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

    @property
    def answer(self) -> frozenset[int]:
        """The picks: display indexes (0-based)."""
        return self.picked

    def show_marks(self) -> None:
        """Redraw every prompt with its mark."""
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
            self.answer_changed()

    def action_select(self) -> None:
        """Pick the highlighted choice (space, mouse click)."""
        if self.highlighted is not None:
            self.pick(self.highlighted)

    def action_pick_number(self, number: int) -> None:
        """Pick choice ``number`` (1-based, as shown); say so when there is no such choice."""
        if not 1 <= number <= len(self.texts):
            if not self.locked:
                self.notify(f"There is no choice {number}.", severity="warning", markup=False)
            return
        self.pick(number - 1)

    def action_check(self) -> None:
        """Enter: pick the highlighted choice if that is what the reader means, then ask
        to check the answer."""
        if not self.locked and self.highlighted is not None:
            if not self.picked or (not self.multiple and self.highlighted not in self.picked):
                self.pick(self.highlighted)
                return
        self.request_check()


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

    empty_message: ClassVar[str] = "Pick an answer first."
    """Told to the reader who asks to check before answering."""

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

    def how_to(self) -> str:
        """One line under the prompt saying how to answer this question."""
        return ""

    def status_text(self) -> str:
        """The short note beside the check button."""
        return "Press enter to check your answer." if self.has_answer else ""

    def focus_answer(self) -> None:
        """Focus the control the reader answers with."""
        controls = self.query(".answer-control")
        if controls:
            controls.first().focus()

    def show_verdict(self, response: Response) -> None:
        """Lock the widget and mark, in words, what was right and what was not."""
        raise NotImplementedError


def _right_mark(text: str = "✓ right answer") -> Content:
    return Content.assemble((text, "$text-success"))


def _wrong_mark(text: str = "✗ your pick, not right") -> Content:
    return Content.assemble((text, "$text-error"))


def _missed_mark() -> Content:
    return Content.from_markup("[$text-warning]✓ right answer (not picked)[/]")


# ------------------------------------------------------------------ choice lists


class ListQuestionWidget(QuestionWidget):
    """A question answered by picking from a :class:`ChoiceList`.

    Subclasses give the texts, build the response from the picks, and mark the verdict.
    """

    multiple: ClassVar[bool] = False
    """Whether several choices may be picked."""

    def choice_texts(self) -> list[str]:
        """The texts to list, in display order."""
        raise NotImplementedError

    def make_response(self, picked: frozenset[int]) -> Response | None:
        """Build the response from the picked display indexes (None when nothing)."""
        raise NotImplementedError

    def verdicts(self, response: Response) -> dict[int, Content]:
        """Marks to show after the answer was checked: display index -> words."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        """The list of choices."""
        yield ChoiceList(
            self.choice_texts(), multiple=self.multiple, respond=self.make_response, id="choices", classes="answer-control"
        )

    @property
    def choice_list(self) -> ChoiceList:
        """The list of choices."""
        return self.query_one(ChoiceList)

    def pick(self, number: int) -> None:
        """Pick choice ``number`` (1-based, as shown), as the number keys do."""
        self.choice_list.pick(number - 1)

    def status_text(self) -> str:
        """How to pick, then how to check."""
        if self.has_answer:
            return "Press enter to check your answer."
        return "Pick with ↑↓ and space, or press a number."

    def show_verdict(self, response: Response) -> None:
        """Lock the widget and mark the right choice(s) and the picked ones, in words."""
        self.choice_list.set_verdicts(self.verdicts(response))


class _ChoiceQuestionWidget(ListQuestionWidget):
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

    def how_to(self) -> str:
        """``"Pick one answer."``"""
        return "Pick one answer."


class MultipleChoiceWidget(_ChoiceQuestionWidget):
    """A ``multiple`` question: pick every right choice."""

    multiple = True

    def how_to(self) -> str:
        """Pick every right answer; says how partial credit works when the question uses it."""
        if getattr(self.question, "scoring", "all_or_nothing") == "partial":
            return "Pick every right answer. Partial credit: each wrong pick cancels a right one."
        return "Pick every right answer."


class TrueFalseWidget(ListQuestionWidget):
    """A ``true_false`` question: two choices, "True" and "False"."""

    question: TrueFalseQuestion

    def how_to(self) -> str:
        """``"True or false?"``"""
        return "True or false?"

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


# ------------------------------------------------------------------ typed answers


class AnswerInput(AnswerControl, Input):
    """The text box of a typed answer: one line, no markup, no blinking when motion is off.

    Control characters never enter the box, whether typed, pasted or set: they are
    dropped (:func:`~explainer.widgets.text.strip_invisible`), so the reader's answer
    holds only what they can see. Locked, the box is disabled.

    Args:
        respond: turns the typed text into a response.
        **kwargs: as for :class:`~textual.widgets.Input`.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "check", "Check", tooltip="Check your answer", id="answer-check"),
    ]

    DEFAULT_CSS = """
    AnswerInput { width: 1fr; max-width: 60; }
    """

    def __init__(self, *, respond: Callable[[str], Response | None] | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.respond = respond

    @property
    def answer(self) -> str:
        """The typed text."""
        return self.value

    def watch_value(self) -> None:
        """Tell the question widget and the screen that the typed answer changed."""
        self.answer_changed()

    def action_check(self) -> None:
        """Enter: ask to check the typed answer."""
        self.request_check()

    def show_marks(self) -> None:
        """Disable the box: the verdict is shown under it, by the question widget."""
        self.disabled = True

    def on_mount(self) -> None:
        """Stop the cursor blinking when the app runs without animations (and in tests)."""
        if self.app.animation_level == "none":
            self.cursor_blink = False

    def validate_value(self, value: str) -> str:
        """The value as it may be kept: ``value`` without control characters."""
        return strip_invisible(value)

    def insert_text_at_cursor(self, text: str) -> None:
        """Insert ``text`` (typed or pasted) at the cursor, without control characters."""
        super().insert_text_at_cursor(strip_invisible(text))

    def replace(self, text: str, start: int, end: int) -> None:
        """Replace the characters from ``start`` to ``end`` with ``text`` (typed or pasted
        over a selection), without control characters."""
        super().replace(strip_invisible(text), start, end)


class _TypedAnswerWidget(QuestionWidget):
    """Shared code of the questions answered by typing: a text box, enter checks."""

    placeholder: ClassVar[str] = "Type your answer here"
    """Shown in the empty box."""

    max_length: ClassVar[int] = 200
    """Longest answer the box takes."""

    empty_message = "Type your answer first."

    def __init__(self, question: AnyQuestion, order: Sequence[int] = (), *, id: str | None = None) -> None:
        super().__init__(question, order, id=id)
        self.text = ""
        """What the reader has typed."""

    def compose(self) -> ComposeResult:
        """The text box, a line for problems, and a line for the verdict."""
        yield AnswerInput(
            respond=self.parse,
            placeholder=self.placeholder,
            max_length=self.max_length,
            select_on_focus=False,
            id="answer",
            classes="answer-control",
        )
        yield Static(id="answer-problem")
        yield Static(id="answer-verdict", classes="verdict-mark")

    @property
    def input(self) -> AnswerInput:
        """The text box."""
        return self.query_one(AnswerInput)

    @property
    def has_answer(self) -> bool:
        """True once something other than spaces is typed."""
        return bool(self.text.strip())

    def status_text(self) -> str:
        """What to do next: type, or press enter."""
        return "Press enter to check your answer." if self.has_answer else "Type your answer in the box."

    def parse(self, text: str) -> Response | None:
        """Build the response from the typed text; None when it cannot be scored."""
        raise NotImplementedError

    def show_problem(self, message: str) -> None:
        """Show why the typed answer cannot be checked, under the box."""
        problem = self.query_one("#answer-problem", Static)
        problem.update(Content.assemble(("✗ ", "bold"), shown(message)))
        problem.add_class("-shown")

    def _clear_problem(self) -> None:
        problem = self.query_one("#answer-problem", Static)
        problem.remove_class("-shown")
        problem.update("")

    @on(AnswerControl.AnswerChanged, "#answer")
    def _typed(self, event: AnswerControl.AnswerChanged) -> None:
        """Keep the typed text and clear the last problem (the message goes on up)."""
        self.text = self.input.value
        self._clear_problem()

    def show_verdict(self, response: Response) -> None:
        """Lock the box and say under it whether the answer was right."""
        from explainer.pack import score

        self.input.set_verdicts({})
        self._clear_problem()
        verdict = self.query_one("#answer-verdict", Static)
        if score(self.question, response).correct:
            verdict.update(_right_mark("✓ right answer"))
        else:
            verdict.update(_wrong_mark("✗ your answer, not right"))
        verdict.add_class("-shown")


class ShortAnswerWidget(_TypedAnswerWidget):
    """A ``short_answer`` question: type a word or phrase."""

    question: ShortAnswerQuestion

    def how_to(self) -> str:
        """Type the answer; says whether letter case matters."""
        if self.question.case_sensitive:
            return "Type your answer, then press enter. Capital letters matter."
        return "Type your answer, then press enter. Capital letters do not matter."

    def parse(self, text: str) -> Response | None:
        """A :class:`TextResponse`, or None while only spaces are typed."""
        return TextResponse(text) if text.strip() else None


class NumericWidget(_TypedAnswerWidget):
    """A ``numeric`` question: type a number.

    The typed text is read with :func:`~explainer.pack.parse_number`. Text that is not a
    number is never scored: checking it shows the reason under the box instead, and the
    reader can correct it.
    """

    question: NumericQuestion
    placeholder = "Type a number, e.g. 10000 or 10,000"
    max_length = 40
    empty_message = "Type a number first."

    def how_to(self) -> str:
        """Type a number; says which forms are understood."""
        return "Type a number, then press enter (10000, 10,000 and 1e4 all work)."

    def parse(self, text: str) -> Response | None:
        """A :class:`NumberResponse`, or None when the text is not a number (yet)."""
        try:
            return NumberResponse(parse_number(text))
        except ValueError:
            return None

    def status_text(self) -> str:
        """What to do next: type, correct the number, or press enter."""
        if self.has_answer and self.response is None:
            return "Enter checks it; it must be a number."
        return super().status_text()

    def answer_problem(self) -> str | None:
        """The reader-facing reason the typed text is not a number, if it is not."""
        if not self.has_answer:
            return None
        try:
            parse_number(self.text)
        except ValueError as error:
            return str(error)
        return None


# ------------------------------------------------------------------ order


class _Arrow(Static):
    """A ▲ or ▼ that moves its row's item when clicked."""

    def __init__(self, row: int, step: int) -> None:
        super().__init__(shown(" ▲ " if step < 0 else " ▼ "), classes="order-move")
        self.row = row
        """The display row the arrow belongs to."""
        self.step = step
        """-1 moves the item up, +1 down."""
        self.tooltip = "Move up" if step < 0 else "Move down"

    def on_click(self, event: events.Click) -> None:
        """Move the row's item."""
        event.stop()
        self.post_message(OrderList.MoveClicked(self.row, self.step))


class _OrderRow(Horizontal):
    """One row of an :class:`OrderList`: position, item text (with its verdict), arrows."""

    def __init__(self, row: int, last: bool) -> None:
        super().__init__(classes="order-row")
        self.row = row
        """0-based display row."""
        self.last = last
        """True for the bottom row (its ▼ does nothing)."""

    def compose(self) -> ComposeResult:
        """Number, text, ▲ and ▼ (dimmed where the item cannot go further)."""
        yield Static(classes="order-number")
        yield Static(classes="order-text")
        yield _Arrow(self.row, -1).set_class(self.row == 0, "-idle")
        yield _Arrow(self.row, +1).set_class(self.last, "-idle")

    def on_click(self, event: events.Click) -> None:
        """A click on the row chooses it."""
        self.post_message(OrderList.RowClicked(self.row))


class _RowList(AnswerControl, Widget, can_focus=True):
    """Rows with one chosen row that ↑↓ move and that is kept in view.

    The base of :class:`OrderList` and :class:`MatchList`. A subclass names its row
    widget type in ``ROW`` and implements :meth:`row_count` and :meth:`_redraw`.
    """

    ROW: ClassVar[type[Widget]] = Widget
    """The widget type of one row (queried to scroll the chosen row into view)."""

    chosen: var[int] = var(0)
    """The display row the keys act on."""

    def row_count(self) -> int:
        """How many rows there are."""
        raise NotImplementedError

    def _redraw(self) -> None:
        """Show every row as it now is (the chosen marker included)."""
        raise NotImplementedError

    def watch_chosen(self) -> None:
        """Redraw the marker and keep the chosen row in view."""
        self._redraw()
        rows = list(self.query(self.ROW))
        if 0 <= self.chosen < len(rows):
            rows[self.chosen].scroll_visible(animate=False)

    def action_cursor(self, step: int) -> None:
        """Choose the row above (-1) or below (+1), unless the answer is locked."""
        if not self.locked:
            self.chosen = max(0, min(self.row_count() - 1, self.chosen + step))

    def show_marks(self) -> None:
        """Redraw every row with its mark."""
        self._redraw()


class OrderList(_RowList):
    """The items of an order question as rows the reader moves up and down.

    Args:
        items: the item texts in FILE order (author text, verbatim).
        order: file indexes in the order first shown.
        respond: turns the order (file indexes, top to bottom) into a response.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False, id="order-up"),
        Binding("down", "cursor(1)", "Down", show=False, id="order-down"),
        Binding("u,shift+up", "move(-1)", "Move", key_display="u/d", id="order-move-up", tooltip="Move the chosen item up (u) or down (d)"),
        Binding("d,shift+down", "move(1)", "Move down", show=False, id="order-move-down", tooltip="Move the chosen item down"),
        Binding("enter", "check", "Check", tooltip="Check this order", id="order-check"),
    ]

    DEFAULT_CSS = """
    OrderList { height: auto; padding: 0; }
    OrderList .order-row { height: auto; padding: 0 1 0 0; }
    OrderList .order-number { width: 5; }
    OrderList .order-text { width: 1fr; }
    OrderList .order-move { width: 3; margin-left: 1; background: $boost; color: $text-primary; }
    OrderList .order-move:hover { background: $primary 40%; }
    OrderList .order-move.-idle { color: $text-disabled; background: transparent; }
    OrderList.-locked .order-move { display: none; }
    OrderList .order-verdict { width: auto; max-width: 24; margin-left: 1; }
    OrderList .order-row.-chosen { background: $block-cursor-blurred-background; }
    OrderList:focus .order-row.-chosen { background: $block-cursor-background; color: $block-cursor-foreground; }
    """

    ROW = _OrderRow

    order: var[tuple[int, ...]] = var(())
    """File indexes of the items, top to bottom."""

    class MoveClicked(Message):
        """A ▲ or ▼ was clicked."""

        def __init__(self, row: int, step: int) -> None:
            self.row = row
            """The display row of the arrow."""
            self.step = step
            """-1 up, +1 down."""
            super().__init__()

    class RowClicked(Message):
        """A row was clicked."""

        def __init__(self, row: int) -> None:
            self.row = row
            """The display row clicked."""
            super().__init__()

    def __init__(
        self,
        items: Sequence[str],
        order: Sequence[int],
        *,
        respond: Callable[[tuple[int, ...]], Response | None] | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.items = tuple(items)
        """Item texts in file order."""
        self.respond = respond
        self.set_reactive(OrderList.order, tuple(order))

    def compose(self) -> ComposeResult:
        """One row per item."""
        for row in range(len(self.items)):
            yield _OrderRow(row, last=row == len(self.items) - 1)

    def on_mount(self) -> None:
        """Fill the rows; the starting order is already an answer."""
        self._redraw()
        self.answer_changed()

    @property
    def answer(self) -> tuple[int, ...]:
        """The order: file indexes, top to bottom."""
        return self.order

    def row_count(self) -> int:
        """How many items there are."""
        return len(self.items)

    def _redraw(self) -> None:
        """Show each item at its row, the chosen row, and any verdicts."""
        rows = list(self.query(_OrderRow))
        if len(rows) != len(self.order):
            return
        for row in rows:
            k = row.row
            chosen = k == self.chosen and not self.locked
            number = Content.assemble(("▸ " if chosen else "  "), (f"{k + 1}.", "bold"))
            row.query_one(".order-number", Static).update(number)
            text = shown(self.items[self.order[k]])
            if k in self.marks:
                text = Content.assemble(text, "  ", self.marks[k])
            row.query_one(".order-text", Static).update(text)
            row.set_class(chosen, "-chosen")

    def watch_order(self) -> None:
        """Redraw after a move."""
        self._redraw()


    def action_move(self, step: int) -> None:
        """Move the chosen item up (-1) or down (+1); the choice follows it."""
        self.move(self.chosen, step)

    def move(self, row: int, step: int) -> None:
        """Move the item at display ``row`` by ``step`` rows (no further than the ends)."""
        target = row + step
        if self.locked or not 0 <= row < len(self.order) or not 0 <= target < len(self.order):
            if 0 <= row < len(self.order) and not self.locked:
                self.chosen = row
            return
        order = list(self.order)
        order[row], order[target] = order[target], order[row]
        self.chosen = target
        self.order = tuple(order)
        self.answer_changed()

    def action_check(self) -> None:
        """Ask to check the current order."""
        self.request_check()

    @on(MoveClicked)
    def _move_clicked(self, event: MoveClicked) -> None:
        event.stop()
        self.focus()
        self.move(event.row, event.step)

    @on(RowClicked)
    def _row_clicked(self, event: RowClicked) -> None:
        event.stop()
        self.focus()
        if not self.locked:
            self.chosen = event.row


class OrderWidget(QuestionWidget):
    """An ``order`` question: put the items in the right order, first at the top.

    The items start in the session's shuffled order (never already right), so the
    reader always has an answer to check.
    """

    question: OrderQuestion

    def compose(self) -> ComposeResult:
        """The list of items."""
        yield OrderList(self.question.items, self.order, respond=OrderResponse, id="items", classes="answer-control")

    @property
    def order_list(self) -> OrderList:
        """The list of items."""
        return self.query_one(OrderList)

    def how_to(self) -> str:
        """How to move items, by keys and by mouse."""
        return "Put these in order, first at the top: ↑↓ choose an item, u/d move it, or click ▲▼."

    def status_text(self) -> str:
        """Enter checks the order as it stands."""
        return "Press enter to check this order."

    def show_verdict(self, response: Response) -> None:
        """Mark each row: in its right place, or where it belongs."""
        order = response.order if isinstance(response, OrderResponse) else self.order_list.order
        marks: dict[int, Content] = {}
        for row, item in enumerate(order):
            if item == row:
                marks[row] = _right_mark("✓")
            else:
                marks[row] = _wrong_mark(f"✗ belongs at {item + 1}")
        self.order_list.set_verdicts(marks)


# ------------------------------------------------------------------ match


class _MatchLine(Horizontal):
    """One line of a :class:`MatchList`: a left side and the option picked for it."""

    def __init__(self, line: int) -> None:
        super().__init__(classes="match-line")
        self.line = line
        """0-based line (left side, in file order)."""

    def compose(self) -> ComposeResult:
        """The marker of the chosen line, the left side and the pick."""
        yield Static(classes="match-marker")
        yield Static(classes="match-left")
        yield Static(classes="match-pick")

    def on_click(self, event: events.Click) -> None:
        """A click on the line chooses it."""
        self.post_message(MatchList.LineClicked(self.line))


class _MatchOption(Static):
    """One right-hand option, listed once under the lines; a click picks it."""

    def __init__(self, number: int) -> None:
        super().__init__(classes="match-option")
        self.number = number
        """1-based option number, as shown."""

    def on_click(self, event: events.Click) -> None:
        """Pick this option for the chosen line."""
        event.stop()
        self.post_message(MatchList.OptionClicked(self.number))


class MatchList(_RowList):
    """The lines of a match question and the options to pick for them.

    Args:
        lefts: the left sides in file order (author text, verbatim).
        options: the right-hand options in DISPLAY order (author text, verbatim).
        respond: turns the picks (per line, a display index or None) into a response.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False, id="match-up"),
        Binding("down", "cursor(1)", "Down", show=False, id="match-down"),
        Binding("left", "step(-1)", "Previous option", show=False, id="match-previous"),
        Binding("right", "step(1)", "Next option", show=False, id="match-next"),
        Binding("backspace,delete", "clear", "Clear", show=False, id="match-clear"),
        Binding("enter", "check", "Check", tooltip="Check your answer", id="match-check"),
        *[
            Binding(str(n), f"pick_number({n})", "Pick option", show=n == 1, key_display="1-9", id=f"match-pick-{n}")
            for n in range(1, 10)
        ],
    ]

    DEFAULT_CSS = """
    MatchList { height: auto; padding: 0; }
    MatchList .match-line { height: auto; }
    MatchList .match-marker { width: 2; }
    MatchList .match-left { width: 1fr; padding-right: 1; }
    MatchList .match-pick { width: 1fr; }
    MatchList .match-line.-chosen { background: $block-cursor-blurred-background; }
    MatchList:focus .match-line.-chosen { background: $block-cursor-background; color: $block-cursor-foreground; }
    MatchList .match-heading { margin-top: 1; text-style: bold; color: $text-muted; }
    MatchList .match-option { padding-left: 2; }
    MatchList .match-option:hover { background: $boost; }
    """

    ROW = _MatchLine

    picks: var[tuple[int | None, ...]] = var(())
    """Per line: the display index (0-based) of the picked option, or None."""

    class LineClicked(Message):
        """A line was clicked."""

        def __init__(self, line: int) -> None:
            self.line = line
            """The line clicked."""
            super().__init__()

    class OptionClicked(Message):
        """An option was clicked."""

        def __init__(self, number: int) -> None:
            self.number = number
            """1-based option number."""
            super().__init__()

    def __init__(
        self,
        lefts: Sequence[str],
        options: Sequence[str],
        *,
        respond: Callable[[tuple[int | None, ...]], Response | None] | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.lefts = tuple(lefts)
        """Left sides in file order."""
        self.options = tuple(options)
        """Options in display order."""
        self.respond = respond
        self.set_reactive(MatchList.picks, (None,) * len(self.lefts))

    def compose(self) -> ComposeResult:
        """The lines, then the numbered options."""
        for line in range(len(self.lefts)):
            yield _MatchLine(line)
        yield Static(shown("Options"), classes="match-heading")
        for number in range(1, len(self.options) + 1):
            yield _MatchOption(number)

    def on_mount(self) -> None:
        """Fill the lines and the options."""
        for option in self.query(_MatchOption):
            option.update(Content.assemble((f"{option.number}. ", "bold"), shown(self.options[option.number - 1])))
        self._redraw()

    @property
    def answer(self) -> tuple[int | None, ...]:
        """The picks: per line, the display index of the option picked, or None."""
        return self.picks

    def row_count(self) -> int:
        """How many lines (left sides) there are."""
        return len(self.lefts)

    def _redraw(self) -> None:
        """Show each line's pick, the chosen line, and any verdicts."""
        lines = list(self.query(_MatchLine))
        if len(lines) != len(self.lefts):
            return
        for line in lines:
            k = line.line
            chosen = k == self.chosen and not self.locked
            line.query_one(".match-marker", Static).update("▸" if chosen else "")
            line.query_one(".match-left", Static).update(shown(self.lefts[k]))
            pick = self.picks[k]
            if pick is None:
                pick_text = Content.assemble(("→ ", "bold"), (f"(pick 1–{len(self.options)})", "$text-muted"))
            else:
                pick_text = Content.assemble(("→ ", "bold"), (f"{pick + 1}. ", "bold"), shown(self.options[pick]))
            if k in self.marks:
                pick_text = Content.assemble(pick_text, "  ", self.marks[k])
            line.query_one(".match-pick", Static).update(pick_text)
            line.set_class(chosen, "-chosen")

    def watch_picks(self) -> None:
        """Redraw after a pick."""
        self._redraw()


    def pick(self, line: int, option: int | None, *, advance: bool = False) -> None:
        """Pick option ``option`` (display index, None clears) for ``line``.

        With ``advance``, the next line still without a pick is chosen afterwards.
        """
        if self.locked or not 0 <= line < len(self.lefts):
            return
        if option is not None and not 0 <= option < len(self.options):
            return
        picks = list(self.picks)
        picks[line] = option
        self.picks = tuple(picks)
        self.answer_changed()
        if advance:
            open_lines = [k for k in range(len(self.lefts)) if self.picks[k] is None]
            later = [k for k in open_lines if k > line] or open_lines
            if later:
                self.chosen = later[0]

    def action_pick_number(self, number: int) -> None:
        """Pick option ``number`` (1-based) for the chosen line, then go to the next open
        line; say so when there is no such option."""
        if not 1 <= number <= len(self.options):
            if not self.locked:
                self.notify(f"There is no option {number}.", severity="warning", markup=False)
            return
        self.pick(self.chosen, number - 1, advance=True)

    def action_step(self, step: int) -> None:
        """Pick the previous (-1) or next (+1) option for the chosen line."""
        current = self.picks[self.chosen] if self.picks else None
        start = -1 if current is None and step > 0 else (len(self.options) if current is None else current)
        self.pick(self.chosen, (start + step) % len(self.options))

    def action_clear(self) -> None:
        """Clear the chosen line's pick."""
        self.pick(self.chosen, None)

    def action_check(self) -> None:
        """Ask to check the answer."""
        self.request_check()

    @on(LineClicked)
    def _line_clicked(self, event: LineClicked) -> None:
        event.stop()
        self.focus()
        if not self.locked:
            self.chosen = event.line

    @on(OptionClicked)
    def _option_clicked(self, event: OptionClicked) -> None:
        event.stop()
        self.focus()
        self.pick(self.chosen, event.number - 1, advance=True)


class MatchWidget(QuestionWidget):
    """A ``match`` question: pick the right-hand option for each left side.

    The options (right sides and distractors) are listed once, numbered, in the
    session's shuffled order; each line shows the option picked for it.
    """

    question: MatchQuestion
    empty_message = "Pick an option for each line first."

    def compose(self) -> ComposeResult:
        """The lines and the options."""
        options = self.question.right_options
        yield MatchList(
            [pair.left for pair in self.question.pairs],
            [options[i] for i in self.order],
            respond=self.make_response,
            id="lines",
            classes="answer-control",
        )

    @property
    def match_list(self) -> MatchList:
        """The lines and options."""
        return self.query_one(MatchList)

    @property
    def has_answer(self) -> bool:
        """True once any line has a pick."""
        return any(pick is not None for pick in self.match_list.picks)

    def answer_problem(self) -> str | None:
        """Lines still without a pick, in words; None when every line has one (or none does)."""
        picks = self.match_list.picks
        missing = sum(pick is None for pick in picks)
        if not missing or missing == len(picks):
            return None
        lines = "line" if missing == 1 else "lines"
        return f"Pick an option for every line: {missing} {lines} still open."

    def how_to(self) -> str:
        """How to pick, by keys and by mouse."""
        count = len(self.question.right_options)
        return f"Match each line with an option: ↑↓ choose a line, 1–{count} pick its option, or click."

    def status_text(self) -> str:
        """What is left to do."""
        problem = self.answer_problem()
        if problem:
            return problem
        return "Press enter to check your answer." if self.has_answer else "Pick an option for every line."

    def make_response(self, picks: tuple[int | None, ...]) -> Response | None:
        """A :class:`MatchResponse` in FILE order, or None while a line has no pick."""
        if any(pick is None for pick in picks):
            return None
        return MatchResponse(tuple(self.order[pick] for pick in picks))  # type: ignore[index]

    def show_verdict(self, response: Response) -> None:
        """Mark each line: right, or what the right option was."""
        matches = response.matches if isinstance(response, MatchResponse) else ()
        options = self.question.right_options
        marks: dict[int, Content] = {}
        for line, pair in enumerate(self.question.pairs):
            picked = matches[line] if line < len(matches) else None
            if picked == line:
                marks[line] = _right_mark("✓")
            else:
                marks[line] = Content.assemble(_wrong_mark("✗ right: "), (shown(options[line])))
        self.match_list.set_verdicts(marks)


WIDGETS: dict[str, type[QuestionWidget]] = {
    "single": SingleChoiceWidget,
    "multiple": MultipleChoiceWidget,
    "true_false": TrueFalseWidget,
    "short_answer": ShortAnswerWidget,
    "numeric": NumericWidget,
    "order": OrderWidget,
    "match": MatchWidget,
}
"""Question ``type`` -> the widget class that asks it."""


def question_widget(question: AnyQuestion, order: Sequence[int] = (), *, id: str | None = None) -> QuestionWidget:
    """Return the widget that asks ``question`` (what it shows in display ``order``).

    Raises:
        KeyError: no widget is registered for the question's type.
    """
    return WIDGETS[question.type](question, order, id=id)


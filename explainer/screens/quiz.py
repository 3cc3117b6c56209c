"""The quiz: one question at a time, then feedback on the answer."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from explainer.pack import Response, Score
from explainer.session import QuizSession
from explainer.widgets import Feedback, QuestionWidget, TopBar, question_widget


def _points(value: float) -> str:
    """``1.0`` -> ``"1"``, ``1.5`` -> ``"1.5"``."""
    return f"{value:g}"


class QuizScreen(Screen[None]):
    """Asks the current question of a :class:`~explainer.session.QuizSession`.

    One screen per question: "next" replaces it with the screen for the next question
    (or the results after the last). Dialogs opened on top (glossary, the linked
    section...) leave it exactly as it was, answer in progress included.

    Args:
        session: the attempt being taken; its ``current`` question is asked.
    """

    CSS_PATH = "quiz.tcss"
    AUTO_FOCUS = "#choices"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next", "Next", id="quiz-next", tooltip="Go on to the next question"),
        Binding("enter", "next", "Next", show=False, id="quiz-next-enter"),
        Binding("r", "read_section", "Read section", id="quiz-read-section", tooltip="Read the section that teaches this"),
        Binding("escape", "leave", "Leave", id="quiz-leave", tooltip="Back to the start; the quiz waits where you left it"),
    ]

    answered: var[bool] = var(False)
    """True once the reader's answer has been checked."""

    def __init__(self, session: QuizSession) -> None:
        super().__init__()
        self.session = session
        """The attempt being taken."""
        question = session.current
        if question is None:
            raise ValueError("the quiz session has no question left to ask")
        self.question = question
        """The question this screen asks."""
        self.number = session.position + 1
        """The question's 1-based position in the attempt."""

    # ---------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        """Bar, prompt, choices, check button, room for feedback, footer."""
        title = "Review your mistakes" if self.session.review else self.session.pack.quiz.title
        yield TopBar(title, self._progress(), id="top")
        with VerticalScroll(id="quiz-body"):
            kind = {
                "single": "Pick one answer.",
                "multiple": "Pick every right answer.",
                "true_false": "True or false?",
            }.get(self.question.type, "")
            yield Static(Content(f"Question {self.number} of {self.session.total}"), id="question-number")
            yield Static(Content(self.question.prompt), id="prompt")
            yield Static(Content(kind), id="question-kind")
            yield question_widget(self.question, self.session.choice_order(self.question.id), id="question")
            with Horizontal(id="check-row"):
                yield Button("Check answer", id="check", variant="primary", disabled=True)
                yield Static(self._status(None), id="status")
        yield Footer(compact=True, show_command_palette=False)

    def _progress(self) -> str:
        """``"Question k of N · Score so far: x/y"``."""
        session = self.session
        return (
            f"Question {self.number} of {session.total} · "
            f"Score so far: {_points(session.points)}/{_points(session.points_answered)}"
        )

    def _status(self, response: Response | None) -> Content:
        """The hint beside the check button."""
        if response is None:
            return Content("Pick with ↑↓ and space, or press a number.")
        return Content("Press enter to check your answer.")

    # ---------------------------------------------------------------- answering

    @property
    def question_widget(self) -> QuestionWidget:
        """The widget asking the question."""
        return self.query_one("#question", QuestionWidget)

    @on(QuestionWidget.AnswerChanged)
    def _answer_changed(self, event: QuestionWidget.AnswerChanged) -> None:
        """Enable the check button once something is picked."""
        self.query_one("#check", Button).disabled = event.response is None
        self.query_one("#status", Static).update(self._status(event.response))

    @on(QuestionWidget.CheckRequested)
    def _check_requested(self, event: QuestionWidget.CheckRequested) -> None:
        if self.answered:
            self.action_next()
        else:
            self.check(event.response)

    @on(Button.Pressed, "#check")
    def _check_pressed(self) -> None:
        self.check(self.question_widget.response)

    def check(self, response: Response | None) -> Score | None:
        """Score ``response``, lock the choices and show the feedback.

        Returns the score, or None (and a note to the reader) if nothing is picked.
        """
        if self.answered:
            return None
        if response is None:
            self.notify("Pick an answer first.", markup=False)
            return None
        result = self.session.submit(self.question.id, response)
        self.answered = True
        self.question_widget.show_verdict(response)
        self.query_one("#check-row").display = False
        section = self.session.pack.section(self.question.section)
        last = self.session.position >= self.session.total - 1
        feedback = Feedback(
            self.question,
            response,
            result,
            section_title=section.title,
            next_label="see your results" if last else "next question",
        )
        body = self.query_one("#quiz-body", VerticalScroll)
        body.mount(feedback)
        self.query_one("#top", TopBar).set_right(self._progress())
        body.focus()
        self.call_after_refresh(feedback.scroll_visible, top=True, animate=False)
        self.refresh_bindings()
        return result

    # ---------------------------------------------------------------- after

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Next and read-section work once the answer has been checked."""
        if action in ("next", "read_section"):
            return self.answered
        return True

    def action_next(self) -> None:
        """The next question, or the results after the last one."""
        if not self.answered:
            return
        app = self.app
        if self.session.advance() is None:
            app.show_results()  # type: ignore[attr-defined]
        else:
            app.start_quiz(self.session)  # type: ignore[attr-defined]

    def action_leave(self) -> None:
        """Back to the welcome screen; the attempt is kept, to continue from there."""
        self.app.leave_quiz()  # type: ignore[attr-defined]

    def action_read_section(self) -> None:
        """Show the section that teaches this question; escape comes back here."""
        if self.answered:
            self.app.open_section(self.question.section)  # type: ignore[attr-defined]

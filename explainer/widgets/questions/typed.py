"""What the question widgets answered by typing share (short_answer, numeric): a text
box, a line for problems and a line for the verdict. The kind reads the typed text
(:meth:`explainer.kinds.QuestionKind.read_typed`), so the app keeps exactly what plain
mode keeps."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from explainer import wording
from explainer.i18n import N_, _
from explainer.kinds import InputProblem
from explainer.pack import AnyQuestion, Response
from explainer.widgets.questions.base import AnswerControl, QuestionWidget
from explainer.widgets.questions.controls import AnswerInput
from explainer.widgets.text import shown


class TypedAnswerWidget(QuestionWidget):
    """A question answered by typing: a text box; enter checks."""

    placeholder: ClassVar[str] = N_("Type your answer here")
    """Shown in the empty box (in English, marked with ``N_``; translated when shown)."""

    max_length: ClassVar[int] = 200
    """Longest answer the box takes."""

    empty_message = N_("Type your answer first.")

    def __init__(self, question: AnyQuestion, order: Sequence[int] = (), *, id: str | None = None) -> None:
        super().__init__(question, order, id=id)
        self.text = ""
        """What the reader has typed."""

    def compose(self) -> ComposeResult:
        """The text box, a line for problems, and a line for the verdict."""
        yield AnswerInput(
            respond=self.parse,
            placeholder=_(self.placeholder),
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
        return _("Press enter to check your answer.") if self.has_answer else _("Type your answer in the box.")

    def parse(self, text: str) -> Response | None:
        """The response to the typed text (the kind reads it); None while there is
        nothing to score (only spaces, or a number that is not a number)."""
        try:
            return self.kind.read_typed(self.question, text)
        except InputProblem:
            return None

    def answer_problem(self) -> str | None:
        """The reader-facing reason the typed text cannot be scored, if it cannot."""
        if not self.has_answer:
            return None
        try:
            self.kind.read_typed(self.question, self.text)
        except InputProblem as problem:
            return str(problem)
        return None

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
        self.input.set_verdicts({})
        self._clear_problem()
        verdict = self.query_one("#answer-verdict", Static)
        correct = self.kind.score(self.question, response).correct
        style = "$text-success" if correct else "$text-error"
        verdict.update(Content.assemble((wording.typed_verdict(correct), style)))
        verdict.add_class("-shown")

"""The results of an attempt: score, pass or fail, and every question with both answers."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from explainer.session import QuestionResult, QuizSession
from explainer.widgets import TopBar


def _points(value: float) -> str:
    """``1.0`` -> ``"1"``, ``1.5`` -> ``"1.5"``, ``2/3`` -> ``"0.67"``."""
    return f"{round(value, 2):g}"


def result_content(line: QuestionResult) -> Content:
    """One question of the results as text: verdict in words, prompt, both answers, and
    whether the hint was used."""
    if line.correct:
        verdict = Content.from_markup("[b $text-success]✓ Correct[/]")
    elif line.score.points > 0:
        verdict = Content.from_markup("[b $text-warning]◐ Partly right[/]")
    else:
        verdict = Content.from_markup("[b $text-error]✗ Missed[/]")
    points = f"  ({_points(line.score.points)} of {_points(line.score.max_points)})"
    if line.hint_used:
        points += " · hint used"
    return Content.assemble(
        verdict,
        (points, "dim"),
        "\n",
        (f"{line.number}. ", "bold"),
        Content(line.question.prompt),
        "\n",
        ("Your answer: ", "bold"),
        Content(line.your_answer),
        "\n",
        ("Right answer: ", "bold"),
        Content(line.right_answer),
    )


class ResultsScreen(Screen[None]):
    """Score, pass/fail in words, every question, and what to do next.

    Args:
        session: the finished attempt.
    """

    CSS_PATH = "results.tcss"
    AUTO_FOCUS = "#results-body"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "retake", "Retake", id="results-retake", tooltip="Take the whole quiz again"),
        Binding("m", "review", "Review", id="results-review", tooltip="Answer only the missed questions again"),
        Binding("b", "read_missed", "Reread", id="results-read", tooltip="Read the sections behind your mistakes"),
    ]

    def __init__(self, session: QuizSession) -> None:
        super().__init__()
        self.session = session
        """The finished attempt."""

    def compose(self) -> ComposeResult:
        """Bar, summary, one block per question, buttons, footer."""
        session = self.session
        missed = session.missed()
        title = "Results of your review" if session.review else "Results"
        yield TopBar(title, f"{len(missed)} missed of {session.total}")
        with VerticalScroll(id="results-body"):
            yield Static(self._summary(), id="summary")
            for line in session.results():
                kind = "-correct" if line.correct else ("-partial" if line.score.points > 0 else "-missed")
                yield Static(result_content(line), classes=f"result {kind}")
        with Horizontal(id="results-actions"):
            yield Button("Retake (r)", id="retake", variant="primary")
            yield Button("Review mistakes (m)", id="review", disabled=not missed)
            yield Button("Read missed sections (b)", id="read-missed", disabled=not missed)
        yield Footer(compact=True, show_command_palette=False)

    def _summary(self) -> Content:
        """Score, percentage, and PASS/FAIL against the pass mark, in words."""
        session = self.session
        percent = round(session.fraction * 100)
        mark = round(session.pack.quiz.pass_mark * 100)
        if session.passed:
            verdict = Content.from_markup(f"[b $text-success]PASS[/] (the pass mark is {mark}%)")
        else:
            verdict = Content.from_markup(f"[b $text-error]FAIL[/] (the pass mark is {mark}%)")
        score = f"You scored {_points(session.points)} of {_points(session.max_points)} points ({percent}%)."
        return Content.assemble((score, "bold"), "\n", verdict)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Review and read-missed need at least one mistake."""
        if action in ("review", "read_missed"):
            return None if not self.session.missed() else True
        return True

    @on(Button.Pressed, "#retake")
    def action_retake(self) -> None:
        """Take the whole quiz again."""
        self.app.start_quiz()  # type: ignore[attr-defined]

    @on(Button.Pressed, "#review")
    def action_review(self) -> None:
        """Answer exactly the missed questions again."""
        if self.session.missed():
            self.app.start_quiz(self.session.review_session())  # type: ignore[attr-defined]

    @on(Button.Pressed, "#read-missed")
    def action_read_missed(self) -> None:
        """Read the sections that teach the missed questions; escape comes back here."""
        from explainer.screens.explainer import ExplainerScreen

        sections = self.session.missed_sections()
        if sections:
            self.app.push_screen(ExplainerScreen(0, sections))

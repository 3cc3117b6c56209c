"""The results of an attempt: score, pass or fail (or, for a review round, how many were
right), the sections behind the mistakes, every question with both answers, and what to
do next: retake, review (the review queue of :mod:`explainer.review`), reread, history."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Static

from explainer import wording
from explainer.session import QuestionResult, QuizSession
from explainer.screens.base import UsesExplainerApp
from explainer.widgets import KeyFooter, TopBar
from explainer.widgets.text import shown


def result_content(line: QuestionResult) -> Content:
    """One question of the results as text: verdict in words, prompt, both answers, and
    whether the hint was used."""
    if line.correct:
        verdict = Content.from_markup("[b $text-success]✓ Correct[/]")
    elif line.score.points > 0:
        verdict = Content.from_markup("[b $text-warning]◐ Partly right[/]")
    else:
        verdict = Content.from_markup("[b $text-error]✗ Missed[/]")
    points = f"  ({wording.points(line.score.points)} of {wording.points(line.score.max_points)})"
    if line.hint_used:
        points += " · hint used"
    return Content.assemble(
        verdict,
        (points, "dim"),
        "\n",
        (f"{line.number}. ", "bold"),
        shown(line.question.prompt),
        "\n",
        ("Your answer: ", "bold"),
        shown(line.your_answer),
        "\n",
        ("Right answer: ", "bold"),
        shown(line.right_answer),
    )


class ResultsScreen(UsesExplainerApp, Screen[None]):
    """Score, pass/fail in words, every question, and what to do next.

    Args:
        session: the finished attempt.
    """

    CSS_PATH = "results.tcss"
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [(0, "-narrow"), (80, "-wide")]
    """Below 80 columns the four action buttons sit in two rows of two."""
    AUTO_FOCUS = "#results-body"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "retake", "Retake", id="results-retake", tooltip="Take the whole quiz again"),
        Binding("m", "review", "Review", id="results-review", tooltip="Answer the questions due for review"),
        Binding("b", "read_missed", "Reread", id="results-read", tooltip="Read the sections behind your mistakes"),
        Binding("y", "history", "History", show=False, id="results-history", tooltip="Every attempt and its score"),
    ]

    PAGE: ClassVar[int] = 100
    """How many answers are listed at first, and how many more each "show more" adds:
    a pack of 100,000 questions lists its results as fast as one of 29."""

    def __init__(self, session: QuizSession) -> None:
        super().__init__()
        self.session = session
        """The finished attempt."""
        self._review_ids: list[str] | None = None
        self._missed: list[str] | None = None
        self._results = session.results()
        self._listed = 0

    @property
    def review_ids(self) -> list[str]:
        """The questions a review round would ask now (missed now or still due); worked
        out once per screen, since key bindings ask for it after every key."""
        if self._review_ids is None:
            self._review_ids = self.explainer_app.review_ids()
        return self._review_ids

    @property
    def missed(self) -> list[str]:
        """Ids of the questions missed in this attempt (worked out once per screen)."""
        if self._missed is None:
            self._missed = self.session.missed()
        return self._missed

    def _result_blocks(self) -> list[Static]:
        """The next :attr:`PAGE` answers of the attempt, one block each."""
        blocks = []
        for line in self._results[self._listed : self._listed + self.PAGE]:
            kind = "-correct" if line.correct else ("-partial" if line.score.points > 0 else "-missed")
            blocks.append(Static(result_content(line), classes=f"result {kind}"))
        self._listed += len(blocks)
        return blocks

    def _more_label(self) -> str:
        """``"Show the next 100 answers (200 of 1,000 shown)"``."""
        left = len(self._results) - self._listed
        return f"Show the next {min(self.PAGE, left):,} answers ({self._listed:,} of {len(self._results):,} shown)"

    def compose(self) -> ComposeResult:
        """Bar, summary, one block per question, buttons, footer."""
        session = self.session
        missed = self.missed
        due = self.review_ids
        title = "Results of your review round" if session.review else "Results"
        yield TopBar(title, f"{len(missed)} missed of {session.total}")
        with VerticalScroll(id="results-body"):
            yield Static(self._summary(due), id="summary")
            yield from self._result_blocks()
            if self._listed < len(self._results):
                yield Button(self._more_label(), id="more-results", compact=True)
        with Horizontal(id="results-actions"):
            yield Button("Retake (r)", id="retake", variant="primary")
            yield Button("Review mistakes (m)", id="review", disabled=not due)
            yield Button("Reread (b)", id="read-missed", disabled=not missed)
            yield Button("History (y)", id="history")
        yield KeyFooter()

    def _summary(self, due: list[str]) -> Content:
        """Score and PASS/FAIL against the pass mark in words (a review round: how many
        were right), the sections behind the mistakes, and what is due for review."""
        session = self.session
        percent = wording.percent(session.fraction, session.pack.quiz.pass_mark, session.passed)
        mark = wording.pass_mark(session.pack.quiz.pass_mark)
        lines: list[Content] = []
        if session.review:
            right = sum(line.correct for line in self._results)
            lines.append(Content.styled(f"Review round: {right} of {session.total} right.", "bold"))
        else:
            score = f"You scored {wording.points(session.points)} of {wording.points(session.max_points)} points ({percent})."
            lines.append(Content.styled(score, "bold"))
            if session.passed:
                lines.append(Content.from_markup(f"[b $text-success]PASS[/] (the pass mark is {mark})"))
            else:
                lines.append(Content.from_markup(f"[b $text-error]FAIL[/] (the pass mark is {mark})"))
        sections = session.missed_sections()
        if sections:
            pack = session.pack
            names = [
                Content.assemble(f"{pack.section_index(sid) + 1}. ", shown(pack.section(sid).title))
                for sid in sections
            ]
            lines.append(Content.assemble(("Read again (b): ", "bold"), shown("; ").join(names)))
        if due:
            word = "question is" if len(due) == 1 else "questions are"
            lines.append(shown(f"{len(due)} {word} due for review (m): missed, and not yet right twice in a row."))
        elif session.review:
            lines.append(shown("Nothing is left to review: every missed question has been right twice in a row."))
        return shown("\n").join(lines)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Review needs a question due; read-missed needs at least one mistake."""
        if action == "review":
            return None if not self.review_ids else True
        if action == "read_missed":
            return None if not self.missed else True
        return True

    @on(Button.Pressed, "#more-results")
    def show_more(self) -> None:
        """List the next :attr:`PAGE` answers above the button (which goes once all are
        listed)."""
        button = self.query_one("#more-results", Button)
        self.query_one("#results-body").mount_all(self._result_blocks(), before=button)
        if self._listed < len(self._results):
            button.label = self._more_label()
        else:
            button.remove()

    @on(Button.Pressed, "#retake")
    def action_retake(self) -> None:
        """Take the whole quiz again."""
        self.explainer_app.start_quiz()

    @on(Button.Pressed, "#review")
    def action_review(self) -> None:
        """A review round: the questions due for review, the one waiting longest first."""
        ids = self.review_ids
        if ids:
            self.explainer_app.start_quiz(self.session.review_session(ids))

    @on(Button.Pressed, "#read-missed")
    def action_read_missed(self) -> None:
        """Read the sections that teach the missed questions; escape comes back here."""
        from explainer.screens.explainer import ExplainerScreen

        sections = self.session.missed_sections()
        if sections:
            self.app.push_screen(ExplainerScreen(0, sections))

    @on(Button.Pressed, "#history")
    def action_history(self) -> None:
        """Every attempt at the quiz, with a chart of the scores."""
        self.explainer_app.action_history()

"""The results of an attempt as a report: the score and pass state in words (or, for a
review round, how many were right), a bar per section (weakest first, each opening its
section), the review queue as it now stands, every answer grouped by section, and what
to do next: retake, review (:mod:`explainer.review`), reread, history."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from explainer import i18n, wording
from explainer.i18n import N_, _, ngettext
from explainer.session import QuestionResult, QuizSession
from explainer.screens.base import UsesExplainerApp
from explainer.widgets import KeyFooter, TopBar
from explainer.widgets.text import shown
from explainer.widgets.wrap import NO_BREAK, Hanging

BAR_CELLS = 10
"""Width of a section's bar in the results, in cells."""


def result_content(line: QuestionResult) -> Content:
    """One question of the results as text: verdict in words, prompt, both answers, and
    whether the hint was used."""
    if line.correct:
        verdict = Content.styled("✓ " + _("Correct"), "b $text-success")
    elif line.score.points > 0:
        verdict = Content.styled("◐ " + _("Partly right"), "b $text-warning")
    else:
        verdict = Content.styled("✗ " + _("Missed"), "b $text-error")
    points = _("({points} of {total}) · hint used") if line.hint_used else _("({points} of {total})")
    points = "  " + points.format(points=wording.points(line.score.points), total=wording.points(line.score.max_points))
    return Content.assemble(
        verdict,
        (points, "dim"),
        "\n",
        (f"{line.number}. ", "bold"),
        shown(line.question.prompt),
        "\n",
        (_("Your answer:") + " ", "bold"),
        shown(line.your_answer),
        "\n",
        (_("Right answer:") + " ", "bold"),
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
        Binding("r", "retake", N_("Retake"), id="results-retake", tooltip=N_("Take the whole quiz again")),
        Binding("m", "review", N_("Review"), id="results-review", tooltip=N_("Answer the questions due for review")),
        Binding("b", "read_missed", N_("Reread"), id="results-read", tooltip=N_("Read the sections behind your mistakes")),
        Binding("y", "history", N_("History"), show=False, id="results-history", tooltip=N_("Every attempt and its score")),
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
        self._sections = session.section_scores()
        order = {section.id: i for i, section in enumerate(session.pack.sections)}
        self.grouped = sorted(self._results, key=lambda line: order.get(line.question.section, len(order)))
        """The answers grouped by section (reading order), in the order asked within each."""
        self._last_section: str | None = None
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
        """The next :attr:`PAGE` answers of the attempt, one block each, under a heading
        for each section (answers grouped by section, in reading order)."""
        blocks: list[Static] = []
        pack = self.session.pack
        page = self.grouped[self._listed : self._listed + self.PAGE]
        for line in page:
            section_id = line.question.section
            if section_id != self._last_section:
                self._last_section = section_id
                number = pack.section_index(section_id) + 1
                heading = Content.assemble((f"{number}. ", "bold"), shown(pack.section(section_id).title).stylize("bold"))
                blocks.append(Static(heading, classes="answers-heading"))
            kind = "-correct" if line.correct else ("-partial" if line.score.points > 0 else "-missed")
            blocks.append(Static(result_content(line), classes=f"result {kind}"))
        self._listed += len(page)
        return blocks

    def _section_rows(self) -> list[Option]:
        """One row per section: a bar of the points earned, the share, the title."""
        pack = self.session.pack
        rows = []
        for score in self._sections:
            filled = round(score.fraction * BAR_CELLS)
            bar = "█" * filled + "░" * (BAR_CELLS - filled)
            share = f"{round(score.fraction * 100):>3}%"
            number = pack.section_index(score.section_id) + 1
            head = Content.assemble((bar, "$text-success" if score.fraction >= 1 else "$text-warning"), f" {share}  ")
            title = Content.assemble(
                f"{number}. ",
                shown(pack.section(score.section_id).title),
                ((" " + self._section_points(score.points, score.max_points)).replace(" ", NO_BREAK), "dim"),
            )
            rows.append(Option(Hanging([(head, title)])))
        return rows

    @staticmethod
    def _section_points(points: float, max_points: float) -> str:
        """``"(2 of 3 points)"``, ``"(0.5 of 1 point)"``."""
        return ngettext("({points} of {count} point)", "({points} of {count} points)", max_points).format(
            points=wording.points(points), count=wording.points(max_points)
        )

    def _more_label(self) -> str:
        """``"Show the next 100 answers (200 of 1,000 shown)"``."""
        left = min(self.PAGE, len(self._results) - self._listed)
        return ngettext(
            "Show the next {count} answer ({listed} of {total} shown)",
            "Show the next {count} answers ({listed} of {total} shown)",
            left,
        ).format(count=i18n.number(left, 0), listed=i18n.number(self._listed, 0), total=i18n.number(len(self._results), 0))

    def compose(self) -> ComposeResult:
        """Bar, summary, one block per question, buttons, footer."""
        session = self.session
        missed = self.missed
        due = self.review_ids
        title = _("Results of your review round") if session.review else _("Results")
        yield TopBar(title, _("{missed} missed of {total}").format(missed=len(missed), total=session.total))
        with VerticalScroll(id="results-body"):
            yield Static(self._summary(due), id="summary")
            yield Static(Content.styled(_("By section, weakest first (enter opens it)"), "bold"), classes="results-heading")
            yield OptionList(*self._section_rows(), id="by-section", markup=False)
            yield Static(Content.styled(_("Your answers, by section"), "bold"), classes="results-heading")
            yield from self._result_blocks()
            if self._listed < len(self._results):
                yield Button(self._more_label(), id="more-results", compact=True)
        with Horizontal(id="results-actions"):
            yield Button(_("Retake (r)"), id="retake", variant="primary")
            yield Button(_("Review mistakes (m)"), id="review", disabled=not due)
            yield Button(_("Reread (b)"), id="read-missed", disabled=not missed)
            yield Button(_("History (y)"), id="history")
        yield KeyFooter()

    def _summary(self, due: list[str]) -> Content:
        """The score and the pass state in words (a review round: how many were right),
        and the review queue as it stands now (:func:`explainer.wording.due_line`)."""
        session = self.session
        pass_mark = session.pack.quiz.pass_mark
        lines: list[Content] = []
        if session.review:
            right = sum(line.correct for line in self._results)
            lines.append(Content.styled(_("Review round: {right} of {total} right.").format(right=right, total=session.total), "bold"))
        else:
            score = ngettext(
                "You scored {points} of {total} point.", "You scored {points} of {total} points.", session.max_points
            ).format(points=wording.points(session.points), total=wording.points(session.max_points))
            lines.append(Content.styled(score, "bold"))
            state = wording.score_summary(session.fraction, pass_mark, session.passed)
            lines.append(shown(state).stylize("bold $text-success" if session.passed else "bold $text-warning"))
        if due:
            lines.append(shown(wording.due_line(len(due), self.explainer_app.flow.right_once())))
        elif session.review:
            lines.append(shown(wording.due_line(0, 0)))
        if self.missed:
            lines.append(shown(_("Read the sections behind your mistakes: b.")))
        return shown("\n").join(lines)

    @on(OptionList.OptionSelected, "#by-section")
    def _open_section(self, event: OptionList.OptionSelected) -> None:
        """Open the picked section over the results (escape comes back here)."""
        self.explainer_app.open_section(self._sections[event.option_index].section_id)

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

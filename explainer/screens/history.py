"""History: every finished attempt at the pack, with a chart of the scores over time."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from explainer import i18n, wording
from explainer.history import AttemptRow
from explainer.i18n import _, ngettext
from explainer.screens.base import OverlayScreen, ReferenceScreen
from explainer.storage import Attempt
from explainer.widgets import KeyFooter, TopBar
from explainer.widgets.text import shown

CHART_ROWS = 4
"""Height of the chart in rows (each row holds eight steps of a bar)."""
CHART_MAX = 30
"""The chart shows the latest attempts, at most this many."""
TABLE_MAX = 1_000
"""The table lists the latest attempts, at most this many (``explainer results`` lists
every one): a Static of 50,000 lines takes seconds to lay out."""
_EIGHTHS = " ▁▂▃▄▅▆▇█"
PASS_LINE = "╌"
"""Draws the pass mark across the chart where no bar covers it."""


def attempts_header() -> Content:
    """The heading line of the table of attempts (:func:`attempt_line`)."""
    finished, kind, score, result = _("finished"), _("kind"), _("score"), _("result")
    return Content.styled(f"{'#':>3}  {finished:<16}  {kind:<6}  {score:>11}  {'%':>4}  {result}", "bold")


def attempt_line(number: int, attempt: Attempt, pass_mark: float | None = None) -> Content:
    """One attempt as a line of the table: number, when it finished (local time, to the
    minute), kind, points, percentage and the result in words, as
    :class:`explainer.history.AttemptRow` gives them (the same figures as ``explainer
    results``); ``pass_mark`` sets the percentage's precision."""
    row = AttemptRow.of(number, attempt, pass_mark)
    score = _("{score} of {max_points}").format(score=row.score, max_points=row.max_points)
    text = f"{number:>3}  {row.date:<16}  {row.kind:<6}  {score:>11}  {row.percent + '%':>4}  "
    if attempt.review:
        style = "italic"
    else:
        style = "bold $text-success" if attempt.passed else "bold $text-warning"
    return Content.assemble(text, (row.result, style))


def attempts_table(attempts: Sequence[Attempt], first: int = 1, pass_mark: float | None = None) -> Content:
    """The table as text: :func:`attempts_header`, then one :func:`attempt_line` per
    attempt, oldest first; ``first`` is the number of the first one."""
    lines = [attempts_header()]
    lines += [attempt_line(number, attempt, pass_mark) for number, attempt in enumerate(attempts, start=first)]
    return shown("\n").join(lines)


def score_chart(attempts: Sequence[Attempt], pass_mark: float) -> Content:
    """A bar per attempt (the latest :data:`CHART_MAX`), its height the score in %, drawn
    with block characters so it reads without colour; review rounds are labelled ``r``.

    ::

        100% █ ▆
             █ █ █
             █ █ █
          0% █ █ █
             1 2 r
    """
    charted = list(enumerate(attempts, start=1))[-CHART_MAX:]
    steps = CHART_ROWS * 8
    heights = [round(a.fraction * steps) for _unused, a in charted]
    mark_height = min(steps - 1, max(0, round(pass_mark * steps)))
    mark_row = CHART_ROWS - 1 - mark_height // 8
    mark = wording.pass_mark(pass_mark)
    lines: list[Content] = []
    for row in range(CHART_ROWS):
        level = (CHART_ROWS - 1 - row) * 8
        label = "100% " if row == 0 else ("  0% " if row == CHART_ROWS - 1 else "     ")
        cells = []
        for height in heights:
            fill = max(0, min(8, height - level))
            cells.append(PASS_LINE if row == mark_row and fill == 0 else _EIGHTHS[fill])
        if row == mark_row:
            parts = Content.assemble((label, "dim"))
            for number, cell in enumerate(cells):
                if number:
                    parts = Content.assemble(parts, (PASS_LINE, "$text-warning"))
                style = "$text-warning" if cell == PASS_LINE else "$text-primary"
                parts = Content.assemble(parts, (cell, style))
            legend = " " + _("{line} pass mark {mark}").format(line=PASS_LINE, mark=mark)
            lines.append(Content.assemble(parts, (legend, "$text-warning")))
        else:
            lines.append(Content.assemble((label, "dim"), (" ".join(cells), "$text-primary")))
    numbers = " ".join("r" if a.review else str(n % 10) for n, a in charted)
    lines.append(Content.assemble(("     ", "dim"), (numbers, "dim")))
    first = charted[0][0]
    note = _(
        "Attempts {first} to {last} (last digit of the number; r: a review round). Pass mark {mark}: the {line} line."
    ).format(first=first, last=charted[-1][0], mark=mark, line=PASS_LINE)
    lines.append(shown(note).stylize("dim"))
    return shown("\n").join(lines)


class HistoryScreen(ReferenceScreen):
    """Every finished attempt at the pack: date, score, pass or not, review rounds
    marked, and a chart of the scores over the attempts with the pass mark drawn across
    it. Enter on an attempt shows its answers; escape goes back."""

    CSS_PATH = "history.tcss"
    AUTO_FOCUS = "#history-table"

    _listed: list[tuple[int, Attempt]] = []

    @on(OptionList.OptionSelected, "#history-table")
    def _open_attempt(self, event: OptionList.OptionSelected) -> None:
        """Show the answers of the picked attempt (escape comes back to this row)."""
        number, attempt = self._listed[event.option_index]
        if not attempt.answers:
            self.notify(
                _("This attempt was summarised to keep the progress file small: its answers are not kept."),
                markup=False,
            )
            return
        self.app.push_screen(AttemptScreen(number, attempt))

    def compose(self) -> ComposeResult:
        """Bar, chart, table of attempts, footer."""
        app = self.explainer_app
        attempts: tuple[Attempt, ...] = app.progress.attempts
        pack = app.pack
        quizzes = sum(not a.review for a in attempts)
        reviews = len(attempts) - quizzes
        counts = _("{attempts}, {reviews} · escape to go back").format(
            attempts=ngettext("{count} attempt", "{count} attempts", quizzes).format(count=quizzes),
            reviews=ngettext("{count} review round", "{count} review rounds", reviews).format(count=reviews),
        )
        with Vertical(id="history-frame", classes="reference-frame"):
            yield TopBar(_("History"), counts)
            with VerticalScroll(id="history-scroll"):
                if not attempts:
                    yield Static(
                        shown(_("No attempts yet. Take the quiz, and every attempt will be listed here with its score.")),
                        classes="empty",
                    )
                else:
                    yield Static(Content.styled(_("Scores over your attempts"), "bold"), classes="history-heading")
                    yield Static(score_chart(attempts, pack.quiz.pass_mark), id="history-chart")
                    listed = attempts[-TABLE_MAX:]
                    left_out = len(attempts) - len(listed)
                    if left_out:
                        heading = ngettext(
                            "The latest {count} attempt, oldest first", "The latest {count} attempts, oldest first", len(listed)
                        ).format(count=i18n.number(len(listed), 0))
                        note = ngettext(
                            "The {count} before them are not listed here; `explainer results` prints every attempt.",
                            "The {count} before them are not listed here; `explainer results` prints every attempt.",
                            left_out,
                        ).format(count=i18n.number(left_out, 0))
                    else:
                        heading, note = _("Every attempt, oldest first"), ""
                    yield Static(Content.styled(heading, "bold"), classes="history-heading")
                    if note:
                        yield Static(shown(note), id="history-left-out")
                    yield Static(attempts_header(), id="history-table-header")
                    self._listed = list(enumerate(listed, start=left_out + 1))
                    yield OptionList(
                        *[Option(attempt_line(n, a, pack.quiz.pass_mark)) for n, a in self._listed],
                        id="history-table",
                        markup=False,
                    )
                    yield Static(shown(_("enter on an attempt shows its answers")), id="history-tip")
        yield KeyFooter()


class AttemptScreen(OverlayScreen[None]):
    """The answers of one finished attempt, read-only: verdict, prompt, the reader's
    answer and the right one, grouped by section. A question changed since (or removed
    from the pack) is said to be so. Escape goes back to the history.

    Args:
        number: the attempt's number in the history (1-based).
        attempt: the attempt.
    """

    DEFAULT_CSS = """
    AttemptScreen #attempt-frame { width: 90%; height: 90%; border: thick $primary; background: $surface; }
    AttemptScreen #attempt-scroll { height: 1fr; padding: 0 1; }
    AttemptScreen .result { margin-bottom: 1; padding: 0 1; border-left: thick $success; }
    AttemptScreen .result.-missed { border-left: thick $error; }
    AttemptScreen .result.-partial { border-left: thick $warning; }
    AttemptScreen .answers-heading { margin-top: 1; color: $text-primary; }
    """
    AUTO_FOCUS = "#attempt-scroll"

    def action_close(self) -> None:
        """Back to the history, at the same attempt."""
        self.dismiss(None)

    def __init__(self, number: int, attempt: Attempt) -> None:
        super().__init__()
        self.number = number
        """The attempt's number in the history."""
        self.attempt = attempt
        """The attempt shown."""

    def compose(self) -> ComposeResult:
        """Bar, the answers by section, footer."""
        from explainer.kinds.base import Score
        from explainer.pack import describe_answer, describe_response
        from explainer.screens.results import result_content
        from explainer.session import QuestionResult
        from explainer.storage import question_hash

        pack = self.explainer_app.pack
        attempt = self.attempt
        when = wording.when(attempt.finished)
        if attempt.review:
            title = _("Review round {number}, {when}").format(number=self.number, when=when)
        else:
            title = _("Attempt {number}, {when}").format(number=self.number, when=when)
        lines: list[tuple[str | None, Static]] = []
        for position, answer in enumerate(attempt.answers, start=1):
            try:
                question = pack.question(answer.question)
            except KeyError:
                lines.append((None, Static(shown(_("{number}. (a question no longer in the pack)").format(number=position)), classes="result -missed")))
                continue
            score = Score(answer.points, answer.max_points, answer.correct)
            if question_hash(question) == answer.hash and answer.response is not None:
                yours = describe_response(question, answer.response)
            else:
                yours = _("(no answer)") if answer.response is None else _("(the question has changed since)")
            line = QuestionResult(position, question, None, score, yours, describe_answer(question), answer.hint_used)
            css = "-correct" if answer.correct else ("-partial" if answer.points > 0 else "-missed")
            lines.append((question.section, Static(result_content(line), classes=f"result {css}")))
        order = {section.id: i for i, section in enumerate(pack.sections)}
        lines.sort(key=lambda item: order.get(item[0] or "", len(order)))
        with Vertical(id="attempt-frame"):
            yield TopBar(title, _("escape to go back"))
            with VerticalScroll(id="attempt-scroll"):
                last: str | None = None
                for section_id, block in lines:
                    if section_id is not None and section_id != last:
                        last = section_id
                        title = pack.section(section_id).title
                        heading = Content.assemble((f"{order[section_id] + 1}. ", "bold"), shown(title).stylize("bold"))
                        yield Static(heading, classes="answers-heading")
                    yield block
        yield KeyFooter()

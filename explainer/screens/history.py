"""History: every finished attempt at the pack, with a chart of the scores over time."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from explainer import wording
from explainer.history import AttemptRow
from explainer.screens.base import ReferenceScreen
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


def attempts_table(attempts: Sequence[Attempt], first: int = 1, pass_mark: float | None = None) -> Content:
    """One line per attempt, oldest first: number, when it finished (local time, to the
    minute), kind, points, percentage and the result in words, as
    :class:`explainer.history.AttemptRow` gives them (the same figures as ``explainer
    results``). ``first`` is the number of the first one (when the older ones are left
    out); ``pass_mark`` sets the percentage's precision."""
    header = Content.styled(f"{'#':>3}  {'finished':<16}  {'kind':<6}  {'score':>11}  {'%':>4}  result", "bold")
    lines = [header]
    for number, attempt in enumerate(attempts, start=first):
        row = AttemptRow.of(number, attempt, pass_mark)
        score = f"{row.score} of {row.max_points}"
        text = f"{number:>3}  {row.date:<16}  {row.kind:<6}  {score:>11}  {row.percent + '%':>4}  "
        if attempt.review:
            style = "italic"
        else:
            style = "bold $text-success" if attempt.passed else "bold $text-error"
        lines.append(Content.assemble(text, (row.result, style)))
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
    heights = [round(a.fraction * steps) for _, a in charted]
    lines: list[Content] = []
    for row in range(CHART_ROWS):
        level = (CHART_ROWS - 1 - row) * 8
        label = "100% " if row == 0 else ("  0% " if row == CHART_ROWS - 1 else "     ")
        cells = []
        for height in heights:
            fill = max(0, min(8, height - level))
            cells.append(_EIGHTHS[fill])
        lines.append(Content.assemble((label, "dim"), (" ".join(cells), "$text-primary")))
    numbers = " ".join("r" if a.review else str(n % 10) for n, a in charted)
    lines.append(Content.assemble(("     ", "dim"), (numbers, "dim")))
    first = charted[0][0]
    mark = wording.pass_mark(pass_mark)
    note = f"Attempts {first} to {charted[-1][0]} (last digit of the number; r: a review round). Pass mark {mark}."
    lines.append(Content.styled(note, "dim"))
    return shown("\n").join(lines)


class HistoryScreen(ReferenceScreen):
    """Every finished attempt at the pack: date, score, pass or not, review rounds
    marked, and a chart of the scores over the attempts. Escape goes back."""

    CSS_PATH = "history.tcss"
    AUTO_FOCUS = "#history-scroll"

    def compose(self) -> ComposeResult:
        """Bar, chart, table of attempts, footer."""
        app = self.explainer_app
        attempts: tuple[Attempt, ...] = app.progress.attempts
        pack = app.pack
        quizzes = sum(not a.review for a in attempts)
        reviews = len(attempts) - quizzes
        summary = f"{quizzes} {'attempt' if quizzes == 1 else 'attempts'}, {reviews} review {'round' if reviews == 1 else 'rounds'}"
        with Vertical(id="history-frame", classes="reference-frame"):
            yield TopBar("History", f"{summary} · escape to go back")
            with VerticalScroll(id="history-scroll"):
                if not attempts:
                    yield Static(
                        shown("No attempts yet. Take the quiz, and every attempt will be listed here with its score."),
                        classes="empty",
                    )
                else:
                    yield Static(Content.styled("Scores over your attempts", "bold"), classes="history-heading")
                    yield Static(score_chart(attempts, pack.quiz.pass_mark), id="history-chart")
                    listed = attempts[-TABLE_MAX:]
                    left_out = len(attempts) - len(listed)
                    if left_out:
                        heading = f"The latest {len(listed):,} attempts, oldest first"
                        note = (
                            f"The {left_out:,} before them are not listed here;"
                            " `explainer results` prints every attempt."
                        )
                    else:
                        heading, note = "Every attempt, oldest first", ""
                    yield Static(Content.styled(heading, "bold"), classes="history-heading")
                    if note:
                        yield Static(shown(note), id="history-left-out")
                    yield Static(
                        attempts_table(listed, first=left_out + 1, pass_mark=pack.quiz.pass_mark), id="history-table"
                    )
        yield KeyFooter()

"""History: every finished attempt at the pack, with a chart of the scores over time."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

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


def _points(value: float) -> str:
    """``1.0`` -> ``"1"``, ``1.5`` -> ``"1.5"``, ``2/3`` -> ``"0.67"``."""
    return f"{round(value, 2):g}"


def percent(attempt: Attempt) -> int:
    """The attempt's score as a whole percentage, rounded down (so a score below the
    pass mark never shows it)."""
    return math.floor(attempt.fraction * 100 + 1e-9)


def local_time(moment: dt.datetime) -> str:
    """``2025-02-03 10:30``: a date-time in the local time zone, without seconds."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def verdict(attempt: Attempt) -> str:
    """The result in words: ``passed`` / ``not passed``, or for a review round
    ``k of n right``."""
    if attempt.review:
        return f"{attempt.correct_count} of {attempt.question_count} right"
    return "passed" if attempt.passed else "not passed"


def attempts_table(attempts: Sequence[Attempt], first: int = 1) -> Content:
    """One line per attempt, oldest first: number, date (local, no seconds), kind,
    points, percentage and the result in words. ``first`` is the number of the first
    one (when the older ones are left out)."""
    header = Content.styled(f"{'#':>3}  {'date':<16}  {'kind':<6}  {'score':>11}  {'%':>4}  result", "bold")
    lines = [header]
    for number, attempt in enumerate(attempts, start=first):
        kind = "review" if attempt.review else "quiz"
        score = f"{_points(attempt.score)} of {_points(attempt.max_points)}"
        text = f"{number:>3}  {local_time(attempt.started):<16}  {kind:<6}  {score:>11}  {percent(attempt):>3}%  "
        result = verdict(attempt)
        if attempt.review:
            style = "italic"
        else:
            style = "bold $text-success" if attempt.passed else "bold $text-error"
        lines.append(Content.assemble(text, (result, style)))
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
    mark = f"{round(pass_mark * 100, 4):g}%"
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
        app = self.app
        attempts: tuple[Attempt, ...] = app.progress.attempts  # type: ignore[attr-defined]
        pack = app.pack  # type: ignore[attr-defined]
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
                    yield Static(attempts_table(listed, first=left_out + 1), id="history-table")
        yield KeyFooter()

"""The words and numbers a reader sees, in one place: points, percentages, the pass
mark, pass and fail, verdicts, marks and dates.

Every front end (the app's screens, plain mode, ``explainer results`` as a table, CSV
or JSON) and every export shows numbers through these functions, so they agree:

- **Points** (:func:`points`): at most two decimal places, no trailing zeros:
  ``17.333333`` -> ``17.33``, ``1.0`` -> ``1``.
- **Percentages** (:func:`percent`): *rounded down* to the precision of the pass mark
  (whole percents for a pass mark such as 70%, tenths for 72.5%). Rounding down at that
  precision means a rounded score never reaches the pass mark unless the score does:
  69.6% is "69%" beside "not passed (the pass mark is 70%)", never "70%".
- **The pass mark** (:func:`pass_mark`): exactly as written, ``0.725`` -> ``72.5%``.
- **Outcome** (:func:`outcome`): ``passed`` / ``not passed`` for the whole quiz; a
  review round re-asks only missed questions, so it says ``11 of 12 right`` instead.
- **Verdicts** (:func:`verdict`): ``right``, ``partly right``, ``wrong``.
- **Dates and times** (:func:`when`, :func:`when_iso`): an attempt is dated by when it
  was *finished*, in the reader's local time (``docs/progress.md``).

Pure Python: no Textual.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from explainer.kinds.base import Mark, Score

MARK_DIGITS = 2
"""At most this many decimal places of a percentage (a pass mark of 0.7255 is shown,
and scores are rounded, to hundredths of a percent)."""


def points(value: float) -> str:
    """Points as shown: at most two decimals, no trailing zeros (``17.33``, ``1``, ``0.5``)."""
    rounded = round(float(value), 2)
    if rounded == 0:
        rounded = 0.0  # never "-0"
    return f"{rounded:g}" if abs(rounded) < 1e15 else f"{rounded:.0f}"


def plural(count: float, word: str) -> str:
    """``1 point``, ``2 points``, ``0.5 points`` (the count through :func:`points`)."""
    return f"{points(count)} {word}" if count == 1 else f"{points(count)} {word}s"


def mark_digits(pass_mark_: float | None) -> int:
    """How many decimals a percentage needs beside ``pass_mark_`` (0 to :data:`MARK_DIGITS`)."""
    if pass_mark_ is None:
        return 0
    scaled = pass_mark_ * 100
    for digits in range(MARK_DIGITS + 1):
        if abs(round(scaled, digits) - scaled) < 1e-9:
            return digits
    return MARK_DIGITS


def reaches(fraction: float, pass_mark_: float) -> bool:
    """True when a score of ``fraction`` (0..1) reaches ``pass_mark_`` (a hair of float
    error allowed: 7 of 10 reaches 0.7)."""
    return fraction + 1e-9 >= pass_mark_


def percent_value(fraction: float, pass_mark_: float | None = None, passed: bool | None = None) -> float:
    """``fraction`` (0..1) as a percentage rounded down at the pass mark's precision.

    Args:
        fraction: the score as a fraction of the points.
        pass_mark_: the pass mark it is shown beside (None: whole percents).
        passed: whether the score passed, as recorded (None: worked out with
            :func:`reaches`); the figure is kept on that side of the mark.

    Returns:
        e.g. ``0.696`` -> ``69.0``; ``0.7266`` beside ``0.725`` -> ``72.6``. When the
        pass mark itself needs more decimals than :data:`MARK_DIGITS` (a mark of 1/3),
        the figure is kept on the same side of the mark as shown by :func:`pass_mark`
        as the score is of the mark.
    """
    digits = mark_digits(pass_mark_)
    scale = 10**digits
    value = math.floor(fraction * 100 * scale + 1e-6) / scale
    if pass_mark_ is not None:
        mark = round(pass_mark_ * 100, digits)
        if passed is None:
            passed = reaches(fraction, pass_mark_)
        if passed and value < mark:
            value = mark
        elif not passed and value >= mark:
            value = (round(mark * scale) - 1) / scale
    return max(value, 0.0)


def percent(fraction: float, pass_mark_: float | None = None, passed: bool | None = None) -> str:
    """``fraction`` as shown: ``"69%"``, ``"72.6%"`` (see :func:`percent_value`)."""
    return percent_number(fraction, pass_mark_, passed) + "%"


def percent_number(fraction: float, pass_mark_: float | None = None, passed: bool | None = None) -> str:
    """:func:`percent` without the ``%`` sign (a CSV cell): ``"69"``, ``"72.6"``."""
    value = percent_value(fraction, pass_mark_, passed)
    digits = mark_digits(pass_mark_)
    return f"{value:.{digits}f}" if digits else str(int(value))


def fraction_of(score: float, max_points: float) -> float:
    """``score / max_points``, or 0 when there are no points."""
    return score / max_points if max_points else 0.0


def pass_mark(mark: float) -> str:
    """A pass mark as written, to :data:`MARK_DIGITS` decimals: ``0.7`` -> ``"70%"``,
    ``0.725`` -> ``"72.5%"``, ``1/3`` -> ``"33.33%"``."""
    return f"{round(mark * 100, MARK_DIGITS):g}%"


def passed_word(passed: bool) -> str:
    """``"passed"`` or ``"not passed"``."""
    return "passed" if passed else "not passed"


def outcome(passed: bool, review: bool, correct: int, questions: int) -> str:
    """What an attempt came to: ``passed`` / ``not passed``, or for a review round
    ``"11 of 12 right"``."""
    if review:
        return f"{correct} of {questions} right"
    return passed_word(passed)


def score_summary(fraction: float, pass_mark_: float, passed: bool) -> str:
    """The score and pass state in words: ``"Passed: 83%, pass mark 70%"`` or ``"Not
    passed yet: 60%, pass mark 70%"`` (the percentage as :func:`percent`, never
    crossing the pass mark)."""
    state = "Passed" if passed else "Not passed yet"
    return f"{state}: {percent(fraction, pass_mark_, passed)}, pass mark {pass_mark(pass_mark_)}"


def due_line(due: int, right_once: int) -> str:
    """What the review queue holds, honestly: ``"12 questions are due for review (m):
    11 right once (one more right answer clears each), 1 not right yet."``; a question
    leaves the queue once right twice in a row (:data:`explainer.review.RIGHT_IN_A_ROW`)."""
    if due == 0:
        return "Nothing is due for review: every missed question has been right twice in a row."
    head = f"{due} question is due for review (m)" if due == 1 else f"{due} questions are due for review (m)"
    if right_once == 0:
        return f"{head}: missed, and not yet right twice in a row."
    parts = [f"{right_once} right once (one more right answer clears {'it' if right_once == 1 else 'each'})"]
    if due - right_once:
        parts.append(f"{due - right_once} not right yet")
    return f"{head}: {', '.join(parts)}."


def reading_line(read: int, total: int, next_title: str | None, next_number: int | None) -> str:
    """Reading progress: ``"3 of 8 sections read · next: 4. Going to a third
    country"``, or ``"All 8 sections read"``, or ``"8 sections to read"`` before any."""
    if total and read >= total:
        return f"All {plural(total, 'section')} read"
    if read == 0:
        return f"{plural(total, 'section')} to read"
    line = f"{read} of {plural(total, 'section')} read"
    if next_title is not None and next_number is not None:
        line += f" · next: {next_number}. {next_title}"
    return line


def attempt_kind(review: bool) -> str:
    """``"review"`` for a review round, ``"quiz"`` for the whole quiz."""
    return "review" if review else "quiz"


def verdict(score: Score) -> str:
    """``"right"``, ``"partly right"`` or ``"wrong"``."""
    return score.verdict


def score_line(earned: float, max_points: float, pass_mark_: float) -> str:
    """``"17.33 of 29 points (59%)"``."""
    fraction = fraction_of(earned, max_points)
    return f"{points(earned)} of {plural(max_points, 'point')} ({percent(fraction, pass_mark_)})"


def mark_words(mark: Mark) -> tuple[str, str]:
    """The words of a mark after checking: ``(words, author text after them)``.

    ``right`` -> ``"✓ right answer"``; ``missed`` -> ``"✓ right answer (not picked)"``;
    ``wrong`` -> ``"✗ your pick, not right"``; ``placed`` -> ``"✓"``; ``misplaced`` ->
    ``"✗ belongs at 3"``; ``mismatched`` -> ``("✗ right: ", the right option)``.
    """
    if mark.kind == "right":
        return "✓ right answer", ""
    if mark.kind == "missed":
        return "✓ right answer (not picked)", ""
    if mark.kind == "wrong":
        return "✗ your pick, not right", ""
    if mark.kind == "placed":
        return "✓", ""
    if mark.kind == "misplaced":
        return f"✗ belongs at {mark.detail}", ""
    return "✗ right: ", str(mark.detail or "")


def typed_verdict(correct: bool) -> str:
    """The mark under a typed answer after checking: ``"✓ right answer"`` or
    ``"✗ your answer, not right"``."""
    return "✓ right answer" if correct else "✗ your answer, not right"


def local(moment: dt.datetime) -> dt.datetime:
    """``moment`` (timezone-aware) in the reader's local time zone."""
    return moment.astimezone()


def when(moment: dt.datetime) -> str:
    """A date and time as shown: local time, to the minute: ``"2026-12-03 10:15"``."""
    return local(moment).strftime("%Y-%m-%d %H:%M")


def when_iso(moment: dt.datetime) -> str:
    """A date and time for files (CSV, JSON): ISO 8601 in local time with its offset,
    to the second: ``"2026-12-03T10:15:00+01:00"``."""
    return local(moment).replace(microsecond=0).isoformat()


# --------------------------------------------------------------------------- figures

ESTIMATE_WORD = "estimate"
"""How an estimated value of a figure is labelled: ``4,000 soldiers (estimate)``."""


def figure_number(value: float) -> str:
    """A value of a figure: thousands separated by commas, at most two decimals, no
    trailing zeros (``4,000``, ``850.5``, ``0.25``)."""
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}"
    return f"{float(value):,.2f}".rstrip("0").rstrip(".")


def figure_value(value: float, unit: str, estimate: bool) -> str:
    """A value with its unit, labelled when it is an estimate: ``"4,000 soldiers
    (estimate)"``, ``"1,200 votes"``."""
    text = f"{figure_number(value)} {unit}"
    return f"{text} ({ESTIMATE_WORD})" if estimate else text


def figure_legend(has_reported: bool, has_estimates: bool) -> str:
    """The line under a bar figure saying how to read its bars: ``"█ reported   ░ estimate"``
    when it has both kinds of value, ``"░ every value is an estimate"`` when it has only
    estimates, and nothing when it has none."""
    if not has_estimates:
        return ""
    if not has_reported:
        return f"░ every value is an {ESTIMATE_WORD}"
    return f"█ reported   ░ {ESTIMATE_WORD}"


def figure_source_line(titles: list[str]) -> str:
    """``"Source: A"`` or ``"Sources: A; B"`` under a figure (each source as its title
    and publisher: ``"Report on casualty figures, Liga.net"``)."""
    return ("Source: " if len(titles) == 1 else "Sources: ") + "; ".join(titles)

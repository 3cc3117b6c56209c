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

from explainer import i18n
from explainer.i18n import N_, Nn_, _, ngettext

if TYPE_CHECKING:
    from explainer.kinds.base import Mark, Score

MARK_DIGITS = 2
"""At most this many decimal places of a percentage (a pass mark of 0.7255 is shown,
and scores are rounded, to hundredths of a percent)."""


def points(value: float) -> str:
    """Points as shown: at most two decimals, no trailing zeros (``17.33``, ``1``,
    ``0.5``; ``0,5`` in Ukrainian, through Babel)."""
    rounded = round(float(value), 2)
    if rounded == 0:
        rounded = 0.0  # never "-0"
    if i18n.language() != "en":
        return i18n.number(rounded, 2, grouped=False)
    return f"{rounded:g}" if abs(rounded) < 1e15 else f"{rounded:.0f}"


def plural(count: float, word: str) -> str:
    """``1 point``, ``2 points``, ``0.5 points`` (the count through :func:`points`), in
    the language in force. ``word`` is one of the nouns of :data:`NOUNS`."""
    singular, plural_form = NOUNS[word]
    return ngettext(singular, plural_form, count).format(count=points(count))


NOUNS = {
    "point": Nn_("{count} point", "{count} points"),
    "section": Nn_("{count} section", "{count} sections"),
    "question": Nn_("{count} question", "{count} questions"),
    "time": Nn_("{count} time", "{count} times"),
    "attempt": Nn_("{count} attempt", "{count} attempts"),
    "student": Nn_("{count} student", "{count} students"),
    "term": Nn_("{count} term", "{count} terms"),
    "event": Nn_("{count} event", "{count} events"),
    "source": Nn_("{count} source", "{count} sources"),
}
"""The counted nouns :func:`plural` knows: each its singular and plural message (the
catalogs hold every form a language needs)."""


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
    """``fraction`` as shown: ``"69%"``, ``"72.6%"`` (see :func:`percent_value`); the
    decimal sign and the place of ``%`` are the language's."""
    return _("{number}%").format(number=_localised(percent_number(fraction, pass_mark_, passed)))


def _localised(figure: str) -> str:
    """A figure written with ``.`` (``"72.6"``) in the language in force (``"72,6"``)."""
    if i18n.language() == "en":
        return figure
    return i18n.number(float(figure), 6, grouped=False)


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
    return _("{number}%").format(number=_localised(f"{round(mark * 100, MARK_DIGITS):g}"))


def passed_word(passed: bool) -> str:
    """``"passed"`` or ``"not passed"``."""
    return _("passed") if passed else _("not passed")


def outcome(passed: bool, review: bool, correct: int, questions: int) -> str:
    """What an attempt came to: ``passed`` / ``not passed``, or for a review round
    ``"11 of 12 right"``."""
    if review:
        return _("{correct} of {questions} right").format(correct=correct, questions=questions)
    return passed_word(passed)


def score_summary(fraction: float, pass_mark_: float, passed: bool) -> str:
    """The score and pass state in words: ``"Passed: 83%, pass mark 70%"`` or ``"Not
    passed yet: 60%, pass mark 70%"`` (the percentage as :func:`percent`, never
    crossing the pass mark)."""
    shown, mark = percent(fraction, pass_mark_, passed), pass_mark(pass_mark_)
    if passed:
        return _("Passed: {percent}, pass mark {pass_mark}").format(percent=shown, pass_mark=mark)
    return _("Not passed yet: {percent}, pass mark {pass_mark}").format(percent=shown, pass_mark=mark)


def due_line(due: int, right_once: int) -> str:
    """What the review queue holds, honestly: ``"12 questions are due for review (m):
    11 right once (one more right answer clears each), 1 not right yet."``; a question
    leaves the queue once right twice in a row (:data:`explainer.review.RIGHT_IN_A_ROW`)."""
    if due == 0:
        return _("Nothing is due for review: every missed question has been right twice in a row.")
    head = ngettext("{count} question is due for review (m)", "{count} questions are due for review (m)", due).format(count=due)
    if right_once == 0:
        return _("{due}: missed, and not yet right twice in a row.").format(due=head)
    once = ngettext(
        "{count} right once (one more right answer clears it)",
        "{count} right once (one more right answer clears each)",
        right_once,
    ).format(count=right_once)
    if due - right_once:
        return _("{due}: {right_once}, {not_yet} not right yet.").format(due=head, right_once=once, not_yet=due - right_once)
    return _("{due}: {right_once}.").format(due=head, right_once=once)


def reading_line(read: int, total: int, next_title: str | None, next_number: int | None) -> str:
    """Reading progress: ``"3 of 8 sections read · next: 4. Going to a third
    country"``, or ``"All 8 sections read"``, or ``"8 sections to read"`` before any."""
    if total and read >= total:
        return ngettext("All {count} section read", "All {count} sections read", total).format(count=total)
    if read == 0:
        return ngettext("{count} section to read", "{count} sections to read", total).format(count=total)
    line = ngettext("{read} of {count} section read", "{read} of {count} sections read", total).format(read=read, count=total)
    if next_title is not None and next_number is not None:
        line = _("{progress} · next: {number}. {title}").format(progress=line, number=next_number, title=next_title)
    return line


def attempt_kind(review: bool) -> str:
    """``"review"`` for a review round, ``"quiz"`` for the whole quiz."""
    return _("review") if review else _("quiz")


def verdict(score: Score) -> str:
    """``"right"``, ``"partly right"`` or ``"wrong"``, in the language in force."""
    return _(VERDICTS.get(score.verdict, score.verdict))


VERDICTS = {"right": N_("right"), "partly right": N_("partly right"), "wrong": N_("wrong")}
"""The words of :attr:`~explainer.kinds.base.Score.verdict` (kept in English in files)."""


def score_line(earned: float, max_points: float, pass_mark_: float) -> str:
    """``"17.33 of 29 points (59%)"``."""
    fraction = fraction_of(earned, max_points)
    return ngettext("{earned} of {count} point ({percent})", "{earned} of {count} points ({percent})", max_points).format(
        earned=points(earned), count=points(max_points), percent=percent(fraction, pass_mark_)
    )


def mark_words(mark: Mark) -> tuple[str, str]:
    """The words of a mark after checking: ``(words, author text after them)``.

    ``right`` -> ``"✓ right answer"``; ``missed`` -> ``"✓ right answer (not picked)"``;
    ``wrong`` -> ``"✗ your pick, not right"``; ``placed`` -> ``"✓"``; ``misplaced`` ->
    ``"✗ belongs at 3"``; ``mismatched`` -> ``("✗ right: ", the right option)``.
    """
    if mark.kind == "right":
        return _("✓ right answer"), ""
    if mark.kind == "missed":
        return _("✓ right answer (not picked)"), ""
    if mark.kind == "wrong":
        return _("✗ your pick, not right"), ""
    if mark.kind == "placed":
        return "✓", ""
    if mark.kind == "misplaced":
        return _("✗ belongs at {place}").format(place=mark.detail), ""
    return _("✗ right: "), str(mark.detail or "")


def typed_verdict(correct: bool) -> str:
    """The mark under a typed answer after checking: ``"✓ right answer"`` or
    ``"✗ your answer, not right"``."""
    return _("✓ right answer") if correct else _("✗ your answer, not right")


def local(moment: dt.datetime) -> dt.datetime:
    """``moment`` (timezone-aware) in the reader's local time zone."""
    return moment.astimezone()


def when(moment: dt.datetime) -> str:
    """A date and time as shown: local time, to the minute: ``"2026-12-03 10:15"`` in
    English; as the language writes it in the others, through Babel (``"2026. 12. 3.
    오전 10:15"``, ``"03.12.26, 10:15"``)."""
    if i18n.language() != "en":
        return i18n.datetime(local(moment), "short")
    return local(moment).strftime("%Y-%m-%d %H:%M")


def day(date: dt.date) -> str:
    """A date as shown (a pack's ``updated``): ``"2025-04-28"`` in English; as the
    language writes it in the others, through Babel (``"2025. 4. 28."``, ``"28 квіт. 2025 р."``)."""
    if i18n.language() != "en":
        return i18n.date(date, "medium")
    return date.isoformat()


def when_iso(moment: dt.datetime) -> str:
    """A date and time for files (CSV, JSON): ISO 8601 in local time with its offset,
    to the second: ``"2026-12-03T10:15:00+01:00"``."""
    return local(moment).replace(microsecond=0).isoformat()


# --------------------------------------------------------------------------- figures

ESTIMATE_WORD = N_("estimate")
"""How an estimated value of a figure is labelled: ``4,000 soldiers (estimate)``."""


def figure_number(value: float) -> str:
    """A value of a figure: thousands separated by commas, at most two decimals, no
    trailing zeros (``4,000``, ``850.5``, ``0.25``)."""
    if i18n.language() != "en":
        return i18n.number(value, 2)
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}"
    return f"{float(value):,.2f}".rstrip("0").rstrip(".")


def figure_value(value: float, unit: str, estimate: bool) -> str:
    """A value with its unit, labelled when it is an estimate: ``"4,000 soldiers
    (estimate)"``, ``"1,200 votes"``."""
    text = _("{number} {unit}").format(number=figure_number(value), unit=unit)
    return _("{value} ({estimate})").format(value=text, estimate=_(ESTIMATE_WORD)) if estimate else text


def figure_legend(has_reported: bool, has_estimates: bool) -> str:
    """The line under a bar figure saying how to read its bars: ``"█ reported   ░ estimate"``
    when it has both kinds of value, ``"░ every value is an estimate"`` when it has only
    estimates, and nothing when it has none."""
    if not has_estimates:
        return ""
    if not has_reported:
        return _("░ every value is an estimate")
    return _("█ reported   ░ {estimate}").format(estimate=_(ESTIMATE_WORD))


def figure_source_line(titles: list[str]) -> str:
    """``"Source: A"`` or ``"Sources: A; B"`` under a figure (each source as its title
    and publisher: ``"Report on casualty figures, Liga.net"``)."""
    return ngettext("Source: {titles}", "Sources: {titles}", len(titles)).format(titles="; ".join(titles))

"""The reader's history of attempts, as rows: for the history screen and for
``explainer results`` (a table, CSV or JSON).

Every figure of a row comes from :mod:`explainer.wording`, so the screen, the table, the
CSV and the JSON agree on every number and word. Pure Python: never imports Textual.

CSV columns, one row per finished attempt, oldest first:

==============  ============================================================
``attempt``     1-based number of the attempt
``started``     when it began: ISO 8601 in local time with its offset
``finished``    when the last answer was given (the attempt's date everywhere)
``kind``        ``quiz`` for the whole quiz, ``review`` for a review round
``score``       points earned, as shown (at most two decimals: ``17.33``)
``max_points``  points the attempt could earn
``percent``     score as a percentage of max_points, rounded down at the pass mark's
                precision (never reaching the pass mark unless the score does)
``passed``      ``yes`` or ``no`` against the pack's pass mark at the time
``questions``   how many questions were asked
``correct``     how many were fully right
``hints_used``  how many hints were opened
``result``      the result in words, as on screen: ``passed``, ``not passed``, or for
                a review round ``11 of 12 right``
==============  ============================================================
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

from rich.cells import cell_len

from explainer import i18n, wording
from explainer.i18n import N_, _
from explainer.pack.text import json_safe
from explainer.storage import Attempt, Progress

CSV_COLUMNS: tuple[str, ...] = (
    "attempt",
    "started",
    "finished",
    "kind",
    "score",
    "max_points",
    "percent",
    "passed",
    "questions",
    "correct",
    "hints_used",
    "result",
)


@dataclass(frozen=True)
class AttemptRow:
    """One finished attempt as every front end shows it (fields as in :data:`CSV_COLUMNS`;
    the figures are the strings :mod:`explainer.wording` makes).

    Attributes:
        date: the date shown on screen and in the table: when it finished, local time,
            to the minute (``2026-12-03 10:15``).
    """

    attempt: int
    started: str
    finished: str
    date: str
    kind: str
    score: str
    max_points: str
    percent: str
    passed: bool
    questions: int
    correct: int
    hints_used: int
    result: str

    @classmethod
    def of(cls, number: int, attempt: Attempt, pass_mark: float | None = None) -> AttemptRow:
        """Flatten ``attempt``, the ``number``-th (1-based) of the history.

        Args:
            pass_mark: the pack's pass mark (sets the percentage's precision); None:
                whole percents.
        """
        return cls(
            attempt=number,
            started=wording.when_iso(attempt.started),
            finished=wording.when_iso(attempt.finished),
            date=wording.when(attempt.finished),
            kind=wording.attempt_kind(attempt.review),
            score=wording.points(attempt.score),
            max_points=wording.points(attempt.max_points),
            percent=wording.percent_number(attempt.fraction, pass_mark, attempt.passed),
            passed=attempt.passed,
            questions=attempt.question_count,
            correct=attempt.correct_count,
            hints_used=attempt.hint_count,
            result=wording.outcome(attempt.passed, attempt.review, attempt.correct_count, attempt.question_count),
        )


def rows(progress: Progress, pass_mark: float | None = None) -> list[AttemptRow]:
    """Every finished attempt of ``progress`` as a row, oldest first."""
    return [AttemptRow.of(i, attempt, pass_mark) for i, attempt in enumerate(progress.attempts, start=1)]


def _cells(row: AttemptRow) -> dict[str, object]:
    """The :data:`CSV_COLUMNS` of ``row`` (``passed`` still a bool)."""
    return {column: getattr(row, column) for column in CSV_COLUMNS}


def to_csv(progress: Progress, pass_mark: float | None = None) -> str:
    """The history as CSV text with a header row (columns: :data:`CSV_COLUMNS`), in
    English whatever the reader's language (scripts read it)."""
    with i18n.english():
        return _to_csv(progress, pass_mark)


def _to_csv(progress: Progress, pass_mark: float | None) -> str:
    """:func:`to_csv`, in the language in force."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows(progress, pass_mark):
        data = _cells(row)
        data["passed"] = "yes" if row.passed else "no"
        writer.writerow([data[column] for column in CSV_COLUMNS])
    return out.getvalue()


def to_json(progress: Progress, pass_mark: float | None = None) -> str:
    """The history as a JSON document: ``{"pack": id, "attempts": [row, ...]}``.

    Each row has the :data:`CSV_COLUMNS` fields (``passed`` a boolean; ``score``,
    ``max_points`` and ``percent`` the figures as shown, as strings) plus ``answers``:
    ``[{"question", "correct", "points", "max_points", "hint_used"}, ...]`` (points as
    shown), which is empty for an attempt summarised to keep the progress file small
    (:func:`explainer.storage.compact`; its counts are still in the other fields).
    English whatever the reader's language (scripts read it).
    """
    with i18n.english():
        return _to_json(progress, pass_mark)


def _to_json(progress: Progress, pass_mark: float | None) -> str:
    """:func:`to_json`, in the language in force."""
    attempts = []
    for row, attempt in zip(rows(progress, pass_mark), progress.attempts):
        data = _cells(row)
        data["answers"] = [
            {
                "question": answer.question,
                "correct": answer.correct,
                "points": wording.points(answer.points),
                "max_points": wording.points(answer.max_points),
                "hint_used": answer.hint_used,
            }
            for answer in attempt.answers
        ]
        attempts.append(data)
    return json_safe(json.dumps({"pack": progress.pack, "attempts": attempts}, indent=2, ensure_ascii=False)) + "\n"


TABLE_HEADER = ("#", N_("finished (local time)"), N_("kind"), N_("score"), "%", N_("result"), N_("hints"))
"""The columns of :func:`to_table` (in English; translated where the table is made)."""


def to_table(progress: Progress, pass_mark: float | None = None) -> str:
    """The history as an aligned plain-text table for a terminal (no colour)."""
    body = [
        (
            str(row.attempt),
            row.date,
            row.kind,
            _("{score} of {max_points}").format(score=row.score, max_points=row.max_points),
            row.percent + "%",
            row.result,
            str(row.hints_used),
        )
        for row in rows(progress, pass_mark)
    ]
    if not body:
        return _("No finished attempts yet for {pack}.").format(pack=progress.pack) + "\n"
    header = tuple(_(cell) for cell in TABLE_HEADER)  # "#" and "%" are not marked: they stay
    # Korean letters take two cells of a terminal: pad by cells, not characters
    widths = [max(cell_len(line[i]) for line in (header, *body)) for i in range(len(header))]
    lines = [
        "  ".join(cell + " " * (widths[i] - cell_len(cell)) for i, cell in enumerate(line)).rstrip()
        for line in (header, *body)
    ]
    return "\n".join(lines) + "\n"

"""The reader's history of attempts, as rows for a table, CSV or JSON (``explainer results``).

Pure Python: reads :class:`explainer.storage.Progress`, never imports Textual.

CSV columns, one row per finished attempt, oldest first:

==============  ============================================================
``attempt``     1-based number of the attempt
``started``     when it began, ISO 8601 in UTC (``2025-02-03T09:30:00+00:00``)
``finished``    when the last answer was given, ISO 8601 in UTC
``kind``        ``quiz`` for the whole quiz, ``review`` for a review round
``score``       points earned (a number; partial credit gives fractions)
``max_points``  points the attempt could earn
``percent``     score as a percentage of max_points, rounded down to a whole number
``passed``      ``yes`` or ``no`` against the pack's pass mark at the time
``questions``   how many questions were asked
``correct``     how many were fully right
``hints_used``  how many hints were opened
==============  ============================================================
"""

from __future__ import annotations

import csv
import io
import json
import math
from dataclasses import dataclass

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
)


@dataclass(frozen=True)
class AttemptRow:
    """One finished attempt, flattened for output (fields as in :data:`CSV_COLUMNS`)."""

    attempt: int
    started: str
    finished: str
    kind: str
    score: float
    max_points: float
    percent: int
    passed: bool
    questions: int
    correct: int
    hints_used: int

    @classmethod
    def of(cls, number: int, attempt: Attempt) -> AttemptRow:
        """Flatten ``attempt``, the ``number``-th (1-based) of the history."""
        return cls(
            attempt=number,
            started=attempt.started.isoformat(),
            finished=attempt.finished.isoformat(),
            kind="review" if attempt.review else "quiz",
            score=attempt.score,
            max_points=attempt.max_points,
            percent=percent(attempt.score, attempt.max_points),
            passed=attempt.passed,
            questions=attempt.question_count,
            correct=attempt.correct_count,
            hints_used=attempt.hint_count,
        )


def percent(score: float, max_points: float) -> int:
    """``score`` as a whole percentage of ``max_points``, rounded down (0 when no points).

    Rounding down means 69.6% shows as 69%, never as reaching a 70% pass mark.
    """
    if not max_points:
        return 0
    return math.floor(100 * score / max_points + 1e-9)


def rows(progress: Progress) -> list[AttemptRow]:
    """Every finished attempt of ``progress`` as a row, oldest first."""
    return [AttemptRow.of(i, attempt) for i, attempt in enumerate(progress.attempts, start=1)]


def _number(value: float) -> str:
    return f"{value:g}"


def to_csv(progress: Progress) -> str:
    """The history as CSV text with a header row (columns: :data:`CSV_COLUMNS`)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows(progress):
        data = dict(vars(row))  # flat: asdict's deep copy took most of the time
        data["score"] = _number(row.score)
        data["max_points"] = _number(row.max_points)
        data["passed"] = "yes" if row.passed else "no"
        writer.writerow([data[column] for column in CSV_COLUMNS])
    return out.getvalue()


def to_json(progress: Progress) -> str:
    """The history as a JSON document: ``{"pack": id, "attempts": [row, ...]}``.

    Each row has the :data:`CSV_COLUMNS` fields (``passed`` a boolean) plus ``answers``:
    ``[{"question", "correct", "points", "max_points", "hint_used"}, ...]``, which is
    empty for an attempt summarised to keep the progress file small
    (:func:`explainer.storage.compact`; its counts are still in the other fields).
    """
    attempts = []
    for row, attempt in zip(rows(progress), progress.attempts):
        data = dict(vars(row))
        data["answers"] = [
            {
                "question": answer.question,
                "correct": answer.correct,
                "points": answer.points,
                "max_points": answer.max_points,
                "hint_used": answer.hint_used,
            }
            for answer in attempt.answers
        ]
        attempts.append(data)
    return json_safe(json.dumps({"pack": progress.pack, "attempts": attempts}, indent=2, ensure_ascii=False)) + "\n"


def to_table(progress: Progress) -> str:
    """The history as an aligned plain-text table for a terminal (no colour)."""
    header = ("#", "date (UTC)", "kind", "score", "%", "result", "hints")
    body = [
        (
            str(row.attempt),
            row.finished[:16].replace("T", " "),
            row.kind,
            f"{_number(row.score)}/{_number(row.max_points)}",
            str(row.percent),
            "passed" if row.passed else "not passed",
            str(row.hints_used),
        )
        for row in rows(progress)
    ]
    if not body:
        return f"No finished attempts yet for {progress.pack}.\n"
    widths = [max(len(line[i]) for line in (header, *body)) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(line)).rstrip() for line in (header, *body)]
    return "\n".join(lines) + "\n"

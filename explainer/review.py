"""The review queue: questions the reader got wrong come back until they stick.

A small Leitner queue with two boxes, "due" and "learnt", computed from the saved
attempts (nothing extra is stored):

- A question answered wrong (or only partly right, or skipped) in a finished attempt or
  review round becomes **due**.
- A due question leaves the queue once it has been answered fully right **twice in a
  row** in later attempts or review rounds; a wrong answer in between starts the count
  again.
- Only answers to the question as it is now count (:func:`explainer.storage.history_for`):
  editing a question clears its place in the queue.

A review round asks the due questions, the one waiting longest first (ordered by the
attempt that made it due, then by pack order), then any other question missed in the
attempt just finished (when it could not be saved, say). ``docs/progress.md`` describes
the same rules for readers.

Pure Python: no Textual.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from explainer.pack import Pack
from explainer.storage import Progress, history_for

__all__ = ["RIGHT_IN_A_ROW", "DueQuestion", "due_questions", "review_queue"]

RIGHT_IN_A_ROW = 2
"""How many right answers in a row take a question out of the review queue."""


@dataclass(frozen=True)
class DueQuestion:
    """A question waiting in the review queue.

    Attributes:
        question_id: the question's id.
        due_since: when the attempt that made it due finished (UTC).
        right_in_a_row: right answers since then (less than :data:`RIGHT_IN_A_ROW`).
    """

    question_id: str
    due_since: dt.datetime
    right_in_a_row: int


def due_questions(pack: Pack, progress: Progress) -> list[DueQuestion]:
    """Return the questions of ``pack`` in the review queue, waiting longest first.

    Ties (questions made due by the same attempt) are in pack order.
    """
    order = {question.id: index for index, question in enumerate(pack.questions)}
    finished_at = _finish_times(progress)
    due: list[DueQuestion] = []
    for question_id, answers in history_for(pack, progress).items():
        since: dt.datetime | None = None
        streak = 0
        for answer in answers:
            finished = finished_at[id(answer)]
            if not answer.correct:
                if since is None:
                    since = finished
                streak = 0
            elif since is not None:
                streak += 1
                if streak >= RIGHT_IN_A_ROW:
                    since, streak = None, 0
        if since is not None:
            due.append(DueQuestion(question_id, since, streak))
    due.sort(key=lambda item: (item.due_since, order[item.question_id]))
    return due


def review_queue(pack: Pack, progress: Progress, missed_now: Iterable[str] = ()) -> list[str]:
    """Return the ids a review round asks, in the order it asks them.

    Args:
        pack: the pack as it is now.
        progress: the saved progress (the attempt just finished included, if saved).
        missed_now: ids missed in the attempt just finished; those not already due
            come last, in the order given.
    """
    ids = [item.question_id for item in due_questions(pack, progress)]
    known = {question.id for question in pack.questions}
    for question_id in missed_now:
        if question_id in known and question_id not in ids:
            ids.append(question_id)
    return ids


def _finish_times(progress: Progress) -> dict[int, dt.datetime]:
    """When the attempt of each saved answer finished, by ``id()`` of the answer: one pass
    over every attempt, so the queue costs O(answers), not O(questions x answers)."""
    return {id(answer): attempt.finished for attempt in progress.attempts for answer in attempt.answers}

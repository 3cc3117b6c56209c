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
- Attempts summarised to keep the progress file small (:func:`explainer.storage.compact`)
  keep no answers; the queue they left is saved with them
  (:attr:`~explainer.storage.Progress.review_carry`, made by :func:`carry_forward`) and
  the count goes on from there, so summarising never changes what is due.

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
from explainer.storage import Attempt, CarriedDue, Progress, current_hashes, history_for

__all__ = ["RIGHT_IN_A_ROW", "DueQuestion", "carry_forward", "due_questions", "review_queue", "step"]

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

    Starts from :attr:`~explainer.storage.Progress.review_carry` (the queue as the
    summarised attempts left it, for questions whose content has not changed since) and
    goes on with the answers of the detailed attempts, in order of finishing. Ties
    (questions made due by the same attempt) are in pack order.
    """
    order = {question.id: index for index, question in enumerate(pack.questions)}
    hashes = current_hashes(pack)
    carried = {
        item.question: (item.since, item.right_in_a_row)
        for item in progress.review_carry
        if hashes.get(item.question) == item.hash
    }
    finished = {id(answer): attempt.finished for attempt in progress.attempts for answer in attempt.answers}
    due: list[DueQuestion] = []
    for question_id, answers in history_for(pack, progress).items():
        since, streak = carried.get(question_id, (None, 0))
        for answer in answers:
            since, streak = step(since, streak, answer.correct, finished[id(answer)])
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
    queued = set(ids)  # a set: 100,000 missed questions must not cost 100,000 list scans each
    known = {question.id for question in pack.questions}
    for question_id in missed_now:
        if question_id in known and question_id not in queued:
            ids.append(question_id)
            queued.add(question_id)
    return ids


def step(
    since: dt.datetime | None, streak: int, correct: bool, finished: dt.datetime
) -> tuple[dt.datetime | None, int]:
    """Apply one answer to a question's place in the queue: the Leitner rule.

    Args:
        since: when the question became due (None: it is not due).
        streak: right answers in a row since then (0 when not due).
        correct: whether this answer was fully right.
        finished: when the attempt holding this answer finished (UTC).

    Returns:
        The new ``(since, streak)``: a wrong answer makes the question due (keeping an
        earlier ``since``) and resets the streak; :data:`RIGHT_IN_A_ROW` right answers
        take it out of the queue, ``(None, 0)``.
    """
    if not correct:
        return (finished if since is None else since), 0
    if since is None:
        return None, 0
    streak += 1
    if streak >= RIGHT_IN_A_ROW:
        return None, 0
    return since, streak


def carry_forward(carried: Iterable[CarriedDue], attempts: Iterable[Attempt]) -> tuple[CarriedDue, ...]:
    """Return the queue after ``attempts``, starting from ``carried``, for summarising.

    :func:`explainer.storage.compact` calls this with the attempts it summarises, so the
    queue they leave is kept when their answers are dropped.

    Args:
        carried: the queue before them (:attr:`~explainer.storage.Progress.review_carry`).
        attempts: the attempts being summarised (with their answers), any order; they
            are taken in order of finishing, as :func:`due_questions` takes them.

    Returns:
        One :class:`~explainer.storage.CarriedDue` per (question id, hash) still due,
        those already carried first. Each (id, hash) is followed on its own, as
        :func:`explainer.storage.history_for` keeps only answers to the question's
        current content. Unlike :func:`history_for`, an answer whose saved response no
        longer fits its question (only possible in a hand-edited file) still counts:
        the pack is not known here.
    """
    state: dict[tuple[str, str], tuple[dt.datetime | None, int]] = {
        (item.question, item.hash): (item.since, item.right_in_a_row) for item in carried
    }
    ordered = sorted(enumerate(attempts), key=lambda pair: (pair[1].finished, pair[0]))
    for _unused, attempt in ordered:
        for answer in attempt.answers:
            key = (answer.question, answer.hash)
            since, streak = state.get(key, (None, 0))
            state[key] = step(since, streak, answer.correct, attempt.finished)
    return tuple(
        CarriedDue(question=question, hash=hash_, since=since, right_in_a_row=streak)
        for (question, hash_), (since, streak) in state.items()
        if since is not None
    )

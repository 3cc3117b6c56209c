"""Between a quiz being taken and the progress file: the one place that turns a
:class:`~explainer.session.QuizSession` into what :mod:`explainer.storage` saves, and back.

Both the app and plain mode use these, so a quiz saved by one continues in the other:

- :func:`session_to_in_progress`: the attempt so far as a
  :class:`~explainer.storage.QuizInProgress` (question order, display orders, answers,
  hints, position).
- :func:`session_from_in_progress`: the attempt rebuilt from it, with the same
  shuffles and the answers given so far.
- :func:`session_to_attempt`: a finished attempt as an
  :class:`~explainer.storage.Attempt` (every answer, hints used, start and end time).

Pure Python: no Textual.
"""

from __future__ import annotations

import datetime as dt

from explainer.pack import Pack
from explainer.session import QuizSession
from explainer.storage import Attempt, AttemptAnswer, QuestionState, QuizInProgress, utc_now

__all__ = ["session_from_in_progress", "session_to_attempt", "session_to_in_progress"]


def session_to_in_progress(
    session: QuizSession, started: dt.datetime, previous: QuizInProgress | None = None
) -> QuizInProgress:
    """Return the attempt so far as the progress file keeps it.

    Args:
        session: the attempt being taken (not necessarily finished).
        started: when it began (timezone-aware).
        previous: what this returned for the same attempt last time, if anything; a
            question whose state has not changed keeps its :class:`QuestionState`
            object, so saving after one answer converts (and writes out) one question,
            not all of them.
    """
    before = {state.id: state for state in previous.questions} if previous is not None else {}
    states = []
    for question in session.questions:
        order = session.display_order(question.id)
        response = session.response(question.id)
        hint_used = session.hint_used(question.id)
        old = before.get(question.id)
        if (
            old is not None
            and old.order == tuple(order)
            and old.hint_used == hint_used
            and old.response == response
        ):
            states.append(old)
        else:
            states.append(QuestionState.of(question, order, response=response, hint_used=hint_used))
    return QuizInProgress(
        started=started,
        review=session.review,
        seed=session.seed,
        position=min(session.position, session.total),
        questions=tuple(states),
    )


def session_from_in_progress(pack: Pack, saved: QuizInProgress) -> QuizSession:
    """Rebuild the attempt of a saved quiz in progress, exactly as it was.

    Args:
        pack: the pack as it is now.
        saved: the quiz in progress, already fitted to ``pack`` with
            :func:`explainer.storage.valid_in_progress` (every id exists, every order
            and answer fits its question).

    Returns:
        A session asking the same questions in the same order, each showing its
        choices, items or options in the saved order, with the saved answers and hints,
        at the saved position.
    """
    orders = {state.id: tuple(state.order) for state in saved.questions if state.order}
    session = QuizSession.resume(pack, saved.question_ids, orders, seed=saved.seed, review=saved.review)
    for state in saved.questions:
        if state.hint_used and pack.question(state.id).hint:
            session.use_hint(state.id)
        if state.response is not None:
            session.submit(state.id, state.response)
    session.position = min(saved.position, session.total)
    return session


def session_to_attempt(
    session: QuizSession, started: dt.datetime, finished: dt.datetime | None = None
) -> Attempt:
    """Return a finished attempt as the progress file keeps it.

    Args:
        session: the attempt (unanswered questions are recorded as skipped).
        started: when it began.
        finished: when it ended; None means now.
    """
    return Attempt(
        started=started,
        finished=finished if finished is not None else utc_now(),
        review=session.review,
        score=session.points,
        max_points=session.max_points,
        passed=session.passed,
        answers=tuple(
            AttemptAnswer.of(line.question, line.response, line.score, hint_used=line.hint_used)
            for line in session.results()
        ),
    )

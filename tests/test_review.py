"""The review queue (explainer/review.py): pure unit tests, and the session round trip
through the progress file (explainer/resume.py)."""

from __future__ import annotations

import datetime as dt

from explainer.pack import ChoiceResponse, TrueFalseResponse
from explainer.resume import session_from_in_progress, session_to_attempt, session_to_in_progress
from explainer.review import RIGHT_IN_A_ROW, due_questions, review_queue
from explainer.session import QuizSession
from explainer.storage import Attempt, AttemptAnswer, Progress, question_hash

T0 = dt.datetime(2025, 2, 3, 9, 30, tzinfo=dt.timezone.utc)


def attempt(pack, minutes: int, results: dict[str, bool], *, review: bool = False) -> Attempt:
    """An attempt finished ``minutes`` after T0 with ``{question id: right?}``."""
    answers = tuple(
        AttemptAnswer(
            question=qid,
            hash=question_hash(pack.question(qid)),
            correct=right,
            points=1.0 if right else 0.0,
            max_points=1.0,
        )
        for qid, right in results.items()
    )
    score = sum(a.points for a in answers)
    return Attempt(
        started=T0 + dt.timedelta(minutes=minutes - 1),
        finished=T0 + dt.timedelta(minutes=minutes),
        review=review,
        score=score,
        max_points=float(len(answers)),
        passed=False,
        answers=answers,
    )


def progress(pack, *attempts: Attempt) -> Progress:
    return Progress(pack=pack.id, attempts=attempts)


def test_nothing_is_due_without_attempts_or_mistakes(mini_pack):
    assert due_questions(mini_pack, Progress.empty(mini_pack.id)) == []
    all_right = attempt(mini_pack, 1, {q.id: True for q in mini_pack.questions})
    assert review_queue(mini_pack, progress(mini_pack, all_right)) == []


def test_a_miss_is_due_until_right_twice_in_a_row(mini_pack):
    assert RIGHT_IN_A_ROW == 2
    p = progress(mini_pack, attempt(mini_pack, 1, {"piers": False, "closure": True}))
    assert review_queue(mini_pack, p) == ["piers"]
    p = progress(mini_pack, *p.attempts, attempt(mini_pack, 2, {"piers": True}, review=True))
    assert [d.right_in_a_row for d in due_questions(mini_pack, p)] == [1]
    # Wrong again: the count starts over.
    p = progress(mini_pack, *p.attempts, attempt(mini_pack, 3, {"piers": False}))
    assert review_queue(mini_pack, p) == ["piers"]
    assert due_questions(mini_pack, p)[0].right_in_a_row == 0
    p = progress(mini_pack, *p.attempts, attempt(mini_pack, 4, {"piers": True}, review=True))
    assert review_queue(mini_pack, p) == ["piers"]
    p = progress(mini_pack, *p.attempts, attempt(mini_pack, 5, {"piers": True}))
    assert review_queue(mini_pack, p) == []


def test_the_question_waiting_longest_comes_first(mini_pack):
    p = progress(
        mini_pack,
        attempt(mini_pack, 1, {"closure": False, "vote-date": True}),
        attempt(mini_pack, 2, {"closure": False, "ferry-facts": False, "vote-date": False}),
    )
    # closure has waited since attempt 1; the other two since attempt 2, in pack order.
    assert review_queue(mini_pack, p) == ["closure", "vote-date", "ferry-facts"]
    # Missed now but not saved: they come last, without repeats.
    assert review_queue(mini_pack, p, ["piers", "closure", "unknown"]) == ["closure", "vote-date", "ferry-facts", "piers"]


def test_editing_a_question_takes_it_out_of_the_queue(mini_pack):
    a = attempt(mini_pack, 1, {"piers": False, "closure": False})
    stale = a.answers[0].model_copy(update={"hash": "0" * 16})
    a = a.model_copy(update={"answers": (stale, a.answers[1])})
    assert review_queue(mini_pack, progress(mini_pack, a)) == ["closure"]


def test_a_review_session_asks_the_queue_in_its_order(mini_pack):
    session = QuizSession(mini_pack, seed=3)
    review = session.review_session(["closure", "vote-date"])
    assert review.review and [q.id for q in review.questions] == ["closure", "vote-date"]


def test_a_session_survives_the_progress_file_exactly(every_type_pack):
    session = QuizSession(every_type_pack, seed=11)
    first, second = session.questions[:2]
    hinted = next(q for q in session.questions if q.hint)
    session.use_hint(hinted.id)
    if first.type == "true_false":
        session.submit(first.id, TrueFalseResponse(True))
    else:
        session.submit(first.id, ChoiceResponse(frozenset({0})))
    session.advance()
    saved = session_to_in_progress(session, T0)
    again = session_from_in_progress(every_type_pack, saved)
    assert [q.id for q in again.questions] == [q.id for q in session.questions]
    for question in session.questions:
        assert again.display_order(question.id) == session.display_order(question.id)
        assert again.response(question.id) == session.response(question.id)
        assert again.hint_used(question.id) == session.hint_used(question.id)
    assert again.position == 1 and again.current.id == second.id
    record = session_to_attempt(again, T0, T0 + dt.timedelta(minutes=5))
    assert record.started == T0 and len(record.answers) == session.total
    assert record.answers[0].response == session.response(first.id)


def test_the_queue_carried_past_summarised_attempts_goes_on_the_same(mini_pack):
    """What compaction keeps (carry_forward) plus the later attempts gives the same queue
    as every attempt in full, and an edited question drops its carried place."""
    from explainer.review import carry_forward, step

    assert step(None, 0, False, T0) == (T0, 0)
    assert step(T0, 0, True, T0) == (T0, 1)
    assert step(T0, 1, True, T0) == (None, 0)
    assert step(None, 0, True, T0) == (None, 0)
    older = [
        attempt(mini_pack, 1, {"piers": False, "closure": False, "vote-date": True}),
        attempt(mini_pack, 2, {"piers": True, "closure": True}, review=True),
        attempt(mini_pack, 3, {"closure": True}, review=True),
    ]
    newer = [attempt(mini_pack, 4, {"vote-date": False})]
    carried = carry_forward((), older)
    assert [(c.question, c.since, c.right_in_a_row) for c in carried] == [("piers", T0 + dt.timedelta(minutes=1), 1)]
    summarised = Progress(pack=mini_pack.id, format=2, attempts=tuple(newer), review_carry=carried)
    assert due_questions(mini_pack, summarised) == due_questions(mini_pack, progress(mini_pack, *older, *newer))
    assert review_queue(mini_pack, summarised) == ["piers", "vote-date"]
    assert due_questions(mini_pack, summarised)[0].right_in_a_row == 1
    edited = mini_pack.model_copy(deep=True)
    piers = edited.question("piers").model_copy(update={"prompt": "Edited?"})
    questions = tuple(piers if q.id == "piers" else q for q in edited.questions)
    edited = edited.model_copy(update={"quiz_file": edited.quiz_file.model_copy(update={"questions": questions})})
    assert [d.question_id for d in due_questions(edited, summarised)] == ["vote-date"]

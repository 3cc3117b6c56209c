"""Unit tests of explainer.session: quiz flow, shuffles, scores, review, reading."""

from __future__ import annotations

import subprocess
import sys

import pytest

from explainer.pack import ChoiceResponse, TrueFalseResponse
from explainer.session import QuizSession, ReadingProgress, display_choices


def right_response(question):
    """The fully right response to ``question``."""
    if question.type == "true_false":
        return TrueFalseResponse(question.answer)
    return ChoiceResponse(frozenset(i for i, c in enumerate(question.choices) if c.correct))


def wrong_response(question):
    """A wrong response to ``question``."""
    if question.type == "true_false":
        return TrueFalseResponse(not question.answer)
    return ChoiceResponse(frozenset({next(i for i, c in enumerate(question.choices) if not c.correct)}))


def test_session_module_does_not_import_textual():
    code = "import sys, explainer.session; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_questions_in_file_order_when_not_shuffled(mini_pack):
    session = QuizSession(mini_pack, seed=1)
    assert [q.id for q in session.questions] == [q.id for q in mini_pack.questions]
    assert session.total == 4
    assert session.current is mini_pack.questions[0]


def test_same_seed_same_choice_order_and_every_choice_once(mini_pack):
    a = QuizSession(mini_pack, seed=3)
    b = QuizSession(mini_pack, seed=3)
    for question in mini_pack.questions:
        assert a.choice_order(question.id) == b.choice_order(question.id)
        if question.type != "true_false":
            assert sorted(a.choice_order(question.id)) == list(range(len(question.choices)))
        else:
            assert a.choice_order(question.id) == ()


def test_choices_are_shuffled_for_some_seed(mini_pack):
    orders = {QuizSession(mini_pack, seed=s).choice_order("vote-date") for s in range(20)}
    assert len(orders) > 1


def test_no_choice_shuffle_when_pack_says_no(verbatim_pack):
    for seed in range(5):
        assert QuizSession(verbatim_pack, seed=seed).choice_order("brackets") == (0, 1)


def test_question_shuffle_when_pack_asks(mini_pack):
    quiz = mini_pack.quiz_file.model_copy(update={"quiz": mini_pack.quiz.model_copy(update={"shuffle_questions": True})})
    pack = mini_pack.model_copy(update={"quiz_file": quiz})
    orders = {tuple(q.id for q in QuizSession(pack, seed=s).questions) for s in range(20)}
    assert len(orders) > 1
    assert all(sorted(o) == sorted(q.id for q in mini_pack.questions) for o in orders)
    assert QuizSession(pack, seed=5).questions == QuizSession(pack, seed=5).questions


def test_display_choices_maps_display_to_file_order(mini_pack):
    session = QuizSession(mini_pack, seed=3)
    question = mini_pack.question("vote-date")
    order = session.choice_order("vote-date")
    pairs = display_choices(question, order)
    assert [i for i, _ in pairs] == list(order)
    assert [t for _, t in pairs] == [question.choices[i].text for i in order]


def test_submit_scores_and_score_so_far(mini_pack):
    session = QuizSession(mini_pack, seed=1)
    q1, q2, q3, q4 = mini_pack.questions
    assert session.submit(q1.id, right_response(q1)).correct
    assert (session.points, session.points_answered) == (1, 1)
    assert not session.submit(q2.id, wrong_response(q2)).correct
    assert (session.points, session.points_answered, session.answered) == (1, 2, 2)
    assert session.is_answered(q2.id) and not session.is_answered(q3.id)
    assert session.response(q2.id) == wrong_response(q2)


def test_multiple_needs_exactly_the_right_set(mini_pack):
    session = QuizSession(mini_pack, seed=1)
    assert not session.submit("ferry-facts", ChoiceResponse(frozenset({0}))).correct
    assert not session.submit("ferry-facts", ChoiceResponse(frozenset({0, 1, 2}))).correct
    assert session.submit("ferry-facts", ChoiceResponse(frozenset({0, 1}))).correct
    assert session.answered == 1  # answering again replaces


def test_submit_rejects_unknown_question_and_wrong_kind(mini_pack):
    session = QuizSession(mini_pack, seed=1)
    with pytest.raises(KeyError):
        session.submit("nope", TrueFalseResponse(True))
    with pytest.raises(TypeError):
        session.submit("closure", ChoiceResponse(frozenset({0})))


def test_advance_until_finished(mini_pack):
    session = QuizSession(mini_pack, seed=1)
    seen = [session.current.id]
    while session.advance() is not None:
        seen.append(session.current.id)
    assert seen == [q.id for q in mini_pack.questions]
    assert session.finished and session.current is None
    assert session.advance() is None and session.position == 4


def test_results_missed_pass_and_sections(mini_pack):
    session = QuizSession(mini_pack, seed=1)
    q1, q2, q3, q4 = mini_pack.questions
    session.submit(q1.id, right_response(q1))
    session.submit(q2.id, wrong_response(q2))
    session.submit(q3.id, right_response(q3))
    # q4 left unanswered
    results = session.results()
    assert [r.number for r in results] == [1, 2, 3, 4]
    assert [r.correct for r in results] == [True, False, True, False]
    assert results[0].your_answer == results[0].right_answer == "1 March 2025"
    assert results[3].your_answer == "(no answer)" and results[3].right_answer == "True"
    assert results[2].right_answer == "It is cheaper to build; It is dearer to run each year"
    assert session.missed() == ["piers", "closure"]
    assert session.missed_sections() == ["the-bridge"]
    assert session.points == 2 and session.max_points == 4
    assert session.fraction == 0.5 and not session.passed


def test_pass_mark_reached_exactly_passes(mini_pack):
    quiz = mini_pack.quiz_file.model_copy(update={"quiz": mini_pack.quiz.model_copy(update={"pass_mark": 0.75})})
    pack = mini_pack.model_copy(update={"quiz_file": quiz})
    session = QuizSession(pack, seed=1)
    for question in pack.questions[:3]:
        session.submit(question.id, right_response(question))
    session.submit("closure", wrong_response(pack.question("closure")))
    assert session.fraction == 0.75 and session.passed


def test_review_asks_exactly_the_missed(mini_pack):
    session = QuizSession(mini_pack, seed=1)
    for question in mini_pack.questions:
        response = wrong_response(question) if question.id in ("vote-date", "closure") else right_response(question)
        session.submit(question.id, response)
    review = session.review_session()
    assert review.review
    assert [q.id for q in review.questions] == ["vote-date", "closure"]
    assert review.answered == 0 and review.max_points == 2
    for question in review.questions:
        review.submit(question.id, right_response(question))
    assert review.missed() == []
    with pytest.raises(ValueError):
        review.review_session()


def test_review_and_retake_are_deterministic(mini_pack):
    def run():
        session = QuizSession(mini_pack, seed=11)
        session.submit("vote-date", wrong_response(mini_pack.question("vote-date")))
        return session.review_session().choice_order("vote-date"), session.retake().choice_order("piers")

    assert run() == run()


def test_retake_is_a_fresh_full_attempt(mini_pack):
    session = QuizSession(mini_pack, seed=1)
    session.submit("vote-date", right_response(mini_pack.question("vote-date")))
    retake = session.retake()
    assert retake.answered == 0 and retake.total == 4 and not retake.review


def test_unseeded_session_works(mini_pack):
    session = QuizSession(mini_pack)
    assert session.total == 4 and session.retake().total == 4


def test_unknown_question_ids_rejected(mini_pack):
    with pytest.raises(KeyError):
        QuizSession(mini_pack, question_ids=["nope"])
    with pytest.raises(KeyError):
        QuizSession(mini_pack).choice_order("nope")


def test_reading_progress(mini_pack):
    reading = ReadingProgress(mini_pack)
    assert (reading.count, reading.total, reading.all_read) == (0, 3, False)
    reading.mark_read("the-ferry")
    reading.mark_read("the-vote")
    reading.mark_read("the-vote")
    reading.mark_read("not-a-section")
    assert reading.read_ids == ("the-vote", "the-ferry")
    assert reading.is_read("the-vote") and not reading.is_read("the-bridge")
    reading.mark_read("the-bridge")
    assert reading.all_read and reading.count == 3


def test_bundled_pack_full_run(bundled_pack):
    session = QuizSession(bundled_pack, seed=2)
    for index, question in enumerate(session.questions):
        session.submit(question.id, wrong_response(question) if index % 4 == 0 else right_response(question))
    missed = session.missed()
    assert missed == [q.id for i, q in enumerate(session.questions) if i % 4 == 0]
    assert [q.id for q in session.review_session().questions] == missed
    assert set(session.missed_sections()) == {bundled_pack.question(m).section for m in missed}

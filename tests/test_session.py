"""Unit tests of explainer.session: quiz flow, shuffles, scores, review, reading."""

from __future__ import annotations

import random
import subprocess
import sys
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explainer.pack import (
    Choice,
    ChoiceResponse,
    MatchResponse,
    NumberResponse,
    OrderResponse,
    SingleChoiceQuestion,
    TextResponse,
    TrueFalseResponse,
)
from explainer.kinds.base import shuffle_out_of_order
from explainer.kinds.choice import shuffle_choices
from explainer.kinds.match import shuffle_options
from explainer.session import QuizSession, ReadingProgress


def right_response(question):
    """The fully right response to ``question``, of any type."""
    if question.type == "true_false":
        return TrueFalseResponse(question.answer)
    if question.type == "short_answer":
        return TextResponse(question.accept[0])
    if question.type == "numeric":
        return NumberResponse(question.answer if question.answer is not None else question.min)
    if question.type == "order":
        return OrderResponse(tuple(range(len(question.items))))
    if question.type == "match":
        return MatchResponse(tuple(range(len(question.pairs))))
    return ChoiceResponse(frozenset(i for i, c in enumerate(question.choices) if c.correct))


def wrong_response(question):
    """A wrong response (scoring 0) to ``question``, of any type."""
    if question.type == "true_false":
        return TrueFalseResponse(not question.answer)
    if question.type == "short_answer":
        return TextResponse("not " + question.accept[0])
    if question.type == "numeric":
        top = question.answer + question.tolerance if question.answer is not None else question.max
        return NumberResponse(top + 1 + abs(top))
    if question.type == "order":
        return OrderResponse(tuple(reversed(range(len(question.items)))))
    if question.type == "match":
        return MatchResponse((1, 0) + tuple(range(2, len(question.pairs))))
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
        assert a.display_order(question.id) == b.display_order(question.id)
        if question.type != "true_false":
            assert sorted(a.display_order(question.id)) == list(range(len(question.choices)))
        else:
            assert a.display_order(question.id) == ()


def test_choices_are_shuffled_for_some_seed(mini_pack):
    orders = {QuizSession(mini_pack, seed=s).display_order("vote-date") for s in range(20)}
    assert len(orders) > 1


def test_no_choice_shuffle_when_pack_says_no(verbatim_pack):
    for seed in range(5):
        assert QuizSession(verbatim_pack, seed=seed).display_order("brackets") == (0, 1)


def test_question_shuffle_when_pack_asks(mini_pack):
    quiz = mini_pack.quiz_file.model_copy(update={"quiz": mini_pack.quiz.model_copy(update={"shuffle_questions": True})})
    pack = mini_pack.model_copy(update={"quiz_file": quiz})
    orders = {tuple(q.id for q in QuizSession(pack, seed=s).questions) for s in range(20)}
    assert len(orders) > 1
    assert all(sorted(o) == sorted(q.id for q in mini_pack.questions) for o in orders)
    assert QuizSession(pack, seed=5).questions == QuizSession(pack, seed=5).questions


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
        return session.review_session().display_order("vote-date"), session.retake().display_order("piers")

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
        QuizSession(mini_pack).display_order("nope")


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
        result = session.submit(question.id, wrong_response(question) if index % 4 == 0 else right_response(question))
        assert result.correct == (index % 4 != 0) and result.points == (0 if index % 4 == 0 else question.points)
    missed = session.missed()
    assert missed == [q.id for i, q in enumerate(session.questions) if i % 4 == 0]
    assert [q.id for q in session.review_session().questions] == missed
    assert set(session.missed_sections()) == {bundled_pack.question(m).section for m in missed}


def test_bundled_pack_uses_every_question_type(bundled_pack):
    types = {question.type for question in bundled_pack.questions}
    assert types == {"single", "multiple", "true_false", "short_answer", "numeric", "order", "match"}
    assert any(getattr(q, "scoring", None) == "partial" for q in bundled_pack.questions)


# ------------------------------------------------------------------ every question type


def test_every_type_has_a_display_order(every_type_pack):
    session = QuizSession(every_type_pack, seed=1)
    pack = every_type_pack
    assert sorted(session.display_order("vote-date")) == [0, 1, 2, 3]
    assert sorted(session.display_order("story-order")) == [0, 1, 2]
    options = len(pack.question("who-what").right_options)
    assert sorted(session.display_order("who-what")) == list(range(options))
    for qid in ("closure", "town-name", "repair-months"):
        assert session.display_order(qid) == ()
    with pytest.raises(KeyError):
        session.display_order("nope")


def test_order_items_never_start_in_the_right_order(every_type_pack):
    orders = {QuizSession(every_type_pack, seed=s).display_order("story-order") for s in range(60)}
    assert (0, 1, 2) not in orders
    assert len(orders) == 5  # every other order of three items turns up


def test_order_items_are_shuffled_even_when_choices_are_not(every_type_pack):
    quiz = every_type_pack.quiz_file.model_copy(
        update={"quiz": every_type_pack.quiz.model_copy(update={"shuffle_choices": False})}
    )
    pack = every_type_pack.model_copy(update={"quiz_file": quiz})
    session = QuizSession(pack, seed=3)
    assert session.display_order("vote-date") == (0, 1, 2, 3)
    assert session.display_order("story-order") != (0, 1, 2)
    assert session.display_order("who-what")[:2] != (0, 1)


@given(st.integers(min_value=2, max_value=8), st.integers())
def test_shuffle_out_of_order_is_a_permutation_never_in_order(count, seed):
    order = shuffle_out_of_order(count, random.Random(seed))
    assert sorted(order) == list(range(count))
    assert order != tuple(range(count))


def test_shuffle_out_of_order_of_one_or_none():
    assert shuffle_out_of_order(1, random.Random(1)) == (0,)
    assert shuffle_out_of_order(0, random.Random(1)) == ()


def test_shuffle_out_of_order_is_uniform_over_wrong_orders():
    rng = random.Random(5)
    counts = Counter(shuffle_out_of_order(3, rng) for _ in range(5000))
    assert len(counts) == 5
    assert min(counts.values()) > 800  # about 1000 each


@given(st.integers(min_value=2, max_value=6), st.integers(min_value=0, max_value=3), st.integers())
def test_match_options_never_line_up_with_their_left_sides(pairs, distractors, seed):
    order = shuffle_options(pairs, pairs + distractors, random.Random(seed))
    assert sorted(order) == list(range(pairs + distractors))
    assert any(order[k] != k for k in range(pairs))


def _choices(pins):
    return tuple(Choice(text=str(i), correct=i == 0, pin=pin) for i, pin in enumerate(pins))


@settings(deadline=None)  # examples: the profile tests/conftest.py loads
@given(st.lists(st.booleans(), min_size=2, max_size=8), st.integers())
def test_pinned_choices_keep_their_written_position(pins, seed):
    order = shuffle_choices(_choices(pins), random.Random(seed))
    assert sorted(order) == list(range(len(pins)))
    for position, pinned in enumerate(pins):
        if pinned:
            assert order[position] == position


def test_unpinned_choices_shuffle_as_before():
    choices = _choices([False] * 5)
    expected = list(range(5))
    random.Random(9).shuffle(expected)
    assert shuffle_choices(choices, random.Random(9)) == tuple(expected)
    assert shuffle_choices(choices, None) == (0, 1, 2, 3, 4)


def test_pinned_choice_stays_last_in_the_session(every_type_pack):
    orders = {QuizSession(every_type_pack, seed=s).display_order("vote-date") for s in range(30)}
    assert len(orders) > 1
    assert all(order[3] == 3 for order in orders)  # "None of the above" stays last


def test_same_seed_same_orders_for_every_type(every_type_pack):
    a, b = QuizSession(every_type_pack, seed=4), QuizSession(every_type_pack, seed=4)
    for question in every_type_pack.questions:
        assert a.display_order(question.id) == b.display_order(question.id)


def test_answer_every_type_right(every_type_pack):
    session = QuizSession(every_type_pack, seed=2)
    responses = {
        "vote-date": ChoiceResponse(frozenset({0})),
        "ferry-facts": ChoiceResponse(frozenset({0, 1})),
        "closure": TrueFalseResponse(True),
        "town-name": TextResponse("  harbourtown "),
        "repair-months": NumberResponse(17.0),
        "story-order": OrderResponse((0, 1, 2)),
        "who-what": MatchResponse((0, 1)),
    }
    for qid, response in responses.items():
        assert session.submit(qid, response).correct, qid
    assert session.missed() == [] and session.points == session.max_points == 7


def test_partial_credit_counts_in_the_score_but_is_still_missed(every_type_pack):
    session = QuizSession(every_type_pack, seed=2)
    result = session.submit("ferry-facts", ChoiceResponse(frozenset({0})))
    assert result.points == pytest.approx(0.5) and not result.correct
    assert session.points == pytest.approx(0.5)
    assert "ferry-facts" in session.missed()
    line = next(r for r in session.results() if r.question.id == "ferry-facts")
    assert line.your_answer == "It is cheaper to build" and not line.correct


def test_results_describe_every_type(every_type_pack):
    session = QuizSession(every_type_pack, seed=2)
    session.submit("town-name", TextResponse("Harbour  Town"))
    session.submit("repair-months", NumberResponse(10000.0))
    session.submit("story-order", OrderResponse((2, 1, 0)))
    session.submit("who-what", MatchResponse((2, 1)))
    lines = {r.question.id: r for r in session.results()}
    assert lines["town-name"].correct and lines["town-name"].your_answer == "Harbour  Town"
    assert lines["town-name"].right_answer == "Harbourtown (also accepted: Harbour town)"
    assert lines["repair-months"].your_answer == "10,000" and lines["repair-months"].right_answer == "18 (± 1)"
    assert lines["story-order"].your_answer.startswith("Harbourtown votes → ")
    assert lines["who-what"].your_answer == (
        "Run a ferry [option B] → Carry lorries across the harbour; "
        "Repair the bridge → Close the crossing for about 18 months"
    )
    assert not lines["who-what"].correct


def test_hints_are_recorded_per_question(every_type_pack):
    session = QuizSession(every_type_pack, seed=2)
    assert not session.hint_used("vote-date") and session.hints_used == ()
    assert session.use_hint("story-order") == "The vote comes last."
    assert session.use_hint("vote-date") == "The vote comes after the council's minutes."
    session.use_hint("vote-date")  # again: recorded once
    assert session.hint_used("vote-date") and session.hint_used("story-order")
    assert not session.hint_used("town-name")
    assert session.hints_used == ("vote-date", "story-order")  # in the order asked
    with pytest.raises(ValueError):
        session.use_hint("closure")  # no hint to give
    with pytest.raises(KeyError):
        session.use_hint("nope")
    with pytest.raises(KeyError):
        session.hint_used("nope")
    used = {r.question.id: r.hint_used for r in session.results()}
    assert used == {q.id: q.id in ("vote-date", "story-order") for q in every_type_pack.questions}
    # A hint costs no points.
    assert session.submit("vote-date", ChoiceResponse(frozenset({0}))).points == 1


def test_review_and_retake_start_without_hints(every_type_pack):
    session = QuizSession(every_type_pack, seed=2)
    session.use_hint("vote-date")
    session.submit("vote-date", ChoiceResponse(frozenset({1})))
    review = session.review_session()
    assert review.hints_used == () and session.retake().hints_used == ()


def test_single_question_object_with_pins_needs_no_pack():
    question = SingleChoiceQuestion(
        id="q", type="single", prompt="?", section="s", choices=_choices([False, False, True])
    )
    for seed in range(10):
        assert shuffle_choices(question.choices, random.Random(seed))[2] == 2

"""Scoring is a pure function of (question, response): points and correctness."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explainer.pack import (
    Choice,
    ChoiceResponse,
    MultipleChoiceQuestion,
    SingleChoiceQuestion,
    TrueFalseQuestion,
    TrueFalseResponse,
    describe_answer,
    describe_response,
    score,
)

COMMON = {"prompt": "?", "section": "s", "explanation": "e"}
SINGLE = SingleChoiceQuestion(
    id="one", type="single", points=2, choices=(Choice(text="a"), Choice(text="b", correct=True), Choice(text="c")), **COMMON
)
MULTIPLE = MultipleChoiceQuestion(
    id="many",
    type="multiple",
    points=3,
    choices=(Choice(text="a", correct=True), Choice(text="b"), Choice(text="c", correct=True)),
    **COMMON,
)
TRUE_FALSE = TrueFalseQuestion(id="tf", type="true_false", answer=False, **COMMON)


def test_single_right_and_wrong() -> None:
    right = score(SINGLE, ChoiceResponse(frozenset({1})))
    assert (right.points, right.max_points, right.correct) == (2.0, 2.0, True)
    wrong = score(SINGLE, ChoiceResponse(frozenset({0})))
    assert (wrong.points, wrong.correct) == (0.0, False)


def test_multiple_is_all_or_nothing() -> None:
    assert score(MULTIPLE, ChoiceResponse(frozenset({0, 2}))).points == 3.0
    assert score(MULTIPLE, ChoiceResponse(frozenset({0}))).points == 0.0
    assert score(MULTIPLE, ChoiceResponse(frozenset({0, 1, 2}))).points == 0.0
    assert not score(MULTIPLE, ChoiceResponse(frozenset())).correct


def test_true_false() -> None:
    assert score(TRUE_FALSE, TrueFalseResponse(False)).correct
    assert not score(TRUE_FALSE, TrueFalseResponse(True)).correct


def test_skipped_question_scores_zero() -> None:
    skipped = score(SINGLE, None)
    assert (skipped.points, skipped.max_points, skipped.correct) == (0.0, 2.0, False)


def test_mismatched_response_kind_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        score(TRUE_FALSE, ChoiceResponse(frozenset({0})))
    with pytest.raises(TypeError):
        score(SINGLE, TrueFalseResponse(True))


@given(st.frozensets(st.integers(min_value=0, max_value=2)))
def test_choice_score_is_full_or_zero_and_right_only_for_the_exact_set(selected: frozenset[int]) -> None:
    result = score(MULTIPLE, ChoiceResponse(selected))
    assert result.points in (0.0, 3.0)
    assert result.correct == (selected == frozenset({0, 2}))
    assert result.points == (3.0 if result.correct else 0.0)


def test_answers_in_words() -> None:
    assert describe_answer(SINGLE) == "b"
    assert describe_answer(MULTIPLE) == "a; c"
    assert describe_answer(TRUE_FALSE) == "False"
    assert describe_response(MULTIPLE, ChoiceResponse(frozenset({2, 0}))) == "a; c"
    assert describe_response(TRUE_FALSE, TrueFalseResponse(True)) == "True"
    assert describe_response(SINGLE, None) == "(no answer)"

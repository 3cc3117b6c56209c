"""Scoring is a pure function of (question, response): points and correctness."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explainer.pack import (
    Choice,
    ChoiceResponse,
    MatchQuestion,
    MatchResponse,
    MultipleChoiceQuestion,
    NumberResponse,
    NumericQuestion,
    OrderQuestion,
    OrderResponse,
    Pair,
    ShortAnswerQuestion,
    SingleChoiceQuestion,
    TextResponse,
    TrueFalseQuestion,
    TrueFalseResponse,
    describe_answer,
    describe_response,
    format_number,
    normalise_text,
    parse_number,
    score,
)
from explainer.pack.scoring import partial_fraction

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


# ------------------------------------------------------------------ new question types

SHORT = ShortAnswerQuestion(id="short", type="short_answer", accept=("Hanawon", "Hanawon centre"), **COMMON)
SHORT_CASED = ShortAnswerQuestion(id="cased", type="short_answer", accept=("NIS",), case_sensitive=True, **COMMON)
NUMERIC = NumericQuestion(id="num", type="numeric", answer=10000, tolerance=500, points=2, **COMMON)
NUMERIC_EXACT = NumericQuestion(id="exact", type="numeric", answer=12, **COMMON)
NUMERIC_RANGE = NumericQuestion(id="range", type="numeric", min=-5, max=2.5, **COMMON)
ORDER = OrderQuestion(id="order", type="order", items=("first", "second", "third"), **COMMON)
MATCH = MatchQuestion(
    id="match",
    type="match",
    pairs=(Pair(left="Ponomarenko", right="Ukraine"), Pair(left="Cho Tae-yul", right="South Korea")),
    distractors=("Russia",),
    **COMMON,
)
PARTIAL = MultipleChoiceQuestion(
    id="partial",
    type="multiple",
    scoring="partial",
    points=3,
    choices=(
        Choice(text="a", correct=True),
        Choice(text="b", correct=True),
        Choice(text="c", correct=True),
        Choice(text="d"),
        Choice(text="e"),
    ),
    **COMMON,
)


@pytest.mark.parametrize(
    "typed",
    ["Hanawon", "hanawon", "  HANAWON ", "hanawon   centre", "Hanawon\tCentre", "HANAWON CENTRE\n"],
)
def test_short_answer_ignores_case_and_spaces(typed: str) -> None:
    result = score(SHORT, TextResponse(typed))
    assert (result.points, result.correct) == (1.0, True)


@pytest.mark.parametrize("typed", ["Hanawo", "Hana won", "Hanawon center", "", "   ", "Hanawon centre x"])
def test_short_answer_refuses_other_text(typed: str) -> None:
    assert not score(SHORT, TextResponse(typed)).correct


def test_short_answer_case_sensitive_still_folds_spaces() -> None:
    assert score(SHORT_CASED, TextResponse("  NIS ")).correct
    assert not score(SHORT_CASED, TextResponse("nis")).correct
    assert not score(SHORT_CASED, TextResponse("Nis")).correct


def test_short_answer_unicode_forms_compare_equal() -> None:
    question = ShortAnswerQuestion(id="cafe", type="short_answer", accept=("Café",), **COMMON)
    assert score(question, TextResponse("Cafe\u0301")).correct  # e + combining acute
    assert score(question, TextResponse("CAFÉ")).correct
    assert normalise_text("  Cafe\u0301   Crème ") == "café crème"


@pytest.mark.parametrize(
    ("value", "correct"),
    [(10000, True), (9500, True), (10500, True), (9499.99, False), (10500.01, False), (-10000, False)],
)
def test_numeric_with_tolerance_is_inclusive(value: float, correct: bool) -> None:
    result = score(NUMERIC, NumberResponse(value))
    assert result.correct is correct
    assert result.points == (2.0 if correct else 0.0)


def test_numeric_exact_and_range() -> None:
    assert score(NUMERIC_EXACT, NumberResponse(12.0)).correct
    assert not score(NUMERIC_EXACT, NumberResponse(12.5)).correct
    assert score(NUMERIC_RANGE, NumberResponse(-5)).correct
    assert score(NUMERIC_RANGE, NumberResponse(2.5)).correct
    assert score(NUMERIC_RANGE, NumberResponse(0)).correct
    assert not score(NUMERIC_RANGE, NumberResponse(2.51)).correct
    assert not score(NUMERIC_RANGE, NumberResponse(-5.01)).correct


def test_numeric_float_rounding_does_not_cost_the_point() -> None:
    question = NumericQuestion(id="f", type="numeric", answer=0.3, **COMMON)
    assert score(question, NumberResponse(0.1 + 0.2)).correct


def test_numeric_never_right_for_nan_or_infinity() -> None:
    for value in (math.nan, math.inf, -math.inf):
        assert not score(NUMERIC, NumberResponse(value)).correct
        assert not score(NUMERIC_RANGE, NumberResponse(value)).correct


ACCEPTED_NUMBERS = [
    ("10000", 10000.0),
    ("10,000", 10000.0),
    ("1e4", 10000.0),
    ("1E4", 10000.0),
    ("-5", -5.0),
    ("+3", 3.0),
    ("\u22125", -5.0),  # typographic minus
    ("0.25", 0.25),
    (".5", 0.5),
    ("5.", 5.0),
    ("  1,300  ", 1300.0),
    ("1,234,567.5", 1234567.5),
    ("-10,000", -10000.0),
    ("2.5e-3", 0.0025),
    ("0", 0.0),
]


@pytest.mark.parametrize(("typed", "value"), ACCEPTED_NUMBERS)
def test_parse_number_accepts(typed: str, value: float) -> None:
    assert parse_number(typed) == pytest.approx(value)


REFUSED_NUMBERS = [
    "ten",
    "",
    "   ",
    "10,00",
    "1,0000",
    "1.2.3",
    "1e",
    "e4",
    "--5",
    "1 000",
    "1_000",
    "50%",
    "0x10",
    "nan",
    "inf",
    "1e999",
    "12 weeks",
    ",5",
]


@pytest.mark.parametrize("typed", REFUSED_NUMBERS)
def test_parse_number_refuses_with_a_message_for_the_reader(typed: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_number(typed)
    message = str(caught.value)
    assert message and "\n" not in message and len(message) < 120
    assert "number" in message


def test_parse_number_message_quotes_what_was_typed() -> None:
    with pytest.raises(ValueError, match="“ten” is not a number"):
        parse_number(" ten ")
    with pytest.raises(ValueError, match="…"):
        parse_number("x" * 200)  # a long entry is shortened in the message


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_parse_number_reads_back_what_format_number_writes(value: int) -> None:
    assert parse_number(format_number(value)) == value
    assert parse_number(str(value)) == value


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12))
def test_parse_number_reads_python_float_text(value: float) -> None:
    assert parse_number(repr(value)) == value


@given(st.text(max_size=20))
def test_parse_number_either_returns_a_finite_number_or_raises_value_error(text: str) -> None:
    try:
        value = parse_number(text)
    except ValueError as error:
        assert str(error)
    else:
        assert math.isfinite(value)


def test_order_is_all_or_nothing() -> None:
    assert score(ORDER, OrderResponse((0, 1, 2))).correct
    assert score(ORDER, OrderResponse((0, 1, 2))).points == 1.0
    for wrong in [(1, 0, 2), (2, 1, 0), (0, 2, 1), (0, 1), (0, 1, 2, 2)]:
        result = score(ORDER, OrderResponse(wrong))
        assert (result.points, result.correct) == (0.0, False)


def test_match_needs_every_pair() -> None:
    assert score(MATCH, MatchResponse((0, 1))).correct
    for wrong in [(1, 0), (0, 2), (2, 2), (0, None), (None, None), (0,)]:
        result = score(MATCH, MatchResponse(wrong))
        assert (result.points, result.correct) == (0.0, False)


def test_match_right_options_are_pairs_then_distractors() -> None:
    assert MATCH.right_options == ("Ukraine", "South Korea", "Russia")


def test_new_types_refuse_the_wrong_response_kind() -> None:
    for question, response in [
        (SHORT, NumberResponse(1)),
        (NUMERIC, TextResponse("10000")),
        (ORDER, MatchResponse((0, 1, 2))),
        (MATCH, OrderResponse((0, 1))),
    ]:
        with pytest.raises(TypeError):
            score(question, response)
        assert score(question, None).points == 0.0


# ------------------------------------------------------------------ partial scoring


@pytest.mark.parametrize(
    ("selected", "fraction"),
    [
        ({0, 1, 2}, 1.0),  # every right choice, nothing wrong
        ({0, 1}, 2 / 3),
        ({0}, 1 / 3),
        ({0, 1, 2, 3}, 2 / 3),  # one wrong pick cancels one right pick
        ({0, 1, 3}, 1 / 3),
        ({0, 3}, 0.0),
        ({0, 3, 4}, 0.0),  # never below 0
        ({3, 4}, 0.0),
        (set(), 0.0),
    ],
)
def test_partial_formula(selected: set[int], fraction: float) -> None:
    assert partial_fraction(PARTIAL, frozenset(selected)) == pytest.approx(fraction)
    result = score(PARTIAL, ChoiceResponse(frozenset(selected)))
    assert result.points == pytest.approx(3 * fraction)
    assert result.correct == (selected == {0, 1, 2})


def test_partial_with_one_right_choice_is_all_or_nothing_for_that_choice() -> None:
    question = PARTIAL.model_copy(update={"choices": (Choice(text="a", correct=True), Choice(text="b"))})
    assert score(question, ChoiceResponse(frozenset({0}))).points == 3.0
    assert score(question, ChoiceResponse(frozenset({0, 1}))).points == 0.0


@given(st.frozensets(st.integers(min_value=0, max_value=4)), st.integers(min_value=1, max_value=100))
def test_partial_points_stay_between_zero_and_the_question_points(selected: frozenset[int], points: int) -> None:
    question = PARTIAL.model_copy(update={"points": points})
    result = score(question, ChoiceResponse(selected))
    assert 0.0 <= result.points <= points
    assert result.max_points == points
    assert (result.points == points) == result.correct
    # More right picks never earn less; an added wrong pick never earns more.
    for extra in range(5):
        more = score(question, ChoiceResponse(selected | {extra})).points
        if extra < 3:
            assert more >= result.points
        else:
            assert more <= result.points


def test_all_or_nothing_stays_the_default() -> None:
    assert MULTIPLE.scoring == "all_or_nothing"
    assert score(MULTIPLE, ChoiceResponse(frozenset({0}))).points == 0.0


# ------------------------------------------------------------------ in words


def test_new_types_in_words() -> None:
    assert describe_answer(SHORT) == "Hanawon (also accepted: Hanawon centre)"
    assert describe_answer(SHORT_CASED) == "NIS"
    assert describe_answer(NUMERIC) == "10,000 (± 500)"
    assert describe_answer(NUMERIC_EXACT) == "12"
    assert describe_answer(NUMERIC_RANGE) == "from -5 to 2.5"
    assert describe_answer(ORDER) == "first → second → third"
    assert describe_answer(MATCH) == "Ponomarenko → Ukraine; Cho Tae-yul → South Korea"
    assert describe_response(SHORT, TextResponse("  hanawon ")) == "hanawon"
    assert describe_response(SHORT, TextResponse("  ")) == "(no answer)"
    assert describe_response(NUMERIC, NumberResponse(1e4)) == "10,000"
    assert describe_response(NUMERIC, NumberResponse(0.1 + 0.2)) == "0.3"
    assert describe_response(ORDER, OrderResponse((2, 0, 1))) == "third → first → second"
    assert describe_response(MATCH, MatchResponse((2, None))) == "Ponomarenko → Russia; Cho Tae-yul → (none)"
    assert describe_response(ORDER, None) == "(no answer)"


def test_format_number() -> None:
    assert format_number(10000) == "10,000"
    assert format_number(-5.0) == "-5"
    assert format_number(0.25) == "0.25"
    assert format_number(1234.5) == "1,234.5"

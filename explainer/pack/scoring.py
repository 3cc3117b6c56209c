"""Scoring: a pure function from (question, response) to points and correctness.

Responses are small frozen values, one kind per family of question types:

- :class:`ChoiceResponse` for ``single`` and ``multiple``: the indexes of the picked
  choices, counted in the order the choices are written in quiz.toml (not the shuffled
  order the reader saw).
- :class:`TrueFalseResponse` for ``true_false``.
- :class:`TextResponse` for ``short_answer``.
- :class:`NumberResponse` for ``numeric`` (parse typed text with :func:`parse_number`).
- :class:`OrderResponse` for ``order``: item indexes (file order) in the reader's order.
- :class:`MatchResponse` for ``match``: for each left side (file order), the index of
  the picked right-hand option in ``question.right_options``, or None.

How each type scores (``points`` is the question's points):

- single, true_false, short_answer, numeric, order, match: all or nothing.
- multiple, ``scoring = "all_or_nothing"`` (default): all or nothing.
- multiple, ``scoring = "partial"``: with k right choices, each right choice picked
  earns 1/k and each wrong choice picked costs 1/k; the fraction is never below 0, and
  the points are ``fraction * points``. Only exactly the right set counts as correct.

Nothing here touches the UI, the clock or the disk, so it is tested on its own.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from explainer.pack.model import (
    AnyQuestion,
    MatchQuestion,
    MultipleChoiceQuestion,
    NumericQuestion,
    OrderQuestion,
    ShortAnswerQuestion,
    SingleChoiceQuestion,
    TrueFalseQuestion,
)


@dataclass(frozen=True)
class ChoiceResponse:
    """The choices a reader picked in a single- or multiple-choice question.

    Attributes:
        selected: indexes (0-based, in file order) of the picked choices.
    """

    selected: frozenset[int]


@dataclass(frozen=True)
class TrueFalseResponse:
    """The reader's verdict on a true/false statement.

    Attributes:
        value: True if the reader said the statement is true.
    """

    value: bool


@dataclass(frozen=True)
class TextResponse:
    """What the reader typed for a short-answer question.

    Attributes:
        text: the typed text, as typed.
    """

    text: str


@dataclass(frozen=True)
class NumberResponse:
    """The number the reader gave for a numeric question.

    Attributes:
        value: the number (parse typed text with :func:`parse_number`).
    """

    value: float


@dataclass(frozen=True)
class OrderResponse:
    """The reader's order of an order question's items.

    Attributes:
        order: item indexes (0-based, in file order), first to last as the reader put them.
    """

    order: tuple[int, ...]


@dataclass(frozen=True)
class MatchResponse:
    """The reader's pairing in a match question.

    Attributes:
        matches: one entry per left side (file order): the index of the picked option
            in ``question.right_options``, or None where nothing was picked.
    """

    matches: tuple[int | None, ...]


Response = (
    ChoiceResponse | TrueFalseResponse | TextResponse | NumberResponse | OrderResponse | MatchResponse
)
"""Any response the scoring function accepts."""

_RESPONSE_KIND: dict[type, type] = {
    SingleChoiceQuestion: ChoiceResponse,
    MultipleChoiceQuestion: ChoiceResponse,
    TrueFalseQuestion: TrueFalseResponse,
    ShortAnswerQuestion: TextResponse,
    NumericQuestion: NumberResponse,
    OrderQuestion: OrderResponse,
    MatchQuestion: MatchResponse,
}


@dataclass(frozen=True)
class Score:
    """The result of scoring one response.

    Attributes:
        points: points earned, from 0 to ``max_points``.
        max_points: the question's ``points``.
        correct: True when the response is fully right.
    """

    points: float
    max_points: float
    correct: bool


def score(question: AnyQuestion, response: Response | None) -> Score:
    """Score ``response`` to ``question``.

    Args:
        question: a validated question model.
        response: what the reader answered, or None when the question was skipped.
            Its kind must match the question type (see the module docstring).

    Returns:
        A :class:`Score`; the rules per type are in the module docstring. A skipped
        question scores 0.

    Raises:
        TypeError: if the response kind does not fit the question type.
    """
    max_points = float(question.points)
    if response is None:
        return Score(0.0, max_points, False)
    expected = _RESPONSE_KIND[type(question)]
    if not isinstance(response, expected):
        raise TypeError(f"question {question.id!r} needs a {expected.__name__}")
    if isinstance(question, MultipleChoiceQuestion) and question.scoring == "partial":
        assert isinstance(response, ChoiceResponse)
        fraction = partial_fraction(question, response.selected)
        correct = response.selected == correct_choice_indexes(question)
        return Score(round(fraction * max_points, 6), max_points, correct)
    correct = is_correct(question, response)
    return Score(max_points if correct else 0.0, max_points, correct)


def is_correct(question: AnyQuestion, response: Response) -> bool:
    """Return True when ``response`` is fully right for ``question`` (kinds must match)."""
    if isinstance(question, (SingleChoiceQuestion, MultipleChoiceQuestion)):
        return response.selected == correct_choice_indexes(question)  # type: ignore[union-attr]
    if isinstance(question, TrueFalseQuestion):
        return response.value == question.answer  # type: ignore[union-attr]
    if isinstance(question, ShortAnswerQuestion):
        typed = normalise_text(response.text, question.case_sensitive)  # type: ignore[union-attr]
        return any(typed == normalise_text(a, question.case_sensitive) for a in question.accept)
    if isinstance(question, NumericQuestion):
        value = response.value  # type: ignore[union-attr]
        if not math.isfinite(value):
            return False
        if question.answer is not None:
            return abs(value - question.answer) <= question.tolerance + 1e-12 * max(1.0, abs(question.answer))
        return question.min <= value <= question.max  # type: ignore[operator]
    if isinstance(question, OrderQuestion):
        return tuple(response.order) == tuple(range(len(question.items)))  # type: ignore[union-attr]
    if isinstance(question, MatchQuestion):
        return tuple(response.matches) == tuple(range(len(question.pairs)))  # type: ignore[union-attr]
    raise TypeError(f"unknown question type {type(question).__name__}")  # pragma: no cover


def partial_fraction(question: MultipleChoiceQuestion, selected: frozenset[int]) -> float:
    """The partial-credit fraction (0..1) of a multiple-choice pick.

    With k right choices: +1/k for each right choice picked, -1/k for each wrong one
    picked, never below 0. E.g. 2 right of 3 picked with 1 wrong: (2 - 1)/3.
    """
    right = correct_choice_indexes(question)
    k = len(right)
    earned = sum(1 for i in selected if i in right) - sum(1 for i in selected if i not in right)
    return max(0.0, earned / k)


def correct_choice_indexes(question: SingleChoiceQuestion | MultipleChoiceQuestion) -> frozenset[int]:
    """Return the file-order indexes of the correct choices of a choice question."""
    return frozenset(i for i, choice in enumerate(question.choices) if choice.correct)


_SPACES = re.compile(r"\s+")


def normalise_text(text: str, case_sensitive: bool = False) -> str:
    """Normalise a short answer for comparison.

    Brings the text to Unicode NFC (so a letter typed as base + combining accent equals
    the same letter typed precomposed), strips surrounding white space and folds runs
    of inner white space to one space; unless ``case_sensitive``, also folds letter
    case (``str.casefold``).
    """
    folded = _SPACES.sub(" ", unicodedata.normalize("NFC", text).strip())
    return folded if case_sensitive else folded.casefold()


_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def parse_number(text: str) -> float:
    """Parse a number as a reader types it.

    Accepts ``10000``, ``10,000`` (commas between groups of three digits), ``1e4``,
    ``-5``, ``0.25``, ``+3``, with spaces around. Returns it as a float.

    Raises:
        ValueError: with a one-line message for the reader, for anything else (words,
            ``10,00``, ``1.2.3``, an empty answer, infinities).
    """
    cleaned = text.strip().replace("\u2212", "-")  # a typographic minus sign
    if not cleaned:
        raise ValueError("Type a number, for example 10000, 10,000 or 1e4.")
    if _GROUPED.fullmatch(cleaned):
        cleaned = cleaned.replace(",", "")
    elif not _NUMBER.fullmatch(cleaned):
        shown = cleaned if len(cleaned) <= 24 else cleaned[:23] + "…"
        raise ValueError(
            f"“{shown}” is not a number. Use digits, for example 10000, 10,000, 1e4 or -5."
        )
    value = float(cleaned)
    if not math.isfinite(value):
        raise ValueError("That number is too large.")
    return value


def format_number(value: float) -> str:
    """Show a number without a needless ``.0``, with thousands separated: ``10,000``."""
    if not math.isfinite(value):
        return str(value)
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) >= 1e15 or abs(value) < 1e-4 else f"{value:,.15g}"


def describe_answer(question: AnyQuestion) -> str:
    """Return the right answer in words, e.g. ``"True"`` or the right choice texts.

    Several parts are joined with ``"; "``. Author text is returned verbatim.
    """
    if isinstance(question, TrueFalseQuestion):
        return "True" if question.answer else "False"
    if isinstance(question, (SingleChoiceQuestion, MultipleChoiceQuestion)):
        return "; ".join(c.text for c in question.choices if c.correct)
    if isinstance(question, ShortAnswerQuestion):
        first, *others = question.accept
        return first if not others else f"{first} (also accepted: {', '.join(others)})"
    if isinstance(question, NumericQuestion):
        if question.answer is not None:
            exact = format_number(question.answer)
            return exact if not question.tolerance else f"{exact} (± {format_number(question.tolerance)})"
        return f"from {format_number(question.min)} to {format_number(question.max)}"  # type: ignore[arg-type]
    if isinstance(question, OrderQuestion):
        return " → ".join(question.items)
    if isinstance(question, MatchQuestion):
        return "; ".join(f"{p.left} → {p.right}" for p in question.pairs)
    raise TypeError(f"unknown question type {type(question).__name__}")  # pragma: no cover


def describe_response(question: AnyQuestion, response: Response | None) -> str:
    """Return the reader's response in words; ``"(no answer)"`` when skipped."""
    if response is None:
        return "(no answer)"
    if isinstance(response, TrueFalseResponse):
        return "True" if response.value else "False"
    if isinstance(response, TextResponse):
        return response.text.strip() or "(no answer)"
    if isinstance(response, NumberResponse):
        return format_number(response.value)
    if isinstance(response, OrderResponse) and isinstance(question, OrderQuestion):
        return " → ".join(question.items[i] for i in response.order if 0 <= i < len(question.items))
    if isinstance(response, MatchResponse) and isinstance(question, MatchQuestion):
        options = question.right_options
        parts = [
            f"{pair.left} → {options[pick] if pick is not None and 0 <= pick < len(options) else '(none)'}"
            for pair, pick in zip(question.pairs, response.matches)
        ]
        return "; ".join(parts)
    if isinstance(response, ChoiceResponse) and isinstance(question, (SingleChoiceQuestion, MultipleChoiceQuestion)):
        picked = [question.choices[i].text for i in sorted(response.selected) if 0 <= i < len(question.choices)]
        return "; ".join(picked) if picked else "(no answer)"
    return "(no answer)"  # pragma: no cover - mismatched kinds

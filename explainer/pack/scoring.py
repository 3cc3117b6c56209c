"""Scoring: a pure function from (question, response) to points and correctness.

Responses are small frozen values, one kind per family of question types:

- :class:`ChoiceResponse` for ``single`` and ``multiple``: the indexes of the picked
  choices, counted in the order the choices are written in quiz.toml (not the shuffled
  order the reader saw).
- :class:`TrueFalseResponse` for ``true_false``.

Nothing here touches the UI, the clock or the disk, so it is tested on its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from explainer.pack.model import (
    MultipleChoiceQuestion,
    SingleChoiceQuestion,
    TrueFalseQuestion,
)

AnyQuestion = SingleChoiceQuestion | MultipleChoiceQuestion | TrueFalseQuestion


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


Response = ChoiceResponse | TrueFalseResponse
"""Any response the scoring function accepts."""


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
            Its kind must match the question type.

    Returns:
        A :class:`Score`. Single: full points for the one right choice. Multiple: full
        points only when exactly the right set is picked (all or nothing). True/false:
        full points when the verdict matches ``answer``. A skipped question scores 0.

    Raises:
        TypeError: if the response kind does not fit the question type.
    """
    max_points = float(question.points)
    if response is None:
        return Score(0.0, max_points, False)
    if isinstance(question, (SingleChoiceQuestion, MultipleChoiceQuestion)):
        if not isinstance(response, ChoiceResponse):
            raise TypeError(f"question {question.id!r} needs a ChoiceResponse")
        right = correct_choice_indexes(question)
        correct = response.selected == right
    elif isinstance(question, TrueFalseQuestion):
        if not isinstance(response, TrueFalseResponse):
            raise TypeError(f"question {question.id!r} needs a TrueFalseResponse")
        correct = response.value == question.answer
    else:  # pragma: no cover - the union above is exhaustive
        raise TypeError(f"unknown question type {type(question).__name__}")
    return Score(max_points if correct else 0.0, max_points, correct)


def correct_choice_indexes(question: SingleChoiceQuestion | MultipleChoiceQuestion) -> frozenset[int]:
    """Return the file-order indexes of the correct choices of a choice question."""
    return frozenset(i for i, choice in enumerate(question.choices) if choice.correct)


def describe_answer(question: AnyQuestion) -> str:
    """Return the right answer in words, e.g. ``"True"`` or the right choice texts.

    Several right choices are joined with ``"; "``. The text is the author's, verbatim.
    """
    if isinstance(question, TrueFalseQuestion):
        return "True" if question.answer else "False"
    return "; ".join(c.text for c in question.choices if c.correct)


def describe_response(question: AnyQuestion, response: Response | None) -> str:
    """Return the reader's response in words; ``"(no answer)"`` when skipped."""
    if response is None:
        return "(no answer)"
    if isinstance(response, TrueFalseResponse):
        return "True" if response.value else "False"
    if isinstance(question, TrueFalseQuestion):  # pragma: no cover - mismatched kinds
        return "(no answer)"
    picked = [question.choices[i].text for i in sorted(response.selected) if i < len(question.choices)]
    return "; ".join(picked) if picked else "(no answer)"

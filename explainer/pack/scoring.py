"""Scoring: a pure function from (question, response) to points and correctness.

The rules live in the question kinds (:mod:`explainer.kinds`, one module per type:
for example :mod:`explainer.kinds.multiple` says how partial credit works); this module
is the short way to them for code that holds a question and a response. The response
classes are those of :mod:`explainer.kinds`.

Nothing here touches the UI, the clock or the disk, so it is tested on its own.
"""

from __future__ import annotations

from explainer.kinds import (
    ChoiceResponse,
    MatchResponse,
    NumberResponse,
    OrderResponse,
    Response,
    Score,
    TextResponse,
    TrueFalseResponse,
    correct_choice_indexes,
    format_number,
    kind_of,
    normalise_text,
    parse_number,
    partial_fraction,
)
from explainer.pack.model import AnyQuestion

__all__ = [
    "ChoiceResponse",
    "MatchResponse",
    "NumberResponse",
    "OrderResponse",
    "Response",
    "Score",
    "TextResponse",
    "TrueFalseResponse",
    "correct_choice_indexes",
    "describe_answer",
    "describe_response",
    "format_number",
    "is_correct",
    "normalise_text",
    "parse_number",
    "partial_fraction",
    "score",
]


def score(question: AnyQuestion, response: Response | None) -> Score:
    """Score ``response`` to ``question`` (None: skipped, 0 points) by the question's kind.

    Raises:
        TypeError: the response kind does not fit the question type.
    """
    return kind_of(question).score(question, response)


def is_correct(question: AnyQuestion, response: Response) -> bool:
    """Return True when ``response`` is fully right for ``question`` (kinds must match)."""
    return kind_of(question).is_correct(question, response)


def describe_answer(question: AnyQuestion) -> str:
    """Return the right answer in words, e.g. ``"True"`` or the right choice texts.

    Several parts are joined with ``"; "``. Author text is returned verbatim.
    """
    return kind_of(question).describe_answer(question)


def describe_response(question: AnyQuestion, response: Response | None) -> str:
    """Return the reader's response in words; ``"(no answer)"`` when skipped."""
    kind = kind_of(question)
    if response is not None and not isinstance(response, kind.response_type):
        return "(no answer)"
    return kind.describe_response(question, response)

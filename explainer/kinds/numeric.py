"""The ``numeric`` kind: type a number; right within ``answer`` ± ``tolerance``, or from
``min`` to ``max`` (inclusive). Typed text is read with
:func:`~explainer.kinds.base.parse_number`; text that is not a number is never scored.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from explainer.i18n import _
from explainer.kinds.base import QuestionKind, format_number, parse_number
from explainer.pack.model import NumericQuestion


@dataclass(frozen=True)
class NumberResponse:
    """The number the reader gave for a numeric question.

    Attributes:
        value: the number (parse typed text with :func:`~explainer.kinds.base.parse_number`).
    """

    value: float


class NumericKind(QuestionKind[NumericQuestion, NumberResponse]):
    """A typed number; all or nothing."""

    type = "numeric"
    model = NumericQuestion
    response_type = NumberResponse
    saved_tag = "number"
    saved_key = "value"
    typed = True

    def is_correct(self, question: NumericQuestion, response: NumberResponse) -> bool:
        """True within the tolerance (or the range); never for infinities or NaN."""
        value = response.value
        if not math.isfinite(value):
            return False
        if question.answer is not None:
            return abs(value - question.answer) <= question.tolerance + 1e-12 * max(1.0, abs(question.answer))
        return question.min <= value <= question.max  # type: ignore[operator]

    def instruction(self, question: NumericQuestion) -> str:
        """Type a number; says which forms are understood."""
        return _("Type a number, then press enter (10000, 10,000 and 1e4 all work).")

    def describe_answer(self, question: NumericQuestion) -> str:
        """``10,000``, ``10,000 (± 500)`` or ``from 9,500 to 10,500``."""
        if question.answer is not None:
            exact = format_number(question.answer)
            return exact if not question.tolerance else f"{exact} (± {format_number(question.tolerance)})"
        return _("from {low} to {high}").format(
            low=format_number(question.min), high=format_number(question.max)  # type: ignore[arg-type]
        )

    def describe_response(self, question: NumericQuestion, response: NumberResponse | None) -> str:
        """The number with thousands separated, or ``"(no answer)"``."""
        return _("(no answer)") if response is None else format_number(response.value)

    def read_typed(self, question: NumericQuestion, text: str) -> NumberResponse | None:
        """The number typed; None while only spaces are typed.

        Raises:
            InputProblem: the text is not a number (the message says why).
        """
        if not text.strip():
            return None
        return NumberResponse(parse_number(text))

    def to_saved(self, response: NumberResponse) -> Any:
        """The number, as a float."""
        return float(response.value)

    def from_saved(self, value: Any) -> NumberResponse:
        """Read a number (not a boolean).

        Raises:
            ValueError: anything else.
        """
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError("a number response's 'value' must be a number")
        return NumberResponse(float(value))

    def plain_instruction(self, question: NumericQuestion, order: Sequence[int]) -> str:
        """Same words as :meth:`instruction`."""
        return self.instruction(question)

    def parse_plain(self, question: NumericQuestion, order: Sequence[int], text: str) -> NumberResponse:
        """A number.

        Raises:
            InputProblem: anything else (the message says why).
        """
        return NumberResponse(parse_number(text))

    def moodle_xml_answers(self, question: NumericQuestion, element: Any, xml: Any) -> tuple[str, list[str]] | None:
        """A ``numerical`` question: the answer and its tolerance, every digit kept. Moodle
        XML has no range: ``min..max`` is written as its middle, plus or minus half its
        width, and reported (it imports back in that form)."""
        losses = []
        if question.answer is not None:
            value, tolerance = question.answer, question.tolerance
        else:
            value, tolerance = (question.min + question.max) / 2, (question.max - question.min) / 2
            losses.append(
                f"the range {question.min}..{question.max} written as {xml.exact(value)} ± {xml.exact(tolerance)}"
                " (Moodle XML has no ranges)"
            )
        answer = xml.text(element, "answer", xml.exact(value), None, fraction="100")
        xml.value(answer, "tolerance", xml.exact(tolerance))
        xml.text(answer, "feedback", "", "plain_text")
        return "numerical", losses

    def gift_answers(self, question: NumericQuestion, gift: Any) -> tuple[list[str], list[str]] | None:
        """``#answer:tolerance`` or ``#min..max``."""
        if question.answer is not None:
            value = gift.number(question.answer)
            if question.tolerance:
                value += ":" + gift.number(question.tolerance)
        else:
            value = f"{gift.number(question.min)}..{gift.number(question.max)}"
        return ["#" + value], []


KIND = NumericKind()
"""The registered instance."""

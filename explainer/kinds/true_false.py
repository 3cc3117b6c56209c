"""The ``true_false`` kind: the prompt is a statement; say whether it is true.

Shown as two choices, "True" (position 0) and "False" (position 1), never shuffled.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from explainer.i18n import _
from explainer.kinds.base import InputProblem, Mark, QuestionKind, numbered
from explainer.pack.model import TrueFalseQuestion


@dataclass(frozen=True)
class TrueFalseResponse:
    """The reader's verdict on a true/false statement.

    Attributes:
        value: True if the reader said the statement is true.
    """

    value: bool


def _word(value: bool) -> str:
    """``"True"`` or ``"False"`` (in the language in force)."""
    return _("True") if value else _("False")


class TrueFalseKind(QuestionKind[TrueFalseQuestion, TrueFalseResponse]):
    """True or false; all or nothing."""

    type = "true_false"
    model = TrueFalseQuestion
    response_type = TrueFalseResponse
    saved_tag = "true_false"
    saved_key = "value"

    def is_correct(self, question: TrueFalseQuestion, response: TrueFalseResponse) -> bool:
        """True when the reader's verdict is the statement's truth."""
        return response.value == question.answer

    def instruction(self, question: TrueFalseQuestion) -> str:
        """``"True or false?"``"""
        return _("True or false?")

    def describe_answer(self, question: TrueFalseQuestion) -> str:
        """``"True"`` or ``"False"``."""
        return _word(question.answer)

    def describe_response(self, question: TrueFalseQuestion, response: TrueFalseResponse | None) -> str:
        """``"True"``, ``"False"`` or ``"(no answer)"``."""
        return _("(no answer)") if response is None else _word(response.value)

    def marks(self, question: TrueFalseQuestion, order: Sequence[int], response: TrueFalseResponse | None) -> dict[int, Mark]:
        """The right verdict, and the reader's if it is wrong (0 = True, 1 = False)."""
        right = 0 if question.answer else 1
        marks = {right: Mark("right")}
        if response is not None:
            given = 0 if response.value else 1
            if given != right:
                marks[given] = Mark("wrong")
        return marks

    def to_saved(self, response: TrueFalseResponse) -> Any:
        """``true`` or ``false``."""
        return bool(response.value)

    def from_saved(self, value: Any) -> TrueFalseResponse:
        """Read ``true``/``false``.

        Raises:
            ValueError: anything else.
        """
        if not isinstance(value, bool):
            raise ValueError("a true_false response's 'value' must be true or false")
        return TrueFalseResponse(value)

    def plain_lines(self, question: TrueFalseQuestion, order: Sequence[int]) -> list[str]:
        """``1. True`` and ``2. False``."""
        return numbered([_word(True), _word(False)])

    def plain_instruction(self, question: TrueFalseQuestion, order: Sequence[int]) -> str:
        """t or f."""
        return _("Type t for true or f for false.")

    def parse_plain(self, question: TrueFalseQuestion, order: Sequence[int], text: str) -> TrueFalseResponse:
        """t/true/y/yes/1 or f/false/n/no/2, any case, or the words for true and false
        in the reader's language (``правда``, ``거짓``).

        Raises:
            InputProblem: anything else.
        """
        word = text.strip().casefold().rstrip(".")
        if word in ("t", "true", "y", "yes", "1") or word == _("True").casefold():
            return TrueFalseResponse(True)
        if word in ("f", "false", "n", "no", "2") or word == _("False").casefold():
            return TrueFalseResponse(False)
        raise InputProblem(_("Type t for true or f for false."))

    def moodle_xml_answers(self, question: TrueFalseQuestion, element: Any, xml: Any) -> tuple[str, list[str]] | None:
        """A ``truefalse`` question: ``true`` and ``false`` answers, the right one at 100."""
        for value in (True, False):
            answer = xml.text(element, "answer", "true" if value else "false", None, fraction="100" if question.answer == value else "0")
            xml.text(answer, "feedback", "", "plain_text")
        return "truefalse", []

    def gift_answers(self, question: TrueFalseQuestion, gift: Any) -> tuple[list[str], list[str]] | None:
        """``TRUE`` or ``FALSE``."""
        return ["TRUE" if question.answer else "FALSE"], []


KIND = TrueFalseKind()
"""The registered instance."""

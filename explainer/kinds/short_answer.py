"""The ``short_answer`` kind: type a word or phrase; any accepted answer is right.

Typed text is compared after :func:`~explainer.kinds.base.normalise_text` (NFC, spaces
around dropped, inner runs of spaces folded, letter case folded unless
``case_sensitive``). What is kept as the reader's answer is the text without the
spaces around it, in the app and in plain mode alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from explainer.kinds.base import InputProblem, QuestionKind, normalise_text
from explainer.pack.model import ShortAnswerQuestion


@dataclass(frozen=True)
class TextResponse:
    """What the reader typed for a short-answer question.

    Attributes:
        text: the typed text, without spaces around it.
    """

    text: str


class ShortAnswerKind(QuestionKind[ShortAnswerQuestion, TextResponse]):
    """A typed word or phrase; all or nothing."""

    type = "short_answer"
    model = ShortAnswerQuestion
    response_type = TextResponse
    saved_tag = "text"
    saved_key = "text"
    typed = True

    def is_correct(self, question: ShortAnswerQuestion, response: TextResponse) -> bool:
        """True when the normalised text equals a normalised accepted answer."""
        return self.accepts_text(question, response.text)

    def accepts_text(self, question: ShortAnswerQuestion, text: str) -> bool:
        """True when ``text`` is one of the accepted answers (after normalising)."""
        typed = normalise_text(text, question.case_sensitive)
        return any(typed == normalise_text(a, question.case_sensitive) for a in question.accept)

    def rules(self, question: ShortAnswerQuestion) -> str:
        """Whether capital letters matter."""
        return "Capital letters matter." if question.case_sensitive else "Capital letters do not matter."

    def instruction(self, question: ShortAnswerQuestion) -> str:
        """Type the answer, and whether capital letters matter."""
        return f"Type your answer, then press enter. {self.rules(question)}"

    def describe_answer(self, question: ShortAnswerQuestion) -> str:
        """The first accepted answer, and the others in brackets."""
        first, *others = question.accept
        return first if not others else f"{first} (also accepted: {', '.join(others)})"

    def describe_response(self, question: ShortAnswerQuestion, response: TextResponse | None) -> str:
        """The typed text, or ``"(no answer)"``."""
        if response is None:
            return "(no answer)"
        return response.text.strip() or "(no answer)"

    def read_typed(self, question: ShortAnswerQuestion, text: str) -> TextResponse | None:
        """The text without spaces around it; None while only spaces are typed."""
        stripped = text.strip()
        return TextResponse(stripped) if stripped else None

    def to_saved(self, response: TextResponse) -> Any:
        """The text."""
        return str(response.text)

    def from_saved(self, value: Any) -> TextResponse:
        """Read a string.

        Raises:
            ValueError: anything else.
        """
        if not isinstance(value, str):
            raise ValueError("a text response's 'text' must be a string")
        return TextResponse(value)

    def plain_instruction(self, question: ShortAnswerQuestion, order: Sequence[int]) -> str:
        """Type the answer (plain mode adds :meth:`rules`)."""
        return "Type your answer, then press enter."

    def parse_plain(self, question: ShortAnswerQuestion, order: Sequence[int], text: str) -> TextResponse:
        """The typed line without spaces around it.

        Raises:
            InputProblem: nothing typed (or undecodable bytes).
        """
        response = self.read_typed(question, text)
        if response is None or response.text == "\ufffd":
            raise InputProblem("Type your answer, then press Enter.")
        return response

    def gift_answers(self, question: ShortAnswerQuestion, gift: Any) -> tuple[list[str], list[str]] | None:
        """``=answer`` per accepted answer."""
        losses = ["case_sensitive dropped (GIFT short answers ignore case)"] if question.case_sensitive else []
        return ["=" + gift.text(answer) for answer in question.accept], losses


KIND = ShortAnswerKind()
"""The registered instance."""

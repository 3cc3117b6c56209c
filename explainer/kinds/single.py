"""The ``single`` kind: exactly one of the written choices is right; pick it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from explainer.i18n import _
from explainer.kinds.choice import ChoiceKind, ChoiceResponse
from explainer.pack.model import SingleChoiceQuestion


class SingleKind(ChoiceKind[SingleChoiceQuestion]):
    """One right choice; all or nothing. Also the one kind with an Aiken form."""

    type = "single"
    model = SingleChoiceQuestion
    aiken = True
    one_pick = True

    def instruction(self, question: SingleChoiceQuestion) -> str:
        """``"Pick one answer."``"""
        return _("Pick one answer.")

    def plain_instruction(self, question: SingleChoiceQuestion, order: Sequence[int]) -> str:
        """Type the number of the answer."""
        return _("Type the number of your answer.")

    def parse_plain(self, question: SingleChoiceQuestion, order: Sequence[int], text: str) -> ChoiceResponse:
        """One display number, 1 to the number of choices.

        Raises:
            InputProblem: anything else.
        """
        numbers = self.check_picks(len(order), self.picks(order, text), several=False)
        return ChoiceResponse(frozenset({order[numbers[0] - 1]}))

    def moodle_fractions(self, question: SingleChoiceQuestion) -> tuple[list[float], list[str]]:
        """100 for the right choice, 0 for the others."""
        return [100.0 if c.correct else 0.0 for c in question.choices], []

    def gift_marks(self, question: SingleChoiceQuestion, gift: Any) -> tuple[list[str], list[str]]:
        """``=`` before the right choice, ``~`` before the others."""
        return ["=" if c.correct else "~" for c in question.choices], []


KIND = SingleKind()
"""The registered instance."""

"""The ``multiple`` kind: one or more of the written choices are right; pick them all.

Scoring (``points`` is the question's points): ``scoring = "all_or_nothing"`` (the
default) gives the points only for exactly the right set. ``scoring = "partial"``: with
k right choices, each right choice picked earns 1/k and each wrong choice picked costs
1/k; the fraction is never below 0, and the points are ``fraction * points``. Only
exactly the right set counts as correct.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from explainer.i18n import _
from explainer.kinds.base import NoExportForm, Score, points_figure, points_words
from explainer.kinds.choice import ChoiceKind, ChoiceResponse, correct_choice_indexes
from explainer.pack.model import MultipleChoiceQuestion


def partial_fraction(question: MultipleChoiceQuestion, selected: frozenset[int]) -> float:
    """The partial-credit fraction (0..1) of a multiple-choice pick.

    With k right choices: +1/k for each right choice picked, -1/k for each wrong one
    picked, never below 0. E.g. 2 right of 3 picked with 1 wrong: (2 - 1)/3.
    """
    right = correct_choice_indexes(question)
    k = len(right)
    earned = sum(1 for i in selected if i in right) - sum(1 for i in selected if i not in right)
    return max(0.0, earned / k)


class MultipleKind(ChoiceKind[MultipleChoiceQuestion]):
    """Every right choice must be picked; partial credit when the question asks for it."""

    type = "multiple"
    model = MultipleChoiceQuestion

    def score(self, question: MultipleChoiceQuestion, response: ChoiceResponse | None) -> Score:
        """All or nothing, or partial credit (module docstring).

        Raises:
            TypeError: ``response`` is not a :class:`ChoiceResponse`.
        """
        if response is None or question.scoring != "partial":
            return super().score(question, response)
        if not isinstance(response, ChoiceResponse):
            raise TypeError(f"question {question.id!r} needs a ChoiceResponse")
        max_points = float(question.points)
        fraction = partial_fraction(question, response.selected)
        return Score(round(fraction * max_points, 6), max_points, self.is_correct(question, response))

    def scoring(self, question: MultipleChoiceQuestion) -> str:
        """All or nothing: ``"Scores 1 point only if you pick every right answer and no
        wrong one."``; partial credit: ``"Partial credit: +1/3 point for each right pick,
        −1/3 for each wrong one (never below 0)."``."""
        if question.scoring == "partial":
            k = sum(choice.correct for choice in question.choices)
            share = question.points / k
            return _(
                "Partial credit: +{points} for each right pick, −{number} for each wrong one (never below 0)."
            ).format(points=points_words(share), number=points_figure(share))
        return _("Scores {points} only if you pick every right answer and no wrong one.").format(
            points=points_words(question.points)
        )

    def instruction(self, question: MultipleChoiceQuestion) -> str:
        """``"Pick every right answer."`` (how it is scored is :meth:`scoring`)."""
        return _("Pick every right answer.")

    def plain_instruction(self, question: MultipleChoiceQuestion, order: Sequence[int]) -> str:
        """Type the numbers of every right answer."""
        return _("Type the numbers of every right answer, separated by spaces or commas.")

    def parse_plain(self, question: MultipleChoiceQuestion, order: Sequence[int], text: str) -> ChoiceResponse:
        """One or more display numbers.

        Raises:
            InputProblem: anything else.
        """
        numbers = self.check_picks(len(order), self.picks(order, text), several=True)
        return ChoiceResponse(frozenset(order[n - 1] for n in numbers))

    def moodle_fractions(self, question: MultipleChoiceQuestion) -> tuple[list[float], list[str]]:
        """+100/k for a right choice, -100/k for a wrong one (k right choices), as GIFT.

        Raises:
            NoExportForm: more than 10 right choices (see :func:`moodle_share`).
        """
        k = moodle_share(question)
        losses = []
        if question.scoring == "all_or_nothing":
            losses.append(
                "all-or-nothing scoring written as partial-credit fractions"
                " (Moodle has no all-or-nothing multiple answer)"
            )
        return [100 / k if c.correct else -100 / k for c in question.choices], losses

    def gift_marks(self, question: MultipleChoiceQuestion, gift: Any) -> tuple[list[str], list[str]]:
        """``~%w%`` weights: +100/k for a right choice, -100/k for a wrong one.

        Raises:
            NoExportForm: more than 10 right choices (see :func:`moodle_share`).
        """
        losses: list[str] = []
        k = moodle_share(question)
        if question.scoring == "all_or_nothing":
            losses.append(
                "all-or-nothing scoring written as partial-credit weights"
                " (GIFT has no all-or-nothing multiple answer)"
            )
        right, wrong = gift.weight(100 / k), gift.weight(-100 / k)
        return [f"~%{right}%" if c.correct else f"~%{wrong}%" for c in question.choices], losses


MOODLE_MOST_RIGHT = 10
"""The most right choices a Moodle multiple-answer question can share 100 % among
equally: 100/k must be one of Moodle's grades (100, 50, 33.33333, ... 11.11111, 10;
``question_bank::fraction_options_full()`` in Moodle's question/engine/bank.php), and 100/11 is not.
Moodle's import refuses any other fraction ("does not match a valid grade option")."""


def moodle_share(question: MultipleChoiceQuestion) -> int:
    """How many right choices ``question`` has, when Moodle can weight them equally.

    Returns:
        k, the number of right choices (1 to :data:`MOODLE_MOST_RIGHT`).

    Raises:
        NoExportForm: more than :data:`MOODLE_MOST_RIGHT`; the message says why.
    """
    k = sum(c.correct for c in question.choices)
    if k > MOODLE_MOST_RIGHT:
        raise NoExportForm(
            f"{k} right choices: Moodle's grades cannot give each the same share of 100 %"
            f" (at most {MOODLE_MOST_RIGHT} right choices, 10 % each)"
        )
    return k


KIND = MultipleKind()
"""The registered instance."""

"""The ``order`` kind: put the items in the right order (the order written in
quiz.toml). They are shown shuffled, never already right when there are two or more.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from explainer.i18n import _, ngettext
from explainer.kinds.base import (
    InputProblem,
    Mark,
    QuestionKind,
    index_list,
    numbered,
    points_words,
    shuffle_out_of_order,
    split_answer,
    whole_numbers,
)
from explainer.pack.model import OrderQuestion


@dataclass(frozen=True)
class OrderResponse:
    """The reader's order of an order question's items.

    Attributes:
        order: item indexes (0-based, in file order), first to last as the reader put them.
    """

    order: tuple[int, ...]


def _example(count: int) -> str:
    """An example answer: ``3 1 2`` for three items."""
    return " ".join(str(n) for n in [count, *range(1, count)])


class OrderKind(QuestionKind[OrderQuestion, OrderResponse]):
    """Items in order; all or nothing. Has no GIFT form."""

    type = "order"
    model = OrderQuestion
    response_type = OrderResponse
    saved_tag = "order"
    saved_key = "order"

    def order_length(self, question: OrderQuestion) -> int:
        """The number of items."""
        return len(question.items)

    def shown_texts(self, question: OrderQuestion) -> list[tuple[tuple[str | int, ...], str]]:
        """The prompt, hint and explanation, and each item (``("items", k)``)."""
        return super().shown_texts(question) + [(("items", k), item) for k, item in enumerate(question.items)]

    def shuffle(self, question: OrderQuestion, rng: random.Random, shuffle_choices: bool) -> tuple[int, ...]:
        """Always shuffled (the written order is the answer), never into the right order."""
        return shuffle_out_of_order(len(question.items), rng)

    def is_correct(self, question: OrderQuestion, response: OrderResponse) -> bool:
        """True when the items are in file order."""
        return tuple(response.order) == tuple(range(len(question.items)))

    def response_fits(self, question: OrderQuestion, response: object) -> bool:
        """An :class:`OrderResponse` whose every index names an item."""
        return isinstance(response, OrderResponse) and all(0 <= i < len(question.items) for i in response.order)

    def scoring(self, question: OrderQuestion) -> str:
        """``"Scores 1 point only if the whole order is right."``"""
        return _("Scores {points} only if the whole order is right.").format(points=points_words(question.points))

    def parts_note(self, question: OrderQuestion, response: OrderResponse | None) -> str:
        """``"2 of 5 items in the right place."`` (nothing without a response)."""
        if response is None:
            return ""
        right = sum(1 for row, item in enumerate(response.order) if item == row)
        total = len(question.items)
        return ngettext(
            "{right} of {total} item in the right place.", "{right} of {total} items in the right place.", total
        ).format(right=right, total=total)

    def instruction(self, question: OrderQuestion) -> str:
        """``"Put these in order, first at the top."``"""
        return _("Put these in order, first at the top.")

    def describe_answer(self, question: OrderQuestion) -> str:
        """The items joined with arrows."""
        return " → ".join(question.items)

    def describe_response(self, question: OrderQuestion, response: OrderResponse | None) -> str:
        """The reader's order joined with arrows, or ``"(no answer)"``."""
        if response is None:
            return _("(no answer)")
        return " → ".join(question.items[i] for i in response.order if 0 <= i < len(question.items))

    def answer_lines(self, question: OrderQuestion, response: OrderResponse | None) -> tuple[str, list[str]]:
        """One numbered line per item, first to last."""
        if response is None:
            items = list(question.items)
        else:
            items = [question.items[i] for i in response.order if 0 <= i < len(question.items)]
        return _("first to last"), numbered(items)

    def marks(self, question: OrderQuestion, order: Sequence[int], response: OrderResponse | None) -> dict[int, Mark]:
        """Each row of the reader's order: ``placed``, or ``misplaced`` with its right place."""
        rows = response.order if response is not None else tuple(order)
        return {
            row: Mark("placed") if item == row else Mark("misplaced", item + 1) for row, item in enumerate(rows)
        }

    def to_saved(self, response: OrderResponse) -> Any:
        """The item indexes in the reader's order."""
        return [int(i) for i in response.order]

    def from_saved(self, value: Any) -> OrderResponse:
        """Read a list of distinct whole numbers >= 0.

        Raises:
            ValueError: anything else.
        """
        order = index_list(value, "'order'")
        if len(set(order)) != len(order):
            raise ValueError("'order' names an item twice")
        return OrderResponse(tuple(order))

    def plain_lines(self, question: OrderQuestion, order: Sequence[int]) -> list[str]:
        """The items, numbered in the shuffled order."""
        order = order or tuple(range(len(question.items)))
        return numbered([question.items[i] for i in order])

    def plain_instruction(self, question: OrderQuestion, order: Sequence[int]) -> str:
        """Type the numbers in the right order."""
        count = len(order or question.items)
        return _("Type the numbers in the right order, e.g. {example}.").format(example=_example(count))

    def parse_plain(self, question: OrderQuestion, order: Sequence[int], text: str) -> OrderResponse:
        """Each shown number once (``3 1 2``, or ``312`` with fewer than ten items).

        Raises:
            InputProblem: anything else.
        """
        order = order or tuple(range(len(question.items)))
        count = len(order)
        stripped = text.strip()
        numbers = whole_numbers(split_answer(stripped))
        if numbers is None and stripped.isdigit() and len(stripped) == count and count < 10:
            numbers = [int(ch) for ch in stripped]  # "312"
        if numbers is None or sorted(numbers) != list(range(1, count + 1)):
            raise InputProblem(
                _("Type each number from 1 to {count} once, in the right order, e.g. {example}.").format(
                    count=count, example=_example(count)
                )
            )
        return OrderResponse(tuple(order[n - 1] for n in numbers))


KIND = OrderKind()
"""The registered instance."""

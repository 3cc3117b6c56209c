"""What ``single`` and ``multiple`` questions share: a list of written choices, some
right, shown shuffled with pinned choices kept in place, answered with a
:class:`ChoiceResponse`.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from explainer.i18n import _
from explainer.kinds.base import InputProblem, Mark, QuestionKind, index_list, numbered
from explainer.pack.model import Choice, MultipleChoiceQuestion, SingleChoiceQuestion


@dataclass(frozen=True)
class ChoiceResponse:
    """The choices a reader picked in a single- or multiple-choice question.

    Attributes:
        selected: indexes (0-based, in file order) of the picked choices.
    """

    selected: frozenset[int]


C = TypeVar("C", SingleChoiceQuestion, MultipleChoiceQuestion)


def shuffle_choices(choices: Sequence[Choice], rng: random.Random | None) -> tuple[int, ...]:
    """Return a display order of ``choices`` (file indexes); pinned choices stay put.

    Args:
        choices: the question's choices, in file order.
        rng: the random source; None keeps the written order.

    Every choice with ``pin = true`` keeps its written position; the others are
    shuffled among the remaining positions. Without pins this draws exactly what a plain
    shuffle of all the choices draws, so seeded orders of existing packs do not change.
    """
    written = list(range(len(choices)))
    if rng is None:
        return tuple(written)
    free = [index for index in written if not choices[index].pin]
    rng.shuffle(free)
    shuffled = iter(free)
    return tuple(index if choices[index].pin else next(shuffled) for index in written)


def correct_choice_indexes(question: SingleChoiceQuestion | MultipleChoiceQuestion) -> frozenset[int]:
    """Return the file-order indexes of the correct choices of a choice question."""
    return frozenset(i for i, choice in enumerate(question.choices) if choice.correct)


class ChoiceKind(QuestionKind[C, ChoiceResponse]):
    """The shared behaviour of the choice kinds (:mod:`~explainer.kinds.single`,
    :mod:`~explainer.kinds.multiple`)."""

    response_type = ChoiceResponse
    saved_tag = "choice"
    saved_key = "selected"

    def order_length(self, question: C) -> int:
        """The number of choices."""
        return len(question.choices)

    def shuffle(self, question: C, rng: random.Random, shuffle_choices_: bool) -> tuple[int, ...]:
        """The choices shuffled when the pack says so (pinned ones stay), else as written."""
        return shuffle_choices(question.choices, rng if shuffle_choices_ else None)

    def choices(self, question: C) -> tuple[Choice, ...]:
        """The question's choices, in file order."""
        return question.choices

    def is_correct(self, question: C, response: ChoiceResponse) -> bool:
        """True when exactly the right choices are picked."""
        return response.selected == correct_choice_indexes(question)

    def response_fits(self, question: C, response: object) -> bool:
        """A :class:`ChoiceResponse` whose every index names a choice."""
        return isinstance(response, ChoiceResponse) and all(
            0 <= i < len(question.choices) for i in response.selected
        )

    def describe_answer(self, question: C) -> str:
        """The right choices' texts, joined with ``"; "``."""
        return "; ".join(c.text for c in question.choices if c.correct)

    def describe_response(self, question: C, response: ChoiceResponse | None) -> str:
        """The picked choices' texts in file order, or ``"(no answer)"``."""
        if response is None:
            return _("(no answer)")
        picked = [question.choices[i].text for i in sorted(response.selected) if 0 <= i < len(question.choices)]
        return "; ".join(picked) if picked else _("(no answer)")

    def marks(self, question: C, order: Sequence[int], response: ChoiceResponse | None) -> dict[int, Mark]:
        """Right choices (``missed`` for an unpicked one when several are right) and
        wrong picks."""
        selected = response.selected if response is not None else frozenset()
        several = isinstance(question, MultipleChoiceQuestion)
        marks: dict[int, Mark] = {}
        for display, file_index in enumerate(order):
            right = question.choices[file_index].correct
            if right and file_index in selected:
                marks[display] = Mark("right")
            elif right:
                marks[display] = Mark("missed" if several else "right")
            elif file_index in selected:
                marks[display] = Mark("wrong")
        return marks

    def picked_feedback(self, question: C, response: ChoiceResponse | None) -> list[tuple[str, str]]:
        """``(text, feedback)`` of each picked choice with feedback, in file order."""
        if response is None:
            return []
        return [
            (question.choices[i].text, question.choices[i].feedback or "")
            for i in sorted(response.selected)
            if 0 <= i < len(question.choices) and question.choices[i].feedback
        ]

    def to_saved(self, response: ChoiceResponse) -> Any:
        """The picked file-order indexes, sorted."""
        return sorted(int(i) for i in response.selected)

    def from_saved(self, value: Any) -> ChoiceResponse:
        """Read a list of distinct whole numbers >= 0.

        Raises:
            ValueError: anything else.
        """
        selected = index_list(value, "'selected'")
        if len(set(selected)) != len(selected):
            raise ValueError("'selected' names a choice twice")
        return ChoiceResponse(frozenset(selected))

    def plain_lines(self, question: C, order: Sequence[int]) -> list[str]:
        """The choices, numbered in display order."""
        return numbered([question.choices[i].text for i in order])

    def chosen(self, question: C, response: ChoiceResponse | None) -> list[int]:
        """The picked choices, in file order."""
        return sorted(response.selected) if isinstance(response, ChoiceResponse) else []

    def picks(self, order: Sequence[int], text: str) -> list[int] | None:
        """The display numbers typed (1-based), or None when a part is not a number."""
        from explainer.kinds.base import split_answer, whole_numbers

        return whole_numbers(split_answer(text))

    def gift_answers(self, question: C, gift: Any) -> tuple[list[str], list[str]] | None:
        """``=right``/``~wrong`` (single) or ``~%weight%`` (multiple) lines, with feedback."""
        losses: list[str] = []
        if any(choice.pin for choice in question.choices):
            losses.append("pin dropped (GIFT has no pinned choices)")
        marks, more = self.gift_marks(question, gift)
        losses += more
        items: list[str] = []
        for mark, choice in zip(marks, question.choices):
            item = mark + gift.text(choice.text)
            if choice.feedback:
                item += " #" + gift.text(choice.feedback)
            items.append(item)
        return items, losses

    def moodle_xml_answers(self, question: C, element: Any, xml: Any) -> tuple[str, list[str]] | None:
        """A ``multichoice`` question: ``<single>`` from :attr:`one_pick`; each choice an
        ``<answer>`` with its fraction (:meth:`moodle_fractions`) and feedback."""
        losses = ["pin dropped (Moodle shuffles all answers or none)"] if any(c.pin for c in question.choices) else []
        fractions, more = self.moodle_fractions(question)
        losses += more
        xml.value(element, "single", "true" if self.one_pick else "false")
        xml.value(element, "shuffleanswers", "true")
        for fraction, choice in zip(fractions, question.choices):
            answer = xml.text(element, "answer", choice.text, "plain_text", fraction=xml.number(fraction))
            xml.text(answer, "feedback", choice.feedback or "", "plain_text")
        return "multichoice", losses

    def moodle_fractions(self, question: C) -> tuple[list[float], list[str]]:
        """Each choice's Moodle fraction in percent (file order), and what it loses."""
        raise NotImplementedError

    def gift_marks(self, question: C, gift: Any) -> tuple[list[str], list[str]]:
        """The GIFT prefix of each choice (file order) and what it loses."""
        raise NotImplementedError

    def check_picks(self, count: int, numbers: list[int] | None, several: bool) -> list[int]:
        """Check typed display numbers against ``count`` choices; return them.

        Raises:
            InputProblem: saying what to type.
        """
        if several:
            if not numbers or not all(1 <= n <= count for n in numbers):
                raise InputProblem(
                    _("Type one or more numbers from 1 to {count}, separated by spaces or commas, e.g. 1 3.").format(
                        count=count
                    )
                )
            return numbers
        if numbers is None or len(numbers) != 1 or not 1 <= numbers[0] <= count:
            raise InputProblem(_("Type one number from 1 to {count}.").format(count=count))
        return numbers

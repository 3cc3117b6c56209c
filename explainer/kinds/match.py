"""The ``match`` kind: pick the right-hand side that matches each left side.

The right-hand options (the pairs' right sides in order, then the distractors) are
always shown shuffled, never so that every left side faces its own right side.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from explainer.i18n import _, ngettext
from explainer.kinds.base import InputProblem, Mark, QuestionKind, index_list, letters, points_words, split_answer
from explainer.pack.model import MatchQuestion


@dataclass(frozen=True)
class MatchResponse:
    """The reader's pairing in a match question.

    Attributes:
        matches: one entry per left side (file order): the index of the picked option
            in ``question.right_options``, or None where nothing was picked.
    """

    matches: tuple[int | None, ...]


def shuffle_options(pairs: int, options: int, rng: random.Random) -> tuple[int, ...]:
    """Return a random display order of a match question's ``options`` right-hand sides.

    The first ``pairs`` options are the pairs' right sides in the order of their left
    sides; the order returned never shows every one of them at its own left side's
    position (that would hand the reader the answer).
    """
    order = list(range(options))
    if pairs < 2:
        rng.shuffle(order)
        return tuple(order)
    while all(order[k] == k for k in range(pairs)):
        rng.shuffle(order)
    return tuple(order)


def _example(lefts: int, options: int) -> str:
    """An example answer: ``b a c`` for three left sides."""
    labels = letters(max(options, 2))
    example = [labels[1], labels[0], *(labels[i % options] for i in range(2, lefts))]
    return " ".join(example[:lefts])


class MatchKind(QuestionKind[MatchQuestion, MatchResponse]):
    """Pairs; all or nothing. GIFT writes it as a matching question."""

    type = "match"
    model = MatchQuestion
    response_type = MatchResponse
    saved_tag = "match"
    saved_key = "matches"
    gift_blank = False

    def order_length(self, question: MatchQuestion) -> int:
        """The number of right-hand options (pairs and distractors)."""
        return len(question.right_options)

    def shown_texts(self, question: MatchQuestion) -> list[tuple[tuple[str | int, ...], str]]:
        """The prompt, hint and explanation, both sides of each pair and each distractor."""
        texts = super().shown_texts(question)
        for k, pair in enumerate(question.pairs):
            texts += [(("pairs", k, "left"), pair.left), (("pairs", k, "right"), pair.right)]
        return texts + [(("distractors", k), text) for k, text in enumerate(question.distractors)]

    def answer_parts(self, question: MatchQuestion) -> tuple[tuple[str, ...], ...]:
        """Each pair, as its two sides: shown together elsewhere, they give the pair away."""
        return tuple((pair.left, pair.right) for pair in question.pairs)

    def shuffle(self, question: MatchQuestion, rng: random.Random, shuffle_choices: bool) -> tuple[int, ...]:
        """Always shuffled (see the module docstring)."""
        return shuffle_options(len(question.pairs), len(question.right_options), rng)

    def is_correct(self, question: MatchQuestion, response: MatchResponse) -> bool:
        """True when every left side has its own right side."""
        return tuple(response.matches) == tuple(range(len(question.pairs)))

    def response_fits(self, question: MatchQuestion, response: object) -> bool:
        """A :class:`MatchResponse` with one entry per left side, each naming an option."""
        return (
            isinstance(response, MatchResponse)
            and len(response.matches) == len(question.pairs)
            and all(m is None or 0 <= m < len(question.right_options) for m in response.matches)
        )

    def scoring(self, question: MatchQuestion) -> str:
        """``"Scores 1 point only if every line is matched right."``"""
        return _("Scores {points} only if every line is matched right.").format(points=points_words(question.points))

    def parts_note(self, question: MatchQuestion, response: MatchResponse | None) -> str:
        """``"3 of 4 lines right."`` (nothing without a response)."""
        if response is None:
            return ""
        right = sum(1 for line, picked in enumerate(response.matches) if picked == line)
        total = len(question.pairs)
        return ngettext("{right} of {total} line right.", "{right} of {total} lines right.", total).format(
            right=right, total=total
        )

    def instruction(self, question: MatchQuestion) -> str:
        """``"Match each line with an option."``"""
        return _("Match each line with an option.")

    def _picks(self, question: MatchQuestion, response: MatchResponse | None) -> list[str]:
        """The option picked for each left side (the right ones when ``response`` is None)."""
        options = question.right_options
        if response is None:
            return [pair.right for pair in question.pairs]
        return [options[m] if m is not None and 0 <= m < len(options) else _("(none)") for m in response.matches]

    def describe_answer(self, question: MatchQuestion) -> str:
        """``left → right`` per pair, joined with ``"; "``."""
        return "; ".join(f"{p.left} → {p.right}" for p in question.pairs)

    def describe_response(self, question: MatchQuestion, response: MatchResponse | None) -> str:
        """``left → picked`` per left side, or ``"(no answer)"``."""
        if response is None:
            return _("(no answer)")
        return "; ".join(f"{pair.left} → {pick}" for pair, pick in zip(question.pairs, self._picks(question, response)))

    def answer_lines(self, question: MatchQuestion, response: MatchResponse | None) -> tuple[str, list[str]]:
        """``left: option`` per line."""
        return "", [f"  {pair.left}: {pick}" for pair, pick in zip(question.pairs, self._picks(question, response))]

    def marks(self, question: MatchQuestion, order: Sequence[int], response: MatchResponse | None) -> dict[int, Mark]:
        """Each line: ``placed``, or ``mismatched`` with the right option's text."""
        matches = response.matches if response is not None else ()
        options = question.right_options
        marks: dict[int, Mark] = {}
        for line in range(len(question.pairs)):
            picked = matches[line] if line < len(matches) else None
            marks[line] = Mark("placed") if picked == line else Mark("mismatched", options[line])
        return marks

    def to_saved(self, response: MatchResponse) -> Any:
        """The option index per left side; -1 where nothing was picked."""
        return [-1 if m is None else int(m) for m in response.matches]

    def from_saved(self, value: Any) -> MatchResponse:
        """Read a list of whole numbers >= -1.

        Raises:
            ValueError: anything else.
        """
        matches = index_list(value, "'matches'", allow_none_marker=True)
        return MatchResponse(tuple(None if m == -1 else m for m in matches))

    def plain_lines(self, question: MatchQuestion, order: Sequence[int]) -> list[str]:
        """The left sides numbered, then the options lettered in display order."""
        options = question.right_options
        order = order or tuple(range(len(options)))
        lines = [f"  {number}. {pair.left}" for number, pair in enumerate(question.pairs, start=1)]
        lines.append(_("Options:"))
        lines += [f"  {label}. {options[index]}" for label, index in zip(letters(len(order)), order)]
        return lines

    def plain_instruction(self, question: MatchQuestion, order: Sequence[int]) -> str:
        """Type a letter for each line."""
        count = len(order or question.right_options)
        return _("Type a letter for each, in order, e.g. {example}.").format(
            example=_example(len(question.pairs), count)
        )

    def parse_plain(self, question: MatchQuestion, order: Sequence[int], text: str) -> MatchResponse:
        """One letter per left side (``b a c``, or ``bac`` with at most 26 options).

        Raises:
            InputProblem: anything else.
        """
        options = question.right_options
        order = order or tuple(range(len(options)))
        labels = letters(len(order))
        lefts = len(question.pairs)
        parts = [p.casefold().rstrip(".)") for p in split_answer(text)]
        if len(parts) == 1 and len(parts[0]) == lefts and len(labels) <= 26:
            parts = list(parts[0])  # "bac"
        if len(parts) != lefts or not all(p in labels for p in parts):
            raise InputProblem(
                ngettext(
                    "Type {count} letter from a to {last}, one for each numbered item, e.g. {example}.",
                    "Type {count} letters from a to {last}, one for each numbered item, e.g. {example}.",
                    lefts,
                ).format(count=lefts, last=labels[-1], example=_example(lefts, len(order)))
            )
        return MatchResponse(tuple(order[labels.index(p)] for p in parts))

    def moodle_xml_answers(self, question: MatchQuestion, element: Any, xml: Any) -> tuple[str, list[str]] | None:
        """A ``matching`` question: a ``<subquestion>`` per pair, and one with no text
        per distractor."""
        xml.value(element, "shuffleanswers", "true")
        for left, right in [(p.left, p.right) for p in question.pairs] + [("", d) for d in question.distractors]:
            sub = xml.text(element, "subquestion", left, "plain_text")
            xml.text(sub, "answer", right, None)
        return "matching", []

    def gift_answers(self, question: MatchQuestion, gift: Any) -> tuple[list[str], list[str]] | None:
        """``=left -> right`` per pair, ``= -> distractor`` per distractor."""
        losses: list[str] = []
        items = []
        for left, right in [(p.left, p.right) for p in question.pairs] + [("", d) for d in question.distractors]:
            if "->" in left or "->" in right:
                losses.append(f"'->' inside \"{left or right}\" written as '→' (GIFT cannot escape it)")
                left, right = left.replace("->", "→"), right.replace("->", "→")
            side = gift.text(left) + " " if left else " "
            items.append(f"={side}-> {gift.text(right)}")
        return items, losses


KIND = MatchKind()
"""The registered instance."""

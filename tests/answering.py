"""The keys that answer a question right or wrong in the app: a helper of the tests and
the screenshots, computed from the question model and the session's display order.

The app itself never needs these: they are what a reader would press. Pressing
:func:`answer_keys` on a fresh question, then enter, checks that answer.

- single / multiple: the number keys of the right choices, or of the first wrong one;
- true_false: ``1`` for True, ``2`` for False;
- short_answer: the first accepted answer typed, or words that are not accepted;
- numeric: the right number typed (with thousands commas), or one well outside the range;
- order: ↑↓ and ``u`` moves that sort the items (wrong: no keys, the start is never right);
- match: the option number of each line (wrong: the first two lines swapped).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from explainer.pack import format_number, normalise_text


def typed_keys(text: str) -> list[str]:
    """The key presses that type ``text``."""
    return ["space" if char == " " else char for char in text]


def _choice_keys(question: Any, order: Sequence[int], right: bool) -> list[str]:
    """Number keys of the right choices, or of the first wrong one."""
    picks = [i for i, choice in enumerate(question.choices) if choice.correct == right]
    return [str(list(order).index(i) + 1) for i in (picks if right else picks[:1])]


def _true_false_keys(question: Any, order: Sequence[int], right: bool) -> list[str]:
    """``1`` for True, ``2`` for False."""
    return ["1" if question.answer == right else "2"]


def _short_answer_keys(question: Any, order: Sequence[int], right: bool) -> list[str]:
    """Type the first accepted answer, or a word that is not accepted."""
    if right:
        return typed_keys(question.accept[0])
    wrong = "no idea"
    accepted = {normalise_text(a, question.case_sensitive) for a in question.accept}
    while normalise_text(wrong, question.case_sensitive) in accepted:
        wrong += " at all"
    return typed_keys(wrong)


def _numeric_keys(question: Any, order: Sequence[int], right: bool) -> list[str]:
    """Type the right number (with thousands commas), or one well outside the range."""
    if question.answer is not None:
        low, high = question.answer - question.tolerance, question.answer + question.tolerance
    else:
        low, high = question.min, question.max
    if right:
        value = question.answer if question.answer is not None else (low + high) / 2
    else:
        value = high + 1 + abs(high - low) + abs(high)
    return typed_keys(format_number(value))


def _order_keys(question: Any, order: Sequence[int], right: bool) -> list[str]:
    """Moves that sort the items into the right order (or none: the start is wrong)."""
    if not right:
        return []
    current = list(order)
    keys: list[str] = []
    chosen = 0
    for target in range(len(current)):
        at = current.index(target)
        keys += ["down"] * (at - chosen) if at >= chosen else ["up"] * (chosen - at)
        keys += ["u"] * (at - target)
        current.insert(target, current.pop(at))
        chosen = target
    return keys


def _match_keys(question: Any, order: Sequence[int], right: bool) -> list[str]:
    """Number keys picking each line's option (the first two swapped when ``right`` is False)."""
    displayed = list(order)
    wanted = list(range(len(question.pairs)))
    if not right:
        wanted[0], wanted[1] = wanted[1], wanted[0]
    return [str(displayed.index(option) + 1) for option in wanted]


KEYS: dict[str, Callable[[Any, Sequence[int], bool], list[str]]] = {
    "single": _choice_keys,
    "multiple": _choice_keys,
    "true_false": _true_false_keys,
    "short_answer": _short_answer_keys,
    "numeric": _numeric_keys,
    "order": _order_keys,
    "match": _match_keys,
}
"""Question ``type`` -> how to answer it by keys."""


def answer_keys(question: Any, order: Sequence[int], right: bool = True) -> list[str]:
    """The keys that answer a fresh ``question`` right (or wrong), before enter checks it.

    ``order`` is the question's display order from the quiz session
    (:meth:`~explainer.session.QuizSession.display_order`).
    """
    return KEYS[question.type](question, order, right)


def right_keys(session: Any, question: Any) -> list[str]:
    """The keys that answer ``question`` right as displayed in ``session`` (before enter):
    number keys for choices, typed characters for short answers and numbers, moves for
    order questions, option numbers for match questions."""
    return answer_keys(question, session.display_order(question.id), right=True)


def wrong_keys(session: Any, question: Any) -> list[str]:
    """The keys that answer ``question`` wrong as displayed in ``session`` (before enter).

    For an order question this is no keys at all: the items never start in order."""
    return answer_keys(question, session.display_order(question.id), right=False)

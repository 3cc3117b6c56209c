"""Lines a reader types in plain mode to answer questions right or wrongly, for tests.

The attempt is the one plain mode asks with ``--seed SEED`` (:func:`first_attempt`).
"""

from __future__ import annotations

import tempfile

from explainer.flow import QuizFlow
from explainer.pack import (
    MatchQuestion,
    MultipleChoiceQuestion,
    NumericQuestion,
    OrderQuestion,
    Pack,
    ShortAnswerQuestion,
    SingleChoiceQuestion,
    TrueFalseQuestion,
)
from explainer.session import QuizSession

SEED = 7
"""The seed plain mode runs with in these tests (``--seed 7``)."""


def _letter(index: int) -> str:
    """The label of a match option at display position ``index``: a, b, c..."""
    return chr(ord("a") + index)


def right_line(session: QuizSession, question) -> str:
    """The line a reader types to answer ``question`` right, given the display order."""
    order = session.display_order(question.id)
    if isinstance(question, SingleChoiceQuestion):
        right = next(i for i, c in enumerate(question.choices) if c.correct)
        return str(order.index(right) + 1)
    if isinstance(question, MultipleChoiceQuestion):
        return ", ".join(str(order.index(i) + 1) for i, c in enumerate(question.choices) if c.correct)
    if isinstance(question, TrueFalseQuestion):
        return "t" if question.answer else "f"
    if isinstance(question, ShortAnswerQuestion):
        return f"  {question.accept[-1].upper() if not question.case_sensitive else question.accept[-1]}  "
    if isinstance(question, NumericQuestion):
        value = question.answer if question.answer is not None else (question.min + question.max) / 2
        return repr(value)
    if isinstance(question, OrderQuestion):
        return " ".join(str(order.index(i) + 1) for i in range(len(question.items)))
    if isinstance(question, MatchQuestion):
        return " ".join(_letter(order.index(j)) for j in range(len(question.pairs)))
    raise AssertionError(type(question))


def wrong_line(session: QuizSession, question) -> str:
    """A line that answers ``question`` wrongly (but validly)."""
    order = session.display_order(question.id)
    if isinstance(question, (SingleChoiceQuestion, MultipleChoiceQuestion)):
        wrong = next(i for i, c in enumerate(question.choices) if not c.correct)
        return str(order.index(wrong) + 1)
    if isinstance(question, TrueFalseQuestion):
        return "f" if question.answer else "t"
    if isinstance(question, ShortAnswerQuestion):
        return "certainly not this"
    if isinstance(question, NumericQuestion):
        value = question.answer if question.answer is not None else question.max
        return repr(value + question.tolerance + 1000) if question.answer is not None else repr(value + 1000)
    if isinstance(question, OrderQuestion):
        return " ".join(str(n) for n in range(1, len(question.items) + 1))  # the shown order: never right
    if isinstance(question, MatchQuestion):
        return " ".join(_letter(k) for k in range(len(question.pairs)))  # never all right, see session
    raise AssertionError(type(question))


def first_attempt(pack: Pack, seed: int = SEED) -> QuizSession:
    """The first attempt plain mode asks with ``--seed SEED`` (the shared quiz flow draws
    each attempt's seed from it), built in a throwaway data folder."""
    with tempfile.TemporaryDirectory() as folder:
        return QuizFlow(pack, seed=seed, data_dir=folder).start()


def answers(pack: Pack, pick, seed: int = SEED) -> tuple[QuizSession, str]:
    """Return a session seeded like plain mode with ``--seed seed``, and stdin text: one
    ``pick`` line per question."""
    session = first_attempt(pack, seed)
    return session, "".join(pick(session, q) + "\n" for q in session.questions)



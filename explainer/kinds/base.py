"""What every question kind shares: the :class:`QuestionKind` base, :class:`Score`,
:class:`Mark`, and the text and number helpers the kinds use.

A *question kind* is the behaviour of one question ``type`` of quiz.toml (``single``,
``multiple``...), apart from drawing it: how what it shows is shuffled, how a response
is scored and checked, how the response and the right answer read in words, which mark
each shown position gets after checking, the instruction line, the saved form of a
response, and plain mode's lines and parsing. Each kind is one module of this package;
:mod:`explainer.kinds` holds the registry.

Pure Python: no Textual, no disk, no clock (a test checks the imports).
"""

from __future__ import annotations

import math
import random
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, Literal, TypeVar

from explainer.i18n import _, ngettext
from explainer.pack.model import Choice


def points_figure(points: float) -> str:
    """``"1"``, ``"2"``, ``"1/3"``: a number of points as :func:`points_words` writes
    it, without the word."""
    from fractions import Fraction

    value = Fraction(points).limit_denominator(12)
    if value.denominator == 1:
        return str(int(value))
    return f"{value.numerator}/{value.denominator}"


def points_words(points: float) -> str:
    """``"1 point"``, ``"2 points"``, ``"1/3 point"``, ``"2/3 point"``: a number of
    points as a reader reads it, a fraction when it is not whole (thirds, halves...),
    in the language in force."""
    from fractions import Fraction

    value = Fraction(points).limit_denominator(12)
    if value.denominator == 1:
        whole = int(value)
        return ngettext("{count} point", "{count} points", whole).format(count=whole)
    return _("{fraction} point").format(fraction=points_figure(points))

Q = TypeVar("Q")
"""The question model of a kind."""
R = TypeVar("R")
"""The response class of a kind."""


@dataclass(frozen=True)
class Score:
    """The result of scoring one response.

    Attributes:
        points: points earned, from 0 to ``max_points`` (a float: partial credit gives
            fractions, rounded to 6 decimal places).
        max_points: the question's ``points``.
        correct: True when the response is fully right.
    """

    points: float
    max_points: float
    correct: bool

    @property
    def verdict(self) -> Literal["right", "partly right", "wrong"]:
        """``"right"`` when fully right, ``"partly right"`` with some points, else ``"wrong"``."""
        if self.correct:
            return "right"
        return "partly right" if self.points > 0 else "wrong"


MarkKind = Literal["right", "missed", "wrong", "placed", "misplaced", "mismatched"]
"""What a mark says about one shown position after the answer was checked:

- ``right``: a right choice the reader picked (or the right one of single/true-false).
- ``missed``: a right choice of a multiple-choice question the reader did not pick.
- ``wrong``: a choice the reader picked that is not right.
- ``placed``: an order item or a match line in its right place.
- ``misplaced``: an order item in the wrong place (``detail``: its right 1-based place).
- ``mismatched``: a match line given the wrong option (``detail``: the right option).
"""


@dataclass(frozen=True)
class Mark:
    """The mark on one shown position (a choice, an item row, a match line).

    Attributes:
        kind: see :data:`MarkKind`.
        detail: the right place (an ``int``, 1-based) of a misplaced item, or the right
            option's text (author text, verbatim) of a mismatched line; else None.
    """

    kind: MarkKind
    detail: int | str | None = None


class InputProblem(ValueError):
    """A typed answer that does not fit the question; its message tells the reader what
    to type instead (one sentence)."""


class NoExportForm(ValueError):
    """Raised by an export method (:meth:`QuestionKind.gift_answers`,
    :meth:`QuestionKind.moodle_xml_answers`) when this one question cannot be written in
    the target format; its message says why, for the export report's ``skipped`` line."""


class QuestionKind(Generic[Q, R]):
    """The behaviour of one question type. Subclasses set the class attributes and
    override what differs; the defaults fit a question with nothing to shuffle and an
    all-or-nothing score.

    Instances are stateless: the registry keeps one per kind, and every method takes
    the question (a validated model of :attr:`model`) it works on.
    """

    type: ClassVar[str]
    """The ``type`` key of quiz.toml, e.g. ``"single"``."""
    model: ClassVar[type]
    """The question model (:mod:`explainer.pack.model`)."""
    response_type: ClassVar[type]
    """The response class this kind scores."""
    saved_tag: ClassVar[str]
    """The ``kind`` of the response's table in the progress file (kinds that share a
    response class share the tag)."""
    typed: ClassVar[bool] = False
    """True when the reader types the answer (a text box), False when they pick."""
    gift_blank: ClassVar[bool] = True
    """Whether a GIFT export may put the answer block where the prompt has ``___``."""
    one_pick: ClassVar[bool] = False
    """True when the reader picks exactly one thing (feedback then reads "about your answer")."""
    aiken: ClassVar[bool] = False
    """Whether the question has an Aiken form (single-choice questions only)."""

    # ------------------------------------------------------------ what is shown

    def order_length(self, question: Q) -> int:
        """How many entries the question's display order has (0: nothing is shuffled)."""
        return 0

    def shuffle(self, question: Q, rng: random.Random, shuffle_choices: bool) -> tuple[int, ...]:
        """A display order for a new attempt: file-order indexes, in display order.

        Args:
            question: the question.
            rng: the attempt's seeded random source (drawing from it changes later draws).
            shuffle_choices: the pack's ``shuffle_choices`` setting.

        Returns:
            ``()`` for kinds that show nothing to shuffle.
        """
        return ()

    def choices(self, question: Q) -> tuple[Choice, ...]:
        """The question's ``[[questions.choices]]`` (for the lint checks); ``()`` if none."""
        return ()

    def with_answers_of(self, question: Q, others: Sequence[Q]) -> Q:
        """``question``, also accepting what its translations ``others`` accept.

        A typed answer given in one language is right in every language (the progress
        carries over: :mod:`explainer.launch`). The default returns ``question`` as it
        is: only kinds with typed answers in words have anything to add.
        """
        return question

    def typed_answers(self, question: Q) -> tuple[str, ...]:
        """The texts a reader may type that count as right (a short answer's ``accept``,
        for the lint checks); ``()`` for kinds answered otherwise."""
        return ()

    def shown_texts(self, question: Q) -> list[tuple[tuple[str | int, ...], str]]:
        """Every text the reader sees of ``question``, before or after answering, for the
        lint checks: ``(key path inside the question, text)`` pairs, e.g.
        ``(("choices", 2, "feedback"), "...")``.

        The default gives the prompt, the hint, the explanation and each choice's text
        and feedback; kinds that show more (order items, match sides) add theirs.
        """
        texts: list[tuple[tuple[str | int, ...], str]] = [(("prompt",), question.prompt)]  # type: ignore[attr-defined]
        for key in ("hint", "explanation"):
            value = getattr(question, key, None)
            if value:
                texts.append(((key,), value))
        for index, choice in enumerate(self.choices(question)):
            texts.append((("choices", index, "text"), choice.text))
            if choice.feedback:
                texts.append((("choices", index, "feedback"), choice.feedback))
        return texts

    def chosen(self, question: Q, response: R | None) -> list[int]:
        """The file-order indexes of the :meth:`choices` that ``response`` picked, for
        the class's item analysis (which wrong choice misled whom); ``[]`` for kinds
        without choices and for no response."""
        return []

    def answer_parts(self, question: Q) -> tuple[tuple[str, ...], ...]:
        """The right answer, for the lint checks, as parts: each part is the texts that,
        all shown together, give that part away (a right choice's text; an accepted
        answer; a match pair's two sides). ``()`` for kinds whose answer is not a text
        (true/false, numbers, an order).

        The default gives each right choice's text, then each accepted typed answer.
        """
        parts = [(choice.text,) for choice in self.choices(question) if choice.correct]
        parts += [(answer,) for answer in self.typed_answers(question)]
        return tuple(parts)

    def typo_clashes(self, question: Q, texts: Sequence[str]) -> list[tuple[int, str, int]]:
        """Which of ``texts`` would count as right for ``question`` only because it
        accepts near misses (``typos``), for the lint checks.

        Args:
            question: the question.
            texts: texts from elsewhere in the quiz (wrong choices, other accepted answers).

        Returns:
            ``(index in texts, the right answer it is near, its distance)`` per such text;
            ``[]`` for kinds without near misses.
        """
        return []

    # ------------------------------------------------------------ scoring

    def is_correct(self, question: Q, response: R) -> bool:
        """True when ``response`` is fully right."""
        raise NotImplementedError

    def score(self, question: Q, response: R | None) -> Score:
        """Score ``response`` (None: not answered, 0 points).

        Raises:
            TypeError: ``response`` is not a :attr:`response_type`.
        """
        max_points = float(question.points)  # type: ignore[attr-defined]
        if response is None:
            return Score(0.0, max_points, False)
        if not isinstance(response, self.response_type):
            raise TypeError(f"question {question.id!r} needs a {self.response_type.__name__}")  # type: ignore[attr-defined]
        correct = self.is_correct(question, response)
        return Score(max_points if correct else 0.0, max_points, correct)

    def response_fits(self, question: Q, response: object) -> bool:
        """True if ``response`` is this kind's response and every index in it exists in
        ``question`` (a hand-edited or stale saved answer is dropped, not trusted)."""
        return isinstance(response, self.response_type)

    # ------------------------------------------------------------ words

    def instruction(self, question: Q) -> str:
        """The line under the prompt: what to do, and the rules that apply (partial
        credit, whether capitals matter). Front ends add how to operate their controls."""
        raise NotImplementedError

    def scoring(self, question: Q) -> str:
        """How the question is scored, in one sentence (shown before answering and in
        the feedback): by default ``"Scores 1 point if right."``. Kinds that are all or
        nothing over several parts, or give partial credit, say so."""
        return _("Scores {points} if right.").format(points=points_words(question.points))

    def parts_note(self, question: Q, response: R | None) -> str:
        """For a question of several parts, how many of them ``response`` got right, in
        words (``"3 of 4 lines right."``); ``""`` for a question of one part."""
        return ""

    def scoring_note(self, question: Q, response: R | None) -> str:
        """What the feedback says about scoring: :meth:`parts_note` then
        :meth:`scoring` (``"3 of 4 lines right. Scores 1 point only if every line is
        matched right."``)."""
        return " ".join(part for part in (self.parts_note(question, response), self.scoring(question)) if part)

    def rules(self, question: Q) -> str:
        """The scoring rules the reader should know before answering, in one sentence
        (partial credit, whether capitals matter); ``""`` when there are none. Part of
        :meth:`instruction`, and printed after plain mode's instruction."""
        return ""

    def describe_answer(self, question: Q) -> str:
        """The right answer in words (author text verbatim; parts joined with ``"; "``)."""
        raise NotImplementedError

    def describe_response(self, question: Q, response: R | None) -> str:
        """The reader's response in words; ``"(no answer)"`` when there is none."""
        raise NotImplementedError

    def answer_lines(self, question: Q, response: R | None) -> tuple[str, list[str]]:
        """The reader's answer (or, with ``response=None``, the right one) for plain mode:
        ``(text after the label, lines below it)``. One line unless the kind lists parts."""
        text = self.describe_answer(question) if response is None else self.describe_response(question, response)
        return text, []

    def marks(self, question: Q, order: Sequence[int], response: R | None) -> dict[int, Mark]:
        """The marks after checking: shown position (0-based) -> :class:`Mark`.

        Positions without a mark are left out.
        """
        return {}

    def picked_feedback(self, question: Q, response: R | None) -> list[tuple[str, str]]:
        """``(choice text, feedback)`` for each picked choice that has feedback, file order."""
        return []

    def accepted_note(self, question: Q, response: R | None) -> str:
        """One line for the feedback when the response counted as right without matching
        the right answer exactly (a short answer's near miss: ``"accepted: Hanawon — you
        typed Hanawan"``); ``""`` otherwise. The app and plain mode both show it."""
        return ""

    # ------------------------------------------------------------ typed answers

    def read_typed(self, question: Q, text: str) -> R | None:
        """The response to a typed answer: None when nothing but spaces is typed.

        Raises:
            InputProblem: the text cannot be scored (a number that is not a number).
        """
        raise InputProblem(_("This question is answered by picking, not by typing."))

    def accepts_text(self, question: Q, text: str) -> bool:
        """True when ``text`` typed as it is would be a right answer (so plain mode's
        ``h`` and ``q`` stay answers where they are right)."""
        return False

    # ------------------------------------------------------------ saved form

    def to_saved(self, response: R) -> Any:
        """The response's value in the progress file (a TOML value, under :attr:`saved_key`)."""
        raise NotImplementedError

    saved_key: ClassVar[str] = "value"
    """The key beside ``kind`` in a saved response's table."""

    def from_saved(self, value: Any) -> R:
        """Read back a value written by :meth:`to_saved`.

        Raises:
            ValueError: the value is not of the right shape (one sentence why).
        """
        raise NotImplementedError

    # ------------------------------------------------------------ plain mode

    def plain_lines(self, question: Q, order: Sequence[int]) -> list[str]:
        """The lines plain mode prints under the prompt (numbered choices...); ``[]`` if none."""
        return []

    def plain_instruction(self, question: Q, order: Sequence[int]) -> str:
        """What to type, in one sentence."""
        raise NotImplementedError

    def parse_plain(self, question: Q, order: Sequence[int], text: str) -> R:
        """The response to a line typed in plain mode.

        Raises:
            InputProblem: the line does not fit; the message says what to type.
        """
        raise NotImplementedError

    # ------------------------------------------------------------ export

    def moodle_xml_answers(self, question: Q, element: Any, xml: Any) -> tuple[str, list[str]] | None:
        """Write the question's answers into a Moodle XML ``<question>`` element.

        Args:
            question: the question.
            element: the ``<question>`` element (its name, text and general feedback are
                written already).
            xml: the writer's helpers (:class:`explainer.interop.moodle_xml.XmlWriter`).

        Returns:
            ``(Moodle question type, what Moodle XML loses)``, or None when the kind has
            no Moodle XML form (the default).
        """
        return None

    def gift_answers(self, question: Q, gift: Any) -> tuple[list[str], list[str]] | None:
        """The lines inside a GIFT answer block and what GIFT loses; None: no GIFT form.

        Args:
            gift: the exporter's helpers: ``gift.text(str)`` escapes an answer text,
                ``gift.number(float)`` writes a number, ``gift.weight(float)`` a
                percentage weight (:mod:`explainer.interop.export`).
        """
        return None


# ---------------------------------------------------------------- helpers

_SPACES = re.compile(r"\s+")


def normalise_text(text: str, case_sensitive: bool = False) -> str:
    """Normalise a short answer for comparison.

    Brings the text to Unicode NFC (so a letter typed as base + combining accent equals
    the same letter typed precomposed), strips surrounding white space and folds runs
    of inner white space to one space; unless ``case_sensitive``, also folds letter
    case (``str.casefold``).
    """
    folded = _SPACES.sub(" ", unicodedata.normalize("NFC", text).strip())
    return folded if case_sensitive else folded.casefold()


_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def parse_number(text: str) -> float:
    """Parse a number as a reader types it.

    Accepts ``10000``, ``10,000`` (commas between groups of three digits), ``1e4``,
    ``-5``, ``0.25``, ``+3``, with spaces around; and, in a language that writes numbers
    otherwise, the number as it writes them (Ukrainian ``0,5`` and ``10 000``, through
    Babel). Returns it as a float.

    Raises:
        InputProblem: (a ValueError) with a one-line message for the reader, for
            anything else (words, ``10,00``, ``1.2.3``, an empty answer, infinities).
    """
    cleaned = text.strip().replace("\u2212", "-")  # a typographic minus sign
    if not cleaned:
        raise InputProblem(_("Type a number, for example 10000, 10,000 or 1e4."))
    if (local := _local_number(cleaned)) is not None:  # the reader's language first: "1,300" is 1.3 in Ukrainian
        cleaned = local
    elif _GROUPED.fullmatch(cleaned):
        cleaned = cleaned.replace(",", "")
    elif not _NUMBER.fullmatch(cleaned):
        shown = cleaned if len(cleaned) <= 24 else cleaned[:23] + "…"
        raise InputProblem(
            _("“{text}” is not a number. Use digits, for example 10000, 10,000, 1e4 or -5.").format(text=shown)
        )
    value = float(cleaned)
    if not math.isfinite(value):
        raise InputProblem(_("That number is too large."))
    return value


def _local_number(text: str) -> str | None:
    """``text`` as the language in force writes a number (``0,5``, ``10 000`` in
    Ukrainian), rewritten as Python reads it (``0.5``); None when it is not one, or the
    language is English (whose forms :func:`parse_number` reads itself)."""
    from explainer import i18n

    if i18n.language() == "en" or _NUMBER.fullmatch(text):  # 1e4, 0.5, 10000: read as written everywhere
        return None
    from babel.numbers import NumberFormatError, get_group_symbol, parse_decimal

    if get_group_symbol(i18n.locale_name()).isspace():  # "10 000": a space, typed or not, groups
        text = re.sub(r"(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))", "", text)
    try:
        return str(parse_decimal(text, locale=i18n.locale_name(), strict=True))
    except (NumberFormatError, ValueError):
        return None


def format_number(value: float) -> str:
    """Show a number without a needless ``.0``, with thousands separated: ``10,000``
    (``10 000`` in Ukrainian, through Babel)."""
    from explainer import i18n

    if not math.isfinite(value):
        return str(value)
    if i18n.language() != "en" and abs(value) < 1e15:
        return i18n.number(value, 6)
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) >= 1e15 or abs(value) < 1e-4 else f"{value:,.15g}"


def index_list(value: Any, what: str, *, allow_none_marker: bool = False) -> list[int]:
    """Check that ``value`` is a list of TOML integers >= 0 (or -1 when allowed).

    Raises:
        ValueError: it is not (one sentence naming ``what``).
    """
    if not isinstance(value, (list, tuple)):
        raise ValueError(f"{what} must be a list of whole numbers")
    lowest = -1 if allow_none_marker else 0
    for item in value:
        if type(item) is not int or item < lowest:
            raise ValueError(f"{what} must hold whole numbers >= {lowest}, not {item!r}")
    return list(value)


def split_answer(text: str) -> list[str]:
    """Split a typed answer on spaces, commas and semicolons, dropping empty parts."""
    return [part for part in re.split(r"[\s,;]+", text.strip()) if part]


def whole_numbers(parts: Sequence[str]) -> list[int] | None:
    """Parse ``["3", "1."]`` as ``[3, 1]``; None if any part is not a whole number."""
    numbers = []
    for part in parts:
        part = part.rstrip(".)")
        if not part.isdigit() or not part.isascii():
            return None
        numbers.append(int(part))
    return numbers


def letters(count: int) -> list[str]:
    """Labels for ``count`` options: a, b, ... z, then aa, ab, ..."""
    labels = []
    for index in range(count):
        label, n = "", index
        while True:
            label = chr(ord("a") + n % 26) + label
            n = n // 26 - 1
            if n < 0:
                break
        labels.append(label)
    return labels


def numbered(texts: Sequence[str]) -> list[str]:
    """``["  1. first", "  2. second"]``: the lines of a numbered list in plain mode."""
    return [f"  {number}. {text}" for number, text in enumerate(texts, start=1)]


def shuffle_out_of_order(count: int, rng: random.Random) -> tuple[int, ...]:
    """Return a random order of ``count`` items that is never ``0, 1, 2, ...``.

    Each order other than the right one is equally likely. One item cannot be out of
    order, so ``count < 2`` returns the only order there is.
    """
    order = list(range(count))
    if count < 2:
        return tuple(order)
    right = list(order)
    while order == right:
        rng.shuffle(order)
    return tuple(order)

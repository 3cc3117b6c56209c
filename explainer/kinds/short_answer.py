"""The ``short_answer`` kind: type a word or phrase; any accepted answer is right.

Typed text is compared after :func:`~explainer.kinds.base.normalise_text` (NFC, spaces
around dropped, inner runs of spaces folded, letter case folded unless
``case_sensitive``). What is kept as the reader's answer is the text without the
spaces around it, in the app and in plain mode alike.

**Near misses** (``typos``, per question or quiz-wide under ``[quiz]``): with
``typos = n`` a typed answer whose normalised text is at most ``n`` letter edits
(Levenshtein distance: a letter wrong, missing or extra) from a normalised accepted
answer counts as right, but only for accepted answers of at least
:data:`~explainer.pack.model.TYPO_MIN_LETTERS` letters; shorter ones (``NIS``, ``1718``)
must match exactly. The distance is rapidfuzz's, imported only when a question allows
near misses. The words the reader sees about it are here too: the rule
(:meth:`ShortAnswerKind.rules`) and what was accepted (:meth:`ShortAnswerKind.accepted_note`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from explainer.interop.common import moodle_star
from explainer.i18n import _, ngettext
from explainer.kinds.base import InputProblem, QuestionKind, normalise_text
from explainer.pack.model import TYPO_MIN_LETTERS, ShortAnswerQuestion


def typo_rule(limit: int) -> str:
    """The sentence that tells the reader near misses count, for ``limit`` letter edits.

    Args:
        limit: the question's ``typos`` (1 or more).

    Returns:
        ``"Small typos are accepted (1 letter)."`` or ``"... (up to 2 letters)."``.
    """
    if limit == 1:
        return _("Small typos are accepted (1 letter).")
    return ngettext(
        "Small typos are accepted (up to {count} letter).", "Small typos are accepted (up to {count} letters).", limit
    ).format(count=limit)


def near_miss_words(accepted: str, typed: str) -> str:
    """What feedback says when a near miss was accepted.

    Args:
        accepted: the accepted answer it counted as (author text, verbatim).
        typed: what the reader typed (without spaces around it).

    Returns:
        ``"accepted: Hanawon — you typed Hanawan"``.
    """
    return _("accepted: {accepted} — you typed {typed}").format(accepted=accepted, typed=typed)


def letter_count(text: str) -> int:
    """How many letters ``text`` has (digits, spaces and punctuation do not count)."""
    return sum(character.isalpha() for character in text)


def _distance(a: str, b: str, limit: int) -> int:
    """The Levenshtein distance of ``a`` and ``b``, or ``limit + 1`` when it is larger."""
    from rapidfuzz.distance import Levenshtein  # only packs with near misses pay for the import

    return Levenshtein.distance(a, b, score_cutoff=limit)


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
        """True when the normalised text equals a normalised accepted answer, or is a near
        miss of one the question's ``typos`` allows."""
        return self.accepts_text(question, response.text)

    def accepts_text(self, question: ShortAnswerQuestion, text: str) -> bool:
        """True when ``text`` is one of the accepted answers (after normalising), or a
        near miss of one (see :meth:`accepted_match`)."""
        return self.accepted_match(question, text) is not None

    def accepted_match(self, question: ShortAnswerQuestion, text: str) -> tuple[str, int] | None:
        """The accepted answer ``text`` counts as, and how many letter edits away it is.

        An exact match (after normalising) wins, distance 0. Otherwise, with
        ``typos = n`` (:attr:`~explainer.pack.model.ShortAnswerQuestion.typo_limit`), the
        nearest accepted answer of at least 5 letters within ``n`` edits (the first in
        file order on a tie).

        Args:
            question: the question.
            text: what the reader typed.

        Returns:
            ``(accepted answer as the author wrote it, distance)``, or None when ``text``
            is not right.
        """
        typed = normalise_text(text, question.case_sensitive)
        for answer in question.accept:
            if typed == normalise_text(answer, question.case_sensitive):
                return answer, 0
        best: tuple[str, int] | None = None
        for answer, target in self._fuzzy_targets(question):
            distance = _distance(typed, target, question.typo_limit)
            if distance <= question.typo_limit and (best is None or distance < best[1]):
                best = answer, distance
        return best

    def _fuzzy_targets(self, question: ShortAnswerQuestion) -> list[tuple[str, str]]:
        """``(accepted answer, its normalised text)`` for each accepted answer near misses
        of which count: none without ``typos``; else those of at least 5 letters."""
        if question.typo_limit <= 0:
            return []
        targets = [(answer, normalise_text(answer, question.case_sensitive)) for answer in question.accept]
        return [(answer, target) for answer, target in targets if letter_count(target) >= TYPO_MIN_LETTERS]

    def accepted_note(self, question: ShortAnswerQuestion, response: TextResponse | None) -> str:
        """What was accepted when a typed answer counted as right without matching
        exactly: ``"accepted: Hanawon — you typed Hanawan"``; ``""`` otherwise (an exact
        match, a wrong answer, no answer)."""
        if response is None:
            return ""
        match = self.accepted_match(question, response.text)
        if match is None or match[1] == 0:
            return ""
        return near_miss_words(match[0], response.text.strip())

    def with_answers_of(self, question: ShortAnswerQuestion, others: Sequence[ShortAnswerQuestion]) -> ShortAnswerQuestion:
        """``question`` accepting, after its own answers, every answer its translations
        accept (``하나원`` is right in the English quiz too, so an answer given in Korean
        keeps its mark when the quiz is finished in English)."""
        extra = [answer for other in others for answer in other.accept if answer not in question.accept]
        if not extra:
            return question
        return question.model_copy(update={"accept": tuple(question.accept) + tuple(dict.fromkeys(extra))})

    def typed_answers(self, question: ShortAnswerQuestion) -> tuple[str, ...]:
        """The accepted answers, as written."""
        return tuple(question.accept)

    def typo_clashes(self, question: ShortAnswerQuestion, texts: Sequence[str]) -> list[tuple[int, str, int]]:
        """The texts that count as right for ``question`` only through its typo rule:
        ``(index in texts, accepted answer it is near, distance)``, distance 1 to ``typos``.

        Texts equal to an accepted answer (after normalising) are not listed: they are
        right with or without the rule.
        """
        targets = self._fuzzy_targets(question)
        if not targets:
            return []
        limit = question.typo_limit
        exact = {normalise_text(answer, question.case_sensitive) for answer in question.accept}
        clashes = []
        for index, text in enumerate(texts):
            typed = normalise_text(text, question.case_sensitive)
            if typed in exact:
                continue
            near = [
                (distance, answer)
                for answer, target in targets
                if abs(len(typed) - len(target)) <= limit
                and (distance := _distance(typed, target, limit)) <= limit
            ]
            if near:
                distance, answer = min(near, key=lambda pair: pair[0])
                clashes.append((index, answer, distance))
        return clashes

    def rules(self, question: ShortAnswerQuestion) -> str:
        """Whether capital letters matter, and whether small typos are accepted (only
        said when the question's ``typos`` applies to one of its accepted answers)."""
        capitals = _("Capital letters matter.") if question.case_sensitive else _("Capital letters do not matter.")
        if self._fuzzy_targets(question):
            return f"{capitals} {typo_rule(question.typo_limit)}"
        return capitals

    def instruction(self, question: ShortAnswerQuestion) -> str:
        """Type the answer, and whether capital letters matter."""
        return f"{_('Type your answer, then press enter.')} {self.rules(question)}"

    def describe_answer(self, question: ShortAnswerQuestion) -> str:
        """The first accepted answer, and the others in brackets."""
        first, *others = question.accept
        if not others:
            return first
        return _("{answer} (also accepted: {others})").format(answer=first, others=", ".join(others))

    def describe_response(self, question: ShortAnswerQuestion, response: TextResponse | None) -> str:
        """The typed text, or ``"(no answer)"``."""
        if response is None:
            return _("(no answer)")
        return response.text.strip() or _("(no answer)")

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
        return _("Type your answer, then press enter.")

    def parse_plain(self, question: ShortAnswerQuestion, order: Sequence[int], text: str) -> TextResponse:
        """The typed line without spaces around it.

        Raises:
            InputProblem: nothing typed (or undecodable bytes).
        """
        response = self.read_typed(question, text)
        if response is None or response.text == "\ufffd":
            raise InputProblem(_("Type your answer, then press Enter."))
        return response

    def moodle_xml_answers(self, question: ShortAnswerQuestion, element: Any, xml: Any) -> tuple[str, list[str]] | None:
        """A ``shortanswer`` question: each accepted answer at 100; ``<usecase>`` from
        ``case_sensitive``."""
        losses = ["typos dropped (Moodle short answers must match exactly)"] if question.typo_limit else []
        xml.value(element, "usecase", "1" if question.case_sensitive else "0")
        for text in question.accept:
            answer = xml.text(element, "answer", moodle_star(text), "plain_text", fraction="100")
            xml.text(answer, "feedback", "", "plain_text")
        return "shortanswer", losses

    def gift_answers(self, question: ShortAnswerQuestion, gift: Any) -> tuple[list[str], list[str]] | None:
        """``=answer`` per accepted answer. An answer holding ``->`` is written with
        ``→`` and reported: Moodle reads a block of ``=`` answers with ``->`` in it as a
        matching question, and GIFT cannot escape ``->``. A ``*`` is written ``\\*``, which
        Moodle reads as a star, not its wildcard."""
        losses = ["case_sensitive dropped (GIFT short answers ignore case)"] if question.case_sensitive else []
        if question.typo_limit:
            losses.append("typos dropped (GIFT short answers must match exactly)")
        answers = []
        for answer in question.accept:
            if "->" in answer:
                losses.append(f"'->' inside \"{answer}\" written as '→' (GIFT would read it as a matching question)")
                answer = answer.replace("->", "→")
            answers.append("=" + gift.text(moodle_star(answer)))
        return answers, losses


KIND = ShortAnswerKind()
"""The registered instance."""

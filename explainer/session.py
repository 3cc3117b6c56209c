"""The reader's way through a pack: what they have read, and where they are in the quiz.

Pure Python, no Textual: the app drives these objects and the tests check them alone.

- :class:`ReadingProgress` remembers which sections the reader has opened.
- :class:`QuizSession` holds one attempt at the quiz: the order of the questions and of
  what each question shows (shuffled with a seeded :class:`random.Random`), the
  responses given so far, their scores and the hints the reader asked for. From a
  finished attempt it builds the results list, the ids of the missed questions, a
  review attempt that asks exactly those again, and the sections that teach them.

What is shuffled is up to each question's kind (:meth:`explainer.kinds.QuestionKind.shuffle`):
the choices of ``single`` / ``multiple`` when the pack says ``shuffle_choices = true``
(pinned ones stay put), the items of ``order`` and the options of ``match`` always.

Indexes in responses are always in FILE order (as in quiz.toml), whatever order the
reader saw; :meth:`QuizSession.display_order` maps display position to file index.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from explainer.kinds import kind_of
from explainer.pack import AnyQuestion, Pack, Response, Score, describe_answer, describe_response, score


class ReadingProgress:
    """Which sections of a pack the reader has opened, in reading order.

    Args:
        pack: the pack being read.
        read: sections already read (e.g. saved from an earlier run); unknown ids are
            ignored.
        on_read: called with a section's id each time it is opened (to save it).
    """

    def __init__(
        self,
        pack: Pack,
        read: Iterable[str] = (),
        *,
        on_read: Callable[[str], object] | None = None,
    ) -> None:
        self._order = [section.id for section in pack.sections]
        self._read: set[str] = {section_id for section_id in read if section_id in self._order}
        self.on_read = on_read
        """Called with a section's id each time it is opened (None: nothing is called)."""

    def mark_read(self, section_id: str) -> None:
        """Record that the section ``section_id`` has been opened (unknown ids are ignored)."""
        if section_id in self._order:
            self._read.add(section_id)
            if self.on_read is not None:
                self.on_read(section_id)

    def is_read(self, section_id: str) -> bool:
        """Return True if the section ``section_id`` has been opened."""
        return section_id in self._read

    @property
    def read_ids(self) -> tuple[str, ...]:
        """The ids of the sections read so far, in reading order."""
        return tuple(section_id for section_id in self._order if section_id in self._read)

    @property
    def count(self) -> int:
        """How many sections have been read."""
        return len(self._read)

    @property
    def total(self) -> int:
        """How many sections the pack has."""
        return len(self._order)

    @property
    def all_read(self) -> bool:
        """True once every section has been opened."""
        return self.count == self.total


@dataclass(frozen=True)
class SectionScore:
    """How an attempt went on the questions of one section.

    Attributes:
        section_id: the section's id.
        points: points earned on its questions.
        max_points: points its questions could earn.
        questions: how many of the attempt's questions link to it.
    """

    section_id: str
    points: float
    max_points: float
    questions: int

    @property
    def fraction(self) -> float:
        """Points earned as a share of the possible (0 to 1; 1 when nothing was possible)."""
        return self.points / self.max_points if self.max_points else 1.0


@dataclass(frozen=True)
class QuestionResult:
    """One line of the results: a question, what the reader answered, and the verdict.

    Attributes:
        number: the question's 1-based position in this attempt.
        question: the question model.
        response: the reader's response, or None if it was not answered.
        score: points earned, the question's points, and whether it was right.
        your_answer: the reader's answer in words (author text, verbatim).
        right_answer: the right answer in words (author text, verbatim).
        hint_used: True if the reader asked for the question's hint in this attempt.
    """

    number: int
    question: AnyQuestion
    response: Response | None
    score: Score
    your_answer: str
    right_answer: str
    hint_used: bool = False

    @property
    def correct(self) -> bool:
        """True when the answer was fully right."""
        return self.score.correct


class QuizSession:
    """One attempt at the quiz (or at a subset of it, for a review).

    Args:
        pack: the loaded pack.
        seed: seed for the shuffles; the same seed gives the same orders. None draws a
            random seed.
        question_ids: ask only these questions (in pack order, before any shuffle);
            None asks them all. Unknown ids raise KeyError.
        review: True when this attempt re-asks missed questions only.
        keep_order: ask ``question_ids`` in the order given, never shuffled (a review
            round asks the question waiting longest first).
    """

    def __init__(
        self,
        pack: Pack,
        *,
        seed: int | None = None,
        question_ids: Iterable[str] | None = None,
        review: bool = False,
        keep_order: bool = False,
    ) -> None:
        self.pack = pack
        self.review = review
        self.seed = seed
        self._random = random.Random(seed)
        if question_ids is None:
            questions = list(pack.questions)
        elif keep_order:
            given = list(dict.fromkeys(question_ids))
            questions = [pack.question(question_id) for question_id in given]  # KeyError if unknown
        else:
            wanted = set(question_ids)
            for question_id in wanted:
                pack.question(question_id)  # KeyError for an unknown id
            questions = [q for q in pack.questions if q.id in wanted]
        if pack.quiz.shuffle_questions and not keep_order:
            self._random.shuffle(questions)
        self._questions: list[AnyQuestion] = questions
        self._by_id: dict[str, AnyQuestion] = {question.id: question for question in questions}
        self._orders: dict[str, tuple[int, ...]] = {}
        for question in questions:
            order = kind_of(question).shuffle(question, self._random, pack.quiz.shuffle_choices)
            if order or kind_of(question).order_length(question):
                self._orders[question.id] = order
        self._responses: dict[str, Response] = {}
        self._scores: dict[str, Score] = {}
        self._hints: set[str] = set()
        self.position = 0
        """0-based index of the question being asked; ``len(questions)`` once finished."""

    @classmethod
    def resume(
        cls,
        pack: Pack,
        question_ids: Sequence[str],
        orders: Mapping[str, Sequence[int]],
        *,
        seed: int | None = None,
        review: bool = False,
    ) -> QuizSession:
        """Rebuild an attempt exactly as it was asked: these questions in this order,
        each showing its choices, items or options in ``orders[id]``.

        Args:
            pack: the loaded pack.
            question_ids: the questions, in the order they are asked.
            orders: display orders (file-order indexes) by question id; a question
                missing here, or with an empty order, keeps what the seed draws.
            seed: the attempt's seed (follow-up attempts derive theirs from it).
            review: True for a review round.

        Raises:
            KeyError: an id is not in the pack.
        """
        session = cls(pack, seed=seed, question_ids=question_ids, review=review, keep_order=True)
        for question_id, order in orders.items():
            if order and question_id in session._orders:
                session._orders[question_id] = tuple(order)
        return session

    # ------------------------------------------------------------------ the questions

    @property
    def questions(self) -> tuple[AnyQuestion, ...]:
        """The questions of this attempt, in the order they are asked."""
        return tuple(self._questions)

    @property
    def total(self) -> int:
        """How many questions this attempt asks."""
        return len(self._questions)

    @property
    def current(self) -> AnyQuestion | None:
        """The question being asked, or None once every question has been passed."""
        if 0 <= self.position < len(self._questions):
            return self._questions[self.position]
        return None

    @property
    def finished(self) -> bool:
        """True once the reader has moved past the last question."""
        return self.position >= len(self._questions)

    @property
    def can_skip(self) -> bool:
        """True when the question being asked is unanswered and another unanswered one
        follows it (skipping the last one left would ask it again at once)."""
        question = self.current
        return question is not None and not self.is_answered(question.id) and self.position < len(self._questions) - 1

    def skip(self) -> AnyQuestion | None:
        """Put the question being asked after every other one, to come back to it, and
        return the question now asked (see :attr:`can_skip`; otherwise nothing moves).
        Its display order and any hint used are kept."""
        if self.can_skip:
            self._questions.append(self._questions.pop(self.position))
        return self.current

    def advance(self) -> AnyQuestion | None:
        """Move to the next question and return it (None when the attempt is over)."""
        if self.position < len(self._questions):
            self.position += 1
        return self.current

    def display_order(self, question_id: str) -> tuple[int, ...]:
        """Return what a question shows, as file-order indexes in display order.

        - single / multiple: indexes into ``question.choices``.
        - order: indexes into ``question.items`` (never ``0, 1, 2...`` for two or more).
        - match: indexes into ``question.right_options``.
        - true_false, short_answer, numeric: ``()`` (nothing to order).

        Raises:
            KeyError: the question is not part of this attempt.
        """
        self._question(question_id)
        return self._orders.get(question_id, ())

    # ------------------------------------------------------------------ hints

    def use_hint(self, question_id: str) -> str:
        """Record that the reader asked for the hint of ``question_id``, and return it.

        Asking again records nothing new. The hint costs no points; the results show
        that it was used.

        Raises:
            KeyError: the question is not part of this attempt.
            ValueError: the question has no hint.
        """
        question = self._question(question_id)
        if not question.hint:
            raise ValueError(f"question {question_id!r} has no hint")
        self._hints.add(question_id)
        return question.hint

    def hint_used(self, question_id: str) -> bool:
        """Return True if the reader asked for the hint of ``question_id`` in this attempt."""
        self._question(question_id)
        return question_id in self._hints

    @property
    def hints_used(self) -> tuple[str, ...]:
        """The ids of the questions whose hint the reader asked for, in the order asked."""
        return tuple(q.id for q in self._questions if q.id in self._hints)

    # ------------------------------------------------------------------ answering

    def submit(self, question_id: str, response: Response) -> Score:
        """Record ``response`` to the question ``question_id`` and return its score.

        Answering a question again replaces the earlier response.

        Raises:
            KeyError: the question is not part of this attempt.
            TypeError: the response kind does not fit the question type.
        """
        question = self._question(question_id)
        result = score(question, response)
        self._responses[question_id] = response
        self._scores[question_id] = result
        return result

    def response(self, question_id: str) -> Response | None:
        """Return the response given to ``question_id``, or None if not answered yet."""
        return self._responses.get(question_id)

    def is_answered(self, question_id: str) -> bool:
        """Return True if ``question_id`` has been answered in this attempt."""
        return question_id in self._responses

    @property
    def answered(self) -> int:
        """How many questions have been answered."""
        return len(self._responses)

    @property
    def points(self) -> float:
        """Points earned so far."""
        return sum(s.points for s in self._scores.values())

    @property
    def points_answered(self) -> float:
        """The points available in the questions answered so far."""
        return sum(s.max_points for s in self._scores.values())

    @property
    def max_points(self) -> float:
        """All the points this attempt can earn."""
        return float(sum(q.points for q in self._questions))

    @property
    def fraction(self) -> float:
        """Points earned as a fraction (0..1) of all the points of the attempt."""
        return self.points / self.max_points if self.max_points else 0.0

    @property
    def passed(self) -> bool:
        """True when :attr:`fraction` reaches the pack's pass mark."""
        return self.fraction + 1e-9 >= self.pack.quiz.pass_mark

    # ------------------------------------------------------------------ afterwards

    def results(self) -> list[QuestionResult]:
        """Return one :class:`QuestionResult` per question, in the order asked.

        Unanswered questions score 0 and show ``"(no answer)"``.
        """
        lines = []
        for number, question in enumerate(self._questions, start=1):
            response = self._responses.get(question.id)
            lines.append(
                QuestionResult(
                    number=number,
                    question=question,
                    response=response,
                    score=self._scores.get(question.id) or score(question, None),
                    your_answer=describe_response(question, response),
                    right_answer=describe_answer(question),
                    hint_used=question.id in self._hints,
                )
            )
        return lines

    def missed(self) -> list[str]:
        """Return the ids of the questions not answered fully right, in the order asked."""
        return [line.question.id for line in self.results() if not line.correct]

    def section_scores(self) -> list[SectionScore]:
        """Points by section for this attempt, weakest first (the lowest share of its
        points; ties in reading order). Only sections that some question of the attempt
        links to are listed."""
        earned: dict[str, float] = {}
        possible: dict[str, float] = {}
        count: dict[str, int] = {}
        for line in self.results():
            sid = line.question.section
            earned[sid] = earned.get(sid, 0.0) + line.score.points
            possible[sid] = possible.get(sid, 0.0) + line.score.max_points
            count[sid] = count.get(sid, 0) + 1
        order = {section.id: i for i, section in enumerate(self.pack.sections)}
        scores = [SectionScore(sid, earned[sid], possible[sid], count[sid]) for sid in possible]
        return sorted(scores, key=lambda s: (s.fraction, order.get(s.section_id, len(order))))

    def missed_sections(self) -> list[str]:
        """Return the ids of the sections that teach the missed questions, in reading order."""
        wanted = {self._question(qid).section for qid in self.missed()}
        return [section.id for section in self.pack.sections if section.id in wanted]

    def review_session(self, question_ids: Sequence[str] | None = None) -> QuizSession:
        """Return a review round: a new attempt that asks missed questions again.

        Args:
            question_ids: the questions to ask, in this order (e.g. the review queue of
                :func:`explainer.review.review_queue`); None asks exactly the questions
                missed in this attempt, in pack order.

        Raises:
            ValueError: nothing to review.
            KeyError: an id is not in the pack.
        """
        if question_ids is None:
            missed = self.missed()
            if not missed:
                raise ValueError("no missed questions to review")
            return QuizSession(self.pack, seed=self._next_seed(), question_ids=missed, review=True)
        if not question_ids:
            raise ValueError("no missed questions to review")
        return QuizSession(
            self.pack, seed=self._next_seed(), question_ids=question_ids, review=True, keep_order=True
        )

    def retake(self) -> QuizSession:
        """Return a fresh attempt at the whole quiz (shuffled again when the pack says so)."""
        return QuizSession(self.pack, seed=self._next_seed())

    # ------------------------------------------------------------------ helpers

    def _next_seed(self) -> int | None:
        """A seed for a follow-up attempt: derived from this one's, or None if unseeded."""
        if self.seed is None:
            return None
        return self._random.randrange(2**32)

    def _question(self, question_id: str) -> AnyQuestion:
        """Return the question ``question_id`` of this attempt; KeyError if not in it."""
        return self._by_id[question_id]

"""The progress models (the shape of a progress file) and the pure functions over them.

- The pydantic models, frozen, unknown keys refused: :class:`Progress` (the whole file)
  holds the :class:`QuizInProgress` (its :class:`QuestionState` per question) and every
  finished :class:`Attempt` (its :class:`AttemptAnswer` per question, or only its
  :class:`AnswerCounts` once summarised), and :class:`CarriedDue` for the review queue
  the summarised attempts left.
- The rules for a pack that was edited: :func:`history_for`, :func:`valid_in_progress`,
  :func:`for_pack` ("editing one question resets that question's history only; removing
  one leaves the rest intact").
- Compaction: :func:`compact` summarises all but the newest attempts
  (:data:`DETAILED_ATTEMPTS`, :data:`DETAILED_ANSWERS`).
- :func:`utc_now`: the time stamps the models keep (UTC, whole seconds).

No disk access here; the file's text is :mod:`explainer.storage.format`.
"""

from __future__ import annotations

import bisect
import re
import datetime as dt
from collections.abc import Iterable
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    Strict,
    StrictBool,
    StrictInt,
    StrictStr,
    model_validator,
)

from explainer.pack.model import AnyQuestion, Pack
from explainer.pack.scoring import Response, Score
from explainer.storage.hashes import _HASH, current_hashes, question_hash
from explainer.storage.paths import _SLUG_PATTERN
from explainer.storage.responses import StoredResponse, display_order_length, response_fits

__all__ = [
    "DETAILED_ANSWERS",
    "DETAILED_ATTEMPTS",
    "AnswerCounts",
    "Attempt",
    "AttemptAnswer",
    "CarriedDue",
    "Progress",
    "QuestionState",
    "QuizInProgress",
    "compact",
    "for_pack",
    "history_for",
    "utc_now",
    "valid_in_progress",
]


DETAILED_ATTEMPTS = 1_000
"""At most this many of the newest attempts keep every answer; older ones are summarised.

See :func:`compact`. :class:`ProgressStore` reads this when it saves, unless it was
given ``detailed_attempts``.
"""

DETAILED_ANSWERS = 2_000
"""At most this many answers in all are kept in detail (the newest attempt always is).

With a 4-question quiz that is the newest 500 attempts; with the bundled 29-question
pack, the newest 68. It bounds the time to read the file whatever the pack's size.
"""


def utc_now() -> dt.datetime:
    """Return the current time in UTC, timezone-aware, to the whole second."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def _aware_utc(value: dt.datetime) -> dt.datetime:
    """Require a timezone-aware date-time and convert it to UTC."""
    if value.tzinfo is dt.timezone.utc:  # what tomli gives for Z and +00:00: nothing to do
        return value
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError("must be a date-time with a timezone, e.g. 2025-02-01T09:30:00Z")
    return value.astimezone(dt.timezone.utc)


UtcDateTime = Annotated[dt.datetime, Strict(), AfterValidator(_aware_utc)]
"""A TOML offset date-time, kept in UTC (``2025-02-01 09:30:00+00:00``)."""
Points = Annotated[float, Strict(), Field(ge=0, allow_inf_nan=False)]
"""A number of points, 0 or more and finite: a TOML integer or float, never a bool or a
string (kept and written as a float)."""
Id = Annotated[StrictStr, Field(min_length=1)]
"""A section or question id, as written in the pack."""
Hash = Annotated[StrictStr, Field(pattern=_HASH)]
"""A :func:`question_hash`: 16 lower-case hex digits."""


class _Model(BaseModel):
    """Base of the progress models: frozen, and unknown keys are errors."""

    # defer_build: validators are built on first use, not when explainer starts.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


_M = TypeVar("_M", bound=_Model)


def _check_permutation(order: tuple[int, ...], what: str) -> None:
    """Raise ValueError unless ``order`` is empty or a permutation of 0..len-1."""
    if order and sorted(order) != list(range(len(order))):
        raise ValueError(f"{what} must list each index from 0 to {len(order) - 1} once")


class QuestionState(_Model):
    """One question of the quiz in progress: its display order, hint, and answer so far.

    Build one with :meth:`of`, which fills in the hash.
    """

    id: Id = Field(description="The question's id in quiz.toml.")
    hash: Hash = Field(description="question_hash() of the question when the quiz started.")
    order: tuple[StrictInt, ...] = Field(
        default=(),
        description="Display order as file-order indexes: display position k shows entry"
        " order[k] of the choices (single/multiple), items (order) or right-hand options"
        " (match). Empty means file order (true_false, short_answer, numeric).",
    )
    hint_used: StrictBool = Field(default=False, description="Whether the reader opened the hint.")
    response: StoredResponse | None = Field(
        default=None, description="The reader's answer so far; absent while unanswered."
    )

    @model_validator(mode="after")
    def _order_is_permutation(self) -> QuestionState:
        _check_permutation(self.order, "'order'")
        return self

    @property
    def answered(self) -> bool:
        """True once the reader has answered this question."""
        return self.response is not None

    @classmethod
    def of(
        cls,
        question: AnyQuestion,
        order: Iterable[int] = (),
        *,
        response: Response | None = None,
        hint_used: bool = False,
    ) -> QuestionState:
        """Build the state of ``question`` with its hash filled in.

        Args:
            question: the question model.
            order: its display order (see :attr:`order`); () for file order.
            response: the answer so far, or None.
            hint_used: whether the hint was shown.

        Raises:
            pydantic.ValidationError: ``order`` is not a permutation.
        """
        return cls(
            id=question.id,
            hash=question_hash(question),
            order=tuple(order),
            hint_used=hint_used,
            response=response,
        )


class QuizInProgress(_Model):
    """The quiz the reader has started and not finished (``[quiz]`` in the file)."""

    started: UtcDateTime = Field(description="When the attempt began (UTC).")
    review: StrictBool = Field(
        default=False, description="True for a review round that re-asks missed questions."
    )
    seed: StrictInt | None = Field(
        default=None,
        description="The shuffle seed of the attempt, if any (the orders below are what"
        " resuming uses; the seed only derives follow-up attempts).",
    )
    position: StrictInt = Field(
        default=0,
        ge=0,
        description="0-based index in `questions` of the question being asked;"
        " len(questions) once every question has been passed.",
    )
    questions: tuple[QuestionState, ...] = Field(
        min_length=1, description="The questions in the order they are asked ([[quiz.questions]])."
    )

    @model_validator(mode="after")
    def _consistent(self) -> QuizInProgress:
        ids = [q.id for q in self.questions]
        if len(set(ids)) != len(ids):
            raise ValueError("a question appears twice in the quiz in progress")
        if self.position > len(self.questions):
            raise ValueError(f"'position' {self.position} is past the last question")
        return self

    @property
    def question_ids(self) -> tuple[str, ...]:
        """The question ids in the order they are asked."""
        return tuple(q.id for q in self.questions)

    @property
    def answers(self) -> tuple[QuestionState, ...]:
        """The questions answered so far, in the order asked."""
        return tuple(q for q in self.questions if q.response is not None)

    def state(self, question_id: str) -> QuestionState:
        """Return the state of ``question_id``; raises KeyError if it is not in the quiz."""
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)


class AttemptAnswer(_Model):
    """One question of a finished attempt: what was answered and how it scored."""

    question: Id = Field(description="The question's id in quiz.toml.")
    hash: Hash = Field(description="question_hash() of the question when it was answered.")
    response: StoredResponse | None = Field(
        default=None, description="The reader's answer; absent when the question was skipped."
    )
    correct: StrictBool = Field(description="Whether the answer was fully right.")
    points: Points = Field(description="Points earned.")
    max_points: Points = Field(description="The question's points.")
    hint_used: StrictBool = Field(default=False, description="Whether the reader opened the hint.")

    @classmethod
    def of(
        cls,
        question: AnyQuestion,
        response: Response | None,
        score: Score,
        *,
        hint_used: bool = False,
    ) -> AttemptAnswer:
        """Build the record of one answered (or skipped, ``response=None``) question.

        Args:
            question: the question model (its id and hash are recorded).
            response: the reader's response, or None if skipped.
            score: :func:`explainer.pack.scoring.score` of that response.
            hint_used: whether the hint was shown.
        """
        return cls(
            question=question.id,
            hash=question_hash(question),
            response=response,
            correct=score.correct,
            points=score.points,
            max_points=score.max_points,
            hint_used=hint_used,
        )


Count = Annotated[StrictInt, Field(ge=0)]
"""A whole number, 0 or more."""


class AnswerCounts(_Model):
    """What is kept of a summarised attempt's answers: how many, how many right, hints.

    See :func:`compact`. All three are whole numbers >= 0; ``correct`` and
    ``hints_used`` are at most ``questions``.
    """

    questions: Count = Field(description="How many questions were asked.")
    correct: Count = Field(description="How many were answered fully right.")
    hints_used: Count = Field(description="How many hints were opened.")

    @model_validator(mode="after")
    def _within_questions(self) -> AnswerCounts:
        if self.correct > self.questions or self.hints_used > self.questions:
            raise ValueError("'correct' and 'hints_used' cannot exceed 'questions'")
        return self


class Attempt(_Model):
    """One finished attempt at the quiz (``[[attempts]]`` in the file).

    A summarised attempt (:func:`compact`; a line of ``[summary]`` in the file) has no
    ``answers`` and has ``counts`` instead. Read the numbers through
    :attr:`question_count`, :attr:`correct_count` and :attr:`hint_count`, which work for
    both kinds.
    """

    started: UtcDateTime = Field(description="When the attempt began (UTC).")
    finished: UtcDateTime = Field(description="When the last answer was given (UTC).")
    review: StrictBool = Field(default=False, description="True for a review round.")
    score: Points = Field(description="Points earned in the attempt.")
    max_points: Points = Field(description="Points the attempt could earn.")
    passed: StrictBool = Field(description="Whether the score reached the pack's pass mark.")
    answers: tuple[AttemptAnswer, ...] = Field(
        default=(), description="One entry per question asked, in the order asked."
    )
    counts: AnswerCounts | None = Field(
        default=None,
        description="Set only on a summarised attempt, whose answers were compacted to"
        " these counts (answers is then empty). Never written inside [[attempts]].",
    )

    @model_validator(mode="after")
    def _answers_or_counts(self) -> Attempt:
        if self.counts is not None and self.answers:
            raise ValueError("a summarised attempt has 'counts' and no 'answers'")
        return self

    @property
    def fraction(self) -> float:
        """The score as a fraction (0..1) of ``max_points``; 0 when there were no points."""
        return self.score / self.max_points if self.max_points else 0.0

    @property
    def summarised(self) -> bool:
        """True if the answers were compacted to :attr:`counts` (see :func:`compact`)."""
        return self.counts is not None

    @property
    def question_count(self) -> int:
        """How many questions the attempt asked."""
        return self.counts.questions if self.counts is not None else len(self.answers)

    @property
    def correct_count(self) -> int:
        """How many questions were answered fully right."""
        if self.counts is not None:
            return self.counts.correct
        return sum(1 for answer in self.answers if answer.correct)

    @property
    def hint_count(self) -> int:
        """How many hints were opened."""
        if self.counts is not None:
            return self.counts.hints_used
        return sum(1 for answer in self.answers if answer.hint_used)


class CarriedDue(_Model):
    """A question that was due for review after the summarised attempts (``[[summary.due]]``).

    Summarised attempts keep no answers, so :func:`compact` keeps the review queue's
    state of each question they left due: from when, and how many right answers in a row
    since. The review queue (:mod:`explainer.review`) starts from these and goes on with
    the detailed attempts, so compacting never changes which questions are due.
    """

    question: Id = Field(description="The question's id in quiz.toml.")
    hash: Hash = Field(description="question_hash() of the question the answers were to.")
    since: UtcDateTime = Field(description="When the attempt that made it due finished (UTC).")
    right_in_a_row: Count = Field(default=0, description="Right answers since then.")


class Progress(_Model):
    """Everything saved for one pack: the whole progress file.

    Build an empty one with :meth:`empty`. Models are frozen: derive a changed copy with
    ``progress.model_copy(update={...})`` (then pass it through :meth:`model_validate`
    if unsure) or with the ``with_*`` helpers.
    """

    format: Literal[1, 2] = Field(
        default=1,
        description="File format version: 1, or 2 once older attempts are summarised"
        " (format 1 has no summary).",
    )
    pack: Annotated[StrictStr, Field(pattern=_SLUG_PATTERN)] = Field(
        description="The pack's id; the file is named after it."
    )
    sections_read: tuple[Id, ...] = Field(
        default=(), description="Ids of the sections the reader has opened, first opened first."
    )
    last_section: Id | None = Field(
        default=None, description="The section open most recently, to continue from."
    )
    quiz: QuizInProgress | None = Field(
        default=None, description="The unfinished quiz, if any ([quiz])."
    )
    attempts: tuple[Attempt, ...] = Field(
        default=(),
        description="Every finished attempt, oldest first: the summarised ones ([summary],"
        " format 2) then the detailed ones ([[attempts]]).",
    )
    review_carry: tuple[CarriedDue, ...] = Field(
        default=(),
        description="The review queue as the summarised attempts left it ([[summary.due]]).",
    )

    @model_validator(mode="after")
    def _consistent(self) -> Progress:
        if len(set(self.sections_read)) != len(self.sections_read):
            raise ValueError("'sections_read' names a section twice")
        detailed_seen = False
        for attempt in self.attempts:
            if attempt.counts is None:
                detailed_seen = True
            elif detailed_seen:
                raise ValueError("summarised attempts must come before every detailed one")
        summarised = self.summarised_count
        if self.format == 1 and (summarised or self.review_carry):
            raise ValueError("a format 1 file has no summarised attempts; they need format 2")
        keys = [(carried.question, carried.hash) for carried in self.review_carry]
        if len(set(keys)) != len(keys):
            raise ValueError("'summary.due' names a question (with the same hash) twice")
        return self

    @property
    def summarised_count(self) -> int:
        """How many of :attr:`attempts` (the oldest) are summarised.

        They come first (the model checks it), so this is a binary search.
        """
        return bisect.bisect_left(self.attempts, True, key=lambda attempt: attempt.counts is None)

    @classmethod
    def empty(cls, pack_id: str) -> Progress:
        """Return the state of a pack nobody has opened yet.

        A well-formed ``pack_id`` (a slug, as every loaded pack's id is) needs no
        validation, so opening a pack for the first time builds no pydantic validator
        before the first paint; anything else is validated (ValidationError).
        """
        if isinstance(pack_id, str) and re.fullmatch(_SLUG_PATTERN, pack_id):
            return cls.model_construct(pack=pack_id)
        return cls(pack=pack_id)

    def with_section_read(self, section_id: str) -> Progress:
        """Return a copy with ``section_id`` read and open last."""
        read = self.sections_read if section_id in self.sections_read else (*self.sections_read, section_id)
        return self._replace(sections_read=read, last_section=section_id)

    def started_over(self) -> Progress:
        """Return a copy with no section read and no quiz in progress; every finished
        attempt (the history, and the review queue drawn from it) is kept."""
        return self._replace(sections_read=(), last_section=None, quiz=None)

    def with_quiz(self, quiz: QuizInProgress | None) -> Progress:
        """Return a copy with ``quiz`` as the quiz in progress (None: no quiz in progress)."""
        return self._replace(quiz=quiz)

    def with_attempt(self, attempt: Attempt) -> Progress:
        """Return a copy with ``attempt`` added after the others.

        If the quiz in progress is the one this attempt came from (same ``started``),
        it is cleared; another instance's quiz in progress is left alone.
        """
        quiz = self.quiz
        if quiz is not None and quiz.started == attempt.started:
            quiz = None
        return self._replace(attempts=(*self.attempts, attempt), quiz=quiz)

    def to_toml(self) -> str:
        """Return the file's text: TOML, ``format = 1`` (or ``2`` with a summary) first.

        A format 1 file is exactly what ``tomli_w.dumps`` makes of the data; see
        ``docs/progress.md`` for format 2.
        """
        from explainer.storage.format import _render  # format.py imports these models

        return _render(self)[0]

    def _replace(self, **changes: Any) -> Progress:
        """A validated copy with ``changes`` applied.

        Unless the attempts change, they are not checked again (they were when this
        progress was made): the rest is validated on its own and the attempts put back.
        """
        data = dict(self)
        data.update(changes)
        if "attempts" in changes or "review_carry" in changes:
            return type(self).model_validate(data)
        light = type(self).model_validate({**data, "attempts": (), "review_carry": ()})
        return light.model_copy(update={"attempts": self.attempts, "review_carry": self.review_carry})


# --------------------------------------------------------- the rules for edits


def history_for(pack: Pack, progress: Progress) -> dict[str, list[AttemptAnswer]]:
    """Return every question's past answers, keeping only those to its current content.

    Args:
        pack: the pack as it is now.
        progress: the saved progress.

    Returns:
        ``{question id: [answers, oldest first]}`` with one key per question of ``pack``
        (an empty list when it has no history). An answer counts only if its hash equals
        the question's :func:`question_hash` now, so editing a question resets its
        history and leaves the others alone; answers to removed questions are left out.
        Attempts are taken in order of finishing. Summarised attempts have no answers
        here; what they mean for the review queue is :attr:`Progress.review_carry`.
    """
    hashes = current_hashes(pack)
    questions = {q.id: q for q in pack.questions}
    history: dict[str, list[AttemptAnswer]] = {qid: [] for qid in hashes}
    with_answers = [(index, attempt) for index, attempt in enumerate(progress.attempts) if attempt.answers]
    ordered = sorted(with_answers, key=lambda pair: (pair[1].finished, pair[0]))
    for _, attempt in ordered:
        for answer in attempt.answers:
            if hashes.get(answer.question) != answer.hash:
                continue
            if answer.response is not None and not response_fits(questions[answer.question], answer.response):
                continue
            history[answer.question].append(answer)
    return history


def valid_in_progress(pack: Pack, progress: Progress) -> QuizInProgress | None:
    """Return the quiz in progress with what no longer fits ``pack`` taken out.

    A question that was removed from the pack, or edited since the quiz started (its
    hash differs), is dropped with its answer; the position moves so that the reader is
    on the same question as before (or the next one still there). A saved display order
    or answer that does not fit the question (a hand-edited file) is dropped too: the
    order falls back to file order, the answer to unanswered.

    Returns:
        The cleaned quiz, or None when there was none or no question is left.
    """
    quiz = progress.quiz
    if quiz is None:
        return None
    questions = {q.id: q for q in pack.questions}
    kept: list[QuestionState] = []
    position = quiz.position
    for index, state in enumerate(quiz.questions):
        question = questions.get(state.id)
        if question is None or question_hash(question) != state.hash:
            if index < quiz.position:
                position -= 1
            continue
        changes: dict[str, Any] = {}
        if state.order and len(state.order) != display_order_length(question):
            changes["order"] = ()
        if state.response is not None and not response_fits(question, state.response):
            changes["response"] = None
        kept.append(state.model_copy(update=changes) if changes else state)
    if not kept:
        return None
    if len(kept) == len(quiz.questions) and kept == list(quiz.questions):
        return quiz
    return quiz.model_copy(update={"questions": tuple(kept), "position": min(position, len(kept))})


def for_pack(pack: Pack, progress: Progress) -> Progress:
    """Return ``progress`` fitted to ``pack`` as it is now, for resuming.

    Sections no longer in the pack are dropped from ``sections_read`` (which is put in
    reading order) and from ``last_section``; the quiz goes through
    :func:`valid_in_progress`. Attempts are kept as they were (they are history; use
    :func:`history_for` for per-question history).
    """
    order = [section.id for section in pack.sections]
    read = set(progress.sections_read)
    last = progress.last_section if progress.last_section in order else None
    return progress.model_copy(
        update={
            "sections_read": tuple(sid for sid in order if sid in read),
            "last_section": last,
            "quiz": valid_in_progress(pack, progress),
        }
    )


# ------------------------------------------------------- summaries and compaction


def compact(progress: Progress, keep: int | None = None, keep_answers: int | None = None) -> Progress:
    """Return ``progress`` with all but its newest attempts summarised.

    The newest attempts keep every answer: at most ``keep`` of them, holding at most
    ``keep_answers`` answers in all, but always the newest one (when ``keep`` >= 1).

    A summarised attempt keeps its start and end time, kind (quiz or review round),
    score, points, passed or not, and how many questions it asked, got right and gave
    hints for (:class:`AnswerCounts`): everything the history screen and ``explainer
    results`` show, except the per-question list in ``--format json``. Its answers (and
    responses) are dropped. What the review queue needs from them is kept in
    :attr:`Progress.review_carry`: the questions they left due, from when, and how many
    right answers in a row since (:func:`explainer.review.carry_forward`).

    Summarised attempts stay first, in their order, so attempt numbers never change. The
    ones summarised are the oldest detailed attempts, as many as fit before every later
    attempt in order of finishing (so the review queue is the same before and after);
    only when no such split exists (a clock set back) and the detailed attempts have
    grown to twice what is kept are the oldest summarised regardless.

    Args:
        progress: the progress to compact (not changed; models are frozen).
        keep: the most detailed attempts to keep, 0 or more; None means
            :data:`DETAILED_ATTEMPTS`.
        keep_answers: the most answers they may hold in all, 0 or more; None means
            :data:`DETAILED_ANSWERS`.

    Returns:
        ``progress`` itself when there is nothing to summarise, else a format 2 copy.

    Raises:
        ValueError: ``keep`` or ``keep_answers`` is negative.
    """
    keep = DETAILED_ATTEMPTS if keep is None else keep
    keep_answers = DETAILED_ANSWERS if keep_answers is None else keep_answers
    if keep < 0 or keep_answers < 0:
        raise ValueError(f"keep ({keep}) and keep_answers ({keep_answers}) must be 0 or more")
    start = progress.summarised_count
    detailed = progress.attempts[start:]
    kept = answers = 0
    for attempt in reversed(detailed):
        answers += len(attempt.answers)
        if kept >= keep or (kept and answers > keep_answers):
            break
        kept += 1
    count = _split_point(detailed, len(detailed) - kept, force=len(detailed) >= 2 * max(kept, 1))
    if count <= 0:
        return progress
    from explainer.review import carry_forward  # the review rule lives in review.py

    moved = detailed[:count]
    shared: dict[tuple[int, int, int], AnswerCounts] = {}
    summarised = tuple(_summarise(attempt, shared) for attempt in moved)
    return progress.model_copy(
        update={
            "format": 2,
            "attempts": (*progress.attempts[:start], *summarised, *detailed[count:]),
            "review_carry": carry_forward(progress.review_carry, moved),
        }
    )


def _split_point(attempts: tuple[Attempt, ...], most: int, *, force: bool) -> int:
    """How many of the first ``most`` attempts can be summarised.

    The largest k <= most such that none of the first k finished after any of the rest
    (so summarising them keeps the order of finishing the review queue uses); ``most``
    itself when there is none and ``force``; else 0.
    """
    if most <= 0:
        return 0
    if most >= len(attempts):
        return len(attempts)
    later_min: list[dt.datetime] = [attempts[-1].finished] * len(attempts)
    for index in range(len(attempts) - 2, -1, -1):
        later_min[index] = min(attempts[index].finished, later_min[index + 1])
    best = 0
    so_far: dt.datetime | None = None
    for k in range(1, most + 1):
        finished = attempts[k - 1].finished
        so_far = finished if so_far is None or finished > so_far else so_far
        if so_far <= later_min[k]:
            best = k
    if best == 0 and force:
        return most
    return best


_object_setattr = object.__setattr__


def _trusted(cls: type[_M], values: dict[str, Any]) -> _M:
    """Build a model from values already checked, every field given: no validation.

    What ``cls.model_construct(**values)`` does for these models (no aliases, defaults,
    private attributes or extra keys), without its per-field loop, which costs more than
    everything else in reading a long summary. A test checks both give equal models.
    """
    model = cls.__new__(cls)
    _object_setattr(model, "__dict__", values)
    _object_setattr(model, "__pydantic_fields_set__", set(values))
    _object_setattr(model, "__pydantic_extra__", None)
    _object_setattr(model, "__pydantic_private__", None)
    return model


def _summarise(attempt: Attempt, shared: dict[tuple[int, int, int], AnswerCounts]) -> Attempt:
    """The summarised copy of a detailed attempt (already validated: no checks again).

    ``shared`` holds the counts made so far, one object per value (they are frozen).
    """
    if attempt.counts is not None:
        return attempt
    key = (attempt.question_count, attempt.correct_count, attempt.hint_count)
    counts = shared.get(key)
    if counts is None:
        counts = shared[key] = _trusted(
            AnswerCounts, {"questions": key[0], "correct": key[1], "hints_used": key[2]}
        )
    return _trusted(Attempt, {**attempt.__dict__, "answers": (), "counts": counts})

"""Progress and results: what the reader has read, the quiz in progress, every attempt.

One TOML file per pack, ``<data dir>/progress/<pack id>.toml``, written with tomli-w and
read with tomli (tomllib). The file's shape is the pydantic models below, the one
definition of the format; ``docs/progress.md`` shows an example. Format 1 keeps every
attempt in full; format 2 adds ``[summary]``, where older attempts are kept as one CSV
line each (read with :mod:`csv`, checked with pydantic) with the review queue they left
(:func:`compact`). A file with nothing summarised is still written as format 1.

- :func:`data_dir` says where the files live (``--data-dir`` > ``EXPLAINER_DATA_DIR`` >
  the platform's user data folder).
- :class:`ProgressStore` reads and writes one pack's file. Every change is a
  read-modify-write under a file lock (:meth:`ProgressStore.update`), and every write is
  atomic (temp file in the same folder, flush, fsync, ``os.replace``, fsync the folder),
  so two app instances never corrupt the file and never lose each other's attempts, and
  a crash at any instant leaves either the old file or the new one.
- Each save summarises all but the newest attempts (:data:`DETAILED_ATTEMPTS`,
  :data:`DETAILED_ANSWERS`), so the file stays small and quick to read however long the
  history; history rows, ``explainer results`` rows and the review queue stay the same.
  A save reuses what it last read or wrote: it parses the file again only if its bytes
  changed, and converts only attempts it has not written before.
- A corrupt, unreadable, newer-format or oversized (:data:`MAX_FILE_BYTES`) file is
  moved aside to ``<name>.bak-<UTC timestamp>`` (never overwritten, never deleted), a
  fresh state is started, and :attr:`ProgressStore.notice` says what happened in one
  sentence for the screen or the command line. These cases never raise.
- :func:`question_hash` fingerprints a question's content; :func:`history_for` and
  :func:`valid_in_progress` apply the rule "editing one question resets that question's
  history only; removing one leaves the rest intact".

Pure Python: no Textual, no clock or randomness except where a caller asks for it.
"""

from __future__ import annotations

import bisect
import contextlib
import csv
import datetime as dt
import gc
import hashlib
import json
import errno
import os
import stat
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

try:  # tomli is the parser that became tomllib; its wheels are compiled and faster.
    import tomli as tomllib
except ImportError:  # pragma: no cover - the dependency is declared; stdlib as a fallback
    import tomllib  # type: ignore[no-redef]

import tomli_w
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    Strict,
    StrictBool,
    StrictInt,
    StrictStr,
    TypeAdapter,
    ValidationError,
    model_validator,
)

from explainer.pack.model import (
    AnyQuestion,
    MatchQuestion,
    MultipleChoiceQuestion,
    NumericQuestion,
    OrderQuestion,
    Pack,
    ShortAnswerQuestion,
    SingleChoiceQuestion,
    TrueFalseQuestion,
)
from explainer.pack.scoring import (
    ChoiceResponse,
    MatchResponse,
    NumberResponse,
    OrderResponse,
    Response,
    Score,
    TextResponse,
    TrueFalseResponse,
)

__all__ = [
    "DATA_DIR_ENV",
    "DETAILED_ANSWERS",
    "DETAILED_ATTEMPTS",
    "FORMAT",
    "MAX_FILE_BYTES",
    "SUMMARY_COLUMNS",
    "AnswerCounts",
    "Attempt",
    "AttemptAnswer",
    "CarriedDue",
    "Progress",
    "ProgressError",
    "ProgressStore",
    "QuestionState",
    "QuizInProgress",
    "atomic_write_bytes",
    "compact",
    "current_hashes",
    "data_dir",
    "display_order_length",
    "for_pack",
    "history_for",
    "progress_path",
    "question_hash",
    "response_fits",
    "response_from_toml",
    "response_to_toml",
    "utc_now",
    "valid_in_progress",
]

FORMAT = 2
"""The newest progress file format this version reads and writes.

Format 1 is every attempt in full (``[[attempts]]``). Format 2 adds ``[summary]``: the
older attempts compacted to one line each (see :func:`compact`). A file with nothing
summarised is still written as format 1, so older versions of explainer read it.
"""

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

MAX_FILE_BYTES = 64 * 2**20
"""The largest progress file that is read: 64 MiB. A bigger one is set aside unread.

At about 950 bytes per detailed attempt and 90 per summarised one, a file this version
writes reaches it only after some 700,000 attempts.
"""

SUMMARY_COLUMNS: tuple[str, ...] = (
    "started",
    "finished",
    "kind",
    "score",
    "max_points",
    "passed",
    "questions",
    "correct",
    "hints_used",
)
"""The columns of a summarised attempt in ``[summary]`` (a CSV header line names them)."""

DATA_DIR_ENV = "EXPLAINER_DATA_DIR"
"""Environment variable that overrides the data folder (``--data-dir`` wins over it)."""

_SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_SLUG = re.compile(_SLUG_PATTERN)
_HASH = r"^[0-9a-f]{16}$"


# ------------------------------------------------------------------------ where


def data_dir(override: Path | str | None = None) -> Path:
    """Return the folder that holds explainer's user data (it is not created here).

    Args:
        override: the ``--data-dir`` option, if given; it wins over everything.

    Returns:
        ``override`` if given, else ``$EXPLAINER_DATA_DIR`` if set and not empty, else
        ``platformdirs.user_data_dir("explainer", appauthor=False)``. ``~`` is expanded.
    """
    if override is not None and str(override) != "":
        return Path(override).expanduser()
    from_env = os.environ.get(DATA_DIR_ENV, "")
    if from_env.strip():
        return Path(from_env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("explainer", appauthor=False))


def progress_path(pack_id: str, folder: Path | str | None = None) -> Path:
    """Return the progress file of a pack: ``<data dir>/progress/<pack id>.toml``.

    Args:
        pack_id: the pack's id, a lower-case slug such as ``"nk-pows"``.
        folder: the data folder; None means :func:`data_dir` ().

    Raises:
        ValueError: ``pack_id`` is not a slug (so it can never name a path elsewhere).
    """
    if not isinstance(pack_id, str) or not _SLUG.match(pack_id):
        raise ValueError(f"pack id {pack_id!r} is not a lower-case slug such as 'nk-pows'")
    base = data_dir() if folder is None else Path(folder)
    return base / "progress" / f"{pack_id}.toml"


def utc_now() -> dt.datetime:
    """Return the current time in UTC, timezone-aware, to the whole second."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


# -------------------------------------------------------------------- responses


def _index_list(value: Any, what: str, *, allow_none_marker: bool = False) -> list[int]:
    """Check that ``value`` is a list of TOML integers >= 0 (or -1 when allowed)."""
    if not isinstance(value, (list, tuple)):
        raise ValueError(f"{what} must be a list of whole numbers")
    lowest = -1 if allow_none_marker else 0
    for item in value:
        if type(item) is not int or item < lowest:
            raise ValueError(f"{what} must hold whole numbers >= {lowest}, not {item!r}")
    return list(value)


def response_to_toml(response: Response) -> dict[str, Any]:
    """Turn a response into a small TOML table with a ``kind`` key.

    The tables are::

        {kind = "choice", selected = [1, 3]}      # ChoiceResponse, file-order indexes, sorted
        {kind = "true_false", value = true}       # TrueFalseResponse
        {kind = "text", text = "Hanawon"}         # TextResponse
        {kind = "number", value = 10000.0}        # NumberResponse
        {kind = "order", order = [2, 0, 1]}       # OrderResponse
        {kind = "match", matches = [1, 0, -1]}    # MatchResponse; -1 = nothing picked

    Raises:
        TypeError: ``response`` is not one of the response classes.
    """
    if isinstance(response, ChoiceResponse):
        return {"kind": "choice", "selected": sorted(int(i) for i in response.selected)}
    if isinstance(response, TrueFalseResponse):
        return {"kind": "true_false", "value": bool(response.value)}
    if isinstance(response, TextResponse):
        return {"kind": "text", "text": str(response.text)}
    if isinstance(response, NumberResponse):
        return {"kind": "number", "value": float(response.value)}
    if isinstance(response, OrderResponse):
        return {"kind": "order", "order": [int(i) for i in response.order]}
    if isinstance(response, MatchResponse):
        return {"kind": "match", "matches": [-1 if m is None else int(m) for m in response.matches]}
    raise TypeError(f"not a response: {type(response).__name__}")


_RESPONSE_KEYS: dict[str, str] = {
    "choice": "selected",
    "true_false": "value",
    "text": "text",
    "number": "value",
    "order": "order",
    "match": "matches",
}


def response_from_toml(table: Any) -> Response:
    """Read back a table written by :func:`response_to_toml`.

    Args:
        table: a mapping with a ``kind`` key and that kind's one value key.

    Returns:
        The response object (a :class:`ChoiceResponse`, :class:`TrueFalseResponse`, ...).

    Raises:
        ValueError: anything else: not a table, an unknown or missing ``kind``, missing or
            extra keys, values of the wrong type (a bool is not a number here), negative
            or repeated indexes.
    """
    if not isinstance(table, Mapping):
        raise ValueError("a response must be a table with a 'kind' key")
    kind = table.get("kind")
    if not isinstance(kind, str) or kind not in _RESPONSE_KEYS:
        known = ", ".join(repr(k) for k in _RESPONSE_KEYS)
        raise ValueError(f"a response's 'kind' must be one of {known}, not {kind!r}")
    key = _RESPONSE_KEYS[kind]
    if set(table) != {"kind", key}:
        raise ValueError(f"a {kind!r} response has exactly the keys 'kind' and {key!r}")
    value = table[key]
    if kind == "choice":
        selected = _index_list(value, "'selected'")
        if len(set(selected)) != len(selected):
            raise ValueError("'selected' names a choice twice")
        return ChoiceResponse(frozenset(selected))
    if kind == "true_false":
        if not isinstance(value, bool):
            raise ValueError("a true_false response's 'value' must be true or false")
        return TrueFalseResponse(value)
    if kind == "text":
        if not isinstance(value, str):
            raise ValueError("a text response's 'text' must be a string")
        return TextResponse(value)
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError("a number response's 'value' must be a number")
        return NumberResponse(float(value))
    if kind == "order":
        order = _index_list(value, "'order'")
        if len(set(order)) != len(order):
            raise ValueError("'order' names an item twice")
        return OrderResponse(tuple(order))
    matches = _index_list(value, "'matches'", allow_none_marker=True)
    return MatchResponse(tuple(None if m == -1 else m for m in matches))


_RESPONSE_TYPES = (
    ChoiceResponse,
    TrueFalseResponse,
    TextResponse,
    NumberResponse,
    OrderResponse,
    MatchResponse,
)


def _validate_response(value: Any) -> Response:
    """Pydantic validator: accept a response object, or a TOML table of one."""
    if isinstance(value, _RESPONSE_TYPES):
        return value
    return response_from_toml(value)


StoredResponse = Annotated[
    Response,
    PlainValidator(_validate_response),
    PlainSerializer(response_to_toml, return_type=dict),
]
"""A response kept as its object in Python and as a ``kind`` table in TOML."""


# ---------------------------------------------------------------- question hash


_HASHES: dict[int, tuple[AnyQuestion, str]] = {}
"""question_hash() already worked out, by ``id()`` of the (frozen) question; the entry
keeps the question alive, so its ``id()`` cannot be reused while it is here."""


def question_hash(question: AnyQuestion) -> str:
    """Return a short, stable fingerprint of a question's content: 16 hex digits.

    It is the first 16 hex digits of the SHA-256 of the question's canonical JSON
    (keys sorted, no spaces, UTF-8, fields left at their default value omitted). Any
    edit an author makes to the question (prompt, choices, answer, explanation, hint,
    points, ...) changes it; reordering keys in quiz.toml, or a new version of explainer
    adding a field with a default, does not.

    Questions are frozen, so each one's fingerprint is worked out once per process:
    saving the quiz in progress after every answer does not hash a 100,000-question
    pack again each time.
    """
    known = _HASHES.get(id(question))
    if known is not None and known[0] is question:
        return known[1]
    fingerprint = _fingerprint(question)
    _HASHES[id(question)] = (question, fingerprint)
    return fingerprint


def _fingerprint(question: AnyQuestion) -> str:
    """The SHA-256 fingerprint :func:`question_hash` describes, worked out now."""
    data = question.model_dump(mode="json", exclude_defaults=True, by_alias=True)
    data["type"] = question.type  # the discriminator is a default-less Literal, but be explicit
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def current_hashes(pack: Pack) -> dict[str, str]:
    """Return ``{question id: question_hash(question)}`` for every question of ``pack``."""
    return {question.id: question_hash(question) for question in pack.questions}


def display_order_length(question: AnyQuestion) -> int:
    """How many entries a question's display order has.

    The choices of a single/multiple question, the items of an order question, the
    right-hand options (pairs then distractors) of a match question; 0 for the rest.
    """
    if isinstance(question, (SingleChoiceQuestion, MultipleChoiceQuestion)):
        return len(question.choices)
    if isinstance(question, OrderQuestion):
        return len(question.items)
    if isinstance(question, MatchQuestion):
        return len(question.right_options)
    return 0


def response_fits(question: AnyQuestion, response: Response) -> bool:
    """Return True if ``response`` is the right kind for ``question`` and its indexes exist.

    Used to drop a hand-edited or stale answer rather than crash on it.
    """
    if isinstance(question, (SingleChoiceQuestion, MultipleChoiceQuestion)):
        return isinstance(response, ChoiceResponse) and all(
            0 <= i < len(question.choices) for i in response.selected
        )
    if isinstance(question, TrueFalseQuestion):
        return isinstance(response, TrueFalseResponse)
    if isinstance(question, ShortAnswerQuestion):
        return isinstance(response, TextResponse)
    if isinstance(question, NumericQuestion):
        return isinstance(response, NumberResponse)
    if isinstance(question, OrderQuestion):
        return isinstance(response, OrderResponse) and all(
            0 <= i < len(question.items) for i in response.order
        )
    if isinstance(question, MatchQuestion):
        return (
            isinstance(response, MatchResponse)
            and len(response.matches) == len(question.pairs)
            and all(m is None or 0 <= m < len(question.right_options) for m in response.matches)
        )
    return False  # pragma: no cover - unknown question type


# ----------------------------------------------------------------------- models


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

    model_config = ConfigDict(extra="forbid", frozen=True)


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
        """Return the state of a pack nobody has opened yet."""
        return cls(pack=pack_id)

    def with_section_read(self, section_id: str) -> Progress:
        """Return a copy with ``section_id`` read and open last."""
        read = self.sections_read if section_id in self.sections_read else (*self.sections_read, section_id)
        return self._replace(sections_read=read, last_section=section_id)

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


def _summary_row(attempt: Attempt) -> str:
    """One line of ``[summary]``: the :data:`SUMMARY_COLUMNS` of a summarised attempt."""
    counts = attempt.counts
    assert counts is not None
    return (
        f"{attempt.started.isoformat()},{attempt.finished.isoformat()},"
        f"{'review' if attempt.review else 'quiz'},{attempt.score!r},{attempt.max_points!r},"
        f"{'yes' if attempt.passed else 'no'},{counts.questions},{counts.correct},{counts.hints_used}\n"
    )


_SummaryPoints = Annotated[float, Field(ge=0, allow_inf_nan=False)]
_SummaryCount = Annotated[int, Field(ge=0)]
_SUMMARY_ROWS = TypeAdapter(
    list[
        tuple[
            str,  # date-times: read below with datetime.fromisoformat, much faster than here
            str,
            Literal["quiz", "review"],
            _SummaryPoints,
            _SummaryPoints,
            Literal["yes", "no"],
            _SummaryCount,
            _SummaryCount,
            _SummaryCount,
        ]
    ]
)
"""Checks the text fields of the summary lines and converts them (pydantic, lax mode)."""


def _utc_from_iso(text: str) -> dt.datetime:
    """An ISO 8601 date-time with a time zone, in UTC; ValueError if it is not one."""
    value = dt.datetime.fromisoformat(text)
    if value.tzinfo is dt.timezone.utc:
        return value
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{text!r} is not a date-time with a time zone, e.g. 2025-02-01T09:30:00+00:00")
    return value.astimezone(dt.timezone.utc)


class _SummaryTable(_Model):
    """The ``[summary]`` table of a format 2 file, before its lines are read."""

    attempts: StrictStr = Field(description="CSV: a header line, then one line per summarised attempt.")
    due: tuple[CarriedDue, ...] = Field(default=(), description="Progress.review_carry.")


def _parse_summary(table: Any) -> tuple[tuple[Attempt, ...], tuple[CarriedDue, ...], list[str]]:
    """Read ``[summary]``: the summarised attempts, the review carry, and each attempt's line.

    Raises:
        _Unusable: with the place and the problem, if anything does not fit.
    """
    try:
        summary = _SummaryTable.model_validate(table)
    except ValidationError as exc:
        raise _Unusable(f"it has the wrong shape: summary.{_first_error(exc)}") from None
    lines = [line for line in summary.attempts.replace("\r\n", "\n").split("\n") if line]
    header = ",".join(SUMMARY_COLUMNS)
    if not lines or next(csv.reader(lines[:1]), None) != list(SUMMARY_COLUMNS):
        raise _Unusable(f"its summary.attempts does not start with the line {header!r}")
    shared: dict[tuple[int, int, int], AnswerCounts] = {}  # frozen, so one object per value
    attempts: list[Attempt] = []
    for first in range(1, len(lines), _SUMMARY_BATCH):  # a batch at a time: less memory
        batch = lines[first : first + _SUMMARY_BATCH]
        records = list(csv.reader(batch))
        if len(records) != len(batch):
            raise _Unusable("it has the wrong shape: summary.attempts must have one line per attempt")
        try:
            rows = _SUMMARY_ROWS.validate_python(records)
        except ValidationError as exc:
            error = exc.errors()[0]
            loc = error["loc"]
            line = first + int(loc[0]) + 1 if loc else first + 1
            column = f", {SUMMARY_COLUMNS[int(loc[1])]}" if len(loc) > 1 and int(loc[1]) < len(SUMMARY_COLUMNS) else ""
            raise _Unusable(f"it has the wrong shape: summary.attempts line {line}{column}: {error['msg']}") from None
        del records
        for number, (started, finished, kind, score, max_points, passed, asked, right, hints) in enumerate(
            rows, first + 1
        ):
            counts = shared.get((asked, right, hints))
            if counts is None:
                if right > asked or hints > asked:
                    raise _Unusable(
                        f"it has the wrong shape: summary.attempts line {number}: 'correct' and"
                        " 'hints_used' cannot exceed 'questions'"
                    )
                counts = shared[asked, right, hints] = _trusted(
                    AnswerCounts, {"questions": asked, "correct": right, "hints_used": hints}
                )
            try:
                started, finished = _utc_from_iso(started), _utc_from_iso(finished)
            except ValueError as exc:
                raise _Unusable(f"it has the wrong shape: summary.attempts line {number}: {exc}") from None
            attempts.append(
                _trusted(
                    Attempt,
                    {
                        "started": started,
                        "finished": finished,
                        "review": kind == "review",
                        "score": score,
                        "max_points": max_points,
                        "passed": passed == "yes",
                        "answers": (),
                        "counts": counts,
                    },
                )
            )
    return tuple(attempts), summary.due, lines[1:]


_SUMMARY_BATCH = 2_000
"""Summary lines checked at a time (all at once would hold every line's fields at once)."""

_SUMMARY_MARK = "@@explainer-summary-lines@@"
"""Stands in for the summary lines while tomli-w writes the rest of ``[summary]``."""


def _attempt_chunk(attempt: Attempt) -> str:
    """The TOML of one detailed attempt: ``[[attempts]]`` and its ``[[attempts.answers]]``."""
    return tomli_w.dumps({"attempts": [attempt.model_dump(mode="python", exclude_none=True)]})


class _Chunks:
    """Text already made for a progress's attempts, for :func:`_render` to reuse.

    Attributes:
        attempts: ``{id(attempt): (attempt, text)}`` for detailed attempts.
        summary: the summarised attempts and their lines, joined, as last rendered
            (``((), "")`` at first); a later progress whose summarised attempts start
            with the same objects only adds the lines of the new ones.
    """

    def __init__(self) -> None:
        self.attempts: dict[int, tuple[Attempt, str]] = {}
        self.summary: tuple[tuple[Attempt, ...], str] = ((), "")


def _render(progress: Progress, cache: _Chunks | None = None) -> tuple[str, _Chunks]:
    """Return the file's text and the text made for its attempts, to reuse next time.

    Attempts found in ``cache`` (the same objects) are not converted again, so saving a
    large progress costs little more than writing it. Format 1 output is exactly
    ``tomli_w.dumps`` of the whole data: the top-level keys, ``[quiz]``, then each
    ``[[attempts]]`` table, separated by blank lines. Format 2 puts ``[summary]`` before
    the detailed attempts; its lines are a TOML literal string (no escapes are needed:
    the fields are dates, numbers and words).
    """
    cache = cache or _Chunks()
    made = _Chunks()
    start = progress.summarised_count
    detailed = progress.attempts[start:]
    head: dict[str, Any] = {
        "format": progress.format,
        "pack": progress.pack,
        "sections_read": list(progress.sections_read),
    }
    if progress.last_section is not None:
        head["last_section"] = progress.last_section
    if not detailed:
        head["attempts"] = []
    parts = [tomli_w.dumps(head)]
    if progress.quiz is not None:
        parts.append("\n")
        parts.append(tomli_w.dumps({"quiz": progress.quiz.model_dump(mode="python", exclude_none=True)}))
    if start or progress.review_carry or progress.format == 2:
        summarised = progress.attempts[:start]
        before, lines = cache.summary
        if not (len(before) <= start and summarised[: len(before)] == before):
            before, lines = (), ""
        lines += "".join(_summary_row(attempt) for attempt in summarised[len(before) :])
        made.summary = (summarised, lines)
        table: dict[str, Any] = {"attempts": _SUMMARY_MARK}
        if progress.review_carry:
            table["due"] = [carried.model_dump(mode="python") for carried in progress.review_carry]
        literal = "'''\n" + ",".join(SUMMARY_COLUMNS) + "\n" + lines + "'''"
        parts.append("\n")
        parts.append(tomli_w.dumps({"summary": table}).replace(f'"{_SUMMARY_MARK}"', literal, 1))
    for attempt in detailed:
        hit = cache.attempts.get(id(attempt))
        text = hit[1] if hit is not None and hit[0] is attempt else _attempt_chunk(attempt)
        made.attempts[id(attempt)] = (attempt, text)
        parts.append("\n")
        parts.append(text)
    return "".join(parts), made


# ------------------------------------------------------------------ atomic writes


def _fsync_folder(folder: Path) -> None:
    """Flush a folder's entries (the rename) to disk; a no-op where that is impossible."""
    if os.name != "posix":  # pragma: no cover - Windows cannot open a folder
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _temp_prefix(path: Path) -> str:
    """The name prefix of the temp files written next to ``path``."""
    return f".{path.name}."


TEMP_SUFFIX = ".tmp"
"""Temp files are ``.<name>.<random>.tmp`` beside the file they will replace."""


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace the file at ``path`` with ``data`` so that a crash leaves old or new, whole.

    Writes a temp file ``.<name>.<random>.tmp`` in the same folder, flushes and fsyncs
    it, ``os.replace``-s it over ``path``, then fsyncs the folder. The folder is created
    if needed. On an error the temp file is removed (a SIGKILL can still leave one: see
    :class:`ProgressStore`, which removes them under its lock).

    Raises:
        OSError: the folder or file could not be written.
    """
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    tmp = tempfile.NamedTemporaryFile(
        dir=folder, prefix=_temp_prefix(path), suffix=TEMP_SUFFIX, delete=False
    )
    try:
        with tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.replace(tmp.name, path)
    except BaseException:
        try:
            os.unlink(tmp.name)
        except OSError:
            pass
        raise
    _fsync_folder(folder)


# ---------------------------------------------------------------------- the store


class ProgressError(Exception):
    """Progress could not be saved: the disk refused a write, or the lock timed out.

    Never raised for a corrupt, unreadable or newer-format file: those are set aside
    (see :class:`ProgressStore`).
    """


class _Unusable(Exception):
    """Internal: the file exists but cannot be used; ``newer`` is its format if newer."""

    def __init__(self, reason: str, newer: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.newer = newer


def _first_error(error: ValidationError) -> str:
    """One line naming where the first validation problem is and what it is."""
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "the file"
    extra = f" (and {error.error_count() - 1} more)" if error.error_count() > 1 else ""
    return f"{where}: {first['msg']}{extra}"


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the ``with`` block.

    Parsing and validating a large file makes hundreds of thousands of objects, none of
    them garbage; each full collection would walk them all again (half the time of a
    large load). Reference counting still frees everything as usual.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _TooBig(Exception):
    """Internal: the file is over the size limit; ``size`` is its size in bytes."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def _read_bytes(path: Path, limit: int) -> bytes:
    """Read a file whole, unless it is over ``limit`` bytes (then :class:`_TooBig`).

    A special file (a FIFO, a device such as ``/dev/zero``, a link to one) is never
    opened: reading it could block or never end.

    Raises:
        _TooBig: the file is bigger than ``limit``; nothing was read.
        _Unusable: the path is a special file, not a regular one.
        OSError: as ``stat``, ``open`` and ``read`` raise it (FileNotFoundError,
            IsADirectoryError...).
    """
    mode = os.stat(path).st_mode
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "Is a directory", str(path))
    if not stat.S_ISREG(mode):
        raise _Unusable("it is not a regular file (a device, a pipe or a socket is in its place)")
    with open(path, "rb") as file:
        size = os.fstat(file.fileno()).st_size
        if size > limit:
            raise _TooBig(size)
        return file.read(limit + 1)


def _size(size: int) -> str:
    """A number of bytes in words: ``"64 MiB"``, ``"4 KiB"``, ``"700 bytes"`` (rounded down)."""
    if size >= 2**20:
        return f"{size // 2**20} MiB"
    if size >= 2**10:
        return f"{size // 2**10} KiB"
    return f"{size} bytes"


def _too_big(size: int, limit: int) -> _Unusable:
    """The problem of a file over the size limit, in words."""
    return _Unusable(f"it is {_size(size)}, over the {_size(limit)} limit, so it was not read")


def _parse(data: bytes, pack_id: str, chunks: _Chunks | None = None, pieces_wanted: int = 0) -> Progress:
    """Parse a progress file's bytes (format 1 or 2); raises :class:`_Unusable` with a reason.

    Args:
        data: the file's bytes.
        pack_id: the pack it must belong to.
        chunks: if given, filled with the summary lines and the text of the last
            ``pieces_wanted`` detailed attempts as they are in the file (when it could
            be read in pieces: :func:`_loads`), for :func:`_render` to reuse.
        pieces_wanted: how many of the newest detailed attempts to keep the text of.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _Unusable("it is not UTF-8 text") from None
    with _gc_paused():
        return _parse_text(text, pack_id, chunks, pieces_wanted if chunks is not None else 0)


_ATTEMPT_HEADER = "[[attempts]]\n"
_ATTEMPT_SPLIT = "\n" + _ATTEMPT_HEADER


class _NotInPieces(Exception):
    """Internal: the file cannot be read attempt by attempt; read it whole."""


def _loads(text: str, pieces_wanted: int = 0) -> tuple[dict[str, Any], list[str] | None]:
    """Parse TOML; return the table and, if possible, the text of the last ``[[attempts]]``.

    The text is cut before each of the last ``pieces_wanted`` lines that are exactly
    ``[[attempts]]``; what comes before is parsed in one go, and each piece on its own.
    That gives the very same table as parsing the whole text whenever every piece
    parses, each piece holds one attempt and nothing else, and the part before holds no
    attempt unless it holds them all in order (checked here; a cut inside a multi-line
    string always leaves an unterminated string, an error). Otherwise, or when
    ``pieces_wanted`` is 0, the whole text is parsed and no pieces are returned.

    Returns:
        The table, and the text of each of its last attempts (each starting with
        ``[[attempts]]``), or None.

    Raises:
        tomllib.TOMLDecodeError, RecursionError, ValueError: as ``tomllib.loads``.
    """
    cuts = text.split(_ATTEMPT_SPLIT)
    if pieces_wanted > 0 and len(cuts) > 1:
        first = max(1, len(cuts) - pieces_wanted)
        try:
            table = tomllib.loads(_ATTEMPT_SPLIT.join(cuts[:first]))
            detailed = table.get("attempts", [])
            if first == 1 and "attempts" in table:
                raise _NotInPieces
            if not isinstance(detailed, list) or len(detailed) != first - 1:
                raise _NotInPieces
            pieces = []
            for cut in cuts[first:]:
                piece = _ATTEMPT_HEADER + cut
                part = tomllib.loads(piece)
                if len(part) != 1 or len(part.get("attempts", ())) != 1:
                    raise _NotInPieces
                detailed.append(part["attempts"][0])
                pieces.append(piece)
            table["attempts"] = detailed
            return table, pieces
        except (_NotInPieces, tomllib.TOMLDecodeError, RecursionError, ValueError):
            pass
    return tomllib.loads(text), None


def _parse_text(text: str, pack_id: str, chunks: _Chunks | None = None, pieces_wanted: int = 0) -> Progress:
    """:func:`_parse` after decoding."""
    try:
        table, pieces = _loads(text, pieces_wanted)
    except tomllib.TOMLDecodeError as exc:
        raise _Unusable(f"it is not valid TOML: {exc}") from None
    except (RecursionError, ValueError) as exc:  # absurd nesting or huge integers
        raise _Unusable(f"it is not valid TOML: {exc}") from None
    version = table.get("format")
    if version is None:
        raise _Unusable("it has no 'format' key" if table else "it is empty")
    if type(version) is not int:
        raise _Unusable(f"its 'format' is {version!r}, not a whole number")
    if version > FORMAT:
        raise _Unusable(f"it is format {version}; this version reads formats 1 to {FORMAT}", newer=version)
    if version < 1:
        raise _Unusable(f"its 'format' is {version}, which no version of explainer wrote")
    if "review_carry" in table:  # a model field, but kept in the file as summary.due
        raise _Unusable("it has the wrong shape: review_carry: Extra inputs are not permitted")
    detailed = table.get("attempts")
    if isinstance(detailed, list):
        for index, item in enumerate(detailed):
            if isinstance(item, dict) and "counts" in item:  # only summary lines are summarised
                raise _Unusable(f"it has the wrong shape: attempts.{index}.counts: Extra inputs are not permitted")
    lines: list[str] = []
    if version >= 2 and "summary" in table:
        try:
            summarised, carry, lines = _parse_summary(table.pop("summary"))
        except csv.Error as exc:  # e.g. a field over the csv module's size limit
            raise _Unusable(f"its summary is not valid CSV ({exc})") from None
        except OverflowError as exc:
            raise _Unusable(f"its summary has a date out of range ({exc})") from None
        table["attempts"] = [*summarised, *detailed] if isinstance(detailed, list) else detailed
        table["review_carry"] = carry
    try:
        progress = Progress.model_validate(table)
    except ValidationError as exc:
        raise _Unusable(f"it has the wrong shape: {_first_error(exc)}") from None
    except OverflowError as exc:  # a date whose time zone takes it past year 1 or 9999
        raise _Unusable(f"it has a date out of range ({exc})") from None
    except (ValueError, TypeError) as exc:  # pragma: no cover - validators raise ValidationError
        raise _Unusable(f"it has the wrong shape: {exc}") from None
    if progress.pack != pack_id:
        raise _Unusable(f"it is the progress of pack {progress.pack!r}, not {pack_id!r}")
    if chunks is not None:
        start = len(lines)
        if start:
            chunks.summary = (progress.attempts[:start], "\n".join(lines) + "\n")
        if pieces and len(pieces) <= len(progress.attempts) - start:
            for attempt, chunk in zip(progress.attempts[-len(pieces) :], pieces):
                chunks.attempts[id(attempt)] = (attempt, chunk)
    return progress


def read_progress(pack_id: str, folder: Path | str | None = None) -> Progress:
    """Read a pack's progress without changing anything on disk (for reports).

    Args:
        pack_id: the pack's id.
        folder: the data folder (see :func:`data_dir`).

    Returns:
        The saved progress exactly as in the file (nothing is summarised here), or an
        empty one when there is no file yet.

    Raises:
        ProgressError: the file exists but cannot be used, or is over
            :data:`MAX_FILE_BYTES` (then it is not read); the message says why. The file
            is left exactly as it is (the app sets such a file aside when it next opens
            the pack).
    """
    path = progress_path(pack_id, folder)
    try:
        data = _read_bytes(path, MAX_FILE_BYTES)
        return _parse(data, pack_id)
    except FileNotFoundError:
        return Progress.empty(pack_id)
    except _TooBig as exc:
        reason = _too_big(exc.size, MAX_FILE_BYTES).reason
    except OSError as exc:
        raise ProgressError(f"{path} cannot be read: {exc.strerror or exc}") from None
    except _Unusable as exc:
        reason = exc.reason
    raise ProgressError(f"{path} cannot be used ({reason}); it was left as it is")


class ProgressStore:
    """Reads and writes one pack's progress file, safely.

    Args:
        pack_id: the pack's id (a slug); the file is ``<folder>/progress/<pack_id>.toml``.
        folder: the data folder, e.g. ``data_dir(cli_option)``; None means :func:`data_dir` ().
        lock_timeout: seconds to wait for another instance to finish writing.
        detailed_attempts: the most attempts that keep every answer when saving (see
            :func:`compact`); None means :data:`DETAILED_ATTEMPTS`.
        detailed_answers: the most answers those may hold in all; None means
            :data:`DETAILED_ANSWERS`.
        max_bytes: files bigger than this many bytes are not read but set aside; None
            means :data:`MAX_FILE_BYTES`.

    Raises:
        ValueError: ``pack_id`` is not a slug.

    Every change goes through :meth:`update`: it takes the lock (``<name>.lock`` beside
    the file, via filelock), re-reads the file, applies your function and writes the
    result atomically, so concurrent instances see and keep each other's changes. Stray
    temp files left by a writer that was killed (``.<name>.*.tmp``) are removed under the
    lock before each write; at most one can exist at any time. Each save summarises all
    but the newest attempts (``detailed_attempts``, ``detailed_answers``: :func:`compact`).

    Re-reading is cheap: the store remembers the bytes it last read or wrote and the
    progress they hold, and parses the file again only when its bytes differ (another
    instance, or a person, changed it).

    A file that cannot be used (not UTF-8, not TOML, wrong shape or types, empty, a
    folder in its place, another pack's, a newer format, or bigger than ``max_bytes``)
    is renamed to ``<name>.bak-YYYYmmddTHHMMSSZ`` (``-2``, ``-3``... appended if that
    exists), a fresh state is started, and :attr:`notice` is set to a sentence for the
    reader. Nothing is deleted or overwritten.

    A symbolic link in place of the file is read through, and the first save replaces
    the link itself with a regular file (the link's target is never written).
    """

    def __init__(
        self,
        pack_id: str,
        folder: Path | str | None = None,
        *,
        lock_timeout: float = 10.0,
        detailed_attempts: int | None = None,
        detailed_answers: int | None = None,
        max_bytes: int | None = None,
    ) -> None:
        self.pack_id = pack_id
        self.path = progress_path(pack_id, folder)
        """The progress file."""
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        """The lock file beside it (kept between runs; it holds no data)."""
        self.lock_timeout = lock_timeout
        self.detailed_attempts = detailed_attempts
        """Detailed attempts kept by each save; None: :data:`DETAILED_ATTEMPTS`."""
        self.detailed_answers = detailed_answers
        """Answers those may hold in all; None: :data:`DETAILED_ANSWERS`."""
        self.max_bytes = max_bytes
        """The largest file read, in bytes; None: :data:`MAX_FILE_BYTES`."""
        self.notice: str | None = None
        """The latest message about a file set aside (or that could not be), else None."""
        self._lock: Any = None
        self._known: tuple[bytes, Progress] | None = None
        self._chunks = _Chunks()

    # ------------------------------------------------------------------ reading

    def load(self) -> Progress:
        """Return the saved progress, or an empty one if there is none.

        The progress is as in the file: attempts are summarised by the next save, not
        here. The file is parsed only if its bytes differ from those this store last
        read or wrote.

        Never raises for a bad file (or one over :attr:`max_bytes`, which is not read):
        it is set aside and :attr:`notice` says so. If even that fails (e.g. the folder
        is read-only), the empty state is returned, the file is left as it is and
        :attr:`notice` says progress cannot be saved.
        """
        try:
            return self._read()
        except _Unusable:
            pass
        try:
            with self._locked():
                return self._read_or_set_aside()
        except ProgressError as exc:
            self.notice = str(exc)
            return Progress.empty(self.pack_id)

    def take_notice(self) -> str | None:
        """Return :attr:`notice` and clear it (so a message is shown once)."""
        notice, self.notice = self.notice, None
        return notice

    # ------------------------------------------------------------------ writing

    def update(self, change: Callable[[Progress], Progress]) -> Progress:
        """Apply ``change`` to the saved progress and save the result, under the lock.

        Args:
            change: maps the current state (re-read under the lock) to the new one.
                It may be called with an empty state if the file was set aside.

        Returns:
            The state now on disk: ``change``'s result with all but the newest
            attempts summarised (:func:`compact`).

        Raises:
            ProgressError: the lock timed out, or the file could not be written (or a
                bad file could not be set aside, so writing would overwrite it).
            TypeError: ``change`` returned something other than a :class:`Progress`.
            ValueError: it returned the progress of another pack.
            Whatever ``change`` raises, unchanged (nothing is written then).
        """
        with self._locked():
            current = self._read_or_set_aside()
            new = change(current)
            if not isinstance(new, Progress):
                raise TypeError(f"the change returned {type(new).__name__}, not Progress")
            if new.pack != self.pack_id:
                raise ValueError(f"the change returned the progress of pack {new.pack!r}")
            with _gc_paused():
                new = compact(new, self.detailed_attempts, self.detailed_answers)
            if new == current and self.path.is_file():
                return current
            self._remove_stray_temp_files()
            with _gc_paused():
                text, chunks = _render(new, self._chunks)
            data = text.encode("utf-8")
            try:
                atomic_write_bytes(self.path, data)
            except OSError as exc:
                raise ProgressError(f"Your progress could not be saved to {self.path}: {exc.strerror or exc}") from exc
            self._chunks = chunks
            self._known = (data, new)
            return new

    def save(self, progress: Progress) -> Progress:
        """Replace the whole saved state with ``progress`` (under the lock); returns it.

        Prefer :meth:`update`, which keeps what other instances saved meanwhile.

        Raises:
            ProgressError, TypeError, ValueError: as :meth:`update`.
        """
        return self.update(lambda _current: progress)

    def mark_read(self, section_id: str) -> Progress:
        """Record that ``section_id`` was opened: read, and the section to continue from.

        Returns the new state. Raises :class:`ProgressError` as :meth:`update`.
        """
        return self.update(lambda p: p.with_section_read(section_id))

    def save_quiz(self, quiz: QuizInProgress | None) -> Progress:
        """Save the quiz in progress (None: there is none any more). Returns the new state.

        Raises :class:`ProgressError` as :meth:`update`.
        """
        return self.update(lambda p: p.with_quiz(quiz))

    def add_attempt(self, attempt: Attempt) -> Progress:
        """Add a finished attempt, keeping every attempt already saved. Returns the new state.

        The quiz in progress is cleared if it is the one the attempt came from (same
        ``started``). Raises :class:`ProgressError` as :meth:`update`.
        """
        return self.update(lambda p: p.with_attempt(attempt))

    # ------------------------------------------------------------------ helpers

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """Hold the pack's file lock for the ``with`` block; ProgressError if it cannot be had."""
        import filelock

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ProgressError(
                f"Your progress cannot be saved: the folder {self.path.parent} could not"
                f" be created ({exc.strerror or exc})."
            ) from exc
        if self._lock is None:
            self._lock = filelock.FileLock(str(self.lock_path))
        try:
            self._lock.acquire(timeout=self.lock_timeout, poll_interval=0.01)
        except filelock.Timeout as exc:
            raise ProgressError(
                f"Your progress file {self.path} is busy: another explainer kept it"
                f" locked for over {self.lock_timeout:g} seconds."
            ) from exc
        except OSError as exc:
            raise ProgressError(
                f"Your progress file {self.path} could not be locked ({exc.strerror or exc})."
            ) from exc
        try:
            yield
        finally:
            self._lock.release()

    def _read(self) -> Progress:
        """Read the file: empty progress if it does not exist; :class:`_Unusable` if bad.

        The file is parsed only if its bytes differ from those last read or written.
        """
        limit = MAX_FILE_BYTES if self.max_bytes is None else self.max_bytes
        try:
            data = _read_bytes(self.path, limit)
        except FileNotFoundError:
            return Progress.empty(self.pack_id)
        except NotADirectoryError:
            return Progress.empty(self.pack_id)  # the progress folder is missing; writes will say so
        except IsADirectoryError:
            raise _Unusable("a folder is in its place") from None
        except _TooBig as exc:
            raise _too_big(exc.size, limit) from None
        except OSError as exc:
            raise _Unusable(f"it could not be read ({exc.strerror or exc})") from None
        known = self._known
        if known is not None and known[0] == data:
            return known[1]
        chunks = _Chunks()
        keep = DETAILED_ATTEMPTS if self.detailed_attempts is None else self.detailed_attempts
        progress = _parse(data, self.pack_id, chunks, pieces_wanted=keep)
        self._known = (data, progress)
        self._chunks = chunks
        return progress

    def _read_or_set_aside(self) -> Progress:
        """Under the lock: read the file, or set it aside and start afresh."""
        try:
            return self._read()
        except _Unusable as problem:
            backup = self._set_aside(problem)
            if problem.newer is not None:
                self.notice = (
                    f"Your progress file {self.path} was written by a newer version of explainer"
                    f" ({problem.reason}); it was kept as {backup} and a new one was started."
                    " Update explainer to carry on with the old progress."
                )
            else:
                self.notice = (
                    f"Your progress file {self.path} was unreadable ({problem.reason}); it was kept"
                    f" as {backup} and a new one was started."
                )
            return Progress.empty(self.pack_id)

    def _set_aside(self, problem: _Unusable) -> Path:
        """Rename the file to a fresh ``.bak-<timestamp>`` name; ProgressError if impossible."""
        stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        base = self.path.with_name(f"{self.path.name}.bak-{stamp}")
        backup, n = base, 1
        while os.path.lexists(backup):
            n += 1
            backup = base.with_name(f"{base.name}-{n}")
        try:
            os.rename(self.path, backup)
            _fsync_folder(self.path.parent)
        except OSError as exc:
            raise ProgressError(
                f"Your progress file {self.path} is unusable ({problem.reason}) and could not be"
                f" moved aside ({exc.strerror or exc}); it was left as it is, and progress will"
                " not be saved until it is moved or fixed."
            ) from exc
        return backup

    def _remove_stray_temp_files(self) -> None:
        """Under the lock: delete temp files a killed writer left (no writer is running)."""
        prefix = _temp_prefix(self.path)
        try:
            entries = list(os.scandir(self.path.parent))
        except OSError:
            return
        for entry in entries:
            if entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX):
                try:
                    os.unlink(entry.path)
                except OSError:
                    pass

"""The progress file's text: rendering a :class:`~explainer.storage.models.Progress` to
TOML and parsing it back (formats 1 and 2).

Format 1 keeps every attempt in full (``[[attempts]]``); format 2 adds ``[summary]``,
where older attempts are one CSV line each (:data:`SUMMARY_COLUMNS`, read with
:mod:`csv`, checked with pydantic) with the review queue they left. ``docs/progress.md``
shows both.

- :func:`_render` writes the text, reusing the text already made for attempts
  (:class:`_Chunks`); :func:`_parse` reads the bytes, in pieces when it can
  (:func:`_loads`), and raises :class:`_Unusable` with a one-line reason for anything
  that is not a usable progress file of this pack.
- Written with tomli-w, read with tomli (the compiled parser that became
  :mod:`tomllib`; the standard library's as a fallback), exported here as ``tomllib``.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import gc
from collections.abc import Iterator
from typing import Annotated, Any, Literal

try:  # tomli is the parser that became tomllib; its wheels are compiled and faster.
    import tomli as tomllib
except ImportError:  # pragma: no cover - the dependency is declared; stdlib as a fallback
    import tomllib  # type: ignore[no-redef]

import tomli_w
from pydantic import ConfigDict, Field, StrictStr, TypeAdapter, ValidationError

from explainer.storage.models import (
    AnswerCounts,
    Attempt,
    CarriedDue,
    Progress,
    QuestionState,
    QuizInProgress,
    _Model,
    _trusted,
)

__all__ = ["FORMAT", "SUMMARY_COLUMNS", "tomllib"]


FORMAT = 2
"""The newest progress file format this version reads and writes.

Format 1 is every attempt in full (``[[attempts]]``). Format 2 adds ``[summary]``: the
older attempts compacted to one line each (see :func:`compact`). A file with nothing
summarised is still written as format 1, so older versions of explainer read it.
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
    ],
    config=ConfigDict(defer_build=True),  # built when a summary is first read
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


_FORCE_TABLES = {"x": [0, 0]}
"""A question-like table tomli-w never writes inline (it holds a multi-line array)."""

_FORCE_TABLES_TEXT = '\n[[quiz.questions]]\nx = [\n    0,\n    0,\n]\n'
"""How tomli-w writes :data:`_FORCE_TABLES` as the last ``[[quiz.questions]]`` table."""


def _question_chunk(state: QuestionState) -> tuple[str, bool]:
    """The TOML of one question of the quiz in progress as a ``[[quiz.questions]]`` table.

    Returns ``(text, inline)``: ``inline`` is True when tomli-w would write this table
    inline (``{ id = ..., hash = ... }``) if every question of the quiz were like it;
    :func:`_render` then writes the whole quiz with tomli-w, exactly as before.
    """
    data = state.model_dump(mode="python", exclude_none=True)
    alone = tomli_w.dumps({"quiz": {"questions": [data]}})
    if alone.startswith("[[quiz.questions]]"):
        return alone, False
    forced = tomli_w.dumps({"quiz": {"questions": [data, _FORCE_TABLES]}})
    if not forced.endswith(_FORCE_TABLES_TEXT):  # pragma: no cover - tomli-w changed its layout
        raise AssertionError("tomli-w wrote an array of tables in an unexpected way")
    return forced[: -len(_FORCE_TABLES_TEXT)], True


def _quiz_text(quiz: QuizInProgress, cache: _Chunks, made: _Chunks) -> str:
    """``[quiz]`` and its ``[[quiz.questions]]``, exactly as ``tomli_w.dumps`` writes them.

    A question's text is made once per :class:`QuestionState` object (``cache``), so a
    save after one answer converts one question, not all of them.
    """
    chunks = []
    for state in quiz.questions:
        hit = cache.questions.get(id(state))
        made_text = hit[1:] if hit is not None and hit[0] is state else _question_chunk(state)
        made.questions[id(state)] = (state, *made_text)
        chunks.append(made_text)
    if all(inline for _text, inline in chunks):
        return tomli_w.dumps({"quiz": quiz.model_dump(mode="python", exclude_none=True)})
    head = tomli_w.dumps({"quiz": quiz.model_dump(mode="python", exclude_none=True, exclude={"questions"})})
    return head + "".join("\n" + text for text, _inline in chunks)


class _Chunks:
    """Text already made for a progress's attempts, for :func:`_render` to reuse.

    Attributes:
        attempts: ``{id(attempt): (attempt, text)}`` for detailed attempts.
        questions: ``{id(state): (state, text, inline)}`` for the questions of the quiz
            in progress (:func:`_question_chunk`).
        summary: the summarised attempts and their lines, joined, as last rendered
            (``((), "")`` at first); a later progress whose summarised attempts start
            with the same objects only adds the lines of the new ones.
    """

    def __init__(self) -> None:
        self.attempts: dict[int, tuple[Attempt, str]] = {}
        self.questions: dict[int, tuple[QuestionState, str, bool]] = {}
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
        parts.append(_quiz_text(progress.quiz, cache, made))
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

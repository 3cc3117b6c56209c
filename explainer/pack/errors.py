"""Content problems: what the loader and the linter report, one per problem, each with
file, line and column, a stable code, and a hint at the fix."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Severity = Literal["error", "warning"]

#: Every error code the loader uses, with what it means (docs/authoring.md lists the same;
#: the linter's warning codes are in :data:`explainer.pack.lint.WARNING_CODES`).
ERROR_CODES: dict[str, str] = {
    "missing-file": "one of the three files is not in the folder",
    "unreadable": "the file is not a regular file, or cannot be read",
    "symlink-outside": "the file is a symbolic link to a file outside the pack folder",
    "too-large": "the file is larger than a pack file may be (20 MB)",
    "too-long": "a text is longer than a field may be (100,000 characters)",
    "encoding": "the file is not UTF-8 text",
    "syntax": "the file is not valid TOML",
    "unknown-schema": "`schema` in pack.toml is a version this explainer does not read",
    "missing-key": "a required key is not there",
    "unknown-key": "a key that does not belong in this table (often a typo)",
    "unknown-type": "a question `type` that does not exist",
    "wrong-type": "a value of the wrong kind: text where a number belongs, [table] where [[table]] belongs, ...",
    "blank": "text that is empty or only spaces",
    "too-few": "an array with fewer items than it needs",
    "too-many": "an array with more items than allowed",
    "bad-id": "an id that is not a lower-case slug",
    "id-too-long": "an id longer than 64 characters",
    "control-character": "text that holds a control character or a bidi override (ESC, BEL, U+202E, ...)",
    "bad-language": "`language` that is not a BCP 47 tag",
    "out-of-range": "a number outside its range (`pass_mark`, `points`, `tolerance`, `typos`)",
    "bad-date": "a date that is not a real date, or not written as TOML or ISO date",
    "bad-url": "a `url` that is not an http:// or https:// web address",
    "duplicate-id": "an id, or glossary term, used twice",
    "unknown-reference": "a `section`, `sources` or `see_also` that names nothing",
    "translation-drift": "a translation that differs from its original in more than words (docs/authoring.md)",
    "single-correct": "a single-choice question without exactly one correct choice",
    "multiple-correct": "a multiple-choice question without a correct choice",
    "too-few-choices": "a choice question with fewer than two choices",
    "numeric-target": "a numeric question without a usable `answer` or `min`/`max`",
    "duplicate-text": "two order items, match sides or distractors with the same text",
}


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in a pack, at the place the author must edit.

    Attributes:
        file: the file the problem is in (as the caller named the pack folder).
        line: 1-based line number in ``file``.
        column: 1-based column of the key or table the problem is about.
        message: what is wrong, in plain words (older messages also name the fix).
        code: a stable short name for the kind of problem, e.g. ``"unknown-key"``; the
            full list is in docs/authoring.md.
        hint: how to fix it, in plain words; empty only when ``message`` already says.
        severity: ``"error"`` (the pack cannot be used) or ``"warning"`` (a lint
            finding: the pack works, but a reader may be poorly served).
    """

    file: Path
    line: int
    column: int
    message: str = field(compare=False)
    code: str = field(default="invalid", compare=False)
    hint: str = field(default="", compare=False)
    severity: Severity = field(default="error", compare=False)

    def __str__(self) -> str:
        """Format as ``FILE:LINE:COL: message; fix: hint``, the form editors and CI read.

        Warnings carry ``warning:`` before the message.
        """
        prefix = "warning: " if self.severity == "warning" else ""
        fix = f"; fix: {self.hint}" if self.hint else ""
        return f"{self.file}:{self.line}:{self.column}: {prefix}{self.message}{fix}"

    def as_dict(self) -> dict[str, Any]:
        """The problem as the JSON object of ``explainer validate --format json``."""
        return {
            "file": str(self.file),
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "hint": self.hint,
        }


class PackError(Exception):
    """Raised by the loader when a pack cannot be used; holds every problem found.

    Attributes:
        errors: all problems of the pack, sorted by file and line. Never empty.
    """

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = sort_problems(errors)
        super().__init__("\n".join(str(error) for error in self.errors))


_FILE_ORDER = {"pack.toml": 0, "explainer.toml": 1, "quiz.toml": 2}


def sort_problems(problems: list[ContentError]) -> list[ContentError]:
    """Sort problems by pack folder, file (pack, explainer, quiz), line and column."""
    return sorted(problems, key=_sort_key)


def _sort_key(error: ContentError) -> tuple[str, int, int, int]:
    return (str(error.file.parent), _FILE_ORDER.get(error.file.name, 3), error.line, error.column)

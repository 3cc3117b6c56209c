"""Content errors: what the loader reports, one per problem, each with file and line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in a pack, at the place the author must edit.

    Attributes:
        file: the file the problem is in (as the caller named the pack folder).
        line: 1-based line number in ``file``.
        column: 1-based column of the key or table the problem is about.
        message: one sentence in plain words, naming what is wrong and the fix.
        code: a stable short name for the kind of problem, e.g. ``"unknown-key"``.
    """

    file: Path
    line: int
    column: int
    message: str = field(compare=False)
    code: str = field(default="invalid", compare=False)

    def __str__(self) -> str:
        """Format as ``FILE:LINE:COL: message``, the form editors and CI understand."""
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class PackError(Exception):
    """Raised by the loader when a pack cannot be used; holds every problem found.

    Attributes:
        errors: all problems of the pack, sorted by file and line. Never empty.
    """

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = sorted(errors, key=_sort_key)
        super().__init__("\n".join(str(error) for error in self.errors))


_FILE_ORDER = {"pack.toml": 0, "explainer.toml": 1, "quiz.toml": 2}


def _sort_key(error: ContentError) -> tuple[str, int, int, int]:
    return (str(error.file.parent), _FILE_ORDER.get(error.file.name, 3), error.line, error.column)

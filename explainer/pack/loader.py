"""Load a pack folder: read the three TOML files, validate them, check cross-references.

:func:`load_pack` is the one entry point. It collects every problem in the pack before it
gives up, and reports each as a :class:`~explainer.pack.errors.ContentError` naming the
file, the line and column the author must edit, and the fix, in plain words.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

try:  # tomli is the parser that became tomllib; its wheels are compiled and ~3x faster.
    import tomli as tomllib
except ImportError:  # pragma: no cover - the dependency is declared; stdlib as a fallback
    import tomllib  # type: ignore[no-redef]

from explainer.pack.errors import ContentError, PackError
from explainer.pack.locate import KeyLocator
from explainer.pack.model import (
    _SLUG,
    QUESTION_TYPES,
    SUPPORTED_SCHEMAS,
    MAX_TYPOS,
    Choice,
    ExplainerFile,
    Figure,
    FigureValue,
    GlossaryEntry,
    MatchQuestion,
    MultipleChoiceQuestion,
    NumericQuestion,
    OrderQuestion,
    Pack,
    PackFile,
    QuizFile,
    QuizSettings,
    Pair,
    Section,
    ShortAnswerQuestion,
    SingleChoiceQuestion,
    Source,
    TimelineEvent,
    TrueFalseQuestion,
    _QuestionBase,
)
from explainer.pack.preview import bundled_pack_path
from explainer.pack.text import describe_char, find_forbidden, has_forbidden, is_bidi_control, why_forbidden

PACK_FILE = "pack.toml"
EXPLAINER_FILE = "explainer.toml"
QUIZ_FILE = "quiz.toml"
FILE_NAMES: tuple[str, ...] = (PACK_FILE, EXPLAINER_FILE, QUIZ_FILE)
BUNDLED_PACK_ID = "nk-pows"  # explainer.pack.preview.BUNDLED_PACK_ID
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_TEXT_CHARS = 100_000
"""The longest text one field may hold (a section body of about 16,000 words): the app
lays out a section's body whole, and a 20 MB body would stall it."""
"""The largest pack file the loader reads: 20 MB (20 × 1024 × 1024 bytes). A larger file
is refused before it is read (a 10,000-question quiz.toml is about 6 MB)."""

_FILE_MODELS: dict[str, type[BaseModel]] = {
    PACK_FILE: PackFile,
    EXPLAINER_FILE: ExplainerFile,
    QUIZ_FILE: QuizFile,
}
_QUESTION_MODELS: dict[str, type[BaseModel]] = {
    "single": SingleChoiceQuestion,
    "multiple": MultipleChoiceQuestion,
    "true_false": TrueFalseQuestion,
    "short_answer": ShortAnswerQuestion,
    "numeric": NumericQuestion,
    "order": OrderQuestion,
    "match": MatchQuestion,
}
_TOML_ERROR_AT = re.compile(r"\(at line (\d+), column (\d+)\)\s*$")
_TOML_KEY_TUPLE = re.compile(r"\((?:'[^']*',?\s*)+\)")
_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    ("Invalid value", "text goes in straight double quotes \"...\", true/false in lower case, dates as 2025-02-01"),
    ("Illegal character", "a string may not be closed: end it with the same quote, or use \"\"\"...\"\"\" for text over several lines"),
    ("Unterminated string", "close the string with the same quote it starts with"),
    ("Expected '=' after a key", "write key = value; keys with spaces or other characters need quotes"),
    ("Cannot declare", "this table is written twice; merge the two, or use [[double brackets]] for a list of tables"),
    ("Cannot overwrite a value", "this key is set twice; keep one"),
    ("Cannot mutate immutable namespace", "this table was already written inline or with dotted keys; write it in one place"),
)
_SYNTAX_HINT = (
    "check this line: key = value, text in straight double quotes, true/false in lower case,"
    " [table] and [[list of tables]] headers on their own line"
)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\n\u202a-\u202e\u2066-\u2069]")


def _printable(message: str) -> str:
    """Escape control characters and bidi overrides, so one problem is one line, cannot
    drive the terminal, and reads in the order it is written."""
    return _CONTROL.sub(_escape_char, message)


def _escape_char(match: re.Match[str]) -> str:
    char = match.group(0)
    if char in "\n\t":
        return {"\n": "\\n", "\t": "\\t"}[char]
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def _show(value: object, limit: int = 60) -> str:
    """Show a parsed TOML value the way an author would write it, shortened if long."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value) if value.bit_length() < 200 else "a very large number"
    if isinstance(value, float):
        return repr(value).replace("inf", "inf").replace("nan", "nan")
    if isinstance(value, str):
        shown = value if len(value) <= limit else value[: limit - 1] + "…"
        return '"' + shown.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


class PackNotFound(Exception):
    """Raised when the pack folder does not exist or is not a folder (a usage error)."""


def load_pack(path: str | Path) -> Pack:
    """Read, validate and cross-check the pack in folder ``path``.

    Args:
        path: the pack folder, holding pack.toml, explainer.toml and quiz.toml.

    Returns:
        The validated :class:`~explainer.pack.model.Pack`.

    Raises:
        PackNotFound: ``path`` is not an existing folder.
        PackError: the pack has problems; ``errors`` lists every one of them.

    This always reads and validates everything (``explainer validate`` relies on it);
    :func:`explainer.pack.cache.load_pack_cached` puts a cache of validated packs in
    front of it, for opening a pack to read.
    """
    folder = Path(path)
    if folder.is_file():
        raise PackNotFound(f"{folder}: is a file; give the folder that holds {', '.join(FILE_NAMES)}")
    if not folder.is_dir():
        raise PackNotFound(f"{folder}: no such folder (a pack is a folder with {', '.join(FILE_NAMES)})")
    loaded = {name: _read(folder / name) for name in FILE_NAMES}
    errors: list[ContentError] = [e for doc in loaded.values() for e in doc.errors]

    pack_doc = loaded[PACK_FILE]
    if pack_doc.data is not None:
        schema_errors = _check_schema(pack_doc)
        if any(e.code == "unknown-schema" for e in schema_errors):
            # A format we do not know: judging it by the rules of schema 1 would mislead.
            raise PackError(errors + schema_errors)
        if schema_errors:  # schema 1 in quotes: say so, and check the rest as schema 1
            errors.extend(schema_errors)
            pack_doc.data = {**pack_doc.data, "schema": int(str(pack_doc.data["schema"]).strip())}

    models: dict[str, BaseModel] = {}
    for name, doc in loaded.items():
        if doc.data is None:
            continue
        try:
            models[name] = _FILE_MODELS[name].model_validate(doc.data)
        except ValidationError as exc:
            errors.extend(
                _convert(doc, item) for item in _meaningful(exc.errors(include_url=False)) if not _reported(doc, item)
            )
    errors.extend(_check_references(loaded))
    errors.extend(_check_untyped_questions(loaded[QUIZ_FILE]))
    if errors:
        raise PackError(errors)
    return Pack(
        path=folder,
        meta=models[PACK_FILE],
        explainer=models[EXPLAINER_FILE],
        quiz_file=models[QUIZ_FILE],
    )


# ----------------------------------------------------------------------- reading files


class _Document:
    """One TOML file as read: its parsed data (None if unreadable) and a key locator.

    The locator is built on first use, so a valid file never pays for the scan.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.data: dict[str, Any] | None = None
        self.text = ""
        self._locator: KeyLocator | None = None
        self.errors: list[ContentError] = []
        self.forbidden: set[tuple[str | int, ...]] = set()  # strings holding forbidden characters

    @property
    def locator(self) -> KeyLocator:
        """Positions of the keys in this file, scanned from its text when first asked."""
        if self._locator is None:
            self._locator = KeyLocator.from_text(self.text)
        return self._locator

    def error(self, loc: tuple[str | int, ...], message: str, code: str, hint: str = "") -> ContentError:
        """Build an error placed at key path ``loc`` (or its nearest written ancestor)."""
        position = self.locator.find(loc)
        line, column = (position.line, position.column) if position else (1, 1)
        return ContentError(self.path, line, column, _printable(message), code, _printable(hint))


def _read(path: Path) -> _Document:
    """Read and parse one TOML file, recording (not raising) any problem."""
    doc = _Document(path)
    outside = _link_outside(path)
    if outside is not None:
        link, target = outside
        shown = link if link == str(target) else f"{link} ({target})"
        doc.errors.append(
            ContentError(
                path, 1, 1,
                _printable(f"the file is a symbolic link to {shown}, outside the pack folder"),
                "symlink-outside",
                "put the file itself in the pack folder (copy it over the link); a link may only"
                " point to a file inside the pack folder",
            )
        )
        return doc
    if not path.exists():
        why = "file is missing (a broken link)" if path.is_symlink() else "file is missing"
        doc.errors.append(
            ContentError(
                path, 1, 1, f"{why}: a pack folder needs {', '.join(FILE_NAMES)}", "missing-file",
                f"create {path.name} in this folder (`explainer new` writes a complete example)",
            )
        )
        return doc
    if not path.is_file():
        doc.errors.append(
            ContentError(path, 1, 1, "not a regular file", "unreadable", "replace it with a TOML text file")
        )
        return doc
    try:
        size = path.stat().st_size
        raw = b""
        if size <= MAX_FILE_BYTES:
            with path.open("rb") as handle:
                raw = handle.read(size + 1)
                if len(raw) > size:  # it grew after stat: read on, but not past the limit
                    raw += handle.read(MAX_FILE_BYTES + 1 - len(raw))
            size = max(size, len(raw))
    except OSError as exc:
        doc.errors.append(
            ContentError(
                path, 1, 1, f"cannot read the file: {exc.strerror}", "unreadable",
                "check that the file exists and that you may read it",
            )
        )
        return doc
    if size > MAX_FILE_BYTES:
        shown, limit = _file_size(size), _file_size(MAX_FILE_BYTES)
        if shown == limit or len(raw) > MAX_FILE_BYTES:  # just over, or grew: reading stopped
            shown = f"over {limit}"
        doc.errors.append(
            ContentError(
                path, 1, 1,
                f"the file is {shown}; a pack file may be at most {limit}",
                "too-large",
                "make the pack smaller: split the quiz into several packs, or shorten the longest texts",
            )
        )
        return doc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        column = len(raw[line_start : exc.start].decode("utf-8", "replace")) + 1
        doc.errors.append(
            ContentError(
                path, line, column, "the file is not UTF-8 text", "encoding",
                "save it as UTF-8 (in most editors: Save As, encoding UTF-8)",
            )
        )
        return doc
    try:
        doc.data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_ERROR_AT.search(message)
        if match:
            line, column = int(match.group(1)), int(match.group(2))
            message = message[: match.start()].rstrip()
        else:
            line = text.count("\n") + 1
            column = len(text.rsplit("\n", 1)[-1]) + 1
            message = re.sub(r"\s*\(at end of document\)\s*$", "", message)
        message = _TOML_KEY_TUPLE.sub(lambda m: "[" + ".".join(re.findall(r"'([^']*)'", m.group(0))) + "]", message)
        single = _single_bracket_header(text, line)
        if single is not None:
            header_line, header = single
            doc.errors.append(
                ContentError(
                    path, header_line, 1,
                    f"[{header}] is written with single brackets, so it is one table, not one of a list",
                    "wrong-type",
                    f"write [[{header}]] (double brackets), as for the other {header.rsplit('.', 1)[-1]}",
                )
            )
            return doc
        special = _syntax_problem(path, text, line, column, message)
        if special is not None:
            doc.errors.append(special)
            return doc
        hint = next((h for pattern, h in _SYNTAX_HINTS if pattern in message), _SYNTAX_HINT)
        doc.errors.append(
            ContentError(path, line, column, _printable(f"TOML syntax error: {message}"), "syntax", hint)
        )
        return doc
    except (ValueError, RecursionError) as exc:
        # tomllib gives up on integers over 4,300 digits and on very deep nesting.
        what = "values nested too deeply" if isinstance(exc, RecursionError) else "a number too long to read"
        doc.errors.append(ContentError(path, 1, 1, f"the file has {what}", "syntax", "simplify it"))
        return doc
    doc.text = text
    if _may_hold_forbidden(raw):
        doc.errors.extend(_check_characters(doc))
    if len(raw) > MAX_TEXT_CHARS:  # only a file this big can hold a text this long
        doc.errors.extend(_check_lengths(doc))
    return doc


def _reported(doc: _Document, error: Mapping[str, Any]) -> bool:
    """True if a pydantic error is about a string already reported for a forbidden
    character (an id or a question type holding ESC): one problem per field. An unknown
    key is still reported: its name may be a typo whatever its value holds."""
    if not doc.forbidden or error["type"] == "extra_forbidden":
        return False
    loc = _normalise_loc(doc.path.name, tuple(error["loc"]))
    return loc in doc.forbidden or (error["type"] == "union_tag_invalid" and loc + ("type",) in doc.forbidden)


def _file_size(size: int) -> str:
    """A file size for a message, in MB of 1024 × 1024 bytes: ``"31.4 MB"``, ``"20 MB"``
    (in KB or bytes when smaller)."""
    if size < 1024:
        return f"{size} bytes"
    value, unit = (size / 1024, "KB") if size < 1024 * 1024 else (size / (1024 * 1024), "MB")
    return f"{value:.1f} {unit}".replace(".0 ", " ")


def _link_outside(path: Path) -> tuple[str, Path] | None:
    """If ``path`` is a symbolic link that resolves outside its folder, return what the
    link says and where it leads; otherwise (not a link, a link inside, a loop) None."""
    try:
        if not path.is_symlink():
            return None
        target = path.resolve()
        folder = path.parent.resolve()
        link = os.readlink(path)
    except (OSError, RuntimeError):  # a loop (RuntimeError before Python 3.13): reported below
        return None
    return None if target.is_relative_to(folder) else (link, target)


# ------------------------------------------------------------- forbidden characters

# A forbidden character can reach a parsed string only as an escape (\b \f \r \e \xHH
# \uXXXX \UXXXXXXXX: TOML refuses raw controls other than tab and line ends, and turns
# CRLF into LF) or, raw, as a C1 control or a bidi control. These searches of the raw
# bytes are fast (each starts with a literal byte); only a file that may hold one is walked.
# The escape pattern names the forbidden code points, so "Caf\u00e9" does not cost a walk
# (an escaped backslash before "u001b" does, and then the walk finds nothing).
_FORBIDDEN_HEX = rb"(?:00[01][0-9a-fA-F]|007[fF]|00[89][0-9a-fA-F]|202[a-eA-E]|206[6-9])"
_CONTROL_ESCAPE = re.compile(
    rb"\\(?:[bfre]|x(?:[01][0-9a-fA-F]|7[fF]|[89][0-9a-fA-F])|u" + _FORBIDDEN_HEX + rb"|U0000" + _FORBIDDEN_HEX + rb")"
)
_RAW_FORBIDDEN = (
    re.compile(rb"\xc2[\x80-\x9f]"),  # U+0080-U+009F in UTF-8
    re.compile(rb"\xe2\x80[\xaa-\xae]"),  # U+202A-U+202E
    re.compile(rb"\xe2\x81[\xa6-\xa9]"),  # U+2066-U+2069
)


def _may_hold_forbidden(raw: bytes) -> bool:
    """True unless the raw TOML surely parses to strings without forbidden characters."""
    if _CONTROL_ESCAPE.search(raw):
        return True
    if raw.isascii():
        return False
    return any(pattern.search(raw) for pattern in _RAW_FORBIDDEN)


def _check_characters(doc: _Document) -> list[ContentError]:
    """Report every string of the parsed file that holds a forbidden character, one
    error per string (see :mod:`explainer.pack.text`)."""
    errors: list[ContentError] = []
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), doc.data)]
    while stack:
        loc, node = stack.pop()
        if isinstance(node, str):
            found = find_forbidden(node)
            if found:
                doc.forbidden.add(loc)
                errors.append(_forbidden_error(doc, loc, found))
        elif isinstance(node, dict):
            stack.extend((loc + (key,), value) for key, value in node.items())
        elif isinstance(node, list):
            stack.extend((loc + (index,), value) for index, value in enumerate(node))
    return errors


def _check_lengths(doc: _Document) -> list[ContentError]:
    """Report every string of the parsed file longer than :data:`MAX_TEXT_CHARS`."""
    errors: list[ContentError] = []
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), doc.data)]
    while stack:
        loc, node = stack.pop()
        if isinstance(node, str):
            if len(node) > MAX_TEXT_CHARS:
                errors.append(
                    doc.error(
                        loc,
                        f"{_field_name(loc)} is {len(node):,} characters long; a text may be at most"
                        f" {MAX_TEXT_CHARS:,}",
                        "too-long",
                        "split it: a long section reads better as several sections",
                    )
                )
        elif isinstance(node, dict):
            stack.extend((loc + (key,), value) for key, value in node.items())
        elif isinstance(node, list):
            stack.extend((loc + (index,), value) for index, value in enumerate(node))
    return errors


_ESCAPE_NAMES = {0x08: "\\b", 0x0C: "\\f", 0x0D: "\\r", 0x1B: "\\e"}


def _forbidden_error(doc: _Document, loc: tuple[str | int, ...], found: list[tuple[int, str]]) -> ContentError:
    """The error for one string holding forbidden characters: the first one, named."""
    index, char = found[0]
    more = len(found) - 1
    where = f"at character {index + 1}"
    if more:
        where += f"; {more} more such character{'s' if more > 1 else ''} after it"
    message = f"{_field_name(loc)} holds {describe_char(char)}, {why_forbidden(char)} ({where})"
    them = "them" if more else "it"
    if is_bidi_control(char):
        hint = f"remove {them}: write the text in its natural order; the terminal lays out right-to-left text by itself"
    elif char == "\r":
        hint = f'remove {them}: write a line break as \\n, or as a new line inside a """...""" string'
    else:
        code = ord(char)
        written = f"\\u{code:04x}" + (f" or {_ESCAPE_NAMES[code]}" if code in _ESCAPE_NAMES else "")
        hint = (
            f"remove {them}: look for an escape such as {written} in the text, or an invisible"
            " character pasted into it"
        )
    return doc.error(loc, message, "control-character", hint)


def _field_name(loc: tuple[str | int, ...]) -> str:
    """Name a place in a file for a message: ``sections[2].title`` (items counted from 1)."""
    name = ""
    for part in loc:
        if isinstance(part, int):
            name += f"[{part + 1}]"
        else:
            key = part if _BARE.fullmatch(part) else _show(part)
            name += f".{key}" if name else key
    return name or "the file"


_BARE = re.compile(r"[A-Za-z0-9_-]+")


_ARRAYS_OF_TABLES = ("sources", "sections", "glossary", "timeline", "questions", "questions.choices", "questions.pairs")
_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.-]+)\s*\]\]?\s*(?:#.*)?$")


def _single_bracket_header(text: str, error_line: int) -> tuple[int, str] | None:
    """Find the likely cause of a TOML error: ``[name]`` where ``[[name]]`` belongs.

    Returns (line, name) of the last single-bracket header at or before ``error_line``
    that names one of the format's arrays of tables, or None.
    """
    found: tuple[int, str] | None = None
    for number, line in enumerate(text.split("\n")[:error_line], start=1):
        match = _HEADER.match(line)
        if match and match.group(1) == "[" and match.group(2) in _ARRAYS_OF_TABLES:
            found = (number, match.group(2))
    return found


def _check_schema(doc: _Document) -> list[ContentError]:
    """Refuse a pack whose ``schema`` is missing or a version this loader does not know."""
    assert doc.data is not None
    known = ", ".join(str(v) for v in SUPPORTED_SCHEMAS)
    if "schema" not in doc.data:
        return []  # reported with the other missing keys, and the rest is still checked
    value = doc.data["schema"]
    if type(value) is int and value in SUPPORTED_SCHEMAS:
        return []
    if isinstance(value, str) and value.strip() in {str(v) for v in SUPPORTED_SCHEMAS}:
        return [
            doc.error(
                ("schema",), "'schema' must be a number without quotes", "wrong-type", f"write schema = {value.strip()}"
            )
        ]
    else:
        message = f"unknown schema {_show(value)}: this version of explainer reads schema {known}"
        hint = f"upgrade explainer, or write the pack in schema {known}"
    return [doc.error(("schema",), message, "unknown-schema", hint)]


# ------------------------------------------------------------- pydantic errors -> words


_NUMBER_MEMBERS = ("int", "float")
"""The names pydantic gives the members of an ``int | float`` field in an error's loc."""


_DATE_LIKE = re.compile(
    r"""^\s*(?P<key>[A-Za-z0-9_-]+)\s*=\s*(?P<value>
        [0-9]{4}-[0-9]{1,2}-[0-9]{1,2}          # 2025-02-30
      | [0-9]{1,2}[/.][0-9]{1,2}[/.][0-9]{2,4}   # 01/03/2025, 1.3.2025
      | [0-9]{4}/[0-9]{1,2}/[0-9]{1,2}          # 2025/03/01
    )\s*(?:\#.*)?$""",
    re.VERBOSE,
)
_ILLEGAL_CHARACTER = re.compile(r"Illegal character (?P<char>'(?:[^'\\]|\\.)+'|\"(?:[^\"\\]|\\.)+\")")


def _syntax_problem(path: Path, text: str, line: int, column: int, message: str) -> ContentError | None:
    """A clearer error than tomllib's for two common syntax errors, or None.

    - A date TOML cannot read (``2025-02-30``, ``01/03/2025``): the ``bad-date`` code,
      what is wrong with it, and how to write a date.
    - An invisible or control character where TOML forbids one (a vertical tab, a
      form feed): the ``control-character`` code, with the character named
      (``U+000B LINE TABULATION``).
    """
    lines = text.split("\n")
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    match = _DATE_LIKE.match(source_line)
    if match is not None:
        key, value = match.group("key"), match.group("value")
        reason = "is not written as a TOML date"
        if re.fullmatch(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}", value):
            year, month, day = (int(part) for part in value.split("-"))
            try:
                dt.date(year, month, day)
            except ValueError as exc:
                reason = f"is not a real date ({exc})"
            else:
                reason = "needs two digits for the month and the day"
        return ContentError(
            path, line, match.start("value") + 1,
            f"'{key}' = {value} {reason}",
            "bad-date",
            "write the date as YYYY-MM-DD without quotes, e.g. 2025-03-01 for 1 March 2025",
        )
    illegal = _ILLEGAL_CHARACTER.search(message)
    if illegal is not None:
        import ast

        try:
            char = ast.literal_eval(illegal.group("char"))
        except (ValueError, SyntaxError):  # pragma: no cover - tomllib quotes it with repr()
            return None
        if isinstance(char, str) and len(char) == 1 and char not in "\n\r":  # a line end: an unclosed string
            return ContentError(
                path, line, column,
                f"the text holds {describe_char(char)}, an invisible character that TOML does not allow here",
                "control-character",
                "delete it: put the cursor just before this column and remove the character you cannot see,"
                " or retype the line",
            )
    return None


def _meaningful(errors: list[Any]) -> list[Any]:
    """The errors an author should see, one per problem.

    Drops the 'too short' error pydantic adds to an array whose items already failed,
    and makes the two errors of a number field (``int | float``: "not an int", "not a
    float") one error: "must be a number".
    """
    locs = [tuple(e["loc"]) for e in errors]
    kept = [
        e for e in errors
        if not (e["type"] == "too_short" and any(len(o) > len(e["loc"]) and o[: len(e["loc"])] == tuple(e["loc"]) for o in locs))
    ]
    merged: list[Any] = []
    numbers: set[tuple[Any, ...]] = set()
    for error in kept:
        loc = tuple(error["loc"])
        if len(loc) > 1 and loc[-1] in _NUMBER_MEMBERS and error["type"] in (
            "int_type", "int_parsing", "int_from_float", "float_type", "float_parsing", "finite_number"
        ):
            if loc[:-1] in numbers:
                continue
            numbers.add(loc[:-1])
            error = {**error, "loc": loc[:-1], "type": "float_type"}
        merged.append(error)
    return merged

_TOML_TYPES = {
    str: "text",
    int: "the number",
    float: "the number",
    bool: "the value",
    dict: "a table",
    list: "an array",
    dt.date: "the date",
    dt.datetime: "the date-time",
    dt.time: "the time",
}


def _toml_type(value: object) -> str:
    """Name the TOML type of a parsed value, in an author's words."""
    for kind, name in _TOML_TYPES.items():
        if type(value) is kind:
            return name
    return type(value).__name__


def _normalise_loc(file_name: str, loc: tuple[str | int, ...]) -> tuple[str | int, ...]:
    """Drop the discriminator tag pydantic inserts after a question index."""
    if file_name == QUIZ_FILE and len(loc) > 2 and loc[0] == "questions" and loc[2] in QUESTION_TYPES:
        return loc[:2] + loc[3:]
    return loc


def _item(data: Any, loc: Iterable[str | int]) -> Any:
    """Follow ``loc`` through parsed TOML data; None where the path does not exist."""
    for part in loc:
        if isinstance(part, int) and isinstance(data, list) and 0 <= part < len(data):
            data = data[part]
        elif isinstance(part, str) and isinstance(data, Mapping):
            data = data.get(part)
        else:
            return None
    return data


def _quote(name: str) -> str:
    """Quote an author's id or term for a message, without Python's escaping."""
    return f"'{name}'" if len(name) <= 60 else f"'{name[:59]}…'"


def _where(file_name: str, data: Any, loc: tuple[str | int, ...]) -> str:
    """Describe the item an error is about, e.g. ``question 'who-decides': choice 2``."""
    parts: list[str] = []
    if len(loc) >= 2 and isinstance(loc[1], int):
        kind, index = loc[0], loc[1]
        item = _item(data, loc[:2])
        label = {"questions": ("question", "id"), "sections": ("section", "id"),
                 "sources": ("source", "id"), "glossary": ("glossary term", "term"),
                 "timeline": ("timeline event", None)}.get(str(kind))
        if label:
            name, key = label
            value = item.get(key) if key and isinstance(item, Mapping) else None
            parts.append(f"{name} {_quote(value)}" if isinstance(value, str) else f"{name} {index + 1}")
        if len(loc) >= 4 and loc[2] in ("choices", "pairs", "figures") and isinstance(loc[3], int):
            parts.append(f"{ {'choices': 'choice', 'pairs': 'pair', 'figures': 'figure'}[loc[2]]} {loc[3] + 1}")
        if len(loc) >= 6 and loc[2] == "figures" and loc[4] == "values" and isinstance(loc[5], int):
            parts.append(f"value {loc[5] + 1}")
    elif loc and loc[0] == "quiz" and file_name == QUIZ_FILE:
        parts.append("[quiz]")
    return ": ".join(parts)


def _model_at(file_name: str, data: Any, loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """Return the model of the table that ``loc`` points into, to list its keys."""
    table = loc[:-1] if loc and isinstance(loc[-1], str) else loc
    if not table:
        return _FILE_MODELS[file_name]
    if file_name == QUIZ_FILE and table[0] == "questions":
        if len(table) == 2:
            kind = _item(data, table + ("type",))
            return _QUESTION_MODELS.get(kind, _QuestionBase) if isinstance(kind, str) else _QuestionBase
        if len(table) == 4 and table[2] == "choices":
            return Choice
        if len(table) == 4 and table[2] == "pairs":
            return Pair
    if file_name == QUIZ_FILE and table == ("quiz",):
        return QuizSettings
    if table[0] == "sections" and len(table) == 4 and table[2] == "figures":
        return Figure
    if table[0] == "sections" and len(table) == 6 and table[2] == "figures" and table[4] == "values":
        return FigureValue
    models = {"sections": Section, "glossary": GlossaryEntry, "timeline": TimelineEvent, "sources": Source}
    if len(table) == 2 and isinstance(table[0], str):
        return models.get(table[0])
    return None


def _keys_of(model: type[BaseModel]) -> list[str]:
    """The keys an author may write in a table of ``model``."""
    return [field.alias or name for name, field in model.model_fields.items()]


_TABLE_ARRAYS = {"sections", "glossary", "timeline", "sources", "questions", "choices", "pairs", "figures", "values"}
_TABLE_HEADERS = {
    "choices": "questions.choices",
    "pairs": "questions.pairs",
    "figures": "sections.figures",
    "values": "sections.figures.values",
}
"""The full [[header]] of the nested arrays of tables, for messages."""


def _convert(doc: _Document, error: Mapping[str, Any]) -> ContentError:
    """Turn one pydantic error into a ContentError in the author's words, with a fix."""
    file_name = doc.path.name
    loc = _normalise_loc(file_name, tuple(error["loc"]))
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    key_index = next((i for i in range(len(loc) - 1, -1, -1) if isinstance(loc[i], str)), None)
    key = str(loc[key_index]) if key_index is not None else ""
    field = f"'{key}'" if key else "this value"
    if key_index is not None and key_index == len(loc) - 2 and key not in _TABLE_ARRAYS:
        field = f"'{key}' item {int(loc[-1]) + 1}"  # an item of a plain array, e.g. key_points
    shown = _show(value)
    code = "invalid"
    hint = ""

    if kind == "missing":
        message = f"missing required key '{key}'"
        hint = (
            f"add `schema = {SUPPORTED_SCHEMAS[-1]}` at the top"
            if key == "schema"
            else f"add `{key} = ...` to this table (see docs/authoring.md for what it holds)"
        )
        code = "missing-key"
    elif kind == "extra_forbidden":
        model = _model_at(file_name, doc.data, loc)
        allowed = _keys_of(model) if model else []
        close = difflib.get_close_matches(key, allowed, n=1)
        message = f"unknown key {_show(key)}" if not key.isidentifier() else f"unknown key '{key}'"
        message += f": did you mean '{close[0]}'?" if close else ""
        if allowed:
            message += f" (allowed here: {', '.join(allowed)})"
        hint = f"rename it to '{close[0]}'" if close else "remove it, or correct its spelling"
        code = "unknown-key"
    elif kind in ("union_tag_invalid", "union_tag_not_found"):
        raw_type = _item(doc.data, loc + ("type",))
        known = ", ".join(QUESTION_TYPES)
        code = "unknown-type"
        if kind == "union_tag_not_found":
            message = "missing required key 'type'"
            hint = f"add type = \"...\" with one of: {known}"
            code = "missing-key"
        elif not isinstance(raw_type, str):
            message = f"'type' must be text in quotes, not {_show(raw_type)}"
            hint = f"write type = \"...\" with one of: {known}"
            loc = loc + ("type",)
        else:
            close = difflib.get_close_matches(raw_type.lower(), QUESTION_TYPES, n=1)
            message = f"unknown question type {_show(raw_type)}"
            hint = (f"did you mean '{close[0]}'? " if close else "") + f"use one of: {known}"
            loc = loc + ("type",)
    elif kind in ("tuple_type", "list_type") and key in _TABLE_ARRAYS and isinstance(value, dict):
        header = _TABLE_HEADERS.get(key, key)
        message = f"write each of the {key} as a [[{header}]] table (double brackets), not [{header}]"
        hint = f"change [{header}] to [[{header}]]"
        code = "wrong-type"
    elif kind in ("model_type", "dict_type", "model_attributes_type"):
        message = f"{field} must be a table, not {_article(value)}"
        hint = f"write it as a [{key}] table header followed by key = value lines" if key else "write a table"
        code = "wrong-type"
    elif kind in ("tuple_type", "list_type"):
        message = f"{field} must be an array, not {_article(value)}"
        hint = f"write {key} = [\"...\", \"...\"]" if key else "write an array [\"...\"]"
        code = "wrong-type"
    elif kind == "string_type":
        message = f"{field} must be text in quotes, not {_article(value)}"
        hint = "put the text in straight double quotes, e.g. \"...\""
        code = "wrong-type"
    elif kind == "bool_type":
        message = f"{field} must be true or false, not {_article(value)}"
        hint = "write true or false, in lower case and without quotes"
        code = "wrong-type"
    elif kind in ("int_type", "int_from_float", "int_parsing"):
        message = f"{field} must be a whole number, not {shown if isinstance(value, (int, float)) else _article(value)}"
        hint = "write a whole number without quotes, e.g. 1"
        code = "wrong-type"
    elif kind in ("float_type", "finite_number"):
        message = f"{field} must be a number, not {_article(value)}"
        hint = "write a number without quotes, e.g. 0.7 or 10000"
        code = "wrong-type"
    elif kind in ("string_too_short", "blank"):
        message = f"{field} must not be empty or only spaces"
        hint = "write the text, or remove the key if it is optional"
        code = "blank"
    elif kind == "too_short":
        message = f"{field} needs at least {ctx.get('min_length')} item(s), found {ctx.get('actual_length', 0)}"
        hint = "add the missing items"
        code = "too-few"
    elif kind == "too_long":
        message = f"{field} takes at most {ctx.get('max_length')} item(s), found {ctx.get('actual_length')}"
        hint = "remove or merge items"
        code = "too-many"
    elif kind == "string_too_long":
        limit = ctx.get("max_length")
        length = len(value) if isinstance(value, str) else "more"
        message = f"{field} is {length} characters long ({_show(value, limit=40)}); an id may have at most {limit}"
        hint = f"shorten it to {limit} characters or fewer, e.g. a few words such as \"the-offer\""
        code = "id-too-long"
    elif kind == "string_pattern_mismatch":
        if key == "language":
            message = f"'language' must be a BCP 47 tag such as \"en\" or \"ko-KR\", not {shown}"
            hint = "write the language's two- or three-letter code, e.g. language = \"en\""
            code = "bad-language"
        else:
            message = (
                f"{field} must be a lower-case id such as \"the-offer\" (letters a-z and digits,"
                f" joined by single hyphens or underscores), not {shown}"
            )
            hint = "use lower-case letters and digits with single hyphens or underscores between them, no spaces"
            code = "bad-id"
    elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        code = "out-of-range"
        if key == "pass_mark":
            message = f"'pass_mark' must be between 0 and 1 (a fraction of the points: 0.7 means 70%), not {shown}"
            hint = "write a fraction, e.g. pass_mark = 0.7 for 70%"
        elif key == "typos":
            message = (
                f"'typos' must be a whole number from 0 to {MAX_TYPOS} (how many letters a typed"
                f" answer may be off), not {shown}"
            )
            hint = "write typos = 1 to accept one wrong, missing or extra letter, or typos = 0 to turn it off"
        else:
            bound = ctx.get("ge", ctx.get("gt", ctx.get("le", ctx.get("lt"))))
            word = "at least" if kind.startswith("greater") else "at most"
            message = f"{field} must be {word} {bound}, not {shown}"
            hint = f"write a number {word} {bound}"
    elif kind == "literal_error":
        expected = str(ctx.get("expected", "one of the allowed values")).replace("'", '"')
        message = f"{field} must be {expected}, not {shown}"
        hint = f"write {key} = {expected}" if " or " not in expected else f"use one of: {expected}"
        code = "wrong-type"
    elif kind.startswith("date"):
        message = f"{field} must be a TOML date without quotes, such as 2025-02-01, not {_article(value)}"
        hint = "write the date as YYYY-MM-DD without quotes"
        code = "bad-date"
    elif kind in _OWN_ERRORS:
        text = str(error.get("msg", kind))
        message, _, hint = text.partition("; ")
        code = _OWN_ERRORS[kind]
    else:  # pragma: no cover - every error pydantic raises for these models is named above
        text = str(error.get("msg", kind)).removeprefix("Value error, ")
        message = f"{field}: {text[:1].lower()}{text[1:]}"
        hint = "see docs/authoring.md for what this key takes"
    where = _where(file_name, doc.data, loc)
    return doc.error(loc, f"{where}: {message}" if where else message, code, hint)


def _article(value: object) -> str:
    """Name a wrong value for a message: its TOML type, and the value when it is short."""
    kind = _toml_type(value)
    if isinstance(value, (list, dict)):
        return kind
    return f"{kind} {_show(value, limit=30)}"


_OWN_ERRORS = {  # the model's own rules, by pydantic error type -> stable code
    "single_correct": "single-correct",
    "multiple_correct": "multiple-correct",
    "too_few_choices": "too-few-choices",
    "partial_date": "bad-date",
    "url": "bad-url",
    "numeric_target": "numeric-target",
    "duplicate_text": "duplicate-text",
}


# ----------------------------------------------------------------------- cross-checks


def _check_references(loaded: Mapping[str, _Document]) -> list[ContentError]:
    """Check ids are unique and every reference names something that exists."""
    errors: list[ContentError] = []
    pack, explainer, quiz = (loaded[name] for name in FILE_NAMES)
    source_ids = _unique(pack, "sources", "id", "source id", errors)
    section_ids = _unique(explainer, "sections", "id", "section id", errors)
    terms = _unique(explainer, "glossary", "term", "glossary term", errors)
    _unique(quiz, "questions", "id", "question id", errors)

    for index, section in _tables(explainer, "sections"):
        _check_names(explainer, ("sections", index), section, "sources", source_ids, pack, errors)
        figures = section.get("figures")
        for f_index, figure in enumerate(figures if isinstance(figures, list) else []):
            if isinstance(figure, dict):
                _check_names(explainer, ("sections", index, "figures", f_index), figure, "sources", source_ids, pack, errors)
    for index, entry in _tables(explainer, "glossary"):
        _check_names(explainer, ("glossary", index), entry, "see_also", terms, None, errors)
    for index, event in _tables(explainer, "timeline"):
        _check_names(explainer, ("timeline", index), event, "section", section_ids, explainer, errors)
        _check_names(explainer, ("timeline", index), event, "sources", source_ids, pack, errors)
    for index, question in _tables(quiz, "questions"):
        _check_names(quiz, ("questions", index), question, "section", section_ids, explainer, errors)
    return errors


def _check_untyped_questions(doc: _Document) -> list[ContentError]:
    """Report unknown keys of questions whose ``type`` is unknown or missing.

    pydantic cannot check such a question's keys (it does not know which model to
    use), so a typo there would only show up after the type is fixed. Every key is
    checked against the keys of all question types instead.
    """
    allowed = sorted({key for model in _QUESTION_MODELS.values() for key in _keys_of(model)})
    errors: list[ContentError] = []
    for index, question in _tables(doc, "questions"):
        if question.get("type") in QUESTION_TYPES:
            continue
        for key in question:
            if key in allowed:
                continue
            close = difflib.get_close_matches(key, allowed, n=1)
            errors.append(
                doc.error(
                    ("questions", index, key),
                    f"{_where(QUIZ_FILE, doc.data, ('questions', index))}: unknown key '{key}'",
                    "unknown-key",
                    f"did you mean '{close[0]}'?" if close else f"remove it; question keys are: {', '.join(allowed)}",
                )
            )
    return errors


def _tables(doc: _Document, key: str) -> list[tuple[int, Mapping[str, Any]]]:
    """The tables of array ``key`` in a parsed file, with their indexes; [] if unusable."""
    items = doc.data.get(key) if isinstance(doc.data, Mapping) else None
    if not isinstance(items, list):
        return []
    return [(i, item) for i, item in enumerate(items) if isinstance(item, Mapping)]


def _unique(doc: _Document, array: str, key: str, label: str, errors: list[ContentError]) -> set[str] | None:
    """Report repeated ``key`` values in array ``array``; return the set of values.

    Returns None when the file could not be read, so references into it are not judged.
    """
    if doc.data is None or not isinstance(doc.data.get(array), list):
        return None
    seen: dict[str, int] = {}
    for index, item in _tables(doc, array):
        value = item.get(key)
        if not isinstance(value, str):
            continue
        if value in seen:
            first = doc.locator.find((array, seen[value], key))
            where = f" (first used on line {first.line})" if first else ""
            errors.append(
                doc.error(
                    (array, index, key), f"duplicate {label} {_quote(value)}{where}", "duplicate-id",
                    f"each {label} must be unique: rename one of them",
                )
            )
        else:
            seen[value] = index
    return set(seen)


def _check_names(
    doc: _Document,
    loc: tuple[str | int, ...],
    item: Mapping[str, Any],
    key: str,
    known: set[str] | None,
    target: _Document | None,
    errors: list[ContentError],
) -> None:
    """Report each name in ``item[key]`` (a string or an array) that is not in ``known``."""
    if known is None or key not in item:
        return
    value = item[key]
    names = [value] if isinstance(value, str) else [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
    what = {"sources": "source", "section": "section", "see_also": "glossary term"}[key]
    where_defined = f" in {target.path.name}" if target is not None else ""
    # never suggest an id that is itself invalid (it has its own error already)
    usable = sorted(k for k in known if key == "see_also" or re.fullmatch(_SLUG, k))
    for name in names:
        if name in known or has_forbidden(name):  # a forbidden character is reported already
            continue
        close = difflib.get_close_matches(name, usable, n=1, cutoff=0.75)
        if close:
            fix = f"did you mean {_quote(close[0])}?"
        elif usable:
            fix = f"use one of: {', '.join(usable)}; or add a {what} {_quote(name)}{where_defined}"
        else:
            fix = f"add a {what} {_quote(name)}{where_defined}, or remove this name"
        context = _where(doc.path.name, doc.data, loc)
        errors.append(
            doc.error(
                loc + (key,),
                f"{context}: '{key}' names {_quote(name)}, which is not a {what}{where_defined}",
                "unknown-reference",
                fix,
            )
        )

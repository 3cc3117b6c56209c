"""Load a pack folder: read the three TOML files, validate them, check cross-references.

:func:`load_pack` is the one entry point. It collects every problem in the pack before it
gives up, and reports each as a :class:`~explainer.pack.errors.ContentError` naming the
file, the line and column the author must edit, and the fix, in plain words.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from explainer.pack.errors import ContentError, PackError
from explainer.pack.locate import KeyLocator
from explainer.pack.model import (
    QUESTION_TYPES,
    SUPPORTED_SCHEMAS,
    Choice,
    ExplainerFile,
    GlossaryEntry,
    MultipleChoiceQuestion,
    Pack,
    PackFile,
    QuizFile,
    QuizSettings,
    Section,
    SingleChoiceQuestion,
    Source,
    TimelineEvent,
    TrueFalseQuestion,
    _QuestionBase,
)

PACK_FILE = "pack.toml"
EXPLAINER_FILE = "explainer.toml"
QUIZ_FILE = "quiz.toml"
FILE_NAMES: tuple[str, ...] = (PACK_FILE, EXPLAINER_FILE, QUIZ_FILE)
BUNDLED_PACK_ID = "nk-pows"

_FILE_MODELS: dict[str, type[BaseModel]] = {
    PACK_FILE: PackFile,
    EXPLAINER_FILE: ExplainerFile,
    QUIZ_FILE: QuizFile,
}
_QUESTION_MODELS: dict[str, type[BaseModel]] = {
    "single": SingleChoiceQuestion,
    "multiple": MultipleChoiceQuestion,
    "true_false": TrueFalseQuestion,
}
_TOML_ERROR_AT = re.compile(r"\(at line (\d+), column (\d+)\)\s*$")


class PackNotFound(Exception):
    """Raised when the pack folder does not exist or is not a folder (a usage error)."""


def bundled_pack_path() -> Path:
    """Return the folder of the pack that ships with explainer (``nk-pows``).

    In an installed wheel the pack lives in ``explainer/_content``; in a source checkout
    it is the top-level ``content`` folder.
    """
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "_content", package.parent / "content"):
        if (candidate / BUNDLED_PACK_ID / PACK_FILE).is_file():
            return candidate / BUNDLED_PACK_ID
    return package.parent / "content" / BUNDLED_PACK_ID


def load_pack(path: str | Path) -> Pack:
    """Read, validate and cross-check the pack in folder ``path``.

    Args:
        path: the pack folder, holding pack.toml, explainer.toml and quiz.toml.

    Returns:
        The validated :class:`~explainer.pack.model.Pack`.

    Raises:
        PackNotFound: ``path`` is not an existing folder.
        PackError: the pack has problems; ``errors`` lists every one of them.
    """
    folder = Path(path)
    if not folder.is_dir():
        raise PackNotFound(f"{folder}: no such folder (a pack is a folder with {', '.join(FILE_NAMES)})")
    loaded = {name: _read(folder / name) for name in FILE_NAMES}
    errors: list[ContentError] = [e for doc in loaded.values() for e in doc.errors]

    pack_doc = loaded[PACK_FILE]
    if pack_doc.data is not None:
        schema_errors = _check_schema(pack_doc)
        if schema_errors:
            # A format we do not know: judging it by the rules of schema 1 would mislead.
            raise PackError(errors + schema_errors)

    models: dict[str, BaseModel] = {}
    for name, doc in loaded.items():
        if doc.data is None:
            continue
        try:
            models[name] = _FILE_MODELS[name].model_validate(doc.data)
        except ValidationError as exc:
            errors.extend(_convert(doc, item) for item in _meaningful(exc.errors(include_url=False)))
    errors.extend(_check_references(loaded))
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
    """One TOML file as read: its parsed data (None if unreadable) and a key locator."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.data: dict[str, Any] | None = None
        self.locator = KeyLocator()
        self.errors: list[ContentError] = []

    def error(self, loc: tuple[str | int, ...], message: str, code: str) -> ContentError:
        """Build an error placed at key path ``loc`` (or its nearest written ancestor)."""
        position = self.locator.find(loc)
        line, column = (position.line, position.column) if position else (1, 1)
        return ContentError(self.path, line, column, message, code)


def _read(path: Path) -> _Document:
    """Read and parse one TOML file, recording (not raising) any problem."""
    doc = _Document(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        doc.errors.append(
            ContentError(path, 1, 1, f"file is missing: a pack folder needs {', '.join(FILE_NAMES)}", "missing-file")
        )
        return doc
    except OSError as exc:
        doc.errors.append(ContentError(path, 1, 1, f"cannot read the file: {exc.strerror}", "unreadable"))
        return doc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        doc.errors.append(
            ContentError(path, line, column, "the file is not UTF-8 text; save it as UTF-8", "encoding")
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
            line, column = max(1, text.count("\n")), 1
            message = re.sub(r"\s*\(at end of document\)\s*$", "", message)
        doc.errors.append(ContentError(path, line, column, f"TOML syntax error: {message}", "syntax"))
        return doc
    doc.locator = KeyLocator.from_text(text)
    return doc


def _check_schema(doc: _Document) -> list[ContentError]:
    """Refuse a pack whose ``schema`` is missing or a version this loader does not know."""
    assert doc.data is not None
    known = ", ".join(str(v) for v in SUPPORTED_SCHEMAS)
    if "schema" not in doc.data:
        return [doc.error((), f"missing required key 'schema': add `schema = {SUPPORTED_SCHEMAS[-1]}` at the top", "missing")]
    value = doc.data["schema"]
    if type(value) is not int or value not in SUPPORTED_SCHEMAS:
        return [
            doc.error(
                ("schema",),
                f"unknown schema {value!r}: this version of explainer reads schema {known};"
                " upgrade explainer, or write the pack in schema " + known,
                "unknown-schema",
            )
        ]
    return []


# ------------------------------------------------------------- pydantic errors -> words


def _meaningful(errors: list[Any]) -> list[Any]:
    """Drop the 'too short' error pydantic adds to an array whose items already failed."""
    locs = [tuple(e["loc"]) for e in errors]
    return [
        e for e in errors
        if not (e["type"] == "too_short" and any(len(o) > len(e["loc"]) and o[: len(e["loc"])] == tuple(e["loc"]) for o in locs))
    ]

_TOML_TYPES = {
    str: "text",
    int: "an integer",
    float: "a number",
    bool: "true/false",
    dict: "a table",
    list: "an array",
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
            parts.append(f"{name} {value!r}" if isinstance(value, str) else f"{name} {index + 1}")
        if len(loc) >= 4 and loc[2] in ("choices",) and isinstance(loc[3], int):
            parts.append(f"choice {loc[3] + 1}")
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
    if file_name == QUIZ_FILE and table == ("quiz",):
        return QuizSettings
    models = {"sections": Section, "glossary": GlossaryEntry, "timeline": TimelineEvent, "sources": Source}
    if len(table) == 2 and isinstance(table[0], str):
        return models.get(table[0])
    return None


def _keys_of(model: type[BaseModel]) -> list[str]:
    """The keys an author may write in a table of ``model``."""
    return [field.alias or name for name, field in model.model_fields.items()]


def _convert(doc: _Document, error: Mapping[str, Any]) -> ContentError:
    """Turn one pydantic error into a ContentError in the author's words."""
    file_name = doc.path.name
    loc = _normalise_loc(file_name, tuple(error["loc"]))
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    key = next((part for part in reversed(loc) if isinstance(part, str)), "")
    field = f"'{key}'" if key else "this value"
    code = kind.replace("_", "-")

    if kind == "missing":
        message = f"missing required key '{key}'"
        code = "missing"
    elif kind == "extra_forbidden":
        model = _model_at(file_name, doc.data, loc)
        allowed = _keys_of(model) if model else []
        close = difflib.get_close_matches(key, allowed, n=1)
        message = f"unknown key '{key}'"
        message += f": did you mean '{close[0]}'?" if close else ""
        if allowed:
            message += f" (allowed here: {', '.join(allowed)})"
        code = "unknown-key"
    elif kind == "union_tag_invalid":
        message = f"unknown question type {ctx.get('tag', value)!r}; use one of: {', '.join(QUESTION_TYPES)}"
        code = "unknown-type"
        loc = loc + ("type",)
    elif kind == "union_tag_not_found":
        message = f"missing required key 'type'; use one of: {', '.join(QUESTION_TYPES)}"
        code = "missing"
    elif kind in ("model_type", "dict_type", "model_attributes_type"):
        message = f"{field} must be a table, not {_toml_type(value)}"
    elif kind in ("tuple_type", "list_type"):
        message = f"{field} must be an array, e.g. {key} = [\"...\"], not {_toml_type(value)}"
    elif kind == "string_type":
        message = f"{field} must be text in quotes, not {_toml_type(value)}"
    elif kind == "bool_type":
        message = f"{field} must be true or false, not {_toml_type(value)}"
    elif kind in ("int_type", "int_from_float"):
        message = f"{field} must be a whole number, not {_toml_type(value)}"
    elif kind in ("float_type", "finite_number"):
        message = f"{field} must be a number, not {_toml_type(value)}"
    elif kind == "string_too_short":
        message = f"{field} must not be empty"
    elif kind == "too_short":
        message = f"{field} needs at least {ctx.get('min_length')} item(s), found {ctx.get('actual_length', 0)}"
    elif kind == "too_long":
        message = f"{field} takes at most {ctx.get('max_length')} item(s), found {ctx.get('actual_length')}"
    elif kind == "string_pattern_mismatch":
        if key == "language":
            message = f"'language' must be a BCP 47 tag such as \"en\" or \"ko-KR\", not {value!r}"
        else:
            message = (
                f"{field} must be a lower-case id such as \"the-offer\" (letters a-z, digits and"
                f" single hyphens), not {value!r}"
            )
    elif kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        if key == "pass_mark":
            message = f"'pass_mark' must be between 0 and 1 (a fraction of the points: 0.7 means 70%), not {value!r}"
        else:
            bound = ctx.get("ge", ctx.get("gt", ctx.get("le", ctx.get("lt"))))
            word = "at least" if kind.startswith("greater") else "at most"
            message = f"{field} must be {word} {bound}, not {value!r}"
    elif kind.startswith("date"):
        message = f"{field} must be a TOML date such as 2025-02-01, not {value!r}"
    else:
        text = str(error.get("msg", kind))
        text = text.removeprefix("Value error, ")
        message = text if kind in _OWN_ERRORS else f"{field}: {text[:1].lower()}{text[1:]}"
    where = _where(file_name, doc.data, loc)
    return doc.error(loc, f"{where}: {message}" if where else message, code)


_OWN_ERRORS = {"single_correct", "multiple_correct", "too_few_choices", "partial_date", "url"}


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
    for index, entry in _tables(explainer, "glossary"):
        _check_names(explainer, ("glossary", index), entry, "see_also", terms, None, errors)
    for index, event in _tables(explainer, "timeline"):
        _check_names(explainer, ("timeline", index), event, "section", section_ids, explainer, errors)
        _check_names(explainer, ("timeline", index), event, "sources", source_ids, pack, errors)
    for index, question in _tables(quiz, "questions"):
        _check_names(quiz, ("questions", index), question, "section", section_ids, explainer, errors)
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
    if doc.data is None:
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
                doc.error((array, index, key), f"duplicate {label} {value!r}{where}; each must be unique", "duplicate-id")
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
    for name in names:
        if name in known:
            continue
        close = difflib.get_close_matches(name, sorted(known), n=1)
        fix = f"did you mean {close[0]!r}?" if close else f"known: {', '.join(sorted(known)) or 'none'}"
        context = _where(doc.path.name, doc.data, loc)
        errors.append(
            doc.error(
                loc + (key,),
                f"{context}: '{key}' names {name!r}, which is not a {what}{where_defined}; {fix}",
                "unknown-reference",
            )
        )

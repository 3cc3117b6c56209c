"""A pack's translations: where they are, which to open, and whether they drift.

A translation is a complete pack (the same three files) in the original's
``translations/<language>/`` folder, whose pack.toml says ``translation_of = "<the
original's id>"``, keeps the original's ``id`` and gives its own ``language``::

    content/nk-pows/                    the original (language = "en")
    content/nk-pows/translations/ko/    the Korean lesson (language = "ko")
    content/nk-pows/translations/uk/    the Ukrainian lesson (language = "uk")

Only the words change. :func:`drift` compares a translation with its original and
reports, at the translation's FILE:LINE, anything else that differs: a section,
glossary entry, timeline event, figure value, source or question added, dropped or
moved; a question's type, points, section or right answer (which choices are right,
the true/false answer, a number, how many items or pairs); an id. Every list of tables
must have the same length, and every list of texts too, except a short answer's
``accept`` (each language lists the answers its readers type) and a glossary entry's
``see_also`` (it names terms in the translation's words). Since the ids are the same,
progress is kept under the same pack id and carries over between languages.

Pure Python: no Textual.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from explainer.pack.errors import ContentError
from explainer.pack.locate import KeyLocator

TRANSLATIONS_DIR = "translations"
"""The folder, inside a pack, that holds one folder per translation language."""

FREE_LISTS = frozenset({"accept"})
"""Lists of texts whose length may differ in a translation (each language lists the
answers its readers type)."""

WORD_KEYS = frozenset({
    "title", "summary", "publisher", "body", "key_points", "term", "definition", "see_also",
    "text", "label", "unit", "note", "prompt", "hint", "explanation", "feedback", "accept",
    "items", "left", "right", "distractors", "authors", "event",
})
"""Keys whose values are words, which a translation changes; every other value (ids,
types, numbers, dates, addresses, flags) must stay as the original has it."""

LANGUAGE_KEYS = frozenset({"language", "translation_of"})
"""Keys checked on their own (:func:`drift`), not by the value comparison."""

_FILES = (("pack.toml", "meta"), ("explainer.toml", "explainer"), ("quiz.toml", "quiz_file"))


def translation_folders(pack_folder: Path) -> dict[str, Path]:
    """The translations in ``pack_folder``: ``{folder name (a language): folder}``,
    sorted by name; only folders that hold a pack.toml count."""
    root = Path(pack_folder) / TRANSLATIONS_DIR
    if not root.is_dir():
        return {}
    found: dict[str, Path] = {}
    for child in sorted(root.iterdir()):
        if child.is_dir() and (child / "pack.toml").is_file():
            found[child.name] = child
    return found


def original_folder(translation_folder: Path) -> Path | None:
    """The original of the translation in ``translation_folder`` (its folder's
    grandparent, ``.../<pack>/translations/<language>``), or None if it is not there."""
    folder = Path(translation_folder)
    if folder.parent.name != TRANSLATIONS_DIR:
        return None
    original = folder.parent.parent
    return original if (original / "pack.toml").is_file() else None


def folder_for_language(pack_folder: Path, language: str) -> Path:
    """The folder to open for ``language``: the translation's, if the pack has one
    (``ko`` matches ``translations/ko`` and ``translations/ko-KR``), else the pack's own.

    Args:
        pack_folder: the original pack's folder.
        language: a language part, such as ``"ko"``.
    """
    for name, folder in translation_folders(pack_folder).items():
        if name.lower() == language.lower() or name.lower().split("-")[0] == language.lower():
            return folder
    return Path(pack_folder)


def languages(pack_folder: Path, own_language: str) -> list[str]:
    """The languages the pack can be read in: its own, then each translation's folder
    name (``["en", "ko", "uk"]``)."""
    found = [own_language]
    for name in translation_folders(pack_folder):
        if name not in found:
            found.append(name)
    return found


def drift(original: Any, translation: Any, folder_name: str | None = None) -> list[ContentError]:
    """Everything in which ``translation`` differs from ``original`` beyond its words.

    Args:
        original: the original :class:`~explainer.pack.model.Pack`.
        translation: the translated :class:`~explainer.pack.model.Pack`.
        folder_name: the translation's folder name (its language), checked against its
            ``language``; None to skip that check.

    Returns:
        One ``translation-drift`` error per difference, at the translation's file and
        line (the nearest key or table that holds it), in file order; ``[]`` when the
        translation matches.
    """
    errors: list[ContentError] = []
    folder = Path(translation.path)
    locators: dict[str, KeyLocator] = {}

    def locate(file_name: str, path: tuple[str | int, ...]) -> tuple[int, int]:
        if file_name not in locators:
            try:
                text = (folder / file_name).read_text(encoding="utf-8-sig")
            except OSError:
                text = ""
            locators[file_name] = KeyLocator.from_text(text)
        position = locators[file_name].find(path)
        return (position.line, position.column) if position else (1, 1)

    def report(file_name: str, path: tuple[str | int, ...], message: str, hint: str) -> None:
        line, column = locate(file_name, path)
        errors.append(ContentError(folder / file_name, line, column, message, "translation-drift", hint))

    meta = translation.meta
    if meta.translation_of is None:
        report("pack.toml", ("id",), "a translation must say which pack it translates",
               f'add translation_of = "{original.meta.id}" under id')
    elif meta.translation_of != original.meta.id:
        report("pack.toml", ("translation_of",),
               f"translation_of is '{meta.translation_of}', but the pack it is in is '{original.meta.id}'",
               f'write translation_of = "{original.meta.id}"')
    from explainer.pack.model import LANGUAGE_PATTERN

    if folder_name is not None and not re.fullmatch(LANGUAGE_PATTERN, folder_name):
        report("pack.toml", ("language",),
               f"the translation's folder '{folder_name}' is not named after a language",
               f"rename the folder to its language tag, e.g. translations/{meta.language}/")
    elif folder_name is not None and meta.language.lower() != folder_name.lower():
        report("pack.toml", ("language",),
               f"language is '{meta.language}', but the translation's folder is '{folder_name}'",
               f'write language = "{folder_name}", or rename the folder')
    if meta.language.split("-")[0].lower() == original.meta.language.split("-")[0].lower():
        report("pack.toml", ("language",),
               f"a translation in '{meta.language}', the original's own language",
               "give the translation's language")
    for file_name, attribute in _FILES:
        # what each author wrote (defaults left out, so a changed type names only what differs)
        left = getattr(original, attribute).model_dump(by_alias=True, exclude_none=True, exclude_defaults=True)
        right = getattr(translation, attribute).model_dump(by_alias=True, exclude_none=True, exclude_defaults=True)
        for path, message in _differences(left, right, ()):
            where = _context(left, path)
            report(file_name, path, f"{where}: {message}" if where else message,
                   "make it as the original has it: a translation changes only words")
    for path, message in _see_also_differences(original, translation):
        report("explainer.toml", path, message, "name the same entries as the original does, in the same order")
    return sorted(errors)


def _see_also_differences(original: Any, translation: Any) -> Iterable[tuple[tuple[str | int, ...], str]]:
    """Where a glossary entry's ``see_also`` (terms, in each language's words) points at
    other entries than the original's does: compared by the entries' places."""
    if len(original.glossary) != len(translation.glossary):
        return  # reported already, as the glossary's length
    places = [{entry.term: index for index, entry in enumerate(pack.glossary)} for pack in (original, translation)]
    for index, (left, right) in enumerate(zip(original.glossary, translation.glossary)):
        wanted = [places[0].get(term) for term in left.see_also]
        found = [places[1].get(term) for term in right.see_also]
        if wanted != found:
            names = ", ".join(f"'{translation.glossary[i].term}'" for i in wanted if i is not None) or "nothing"
            yield ("glossary", index, "see_also"), f"see_also should name {names}, as the original's does"


def _differences(left: Any, right: Any, path: tuple[str | int, ...]) -> Iterable[tuple[tuple[str | int, ...], str]]:
    """Where ``right`` (the translation's data) differs from ``left`` (the original's)
    beyond words: ``(key path, message)`` pairs."""
    key = next((part for part in reversed(path) if isinstance(part, str)), "")
    if isinstance(left, dict) and isinstance(right, dict):
        for name in left.keys() | right.keys():
            if name in LANGUAGE_KEYS and not path:
                continue
            if (name not in right or name not in left) and name in WORD_KEYS:
                continue  # words left at their default in one language, written in the other
            if name not in right and isinstance(left[name], dict):
                yield from _differences(left[name], {}, path + (name,))
            elif name not in left and isinstance(right[name], dict):
                yield from _differences({}, right[name], path + (name,))
            elif name not in right:
                yield path, f"'{name}' is missing (the original has {_show(name, left[name])})"
            elif name not in left:
                yield path + (name,), f"'{name}' is not in the original"
            else:
                yield from _differences(left[name], right[name], path + (name,))
        return
    if isinstance(left, (list, tuple)) and isinstance(right, (list, tuple)):
        texts = all(isinstance(item, str) for item in [*left, *right])
        if texts and key in WORD_KEYS:
            if key not in FREE_LISTS and len(left) != len(right):
                yield path, f"'{key}' has {len(right)} entries; the original has {len(left)}"
            return
        if len(left) != len(right):  # one line, not one per entry that moved up or down
            ids = [[item.get("id") for item in side if isinstance(item, dict)] for side in (left, right)]
            missing = [i for i in ids[0] if i is not None and i not in ids[1]]
            extra = [i for i in ids[1] if i is not None and i not in ids[0]]
            named = "".join(
                [f"; missing: {', '.join(repr(i) for i in missing)}" if missing else "",
                 f"; not in the original: {', '.join(repr(i) for i in extra)}" if extra else ""]
            )
            yield path, f"'{key or 'the list'}' has {_entries(len(right))}; the original has {len(left)}{named}"
            return
        for index, (a, b) in enumerate(zip(left, right)):
            if isinstance(a, dict) and isinstance(b, dict) and a.get("id") != b.get("id"):
                yield path + (index,), f"entry {index + 1} of '{key}' is '{b.get('id')}'; the original has '{a.get('id')}' there"
                continue
            yield from _differences(a, b, path + (index,))
        return
    if isinstance(left, str) and isinstance(right, str) and key in WORD_KEYS:
        return
    if left != right:
        yield path, f"'{key}' is {_value(right)}; the original has {_value(left)}"


def _entries(count: int) -> str:
    """``"1 entry"``, ``"6 entries"``."""
    return f"{count} entry" if count == 1 else f"{count} entries"


_SINGULAR = {
    "questions": "question", "choices": "choice", "sections": "section", "sources": "source",
    "figures": "figure", "values": "value", "pairs": "pair", "items": "item",
    "glossary": "glossary entry", "timeline": "timeline event", "distractors": "distractor",
}


def _context(data: Any, path: tuple[str | int, ...]) -> str:
    """Which entry a difference is in, in words, from the original's data:
    ``("questions", 3, "choices", 1, "correct")`` gives ``"question 'why-kyiv', choice 2"``."""
    parts: list[str] = []
    current = data
    key = ""
    for part in path:
        if isinstance(part, str):
            key = part
            current = current.get(part) if isinstance(current, dict) else None
        else:
            item = current[part] if isinstance(current, (list, tuple)) and part < len(current) else None
            name = _SINGULAR.get(key, key)
            ident = item.get("id") if isinstance(item, dict) else None
            parts.append(f"{name} '{ident}'" if ident else f"{name} {part + 1}")
            current = item
    return ", ".join(parts)


def _value(value: Any) -> str:
    """A value for a message: strings quoted, the rest as TOML would write them."""
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _show(name: str, value: Any) -> str:
    """The original's value of a key a translation lacks, for a message."""
    return f"{name} = {_value(value)}" if not isinstance(value, (dict, list, tuple)) else f"'{name}'"

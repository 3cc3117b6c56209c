"""Open a pack in the reader's language, and open it again when the reader picks another.

:func:`open_lesson` decides the language (:func:`explainer.i18n.choose`: ``--lang``,
then the environment, then the pack's own), puts the interface in it and loads the
lesson in it: the pack's translation in that language when it has one
(``translations/<language>/``, :mod:`explainer.pack.translations`), else the pack
itself. :func:`run_lessons` runs an app on it and, when the reader picks another
language on the welcome screen (the app exits with :class:`SwitchLanguage`), opens the
lesson again in that language.

Progress carries over: a translation keeps its original's pack id and question ids,
and its questions are fingerprinted as the original's (:func:`alias_hashes`), so an
answer saved in one language counts in another. Pure Python at import (no Textual).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from explainer import i18n
from explainer.pack import Pack, PackError, PackNotFound
from explainer.pack.translations import folder_for_language, languages, original_folder, translation_folders


@dataclass(frozen=True)
class SwitchLanguage:
    """What the app exits with when the reader picks another language.

    Attributes:
        language: the language picked (``"ko"``).
        student: in a class, the student signed in (:class:`explainer.classroom.Student`),
            so the lesson opens again without a second sign-in; else None.
    """

    language: str
    student: Any = None


@dataclass
class Lesson:
    """A pack opened in a language.

    Attributes:
        pack: the lesson to show (the translation, or the original).
        folder: the original pack's folder.
        language: the interface language in force (one of :data:`explainer.i18n.LANGUAGES`).
        lesson_language: the lesson's own language (``pack.meta.language``).
        languages: the languages the pack can be read in, its own first.
        notes: lines for stderr, such as a translation that could not be loaded.
    """

    pack: Pack
    folder: Path
    language: str
    lesson_language: str
    languages: list[str]
    notes: list[str] = field(default_factory=list)


def open_lesson(folder: Path, option: str | None, environ: Mapping[str, str] | None = None) -> Lesson:
    """Load the pack in ``folder`` in the reader's language and put the interface in it.

    Args:
        folder: a pack folder (a translation's folder is read as its original's, in the
            translation's language unless ``option`` says otherwise).
        option: the ``--lang`` value, or None.
        environ: the environment (default: ``os.environ``).

    Returns:
        The :class:`Lesson`. A translation that cannot be loaded gives the original, with
        a note saying so.

    Raises:
        PackNotFound, PackError: the pack itself is missing or invalid.
    """
    from explainer.pack.cache import load_pack_cached

    folder = Path(folder)
    original = load_pack_cached(folder)
    if original.meta.translation_of is not None:
        above = original_folder(folder)
        if above is not None:
            option = option or original.meta.language
            folder, original = above, load_pack_cached(above)
    language = i18n.choose(option, original.meta.language, translation_folders(folder), environ)
    notes: list[str] = []
    pack = original
    target = folder_for_language(folder, language)
    if target != folder:
        try:
            pack = load_pack_cached(target)
            alias_hashes(pack, original)
        except (PackError, PackNotFound) as exc:
            first = exc.errors[0] if isinstance(exc, PackError) else exc
            notes.append(f"explainer: the {language} translation cannot be opened ({first}); showing the original")
            pack = original
    i18n.use(language)
    return Lesson(pack, folder, i18n.language(), pack.meta.language, languages(folder, original.meta.language), notes)


def alias_hashes(translation: Pack, original: Pack) -> None:
    """Fingerprint each question of ``translation`` as the original's question with the
    same id (:func:`explainer.storage.question_hash`), so saved answers carry over
    between languages and still lapse when the author changes the original."""
    from explainer.storage.hashes import alias

    by_id = {question.id: question for question in original.questions}
    for question in translation.questions:
        source = by_id.get(question.id)
        if source is not None:
            alias(question, source)


def run_lessons(folder: Path, option: str | None, make_app: Callable[[Lesson, Any], Any]) -> int:
    """Run the app on the lesson, again in another language whenever the reader picks one.

    Args:
        folder: the pack folder.
        option: the ``--lang`` value, or None.
        make_app: builds the app (an ``ExplainerApp``) for a :class:`Lesson` and the
            student signed in before a language switch (None at first).

    Returns:
        The app's exit code.

    Raises:
        PackNotFound, PackError: as :func:`open_lesson`.
    """
    student = None
    while True:
        lesson = open_lesson(folder, option)
        for note in lesson.notes:
            print(note, file=sys.stderr)
        app = make_app(lesson, student)
        result = app.run()
        if isinstance(result, SwitchLanguage):
            option, student = result.language, result.student
            continue
        return int(app.return_code or 0)

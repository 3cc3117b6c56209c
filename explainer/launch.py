"""Open a pack in the reader's language, and open it again when the reader picks another.

:func:`open_lesson` decides the language (:func:`explainer.i18n.choose`: ``--lang``,
then the environment, then the pack's own), puts the interface in it and loads the
lesson in it: the pack's translation in that language when it has one
(``translations/<language>/``, :mod:`explainer.pack.translations`), else the pack
itself. :func:`run_lessons` runs an app on it and, when the reader picks another
language on the welcome screen (the app exits with :class:`SwitchLanguage`), opens the
lesson again in that language.

Progress carries over: a translation keeps its original's pack id and question ids,
and its questions are fingerprinted as the original's (:func:`explainer.storage.hashes.alias`), so an
answer saved in one language counts in another. Pure Python at import (no Textual).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from explainer import i18n

if TYPE_CHECKING:
    from explainer.pack import Pack


class UnknownLanguage(ValueError):
    """``--lang`` names a language neither explainer nor the pack has; the message is
    one line for the reader, naming the ones there are."""


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
        The :class:`Lesson`. A translation that cannot be loaded, or that differs from
        the original beyond words (:func:`~explainer.pack.translations.drift`), gives
        the original, with a note saying so. Each question also accepts the typed
        answers its translations accept (:func:`with_every_language`).

    Raises:
        PackNotFound, PackError: the pack itself is missing or invalid.
        UnknownLanguage: ``option`` is a language neither explainer nor the pack has.
    """
    from explainer.pack import PackError, PackNotFound
    from explainer.pack.cache import load_pack_cached
    from explainer.pack.translations import drift, folder_for_language, languages, original_folder, translation_folders

    folder = Path(folder)
    original = load_pack_cached(folder)
    if original.meta.translation_of is not None:
        above = original_folder(folder)
        if above is not None:
            option = option or original.meta.language
            folder, original = above, load_pack_cached(above)
    problem = i18n.unknown_option(option, original.meta.language, translation_folders(folder))
    if problem:
        raise UnknownLanguage(problem)
    language = i18n.choose(option, original.meta.language, translation_folders(folder), environ)
    notes: list[str] = []
    target = folder_for_language(folder, language)
    usable: dict[Path, Any] = {}
    for name, translation_folder in translation_folders(folder).items():
        try:
            translation = load_pack_cached(translation_folder)
            drifted = drift(original, translation, name)
        except (PackError, PackNotFound) as exc:
            if translation_folder == target:
                first = exc.errors[0] if isinstance(exc, PackError) else exc
                notes.append(f"explainer: the {language} translation cannot be opened ({first}); showing the original")
            continue
        if drifted:  # explainer validate says the same, at every place it differs
            if translation_folder == target:
                notes.append(
                    f"explainer: the {language} translation differs from the original ({drifted[0]});"
                    " showing the original (explainer validate lists every difference)"
                )
            continue
        usable[translation_folder] = translation
    shown = usable.get(target, original)
    others = [pack for pack in [original, *usable.values()] if pack is not shown]
    pack = with_every_language(shown, others, original)
    i18n.use(language)
    return Lesson(pack, folder, i18n.language(), pack.meta.language, languages(folder, original.meta.language), notes)


def with_every_language(pack: Pack, others: list[Pack], original: Pack) -> Pack:
    """``pack`` whose questions also accept what the same question accepts in
    ``others`` (its other languages: see
    :meth:`~explainer.kinds.QuestionKind.with_answers_of`), each question fingerprinted
    as ``original``'s question with its id (:func:`explainer.storage.hashes.alias`), so saved answers
    carry over between languages and keep their marks.

    Returns:
        A pack equal to ``pack`` but for the questions' accepted answers.
    """
    from explainer.kinds import kind_of
    from explainer.pack.model import Pack as PackModel
    from explainer.storage.hashes import alias

    by_id = [{question.id: question for question in other.questions} for other in others]
    originals = {question.id: question for question in original.questions}
    questions = []
    for question in pack.questions:
        same = [table[question.id] for table in by_id if question.id in table]
        merged = kind_of(question).with_answers_of(question, same)
        if question.id in originals:
            alias(merged, originals[question.id])
        questions.append(merged)
    if all(new is old for new, old in zip(questions, pack.questions)):
        return pack
    quiz_file = pack.quiz_file.model_copy(update={"questions": tuple(questions)})
    return PackModel(path=pack.path, meta=pack.meta, explainer=pack.explainer, quiz_file=quiz_file)


def with_its_languages(pack: Pack) -> Pack:
    """The original ``pack`` (in its own folder), accepting the typed answers of its
    translations that ``explainer validate`` accepts (:func:`with_every_language`):
    what :func:`open_lesson` does, for the app's quick start, which builds the pack
    after its first paint."""
    from explainer.pack import PackError, PackNotFound
    from explainer.pack.cache import load_pack_cached
    from explainer.pack.translations import drift, translation_folders

    others = []
    for name, translation_folder in translation_folders(pack.path).items():
        try:
            translation = load_pack_cached(translation_folder)
        except (PackError, PackNotFound):
            continue
        if not drift(pack, translation, name):
            others.append(translation)
    return with_every_language(pack, others, pack)


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

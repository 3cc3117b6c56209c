"""Lint: things a valid pack may still get wrong for its readers, reported as warnings.

The loader refuses what cannot work; the linter points at what works but serves the
reader poorly: a wrong choice that does not say why it is wrong, a question without an
explanation, two choices with the same text, an "all of the above" choice that moves
when the choices are shuffled, a section no question tests, a source nothing cites, a
typed answer whose near misses (``typos``) would take in a wrong choice or another
question's answer.

Each finding is a :class:`~explainer.pack.errors.ContentError` with ``severity =
"warning"``, a stable ``code`` (see :data:`WARNING_CODES`), and the file, line and column
of the key to edit. ``explainer validate`` prints them; ``--strict`` fails on them.

Pure Python: no Textual, no UI.
"""

from __future__ import annotations

import re
from pathlib import Path

from explainer.pack.errors import ContentError, sort_problems
from explainer.pack.locate import KeyLocator
from explainer.kinds import kind_of
from explainer.pack.model import Pack

#: Every warning code, with what it means (docs/authoring.md lists the same).
WARNING_CODES: dict[str, str] = {
    "choice-without-feedback": "a wrong choice has no `feedback` telling the reader why it is wrong",
    "question-without-explanation": "a question has no `explanation` shown after answering",
    "duplicate-choice-text": "two choices of one question have the same text",
    "unpinned-all-or-none": 'an "all/none of the above" choice is shuffled away from the end',
    "untested-section": "no question has `section` set to this section",
    "uncited-source": "no section, figure or timeline event cites this source",
    "typo-near-other-answer": "a wrong choice or another question's accepted answer is within"
    " a short answer's `typos` of its accepted answer, so it would count as right there",
    "answer-shown-earlier": "a question's right answer is written in what an earlier question"
    " shows (prompt, hint, choices, feedback, explanation, items, match sides)",
}

GIVEAWAY_MIN_LETTERS = 4
"""Answers shorter than this (after :func:`_flat`) are too common to be a giveaway:
"Yes", "No", "UN"."""

_ALL_OR_NONE = re.compile(
    r"""\A\W*(?:all|none|both|neither|any|each)\s+(?:of\s+)?(?:the\s+)?
        (?:above|these|previous|preceding|others|other)
        (?:\s+(?:answers?|options?|choices?|statements?))?
        (?:\s+(?:is|are))?(?:\s+(?:correct|true|right|wrong|false))?\W*\Z""",
    re.IGNORECASE | re.VERBOSE,
)


def is_all_or_none(text: str) -> bool:
    """True when a choice's whole text refers to the other choices ("None of the above",
    "All of these", "Both of the above", "Neither of the above is correct", ...), so its
    place among them matters. Text that merely starts so ("All of these men ...") is not."""
    return _ALL_OR_NONE.search(text) is not None


def lint_pack(pack: Pack) -> list[ContentError]:
    """Return the warnings for a loaded, valid ``pack``, sorted by file and line.

    Args:
        pack: a pack returned by :func:`explainer.pack.load_pack`; its files are read
            again only to find the line of each finding.
    """
    quiz = _Locations(pack.path / "quiz.toml")
    explainer = _Locations(pack.path / "explainer.toml")
    meta = _Locations(pack.path / "pack.toml")
    warnings: list[ContentError] = []
    shuffled = pack.quiz.shuffle_choices

    for q_index, question in enumerate(pack.questions):
        q_loc = ("questions", q_index)
        label = f"question '{question.id}'"
        if question.explanation is None:
            warnings.append(quiz.warn(
                q_loc, "question-without-explanation",
                f"{label} has no explanation, so the reader is not told why the answer is right",
                'add explanation = "..." (Markdown) saying why the right answer is right',
            ))
        seen: dict[str, int] = {}
        for c_index, choice in enumerate(kind_of(question).choices(question)):
            c_loc = q_loc + ("choices", c_index)
            where = f"{label}: choice {c_index + 1}"
            if not choice.correct and choice.feedback is None:
                warnings.append(quiz.warn(
                    c_loc, "choice-without-feedback",
                    f"{where} (\"{_short(choice.text)}\") is wrong but has no feedback",
                    'add feedback = "..." saying why this choice is wrong; it is shown when the reader picks it',
                ))
            key = " ".join(choice.text.split()).casefold()
            if key in seen:
                warnings.append(quiz.warn(
                    c_loc + ("text",), "duplicate-choice-text",
                    f"{where} has the same text as choice {seen[key] + 1}: \"{_short(choice.text)}\"",
                    "reword one of the two choices, or remove one",
                ))
            else:
                seen[key] = c_index
            if shuffled and not choice.pin and is_all_or_none(choice.text):
                warnings.append(quiz.warn(
                    c_loc + ("text",), "unpinned-all-or-none",
                    f"{where} (\"{_short(choice.text)}\") refers to the other choices, but choices"
                    " are shuffled, so it may not come last",
                    "add pin = true to this choice to keep it in its place (or set"
                    " shuffle_choices = false in [quiz])",
                ))

    warnings += _typo_clashes(pack, quiz)
    warnings += _giveaways(pack, quiz)

    tested = {question.section for question in pack.questions}
    for s_index, section in enumerate(pack.sections):
        if section.id not in tested:
            warnings.append(explainer.warn(
                ("sections", s_index, "id"), "untested-section",
                f"section '{section.id}' is not tested: no question has section = \"{section.id}\"",
                f"add a question with section = \"{section.id}\" to quiz.toml",
            ))

    cited = {s for section in pack.sections for s in section.sources}
    cited |= {s for section in pack.sections for figure in section.figures for s in figure.sources}
    cited |= {s for event in pack.timeline for s in event.sources}
    for src_index, source in enumerate(pack.meta.sources):
        if source.id not in cited:
            warnings.append(meta.warn(
                ("sources", src_index, "id"), "uncited-source",
                f"source '{source.id}' is not cited by any section or timeline event",
                f"add \"{source.id}\" to the `sources` of the sections that draw on it, or remove the source",
            ))
    return sort_problems(warnings)


def _typo_clashes(pack: Pack, quiz: _Locations) -> list[ContentError]:
    """Warnings for texts elsewhere in the quiz that a short answer's typo rule would
    accept: a wrong choice of any choice question, or an accepted answer of another
    question, within ``typos`` letter edits of one of its accepted answers.

    Args:
        pack: the loaded pack.
        quiz: quiz.toml's locations, to place each warning on the near text's line.

    Returns:
        One ``typo-near-other-answer`` warning per (question with the rule, near text),
        placed at the near text (the choice's ``text``, or the other question's ``accept``).
    """
    texts: list[str] = []
    owners: list[tuple[int, tuple[str | int, ...], str]] = []  # (question index, key path, description)
    for q_index, question in enumerate(pack.questions):
        kind = kind_of(question)
        for c_index, choice in enumerate(kind.choices(question)):
            if not choice.correct:
                texts.append(choice.text)
                loc = ("questions", q_index, "choices", c_index, "text")
                owners.append((q_index, loc, f"question '{question.id}': wrong choice {c_index + 1}"))
        for a_index, answer in enumerate(kind.typed_answers(question)):
            texts.append(answer)
            loc = ("questions", q_index, "accept", a_index)
            owners.append((q_index, loc, f"question '{question.id}': accepted answer {a_index + 1}"))
    warnings: list[ContentError] = []
    if not texts:
        return warnings
    for q_index, question in enumerate(pack.questions):
        for index, answer, distance in kind_of(question).typo_clashes(question, texts):
            owner, loc, what = owners[index]
            if owner == q_index:
                continue  # its own answers and choices are not "elsewhere"
            letters = "1 letter" if distance == 1 else f"{distance} letters"
            warnings.append(quiz.warn(
                loc, "typo-near-other-answer",
                f"{what} (\"{_short(texts[index])}\") is {letters} from \"{_short(answer)}\", which"
                f" question '{question.id}' accepts with typos = {getattr(question, 'typos', 0)}, so typed there it"
                " would count as right",
                f"reword it, or lower typos for question '{question.id}' (typos = 0 there turns near"
                " misses off)",
            ))
    return warnings


def _flat(text: str) -> str:
    """``text`` as the giveaway check compares it: case folded, Markdown emphasis marks
    and typographic quotes and dashes made plain, runs of white space made one space."""
    text = text.translate(_PLAIN_MARKS).casefold()
    return " ".join(text.split())


_PLAIN_MARKS = str.maketrans({"*": None, "_": None, "`": None, "‘": "'", "’": "'",
                              "“": '"', "”": '"', "–": "-", "—": "-", " ": " "})


def _contains(haystack: str, needle: str) -> bool:
    """True when ``needle`` occurs in ``haystack`` as whole words (both already :func:`_flat`)."""
    return re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", haystack) is not None


def _giveaways(pack: Pack, quiz: _Locations) -> list[ContentError]:
    """Warnings for right answers written in what an earlier question shows.

    For each question, each part of its right answer (:meth:`QuestionKind.answer_parts`:
    a right choice's text, an accepted answer, a match pair's two sides) is looked for,
    as whole words, in every text an earlier question shows
    (:meth:`QuestionKind.shown_texts`): its prompt, hint, choices and their feedback,
    explanation, order items and match sides. "Earlier" is file order; when the quiz
    shuffles its questions, every other question counts. Answers under
    :data:`GIVEAWAY_MIN_LETTERS` letters are not looked for.

    Returns:
        One ``answer-shown-earlier`` warning per (earlier text, later question), placed on
        the earlier text's key: that is the text to reword.
    """
    questions = pack.questions
    shown = [[(loc, _flat(text)) for loc, text in kind_of(q).shown_texts(q)] for q in questions]
    warnings: list[ContentError] = []
    for later, question in enumerate(questions):
        parts = [
            (part, tuple(_flat(text) for text in part))
            for part in kind_of(question).answer_parts(question)
        ]
        parts = [(part, flat) for part, flat in parts if all(len(t) >= GIVEAWAY_MIN_LETTERS for t in flat)]
        if not parts:
            continue
        earlier = range(len(questions)) if pack.quiz.shuffle_questions else range(later)
        for index in earlier:
            if index == later:
                continue
            for loc, text in shown[index]:
                given = [part for part, flat in parts if all(_contains(text, t) for t in flat)]
                if not given:
                    continue
                answer = " / ".join(_short(t, 40) for t in given[0])
                when = "another question" if pack.quiz.shuffle_questions else "a later question"
                warnings.append(quiz.warn(
                    ("questions", index) + loc, "answer-shown-earlier",
                    f"question '{questions[index].id}' shows \"{answer}\", the right answer of"
                    f" question '{question.id}' ({when}), so a reader learns it before being asked",
                    f"reword this {loc[-1] if isinstance(loc[-1], str) else loc[0]} so it does not"
                    f" state the answer of '{question.id}', or move '{question.id}' before"
                    f" '{questions[index].id}'",
                ))
    return warnings


class _Locations:
    """One file of the pack, with its key locator built when the first warning needs it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._locator: KeyLocator | None = None

    def warn(self, loc: tuple[str | int, ...], code: str, message: str, hint: str) -> ContentError:
        """A warning at key path ``loc`` (or its nearest written ancestor)."""
        if self._locator is None:
            try:
                text = self.path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError):  # pragma: no cover - it loaded a moment ago
                text = ""
            self._locator = KeyLocator.from_text(text)
        position = self._locator.find(loc)
        line, column = (position.line, position.column) if position else (1, 1)
        assert code in WARNING_CODES, code
        return ContentError(self.path, line, column, message, code, hint, "warning")


def _short(text: str, limit: int = 50) -> str:
    """A choice's text for a message: one line, shortened when long."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"

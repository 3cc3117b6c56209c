"""The content format: pydantic v2 models, the one definition of a pack.

A pack is a folder of three TOML files. Each file has a model here:

- ``pack.toml``      -> :class:`PackFile` (metadata and the list of sources)
- ``explainer.toml`` -> :class:`ExplainerFile` (sections, glossary, timeline)
- ``quiz.toml``      -> :class:`QuizFile` (quiz settings and questions)

:class:`Pack` bundles the three once they have been loaded and cross-checked by
:func:`explainer.pack.loader.load_pack`. Every model is frozen and refuses unknown keys
(``extra="forbid"``), so a typo in a key is an error, never silently ignored.

This module imports neither Textual nor anything else from the UI: the validator and the
authoring tools use it without starting the app.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StrictStr,
    Strict,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

#: The format versions this loader understands (``schema`` in pack.toml).
SUPPORTED_SCHEMAS: tuple[int, ...] = (1,)

#: Question ``type`` values this version knows, in the order the guide documents them.
QUESTION_TYPES: tuple[str, ...] = (
    "single",
    "multiple",
    "true_false",
    "short_answer",
    "numeric",
    "order",
    "match",
)

MAX_TYPOS = 3
"""The largest ``typos`` an author may set (an edit distance; more would accept guesses)."""
TYPO_MIN_LETTERS = 5
"""An accepted answer needs at least this many letters before near misses of it count."""

_SLUG = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"
MAX_ID_LENGTH = 64
"""The longest an id may be: the pack id names the progress file, and file names are short."""
LANGUAGE_PATTERN = r"^(?:[A-Za-z]{2,3}|[xXiI])(?:-[A-Za-z0-9]{1,8})*$"
"""The shape of a BCP 47 tag: a 2-3 letter language (or x-/i- private use), then subtags."""
_PARTIAL_DATE = re.compile(r"\A([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")
_WEB_ADDRESS = re.compile(r"\Ahttps?://[^\s/?#]+[^\s]*\Z", re.IGNORECASE)


def _not_blank(value: str) -> str:
    """Refuse text that is empty or only white space."""
    if not value.strip():
        raise PydanticCustomError("blank", "must not be empty or only spaces")
    return value

Slug = Annotated[
    StrictStr,
    Field(
        pattern=_SLUG,
        max_length=MAX_ID_LENGTH,
        description="Lower-case letters and digits, joined by single hyphens or underscores, e.g. 'the-offer' or 'q_12'; at most 64 characters.",
    ),
]
_NOT_BLANK_SCHEMA = {"pattern": r"\S"}
"""In the JSON Schema: at least one character that is not white space."""

Text = Annotated[StrictStr, Field(min_length=1, json_schema_extra=_NOT_BLANK_SCHEMA), AfterValidator(_not_blank)]
"""A plain-text field shown exactly as written (never markup, never Markdown)."""
Markdown = Annotated[StrictStr, Field(min_length=1, json_schema_extra=_NOT_BLANK_SCHEMA), AfterValidator(_not_blank)]
"""A field rendered as Markdown (section bodies, definitions, explanations)."""
TomlDate = Annotated[dt.date, Strict()]
"""A TOML date such as 2025-02-01 (not a string, not a date-time, not a number)."""


class _Model(BaseModel):
    """Base of every content model: frozen, and unknown keys are errors."""

    # defer_build: the validators and serializers are built on first validation, so a
    # pack rebuilt from the cache (model_construct) never builds them (explainer.pack.cache).
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False, defer_build=True)


# --------------------------------------------------------------------------- pack.toml


class Source(_Model):
    """One source that facts in the pack trace to (``[[sources]]`` in pack.toml)."""

    id: Slug = Field(description="Unique id that sections and timeline events cite in their `sources`.")
    title: Text = Field(description="Title of the article, document or page.")
    publisher: Text = Field(description="Who published it (outlet, organisation).")
    url: StrictStr | None = Field(
        default=None,
        description="Optional web address, starting with http:// or https://.",
        json_schema_extra={"format": "uri", "pattern": r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]+[^\s]*$"},
    )
    published: TomlDate | None = Field(
        default=None, description="Optional publication date, a TOML date such as 2025-02-05."
    )

    @field_validator("url")
    @classmethod
    def _url_is_web_address(cls, value: str | None) -> str | None:
        if value is not None and not _WEB_ADDRESS.match(value):
            raise PydanticCustomError(
                "url",
                "'url' must be a web address; write it like \"https://example.org/page\":"
                " http:// or https://, a host name, and no spaces",
            )
        return value


class PackFile(_Model):
    """The contents of ``pack.toml``: who made the pack, what it is, what it cites."""

    schema_: StrictInt = Field(
        alias="schema",
        description="Format version; this version of explainer reads 1.",
        json_schema_extra={"enum": list(SUPPORTED_SCHEMAS)},
    )
    id: Slug = Field(description="Lower-case slug naming the pack, unique among packs.")
    translation_of: Slug | None = Field(
        default=None,
        description=(
            "Only in a translation (the pack's translations/<language>/ folder): the id of the"
            " pack it translates, which is also its own id."
        ),
    )
    title: Text = Field(description="The pack's title, shown on the welcome screen.")
    summary: Text = Field(description="One or two sentences for the welcome screen.")
    language: StrictStr = Field(
        default="en",
        pattern=LANGUAGE_PATTERN,
        description="BCP 47 language tag of the text, e.g. 'en' or 'ko-KR'.",
    )
    updated: TomlDate = Field(description="When the content was last checked, a TOML date.")
    authors: tuple[Text, ...] = Field(default=(), description="Who wrote the pack.")
    sources: tuple[Source, ...] = Field(
        default=(), description="Every source the pack cites ([[sources]] tables)."
    )

    model_config = ConfigDict(populate_by_name=True)


# ---------------------------------------------------------------------- explainer.toml


MAX_FIGURE_VALUES = 24
"""The most values one figure may have: more would not fit a terminal as bars."""


class FigureValue(_Model):
    """One labelled value of a figure (``[[sections.figures.values]]``)."""

    label: Text = Field(description="What the value is, plain text, e.g. 'Zelensky, January 2025'.")
    value: StrictInt | StrictFloat = Field(
        ge=0, description="The number (0 or more; a bar's length is its share of the largest)."
    )
    estimate: StrictBool = Field(
        default=False, description="True when the value is an estimate: it is then labelled so."
    )

    @field_validator("value")
    @classmethod
    def _finite(cls, value: float) -> float:
        """Refuse ``inf`` and ``nan``: a bar needs a real number."""
        if value != value or value == float("inf"):
            raise PydanticCustomError("finite_number", "must be a real number, not inf or nan")
        return value


class Figure(_Model):
    """A chart of a few numbers that a section shows after its text (``[[sections.figures]]``).

    The app draws it as bars readable without colour (each bar has its number written
    beside it); plain mode prints it as a table.
    """

    title: Text = Field(description="What the figure shows, plain text.")
    kind: Literal["bar"] = Field(default="bar", description="'bar' (the only kind so far): one bar per value.")
    unit: Text = Field(description="What the values count, plain text, e.g. 'soldiers' or 'prisoners'.")
    values: tuple[FigureValue, ...] = Field(
        min_length=1, max_length=MAX_FIGURE_VALUES, description="The values, in the order shown."
    )
    note: Text | None = Field(
        default=None, description="Optional: how to read the figure (who counted, what differs), plain text."
    )
    sources: tuple[Slug, ...] = Field(
        min_length=1, description="Ids of the pack's [[sources]] the numbers come from (at least one)."
    )


class Section(_Model):
    """One section of the explainer, read in file order (``[[sections]]``)."""

    id: Slug = Field(description="Unique id; questions and timeline events link to it.")
    title: Text = Field(description="Section title, plain text.")
    body: Markdown = Field(description="The section's text, Markdown.")
    key_points: tuple[Text, ...] = Field(
        default=(),
        max_length=4,
        description="Two to four one-line takeaways shown under the body, plain text.",
    )
    sources: tuple[Slug, ...] = Field(
        default=(), description="Ids of the pack's [[sources]] this section draws on."
    )
    figures: tuple[Figure, ...] = Field(
        default=(), max_length=4, description="Optional charts shown after the text ([[sections.figures]])."
    )


class GlossaryEntry(_Model):
    """A term the reader can look up from any screen (``[[glossary]]``)."""

    term: Text = Field(description="The term, plain text; unique in the glossary.")
    definition: Markdown = Field(description="What it means, Markdown.")
    see_also: tuple[Text, ...] = Field(
        default=(), description="Other glossary terms, written exactly as their `term`."
    )


class TimelineEvent(_Model):
    """One dated event (``[[timeline]]``); events are shown in file order."""

    date: StrictStr = Field(
        description="ISO date '2024-08-06', or '2024-10' / '2024' when only that is known"
        " (a quoted string; a bare TOML date 2024-08-06 is accepted too).",
        json_schema_extra={"pattern": r"^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?$"},
    )
    event: Text = Field(description="What happened, one sentence, plain text.")
    section: Slug | None = Field(default=None, description="Optional id of a related section.")
    sources: tuple[Slug, ...] = Field(
        default=(), description="Optional ids of the pack's [[sources]] for this event."
    )

    @field_validator("date", mode="before")
    @classmethod
    def _date_is_iso(cls, value: object) -> object:
        """Accept a TOML date as well as a string, and check the string is a real date."""
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value.isoformat()
        if isinstance(value, str):
            match = _PARTIAL_DATE.match(value)
            ok = match is not None
            if match:
                year, month, day = (int(g) if g else None for g in match.groups())
                try:
                    dt.date(year or 0, month if month is not None else 1, day if day is not None else 1)
                except ValueError:
                    ok = False
            if not ok:
                raise PydanticCustomError(
                    "partial_date",
                    "'date' must be a real date, not \"{value}\"; write \"2024-08-06\", or \"2024-10\""
                    " or \"2024\" when only the month or year is known",
                    {"value": value[:40]},
                )
        return value


class ExplainerFile(_Model):
    """The contents of ``explainer.toml``."""

    sections: tuple[Section, ...] = Field(
        min_length=1, description="The sections, in reading order."
    )
    glossary: tuple[GlossaryEntry, ...] = Field(default=(), description="Glossary entries.")
    timeline: tuple[TimelineEvent, ...] = Field(default=(), description="Dated events.")


# --------------------------------------------------------------------------- quiz.toml


class QuizSettings(_Model):
    """The ``[quiz]`` table: title, pass mark and shuffling."""

    title: Text = Field(default="Check your understanding", description="Quiz title.")
    pass_mark: StrictFloat = Field(
        default=0.7,
        ge=0.0,
        le=1.0,
        description="Fraction of the points needed to pass, from 0 to 1 (0.7 = 70%).",
    )
    shuffle_questions: StrictBool = Field(
        default=False, description="Ask the questions in a random order."
    )
    shuffle_choices: StrictBool = Field(
        default=True, description="Show the choices of each question in a random order."
    )
    typos: StrictInt = Field(
        default=0,
        ge=0,
        le=MAX_TYPOS,
        description="Near misses accepted in typed answers (short_answer) of the whole quiz:"
        " a typed answer this many letter edits (Levenshtein distance) from an accepted answer"
        " of at least 5 letters counts as right. 0 to 3; 0 (the default) turns it off."
        " A question's own `typos` overrides it.",
    )


class Choice(_Model):
    """One choice of a ``single`` or ``multiple`` question (``[[questions.choices]]``)."""

    text: Text = Field(description="The choice as the reader sees it, plain text.")
    correct: StrictBool = Field(default=False, description="Whether this choice is right.")
    feedback: Text | None = Field(
        default=None, description="Optional: shown when the reader picks this choice."
    )
    pin: StrictBool = Field(
        default=False,
        description="Keep this choice in its written place when choices are shuffled"
        " (for 'None of the above' and the like).",
    )


class _QuestionBase(_Model):
    """Fields every question type shares."""

    id: Slug = Field(description="Unique id of the question; progress is keyed by it.")
    prompt: Text = Field(description="The question as the reader sees it, plain text.")
    section: Slug = Field(description="Id of the section that teaches the answer.")
    explanation: Markdown | None = Field(
        default=None, description="Why the right answer is right; Markdown, shown after answering."
    )
    hint: Text | None = Field(default=None, description="Optional hint, plain text.")
    points: StrictInt = Field(default=1, ge=1, le=100, description="Points for a right answer.")
    tags: tuple[Text, ...] = Field(default=(), description="Optional labels for grouping.")

    def with_quiz_settings(self, settings: QuizSettings) -> _QuestionBase:
        """This question with the quiz-wide defaults of ``settings`` filled in where it
        sets none itself. Returns ``self`` when nothing changes (every type but
        ``short_answer``, whose ``typos`` can come from [quiz])."""
        return self


class SingleChoiceQuestion(_QuestionBase):
    """Exactly one of the choices is right."""

    type: Literal["single"] = Field(description="'single': one right choice.")
    choices: tuple[Choice, ...] = Field(
        description="Two or more choices ([[questions.choices]] tables), exactly one with correct = true.",
        json_schema_extra={"minItems": 2},
    )

    @model_validator(mode="after")
    def _exactly_one_correct(self) -> SingleChoiceQuestion:
        _check_choice_count(self.choices)
        found = sum(choice.correct for choice in self.choices)
        if found != 1:
            raise PydanticCustomError(
                "single_correct",
                "a single-choice question needs exactly one correct choice (found {found});"
                " mark one choice with `correct = true`, or use type = \"multiple\"",
                {"found": found},
            )
        return self


class MultipleChoiceQuestion(_QuestionBase):
    """One or more of the choices are right; the reader must pick all of them."""

    type: Literal["multiple"] = Field(description="'multiple': one or more right choices.")
    choices: tuple[Choice, ...] = Field(
        description="Two or more choices ([[questions.choices]] tables), at least one with correct = true.",
        json_schema_extra={"minItems": 2},
    )
    scoring: Literal["all_or_nothing", "partial"] = Field(
        default="all_or_nothing",
        description="'all_or_nothing': full points only for exactly the right set."
        " 'partial': each right choice picked earns 1/k of the points and each wrong one"
        " picked costs 1/k (k = number of right choices), never below 0.",
    )

    @model_validator(mode="after")
    def _at_least_one_correct(self) -> MultipleChoiceQuestion:
        _check_choice_count(self.choices)
        if not any(choice.correct for choice in self.choices):
            raise PydanticCustomError(
                "multiple_correct",
                "a multiple-choice question needs at least one correct choice (found 0);"
                " mark the right ones with `correct = true`",
            )
        return self


class TrueFalseQuestion(_QuestionBase):
    """The prompt is a statement; the reader says whether it is true."""

    type: Literal["true_false"] = Field(description="'true_false': a statement, true or false.")
    answer: StrictBool = Field(description="Whether the statement in the prompt is true.")


def _check_choice_count(choices: tuple[Choice, ...]) -> None:
    """Raise a content error when a choice question has fewer than two choices."""
    if len(choices) < 2:
        raise PydanticCustomError(
            "too_few_choices",
            "a choice question needs at least two choices (found {found});"
            " add [[questions.choices]] tables",
            {"found": len(choices)},
        )


class ShortAnswerQuestion(_QuestionBase):
    """The reader types a short answer; any of the accepted answers is right."""

    type: Literal["short_answer"] = Field(description="'short_answer': a typed word or phrase.")
    accept: tuple[Text, ...] = Field(
        min_length=1,
        description="Accepted answers. Case, spaces around and repeated spaces inside"
        " are ignored unless case_sensitive = true.",
    )
    case_sensitive: StrictBool = Field(
        default=False, description="Compare letter case too (spaces are still normalised)."
    )
    typos: StrictInt | None = Field(
        default=None,
        ge=0,
        le=MAX_TYPOS,
        description="Near misses accepted for this question: a typed answer this many letter"
        " edits (Levenshtein distance) from an accepted answer of at least 5 letters counts as"
        " right. 0 to 3; 0 turns it off. Leave it out to use `typos` of [quiz] (default 0).",
    )

    @property
    def typo_limit(self) -> int:
        """The edit distance near misses may have: this question's ``typos``, else 0.

        :class:`QuizFile` writes the quiz-wide ``typos`` into questions that leave it out,
        so after loading this is the rule that applies.
        """
        return self.typos or 0

    def with_quiz_settings(self, settings: QuizSettings) -> ShortAnswerQuestion:
        """This question with the quiz-wide ``typos`` of ``settings`` filled in when it
        sets none itself (the question's own value wins); ``self`` when nothing changes."""
        if self.typos is None and settings.typos:
            return self.model_copy(update={"typos": settings.typos})
        return self


Number = StrictInt | StrictFloat
"""A TOML integer or float."""


class NumericQuestion(_QuestionBase):
    """The reader types a number: right within ``answer`` ± ``tolerance``, or ``min``..``max``."""

    type: Literal["numeric"] = Field(description="'numeric': a typed number.")
    answer: Number | None = Field(default=None, description="The right number.")
    tolerance: Number = Field(
        default=0, ge=0, description="How far from `answer` still counts as right (inclusive)."
    )
    min: Number | None = Field(default=None, description="Lowest right number (with `max`).")
    max: Number | None = Field(default=None, description="Highest right number (with `min`).")

    @model_validator(mode="after")
    def _answer_or_range(self) -> NumericQuestion:
        has_answer = self.answer is not None
        has_range = self.min is not None or self.max is not None
        if has_answer and has_range:
            raise PydanticCustomError(
                "numeric_target",
                "a numeric question has both `answer` and `min`/`max`; keep one kind:"
                " `answer` (with an optional `tolerance`), or `min` and `max`",
            )
        if not has_answer and not has_range:
            raise PydanticCustomError(
                "numeric_target",
                "a numeric question needs either `answer` or both `min` and `max`;"
                " add e.g. answer = 10000 with tolerance = 500, or min = 9500 and max = 10500",
            )
        if has_range and (self.min is None or self.max is None):
            raise PydanticCustomError(
                "numeric_target", "a numeric range needs both `min` and `max`; add the missing one"
            )
        if has_range and self.min > self.max:  # type: ignore[operator]
            raise PydanticCustomError(
                "numeric_target",
                "`min` ({min}) is greater than `max` ({max}); swap them",
                {"min": self.min, "max": self.max},
            )
        for name in ("answer", "tolerance", "min", "max"):
            value = getattr(self, name)
            if isinstance(value, float) and value != value or value in (float("inf"), float("-inf")):
                raise PydanticCustomError("numeric_target", "`{name}` must be a finite number; write an ordinary number such as 10000", {"name": name})
        return self


class OrderQuestion(_QuestionBase):
    """The reader puts the items in order; they are shown shuffled."""

    type: Literal["order"] = Field(description="'order': put items in the right order.")
    items: tuple[Text, ...] = Field(
        min_length=2, description="The items in the RIGHT order; the reader sees them shuffled."
    )

    @model_validator(mode="after")
    def _distinct_items(self) -> OrderQuestion:
        _check_distinct(self.items, "items")
        return self


class Pair(_Model):
    """One pair of a ``match`` question (``[[questions.pairs]]``)."""

    left: Text = Field(description="The left side, shown as is.")
    right: Text = Field(description="The right side the reader must pick for `left`.")


class MatchQuestion(_QuestionBase):
    """The reader picks the right-hand side that matches each left-hand side."""

    type: Literal["match"] = Field(description="'match': pair each left with its right.")
    pairs: tuple[Pair, ...] = Field(min_length=2, description="Two or more pairs.")
    distractors: tuple[Text, ...] = Field(
        default=(), description="Extra wrong right-hand options to choose from."
    )

    @model_validator(mode="after")
    def _distinct_sides(self) -> MatchQuestion:
        _check_distinct(tuple(p.left for p in self.pairs), "left sides")
        _check_distinct(tuple(p.right for p in self.pairs) + self.distractors, "right sides and distractors")
        return self

    @property
    def right_options(self) -> tuple[str, ...]:
        """Every right-hand option: the pairs' right sides in order, then the distractors."""
        return tuple(p.right for p in self.pairs) + self.distractors


def _check_distinct(values: tuple[str, ...], what: str) -> None:
    """Raise a content error naming the first value that appears twice."""
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise PydanticCustomError(
                "duplicate_text",
                "the {what} must all differ, but \"{value}\" appears twice; make each one different",
                {"what": what, "value": value},
            )
        seen.add(value)


AnyQuestion = (
    SingleChoiceQuestion
    | MultipleChoiceQuestion
    | TrueFalseQuestion
    | ShortAnswerQuestion
    | NumericQuestion
    | OrderQuestion
    | MatchQuestion
)
"""Any question model (a plain union, for annotations)."""

Question = Annotated[
    Union[
        SingleChoiceQuestion,
        MultipleChoiceQuestion,
        TrueFalseQuestion,
        ShortAnswerQuestion,
        NumericQuestion,
        OrderQuestion,
        MatchQuestion,
    ],
    Field(discriminator="type"),
]
"""Any question; pydantic picks the model from the ``type`` key."""

ChoiceQuestion = SingleChoiceQuestion | MultipleChoiceQuestion


class QuizFile(_Model):
    """The contents of ``quiz.toml``."""

    quiz: QuizSettings = Field(default_factory=QuizSettings, description="Quiz settings.")
    questions: tuple[Question, ...] = Field(
        min_length=1, description="The questions, in the order they are asked."
    )

    @model_validator(mode="after")
    def _apply_quiz_settings(self) -> QuizFile:
        """Fill the quiz-wide defaults ([quiz] ``typos``) into the questions that set
        none themselves, so each question carries the rule that applies to it."""
        questions = tuple(question.with_quiz_settings(self.quiz) for question in self.questions)
        if any(new is not old for new, old in zip(questions, self.questions)):
            object.__setattr__(self, "questions", questions)  # frozen: set once, while validating
        return self


# ------------------------------------------------------------------------- the pack


class Pack(_Model):
    """A loaded, cross-checked pack: the three files together, plus where they came from.

    Build one with :func:`explainer.pack.load_pack`; constructing it directly skips the
    cross-reference checks.
    """

    path: Path = Field(description="The pack folder.")
    meta: PackFile = Field(description="The contents of pack.toml.")
    explainer: ExplainerFile = Field(description="The contents of explainer.toml.")
    quiz_file: QuizFile = Field(description="The contents of quiz.toml.")

    @property
    def id(self) -> str:
        """The pack id from pack.toml, e.g. ``"nk-pows"``."""
        return self.meta.id

    @property
    def title(self) -> str:
        """The pack title from pack.toml."""
        return self.meta.title

    @property
    def sections(self) -> tuple[Section, ...]:
        """The sections in reading order."""
        return self.explainer.sections

    @property
    def glossary(self) -> tuple[GlossaryEntry, ...]:
        """The glossary entries in file order."""
        return self.explainer.glossary

    @property
    def timeline(self) -> tuple[TimelineEvent, ...]:
        """The timeline events in file order."""
        return self.explainer.timeline

    @property
    def quiz(self) -> QuizSettings:
        """The quiz settings (title, pass mark, shuffling)."""
        return self.quiz_file.quiz

    @property
    def questions(self) -> tuple[AnyQuestion, ...]:
        """The questions in file order."""
        return self.quiz_file.questions

    @cached_property
    def _index(self) -> _PackIndex:
        """Sections, sources and questions by id (built on first use; O(1) lookups)."""
        return _PackIndex(
            sections={section.id: (index, section) for index, section in enumerate(self.sections)},
            sources={source.id: source for source in self.meta.sources},
            questions={question.id: question for question in self.questions},
        )

    def section(self, section_id: str) -> Section:
        """Return the section with id ``section_id``; raises KeyError if there is none."""
        return self._index.sections[section_id][1]

    def section_index(self, section_id: str) -> int:
        """Return the 0-based reading position of a section; raises KeyError if absent."""
        return self._index.sections[section_id][0]

    def source(self, source_id: str) -> Source:
        """Return the source with id ``source_id``; raises KeyError if there is none."""
        return self._index.sources[source_id]

    def question(self, question_id: str) -> AnyQuestion:
        """Return the question with id ``question_id``; raises KeyError if there is none."""
        return self._index.questions[question_id]


@dataclass(frozen=True)
class _PackIndex:
    """What :class:`Pack` looks up by id: ``sections`` maps an id to (reading position,
    section); ``sources`` and ``questions`` map an id to the item."""

    sections: dict[str, tuple[int, Section]]
    sources: dict[str, Source]
    questions: dict[str, AnyQuestion]

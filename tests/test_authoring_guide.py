"""docs/authoring.md never goes stale: every TOML example in it is checked.

The convention (also written at the top of the guide, in an HTML comment):

- A ```toml block whose first line is ``# pack.toml``, ``# explainer.toml`` or
  ``# quiz.toml`` is a whole file of the guide's example pack. The three together must
  load and pass ``explainer validate --strict`` (no warnings).
- Any other ```toml block is a fragment. It is added to the example pack, to the file
  its tables belong in: ``[[questions]]`` to quiz.toml (a ``[quiz]`` table replaces the
  example's), ``[[sections]]``, ``[[glossary]]``, ``[[timeline]]`` to explainer.toml,
  ``[[sources]]`` to pack.toml. The result must load without errors.
- Mistakes shown on purpose are written in ```text blocks, which are not checked.

The guide must also name every error and warning code, every question type and every
key of every model, and show a worked example of every question type.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import BaseModel

from explainer.pack import QUESTION_TYPES, load_pack
from explainer.pack.errors import ERROR_CODES
from explainer.pack.lint import WARNING_CODES, lint_pack
from explainer.pack.model import (
    Choice,
    Figure,
    FigureValue,
    ExplainerFile,
    GlossaryEntry,
    MatchQuestion,
    MultipleChoiceQuestion,
    NumericQuestion,
    OrderQuestion,
    PackFile,
    Pair,
    QuizFile,
    QuizSettings,
    Section,
    ShortAnswerQuestion,
    SingleChoiceQuestion,
    Source,
    TimelineEvent,
    TrueFalseQuestion,
)

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "authoring.md"
TEXT = GUIDE.read_text(encoding="utf-8")
BLOCKS = [
    (TEXT[: match.start()].count("\n") + 2, match.group(1))
    for match in re.finditer(r"^```toml\n(.*?)^```$", TEXT, re.MULTILINE | re.DOTALL)
]
FILE_NAMES = ("pack.toml", "explainer.toml", "quiz.toml")
WHOLE = {block.splitlines()[0].removeprefix("# "): block for _, block in BLOCKS if block.splitlines()[0].removeprefix("# ") in FILE_NAMES}
FRAGMENTS = [(line, block) for line, block in BLOCKS if block.splitlines()[0].removeprefix("# ") not in FILE_NAMES]


def test_the_guide_has_the_whole_example_pack_and_fragments() -> None:
    assert sorted(WHOLE) == sorted(FILE_NAMES)
    assert len(FRAGMENTS) >= 8


def test_the_example_pack_passes_strict(tmp_path: Path) -> None:
    for name, text in WHOLE.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    pack = load_pack(tmp_path)
    assert [str(w) for w in lint_pack(pack)] == []


def _file_of(fragment: str) -> str:
    """The pack file a fragment's tables belong in."""
    headers = re.findall(r"^\s*\[\[?([a-z_.]+)\]\]?", fragment, re.MULTILINE)
    assert headers, "a fragment must start a table, e.g. [[questions]]"
    first = headers[0].split(".")[0]
    return {"questions": "quiz.toml", "quiz": "quiz.toml", "sources": "pack.toml"}.get(first, "explainer.toml")


@pytest.mark.parametrize(("line", "fragment"), FRAGMENTS, ids=[f"line-{line}" for line, _ in FRAGMENTS])
def test_each_fragment_fits_into_the_example_pack(tmp_path: Path, line: int, fragment: str) -> None:
    files = dict(WHOLE)
    target = _file_of(fragment)
    base = files[target]
    if re.search(r"^\[quiz\]", fragment, re.MULTILINE):
        base = base[base.index("[[questions]]") :]  # the fragment's [quiz] replaces the example's
    files[target] = base + "\n" + fragment
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    load_pack(tmp_path)  # raises PackError, listing every problem, if the guide is wrong


def test_every_question_type_has_a_worked_example() -> None:
    shown = {m for _, block in FRAGMENTS for m in re.findall(r'^type = "([a-z_]+)"', block, re.MULTILINE)}
    assert shown == set(QUESTION_TYPES)
    for kind in QUESTION_TYPES:
        assert f"### {kind}:" in TEXT, kind


@pytest.mark.parametrize("code", sorted(ERROR_CODES) + sorted(WARNING_CODES) + ["no-such-folder"])
def test_every_problem_code_is_explained(code: str) -> None:
    assert re.search(rf"^\| `{re.escape(code)}` \|", TEXT, re.MULTILINE), code


MODELS: list[type[BaseModel]] = [
    PackFile, Source, ExplainerFile, Section, GlossaryEntry, TimelineEvent, QuizFile, QuizSettings,
    SingleChoiceQuestion, MultipleChoiceQuestion, TrueFalseQuestion, ShortAnswerQuestion,
    NumericQuestion, OrderQuestion, MatchQuestion, Choice, Pair, Figure, FigureValue,
]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_key_is_documented(model: type[BaseModel]) -> None:
    for name, field in model.model_fields.items():
        key = field.alias or name
        forms = (f"`{key}`", f"`[{key}]`", f"`[[{key}]]`")
        assert any(form in TEXT for form in forms), f"{model.__name__}.{key} is not in docs/authoring.md"


def test_the_commands_are_documented() -> None:
    for text in (
        "explainer validate [PATH...] [--format text|json] [--strict]",
        "explainer new DIR [--title TITLE] [--language TAG]",
        "explainer schema [--output DIR]",
        "#:schema ./.schema/quiz.schema.json",
        "## Importing and exporting quiz banks",
    ):
        assert text in TEXT, text


def test_the_partial_scoring_formula_matches_the_code() -> None:
    """The worked example in the guide: 3 right choices, 3 points, 2 right + 1 wrong -> 1 point."""
    from explainer.pack.scoring import ChoiceResponse, score

    question = MultipleChoiceQuestion.model_validate({
        "id": "q", "type": "multiple", "prompt": "p", "section": "s", "scoring": "partial", "points": 3,
        "choices": [{"text": t, "correct": c} for t, c in [("a", True), ("b", True), ("c", True), ("d", False), ("e", False)]],
    })
    assert "3 × (2 − 1)/3 = 1 point" in TEXT
    assert score(question, ChoiceResponse(frozenset({0, 1, 3}))).points == 1
    assert score(question, ChoiceResponse(frozenset({0, 1, 2}))).points == 3
    assert score(question, ChoiceResponse(frozenset({0, 3, 4}))).points == 0

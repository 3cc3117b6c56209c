"""Question kinds (explainer/kinds): one module per type, one registry, and nothing
outside the package branching on question classes."""

from __future__ import annotations

import ast
import random
from pathlib import Path

import pytest

from explainer import kinds
from explainer.kinds import (
    KINDS,
    ChoiceResponse,
    InputProblem,
    Mark,
    MatchResponse,
    NumberResponse,
    OrderResponse,
    TextResponse,
    TrueFalseResponse,
    kind_of,
    response_from_saved,
    response_to_saved,
)
from explainer.pack import QUESTION_TYPES

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "explainer"

QUESTION_CLASSES = {
    "SingleChoiceQuestion",
    "MultipleChoiceQuestion",
    "TrueFalseQuestion",
    "ShortAnswerQuestion",
    "NumericQuestion",
    "OrderQuestion",
    "MatchQuestion",
    "ChoiceQuestion",
}
RESPONSE_CLASSES = {
    "ChoiceResponse",
    "TrueFalseResponse",
    "TextResponse",
    "NumberResponse",
    "OrderResponse",
    "MatchResponse",
}


def _names(node: ast.AST) -> set[str]:
    """Every plain or dotted name in ``node``."""
    found = set()
    for child in ast.walk(node):
        if isinstance(child, ast.Name):
            found.add(child.id)
        elif isinstance(child, ast.Attribute):
            found.add(child.attr)
    return found


def _branches(path: Path) -> list[str]:
    """``file:line`` of each branch on a question or response class, or on a question
    ``type`` string, in one module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where = path.relative_to(ROOT)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("isinstance", "issubclass"):
            if len(node.args) == 2 and _names(node.args[1]) & (QUESTION_CLASSES | RESPONSE_CLASSES):
                found.append(f"{where}:{node.lineno}")
        if isinstance(node, ast.Compare):
            constants = {c.value for c in ast.walk(node) if isinstance(c, ast.Constant) and isinstance(c.value, str)}
            if constants & set(QUESTION_TYPES) and "type" in _names(node):
                found.append(f"{where}:{node.lineno}")
        if isinstance(node, ast.MatchClass) and _names(node.cls) & (QUESTION_CLASSES | RESPONSE_CLASSES):
            found.append(f"{where}:{node.lineno}")
    return found


def test_only_the_kinds_package_branches_on_question_classes() -> None:
    """Session, storage, scoring, lint, export, plain mode, the screens and the widgets
    look a kind up in the registry; none asks which class a question is."""
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if (PACKAGE / "kinds") in path.parents:
            continue
        offenders += _branches(path)
    assert offenders == []


def test_the_scan_finds_a_branch(tmp_path: Path) -> None:
    """The check above would catch an isinstance on a question class or a type compare."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "if isinstance(q, (SingleChoiceQuestion, MatchQuestion)):\n    pass\n"
        "if question.type == 'order':\n    pass\n",
        encoding="utf-8",
    )
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        assert len(_branches(sample)) == 2
    finally:
        ROOT = saved


def test_every_question_type_has_one_kind() -> None:
    assert set(KINDS) == set(QUESTION_TYPES)
    for type_, kind in KINDS.items():
        assert kind.type == type_
        module = type_.replace("-", "_")
        assert kind.__class__.__module__ == f"explainer.kinds.{module}"


def test_kinds_do_not_import_textual() -> None:
    import subprocess
    import sys

    code = "import sys, explainer.kinds, explainer.flow, explainer.wording; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


RESPONSES = [
    ChoiceResponse(frozenset({0, 2})),
    TrueFalseResponse(False),
    TextResponse("Hanawon"),
    NumberResponse(10000.0),
    OrderResponse((2, 0, 1)),
    MatchResponse((1, None, 0)),
]


@pytest.mark.parametrize("response", RESPONSES, ids=lambda r: type(r).__name__)
def test_saved_form_round_trips(response) -> None:
    assert response_from_saved(response_to_saved(response)) == response


def test_saved_forms_are_unchanged() -> None:
    """The progress file's response tables are the same as before the kinds existed."""
    assert [response_to_saved(r) for r in RESPONSES] == [
        {"kind": "choice", "selected": [0, 2]},
        {"kind": "true_false", "value": False},
        {"kind": "text", "text": "Hanawon"},
        {"kind": "number", "value": 10000.0},
        {"kind": "order", "order": [2, 0, 1]},
        {"kind": "match", "matches": [1, -1, 0]},
    ]


@pytest.mark.parametrize(
    "table",
    [
        {"kind": "choice", "selected": [1, 1]},
        {"kind": "number", "value": True},
        {"kind": "nope", "value": 1},
        {"kind": "text"},
        [1, 2],
        {"kind": "match", "matches": [-2]},
    ],
)
def test_bad_saved_forms_are_refused(table) -> None:
    with pytest.raises(ValueError):
        response_from_saved(table)


def test_instructions_say_partial_credit_and_capitals(every_type_pack) -> None:
    multiple = every_type_pack.question("ferry-facts")  # scoring = "partial", 2 right choices
    assert kind_of(multiple).scoring(multiple) == (
        "Partial credit: +1/2 point for each right pick, −1/2 for each wrong one (never below 0)."
    )
    short = next(q for q in every_type_pack.questions if q.type == "short_answer")
    assert "Capital letters do not matter" in kind_of(short).instruction(short)
    strict = short.model_copy(update={"case_sensitive": True})
    assert "Capital letters matter" in kind_of(strict).instruction(strict)


def test_a_typed_answer_is_kept_without_spaces_around(every_type_pack) -> None:
    """The app and plain mode keep the same typed answer (plain used to trim, the app not)."""
    short = next(q for q in every_type_pack.questions if q.type == "short_answer")
    kind = kind_of(short)
    assert kind.read_typed(short, "  Harbour town  ") == TextResponse("Harbour town")
    assert kind.parse_plain(short, (), "  Harbour town  ") == TextResponse("Harbour town")
    assert kind.read_typed(short, "   ") is None
    numeric = next(q for q in every_type_pack.questions if q.type == "numeric")
    with pytest.raises(InputProblem, match="not a number"):
        kind_of(numeric).read_typed(numeric, "ten")


def test_marks_per_shown_position(every_type_pack) -> None:
    single = next(q for q in every_type_pack.questions if q.type == "single")
    order = tuple(range(len(single.choices)))
    right = next(i for i, c in enumerate(single.choices) if c.correct)
    wrong = next(i for i, c in enumerate(single.choices) if not c.correct)
    marks = kind_of(single).marks(single, order, ChoiceResponse(frozenset({wrong})))
    assert marks == {right: Mark("right"), wrong: Mark("wrong")}
    multiple = next(q for q in every_type_pack.questions if q.type == "multiple")
    rights = [i for i, c in enumerate(multiple.choices) if c.correct]
    marks = kind_of(multiple).marks(multiple, tuple(range(len(multiple.choices))), ChoiceResponse(frozenset(rights[:1])))
    assert marks[rights[0]] == Mark("right") and all(marks[i] == Mark("missed") for i in rights[1:])
    ordering = next(q for q in every_type_pack.questions if q.type == "order")
    marks = kind_of(ordering).marks(ordering, (), OrderResponse((1, 0, 2)))
    assert marks == {0: Mark("misplaced", 2), 1: Mark("misplaced", 1), 2: Mark("placed")}
    match = next(q for q in every_type_pack.questions if q.type == "match")
    marks = kind_of(match).marks(match, (), MatchResponse((1, 0)))
    assert marks[0] == Mark("mismatched", match.right_options[0])


def test_every_kind_parses_what_plain_mode_asks_for(every_type_pack) -> None:
    """A line in the instruction's own example form parses; nonsense gets the one-line
    message (never an exception other than InputProblem)."""
    rng = random.Random(3)
    for question in every_type_pack.questions:
        kind = kind_of(question)
        order = kind.shuffle(question, rng, True)
        lines = kind.plain_lines(question, order)
        instruction = kind.plain_instruction(question, order)
        assert instruction.endswith(".")
        if "e.g. " in instruction:
            example = instruction.split("e.g. ", 1)[1].rstrip(".")
            kind.parse_plain(question, order, example)
        nonsense = "  " if kind.typed and question.id == "town-name" else "zz top 99"
        with pytest.raises(InputProblem):
            kind.parse_plain(question, order, nonsense)
        assert all(isinstance(line, str) for line in lines)


def test_registry_is_the_public_way_in() -> None:
    assert kinds.kind_named("order") is KINDS["order"]
    with pytest.raises(KeyError):
        kinds.kind_named("essay")


def test_every_kind_says_how_it_is_scored_and_how_many_parts_were_right(every_type_pack) -> None:
    """The scoring rule in words, before answering and in the feedback (issue 9): all or
    nothing is said as such, and match and order say how many parts were right."""
    from explainer.kinds.match import MatchResponse
    from explainer.kinds.order import OrderResponse

    by_type = {q.type: q for q in every_type_pack.questions}
    single = by_type["single"]
    assert kind_of(single).scoring(single) == "Scores 1 point if right."
    strict = by_type["multiple"].model_copy(update={"scoring": "all_or_nothing", "points": 2})
    assert kind_of(strict).scoring(strict) == "Scores 2 points only if you pick every right answer and no wrong one."
    match = by_type["match"]
    n = len(match.pairs)
    wrong_last = MatchResponse((*range(n - 1), None))
    assert kind_of(match).scoring_note(match, wrong_last) == (
        f"{n - 1} of {n} lines right. Scores 1 point only if every line is matched right."
    )
    order = by_type["order"]
    reversed_ = OrderResponse(tuple(reversed(range(len(order.items)))))
    note = kind_of(order).parts_note(order, reversed_)
    assert note.endswith(f"of {len(order.items)} items in the right place.")

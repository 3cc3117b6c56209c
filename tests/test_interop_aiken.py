"""Aiken import and export: options with ``.`` and ``)``, the ANSWER line, errors with
their lines, Windows line endings and a BOM, and the single-choice round trip."""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer.interop.aiken import looks_like_aiken, parse_aiken
from explainer.interop.common import ImportResult, decode_bank, write_pack
from explainer.interop.export import export_aiken
from explainer.pack import bundled_pack_path, load_pack

FIXTURES = Path(__file__).parent / "fixtures" / "interop"


def parse_file(name: str) -> ImportResult:
    """Parse an Aiken fixture."""
    return parse_aiken(decode_bank((FIXTURES / name).read_bytes()))


def line_of(name: str, needle: str) -> int:
    """The 1-based line of the first line of fixture ``name`` holding ``needle``."""
    lines = (FIXTURES / name).read_text(encoding="utf-8-sig").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


def test_every_construct() -> None:
    result = parse_file("every-construct.txt")
    assert result.count("error") == 0
    first, paren, mammal, two_lines = result.questions
    assert first == {
        "id": "what-is-the-capital-of-france",
        "type": "single",
        "prompt": "What is the capital of France?",
        "section": "imported",
        "choices": [{"text": "Paris", "correct": True}, {"text": "London"}, {"text": "Berlin"}],
    }
    assert [c["text"] for c in paren["choices"]] == ["Right", "Wrong"]
    assert [c.get("correct", False) for c in mammal["choices"]] == [False, True, False]
    assert mammal["choices"][2] == {"text": "None of the above", "pin": True}
    assert two_lines["prompt"] == "Question text may run\nover two lines."
    assert [c["text"] for c in two_lines["choices"] if c.get("correct")] == ["Second"]


def test_report_lines_are_the_question_lines() -> None:
    result = parse_file("every-construct.txt")
    expected = [
        line_of("every-construct.txt", "capital of France"),
        line_of("every-construct.txt", "parenthesis"),
        line_of("every-construct.txt", "mammal"),
        line_of("every-construct.txt", "may run"),
    ]
    assert [e.line for e in result.report] == expected
    assert [e.kind for e in result.report] == ["converted"] * 4
    assert result.report[0].format("bank.txt") == (
        "bank.txt:1: converted: question 'what-is-the-capital-of-france' as single"
    )


def test_windows_line_endings_and_bom() -> None:
    raw = (FIXTURES / "windows-bom.aiken").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    result = parse_file("windows-bom.aiken")
    assert result.count("error") == 0
    assert [q["prompt"] for q in result.questions] == ["What is the capital of Korea (서울)?", "Which is a fruit?"]
    assert [e.line for e in result.report] == [1, 6]
    assert result.questions[1]["choices"][1] == {"text": "Apple", "correct": True}


MALFORMED = [
    ("an option before any question", "answers before any question"),
    ("Only one option?", "at least two options (found 1)"),
    ("ANSWER: E", "'ANSWER:' names 'E'"),
    ("A. two", "option 'A' appears twice"),
    ("C. three", "option 'C' where 'B' was expected"),
    ("No answer line?", "no 'ANSWER:' line"),
    ("Never answered?", "no 'ANSWER:' line at the end"),
]


def test_malformed_questions_are_errors_at_their_lines() -> None:
    result = parse_file("malformed.aiken")
    errors = {e.line: e.message for e in result.errors}
    for needle, words in MALFORMED:
        line = line_of("malformed.aiken", needle)
        assert line in errors, (needle, errors)
        assert words in errors[line], (needle, errors[line])
    # The second ANSWER line after "Good four?" answers nothing.
    lines = (FIXTURES / "malformed.aiken").read_text().splitlines()
    stray = next(i for i, line in enumerate(lines, 1) if line == "ANSWER: A" and lines[i - 2] == "ANSWER: B")
    assert "with no question before it" in errors[stray]
    assert len(errors) == len(MALFORMED) + 1


def test_questions_around_malformed_ones_are_imported() -> None:
    result = parse_file("malformed.aiken")
    assert [q["id"] for q in result.questions] == ["good-one", "good-two", "good-three", "good-four", "good-five"]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("Q?\nA. a\nB. b\nANSWER:", 4, "names nothing"),
        ("Q?\nA. a\nB. b\nNext question?\nA. c\nB. d\nANSWER: A", 1, "new text on line 4"),
        ("ANSWER: A", 1, "with no question"),
    ],
)
def test_more_malformed_input(text: str, line: int, words: str) -> None:
    result = parse_aiken(text.split("\n"))
    assert result.errors[0].line == line
    assert words in result.errors[0].message


def test_looks_like_aiken() -> None:
    assert looks_like_aiken("Q?\nA. a\nB) b\nANSWER: B".split("\n"))
    assert not looks_like_aiken("Q?{=a ~b}".split("\n"))


def test_imported_pack_validates(tmp_path: Path) -> None:
    for name in ("every-construct.txt", "malformed.aiken", "windows-bom.aiken"):
        result = parse_file(name)
        write_pack(result, tmp_path / name.replace(".", "-"), source_name=name)
        pack = load_pack(tmp_path / name.replace(".", "-"))
        assert len(pack.questions) == len(result.questions)


@pytest.mark.parametrize("path", [bundled_pack_path(), FIXTURES / "every-type-pack"], ids=["bundled", "every-type"])
def test_round_trip_of_single_choice_questions(path: Path) -> None:
    pack = load_pack(path)
    exported = export_aiken(pack)
    back = parse_aiken(exported.text.split("\n"))
    assert back.count("error") == 0, back.errors
    singles = [q for q in pack.questions if q.type == "single"]
    assert exported.exported == len(singles) == len(back.questions)
    for original, imported in zip(singles, back.questions):
        assert imported["prompt"] == " ".join(original.prompt.split("\n"))
        assert [(c["text"], bool(c.get("correct"))) for c in imported["choices"]] == [
            (c.text, c.correct) for c in original.choices
        ]


def test_export_report() -> None:
    pack = load_pack(FIXTURES / "every-type-pack")
    report = {e.message.split("'")[1]: e for e in export_aiken(pack).report}
    assert report["partial"].kind == "skipped" and "single-choice questions only" in report["partial"].message
    assert report["blank"].kind == "converted"
    special = report["special-characters"]
    assert special.kind == "approximated"
    for lost in ("explanation dropped", "feedback dropped", "pin dropped", "tags dropped"):
        assert lost in special.message
    assert "line breaks written as spaces" in report["korean-emoji"].message


def test_export_skips_prompts_that_look_like_aiken_lines(tmp_path: Path) -> None:
    result = parse_aiken("Q?\nA. a\nB. b\nANSWER: A".split("\n"))
    result.questions[0]["prompt"] = "A. Lincoln was president?"
    write_pack(result, tmp_path / "p", source_name="p.txt")
    exported = export_aiken(load_pack(tmp_path / "p"))
    assert exported.exported == 0 and exported.report[0].kind == "skipped"


def test_control_characters_and_bidi_overrides_are_removed_and_reported(tmp_path: Path) -> None:
    name = "controls.aiken"
    result = parse_file(name)
    assert result.count("error") == 0 and len(result.questions) == 2
    removed = [(e.line, e.kind, e.message) for e in result.report if e.message.startswith("removed ")]
    assert removed == [
        (line_of(name, "What does"), "approximated",
         "removed 2 characters that could drive the terminal or reorder its text: U+001B ESCAPE, U+0007 BELL"),
        (line_of(name, "Nothing"), "approximated",
         "removed U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional control that makes text display in another"
         " order than it is written"),
        (line_of(name, "Which is right"), "approximated",
         "removed U+001B ESCAPE, a control character that could drive the terminal"),
    ]
    first, second = result.questions
    assert first["prompt"] == "What does ]0;x do?"
    assert [c["text"] for c in first["choices"]] == ["Retitles the window", "Nothing at all"]
    assert second["prompt"] == "Which is right?[2J"
    write_pack(result, tmp_path / "pack", source_name=name)
    assert len(load_pack(tmp_path / "pack").questions) == 2

"""Moodle XML (issue 11, point 4): import and export, with Moodle as the oracle.

tests/fixtures/interop/moodle-questions.xml has the shapes of Moodle's own XML fixtures
(question/format/xml/tests/fixtures/truefalse.xml, multichoice.xml) and of the types in
xmlformat_test.php, with our own words; each test holds Moodle's reading of a question.
The file is parsed with defusedxml: entity bombs and external entities are refused
with one line.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from explainer.interop.moodle_xml import XmlRefused, export_moodle_xml, parse_moodle_xml
from explainer.pack import load_pack

FIXTURES = Path(__file__).parent / "fixtures" / "interop"
ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def bank():
    result = parse_moodle_xml((FIXTURES / "moodle-questions.xml").read_bytes())
    return result, {q["id"]: q for q in result.questions}


def line_of(needle: str) -> int:
    lines = (FIXTURES / "moodle-questions.xml").read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


def test_every_question_moodle_reads_is_imported_or_skipped_with_its_line(bank) -> None:
    result, by_id = bank
    assert result.errors == []
    assert list(by_id) == ["acronym-false", "lang-1", "primes", "metal", "range", "tools"]
    skipped = [(e.line, e.message) for e in result.report if e.kind == "skipped"]
    assert [line for line, _ in skipped] == [line_of('type="essay"'), line_of('type="description"')]
    assert all(q["tags"][:1] == ["default-for-testhead"] for q in by_id.values())


def test_true_false_with_html_an_image_and_a_link(bank) -> None:
    result, by_id = bank
    q = by_id["acronym-false"]
    assert q["answer"] is False  # "false" has fraction 100
    # the image keeps its alt text and its file, both as text
    assert q["prompt"] == "NATO NATO logo [image: logo.jpg] is an acronym for North Atlantic Trade Organization."
    assert q["explanation"] == "For more, see the page about NATO \\[link: https://example.org/nato\\]."
    report = next(e for e in result.report if e.line == line_of('type="truefalse"'))
    assert report.kind == "approximated"
    assert "'logo.jpg'" in report.message and "[link: https://example.org/nato]" in report.message
    assert "the general feedback is the explanation" in report.message


def test_single_choice_with_an_mp3_link_tags_and_id_number(bank) -> None:
    _, by_id = bank
    q = by_id["lang-1"]
    assert q["type"] == "single" and q["prompt"].startswith("Listen to this greeting: [audio: hola.mp3]")
    assert [(c["text"], c.get("correct", False), c["feedback"]) for c in q["choices"]] == [
        ("English", False, "Sorry, listen again."),
        ("Spanish", True, "Yes, well done!"),
        ("German", False, "Sorry, listen again."),
    ]
    assert q["tags"] == ["default-for-testhead", "languages", "listening"]


def test_multiple_answer_fractions_and_plain_text_kept_as_written(bank) -> None:
    result, by_id = bank
    q = by_id["primes"]
    assert q["type"] == "multiple" and q["scoring"] == "partial"
    assert [c.get("correct", False) for c in q["choices"]] == [True, True, False]
    assert q["prompt"] == "Which of these numbers are prime? 2*3 is not."
    assert q["explanation"] == "2\\*3 = 6 has factors."  # plain text, escaped for Markdown
    message = next(e for e in result.report if e.line == line_of("<name><text>Primes") - 1).message
    assert "-1/2" in message  # Moodle takes -100 % off for a wrong pick; explainer -1/2


def test_short_answer_numeric_and_matching(bank) -> None:
    result, by_id = bank
    assert by_id["metal"]["accept"] == ["Mercury"] and by_id["metal"]["explanation"] == "Good!"
    assert (by_id["range"]["answer"], by_id["range"]["tolerance"]) == (15, 5)
    range_report = next(e for e in result.report if e.line == line_of("<name><text>Range") - 1).message
    assert '"Not in the range at all."' in range_report
    tools = by_id["tools"]
    assert tools["pairs"] == [{"left": "Drives in nails", "right": "Hammer"}, {"left": "Cuts wood", "right": "Saw"}]
    assert tools["distractors"] == ["Wrench"]


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE q [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
        '<!DOCTYPE q [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    ],
    ids=["entity-bomb", "external-entity"],
)
def test_entities_are_refused_with_one_line(tmp_path: Path, doctype: str) -> None:
    body = f'<?xml version="1.0"?>\n{doctype}\n<quiz><question type="truefalse"><questiontext><text>&b;</text></questiontext></question></quiz>'
    with pytest.raises(XmlRefused) as caught:
        parse_moodle_xml(body.encode())
    assert "entity" in caught.value.message and "\n" not in caught.value.message
    bank_file = tmp_path / "bomb.xml"
    bank_file.write_text(body, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "explainer", "import", str(bank_file), "-o", str(tmp_path / "out")],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert f"{bank_file}:2: error: the file declares the XML entity" in run.stderr  # the <!ENTITY line
    assert not (tmp_path / "out").exists()


def test_not_xml_and_not_a_quiz_are_one_line_each() -> None:
    with pytest.raises(XmlRefused) as caught:
        parse_moodle_xml(b"<?xml version='1.0'?>\n<quiz><question>")
    assert "not well-formed XML" in caught.value.message
    with pytest.raises(XmlRefused) as caught:
        parse_moodle_xml(b"<?xml version='1.0'?><html/>")
    assert "not a Moodle <quiz>" in caught.value.message


def test_export_then_import_through_the_command_line(tmp_path: Path) -> None:
    out = tmp_path / "every.xml"
    run = subprocess.run(
        [sys.executable, "-m", "explainer", "export", str(FIXTURES / "every-type-pack"), "--format", "moodle-xml", "-o", str(out)],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert "skipped: question 'sequence': an order question has no Moodle XML form here" in run.stderr
    back = subprocess.run(
        [sys.executable, "-m", "explainer", "import", str(out), "-o", str(tmp_path / "back")],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )
    assert back.returncode == 0, back.stdout + back.stderr
    pack, again = load_pack(FIXTURES / "every-type-pack"), load_pack(tmp_path / "back")
    assert [q.id for q in again.questions] == [q.id for q in pack.questions if q.type != "order"]


def test_export_writes_plain_text_and_markdown_formats() -> None:
    text = export_moodle_xml(load_pack(FIXTURES / "every-type-pack")).text
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<!-- language: en -->\n<quiz>')
    assert '<questiontext format="plain_text">' in text and '<generalfeedback format="markdown">' in text
    assert '<single>false</single>' in text and 'fraction="-50"' in text


def test_nested_categories_id_numbers_cloze_and_invalid_grades() -> None:
    """The shapes of Moodle's nested_categories_with_questions.xml, old_format_file.xml,
    html_chars_in_idnumbers.xml, multianswer.xml and error_invalid_grades.xml: Moodle
    reads two true/false questions (tags from the category path), skips the essay and
    the Cloze question, and refuses the question whose grade is 33 %."""
    path = FIXTURES / "moodle-categories.xml"
    result = parse_moodle_xml(path.read_bytes())
    lines = path.read_text(encoding="utf-8").split("\n")

    def at(needle: str) -> int:
        return next(i for i, line in enumerate(lines, start=1) if needle in line)

    by_id = {q["id"]: q for q in result.questions}
    assert list(by_id) == ["n-s", "deltas-question"]
    assert by_id["n-s"]["tags"] == ["rivers"] and by_id["deltas-question"]["tags"] == ["rivers", "deltas"]
    assert by_id["n-s"]["prompt"] == "The Nile flows north."
    skipped = {e.line: e.message for e in result.report if e.kind == "skipped"}
    assert sorted(skipped) == [at('type="essay"'), at('type="cloze"')] and "Cloze" in skipped[at('type="cloze"')]
    (error,) = result.errors
    assert error.line == at('<question type="multichoice">') and "33 is not one of Moodle's grades" in error.message


def test_categories_in_reverse_order_old_image_field_and_broken_cloze() -> None:
    """The shapes of Moodle's categories_reverse_order.xml, deprecated_category.xml,
    sample_questions_with_old_image_tag.xml and broken_cloze_questions.xml: two
    questions read (a short answer, a multiple choice whose old <image> Moodle adds to
    the text), the essay and every Cloze question skipped, each with its line."""
    path = FIXTURES / "moodle-more.xml"
    result = parse_moodle_xml(path.read_bytes())
    assert result.errors == []
    by_id = {q["id"]: q for q in result.questions}
    assert list(by_id) == ["lakes-question", "mcq-with-an-image"]
    lakes = by_id["lakes-question"]
    assert lakes["accept"] == ["yes"] and lakes["tags"] == ["lakes"]
    mcq = by_id["mcq-with-an-image"]
    assert mcq["prompt"] == 'A question with an image in the old "image" field of Moodle 1.9 [image: lake.png]'
    assert [(c["text"], c.get("correct", False)) for c in mcq["choices"]] == [
        ("wrong answer", False), ("another wrong answer", False), ("right answer", True)
    ]
    skipped = [e for e in result.report if e.kind == "skipped"]
    assert len(skipped) == 3 and sum("Cloze" in e.message for e in skipped) == 2
    report = next(e for e in result.report if "mcq-with-an-image" in e.message)
    assert "old <image> field kept as text: [image: lake.png]" in report.message

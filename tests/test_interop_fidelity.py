"""Nothing changes without a report line: the last cases a breaker found in the GIFT,
Aiken and Moodle XML importers and exporters (issue 11).

Each test names what Moodle does (question/type/shortanswer/question.php for the
wildcard, PHP's is_numeric for numbers, question/engine/bank.php for the grades) and
checks that explainer either does the same or says in a report line what it did.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer.interop.aiken import parse_aiken
from explainer.interop.common import ImportResult, write_pack
from explainer.interop.export import export_gift
from explainer.interop.gift import parse_gift
from explainer.interop.moodle_xml import XmlRefused, export_moodle_xml, parse_moodle_xml
from explainer.pack import load_pack


def gift(text: str) -> ImportResult:
    """Parse GIFT text split into lines as a file would be."""
    return parse_gift(text.split("\n"))


def messages(result: ImportResult, kind: str | None = None) -> str:
    """All report messages (of ``kind``), one per line."""
    return "\n".join(f"{e.line}: {e.kind}: {e.message}" for e in result.report if kind in (None, e.kind))


TRUE_FALSE = '<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>'
"""The answers of a Moodle XML true/false question whose statement is true."""


def xml_bank(body: str, declaration: str = '<?xml version="1.0" encoding="UTF-8"?>\n') -> bytes:
    return (declaration + "<quiz>\n" + body + "\n</quiz>\n").encode("utf-8")


def pack_of(tmp_path: Path, questions: list[dict]):
    """Write ``questions`` as a pack and load it."""
    write_pack(ImportResult(format="gift", questions=questions), tmp_path / "pack", source_name="test")
    return load_pack(tmp_path / "pack")


# ------------------------------------------------------------------ short-answer stars


def test_a_wildcard_star_is_kept_with_a_line_and_an_escaped_star_becomes_a_star() -> None:
    result = gift("Who runs the centre? {=Hana* =a\\*b}")
    (question,) = result.questions
    assert question["accept"] == ["Hana*", "a*b"]
    report = messages(result, "approximated")
    assert "wildcard '*'" in report and '"Hana*"' in report
    assert "literal star" in report


def test_moodle_xml_short_answer_stars_read_as_in_gift() -> None:
    result = parse_moodle_xml(
        xml_bank(
            '<question type="shortanswer"><name><text>stars</text></name>'
            '<questiontext format="plain_text"><text>Type it</text></questiontext>'
            '<answer fraction="100" format="plain_text"><text>x\\*y</text></answer>'
            '<answer fraction="100" format="plain_text"><text>Seo*</text></answer></question>'
        )
    )
    (question,) = result.questions
    assert question["accept"] == ["x*y", "Seo*"]
    assert "wildcard" in messages(result) and "literal star" in messages(result)


def test_export_escapes_a_star_so_moodle_reads_a_star_not_a_wildcard(tmp_path: Path) -> None:
    pack = pack_of(tmp_path, [{"id": "q1", "type": "short_answer", "prompt": "Product?", "section": "imported", "accept": ["2*3"]}])
    bank = export_gift(pack).text
    assert "=2\\\\*3" in bank  # \\* in GIFT is \* in Moodle: a literal star
    assert gift(bank).questions[0]["accept"] == ["2*3"]
    xml = export_moodle_xml(pack).text
    assert "<text>2\\*3</text>" in xml
    assert parse_moodle_xml(xml.encode()).questions[0]["accept"] == ["2*3"]


def test_export_reports_the_spaces_it_trims_around_an_accepted_answer(tmp_path: Path) -> None:
    pack = pack_of(tmp_path, [{"id": "q1", "type": "short_answer", "prompt": "Word?", "section": "imported", "accept": [" sp "]}])
    (entry,) = export_gift(pack).report
    assert entry.kind == "approximated" and "spaces around" in entry.message


# ------------------------------------------------------------- HTML character references


@pytest.mark.parametrize(
    ("reference", "said"),
    [("&#27;", "&#27; (U+001B ESCAPE"), ("&#x85;", "&#x85; in the prompt read as '…'")],
)
def test_a_character_reference_html_does_not_keep_is_reported(reference: str, said: str) -> None:
    result = gift(f"[html]Before {reference} after {{=yes ~no}}")
    (question,) = result.questions
    assert "\x1b" not in question["prompt"]
    assert said in messages(result, "approximated")
    xml = parse_moodle_xml(
        xml_bank(
            '<question type="truefalse"><name><text>ref</text></name>'
            f'<questiontext format="html"><text>Before {reference.replace("&", "&amp;")} after</text></questiontext>'
            f'{TRUE_FALSE}</question>'
        )
    )
    assert said in messages(xml, "approximated")


# ---------------------------------------------------------------------------- numbers


def test_digits_other_than_0_to_9_are_not_a_number_as_in_moodle() -> None:
    result = gift("How many? {#١٢٣}")
    assert not result.questions
    assert "'١٢٣' is not a number" in messages(result, "error")


# ------------------------------------------------------------------------ titles, tags


def test_a_title_no_id_can_be_made_of_is_reported() -> None:
    result = gift("::Привіт світ:: Which city is the capital? {=Kyiv ~Lviv}")
    (question,) = result.questions
    assert question["id"] == "which-city-is-the-capital"
    assert "the title 'Привіт світ' cannot be an id" in messages(result, "approximated")


def test_moodle_xml_name_and_tags_that_change_are_reported() -> None:
    result = parse_moodle_xml(
        xml_bank(
            '<question type="truefalse"><name><text>서울</text></name>'
            '<questiontext format="plain_text"><text>Is Seoul the capital?</text></questiontext>'
            f'{TRUE_FALSE}'
            "<tags><tag><text>Cold War</text></tag><tag><text>한국</text></tag><tag><text>Europe</text></tag></tags></question>"
        )
    )
    (question,) = result.questions
    assert question["tags"] == ["cold-war", "europe"]
    report = messages(result, "approximated")
    assert "the tag 'Cold War' written as 'cold-war'" in report
    assert "the tag '한국' dropped" in report
    assert "'Europe'" not in report  # letter case alone is no change: Moodle's tags ignore it
    assert "the <name> '서울' cannot be an id" in report


# ------------------------------------------------------------------------ error lines


@pytest.mark.parametrize("block", ["{=}", "{~}", "{#}"])
def test_an_empty_answer_is_reported_on_its_own_line(block: str) -> None:
    result = gift(f"// comment\n\nFirst question\n{block}")
    (entry,) = result.report
    assert entry.kind == "error" and entry.line == 4


# ------------------------------------------------------------------------------ Aiken


@pytest.mark.parametrize("letter", ["A)", "A.", "A) "])
def test_an_aiken_option_with_no_text_says_so(letter: str) -> None:
    result = parse_aiken(["What is it?", letter, "B) Something", "ANSWER: B"])
    (entry,) = result.report
    assert (entry.line, entry.kind) == (2, "error")
    assert entry.message == f"option 'A' has no text: write the choice after '{letter.strip()}'"


# ------------------------------------------------------------------------- Moodle XML


def test_xml_that_is_not_utf8_says_so_with_its_line() -> None:
    data = xml_bank("<question type='truefalse'><name><text>x</text></name></question>").replace(b"x</text>", b"caf\xe9</text>")
    with pytest.raises(XmlRefused) as caught:
        parse_moodle_xml(data)
    assert caught.value.line == 3 and "not UTF-8" in caught.value.message
    latin = xml_bank(
        '<question type="truefalse"><name><text>x</text></name><questiontext><text>Caf\u00e9?</text></questiontext>'
        f'{TRUE_FALSE}</question>',
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n',
    ).decode("utf-8").encode("latin-1")
    assert parse_moodle_xml(latin).questions[0]["prompt"] == "Café?"  # a declared encoding is honoured


def test_more_right_choices_than_moodle_can_weight_is_skipped_with_a_line(tmp_path: Path) -> None:
    choices = [{"text": f"Choice {n}", "correct": n < 11} for n in range(12)]
    pack = pack_of(
        tmp_path,
        [
            {"id": "many", "type": "multiple", "prompt": "Pick all", "section": "imported", "choices": choices},
            {"id": "ten", "type": "multiple", "prompt": "Pick all", "section": "imported",
             "choices": [{"text": f"Choice {n}", "correct": n < 10} for n in range(11)]},
        ],
    )
    for result in (export_gift(pack), export_moodle_xml(pack)):
        skipped = [e for e in result.report if e.kind == "skipped"]
        assert [e.message.split(":")[0] for e in skipped] == ["question 'many'"]
        assert "11 right choices" in skipped[0].message
        assert result.exported == 1
    assert "%10%" in export_gift(pack).text


# ------------------------------------------------- the breaker's second pass (issue 11)


def run_import(tmp_path: Path, name: str, data: bytes) -> "subprocess.CompletedProcess[str]":
    import subprocess
    import sys

    bank = tmp_path / name
    bank.write_bytes(data)
    return subprocess.run(
        [sys.executable, "-m", "explainer", "import", str(bank), "-o", str(tmp_path / "out")],
        capture_output=True, text=True, timeout=60,
    )


@pytest.mark.parametrize(
    ("encoding", "said"),
    [
        ("bogus-enc", "declares the encoding 'bogus-enc', which explainer does not know"),
        ("base64", "'base64' in the XML declaration is not a text encoding"),
        ("utf-32", "declares the encoding 'utf-32', which explainer cannot read"),
    ],
)
def test_an_encoding_that_cannot_be_read_is_one_line_not_a_traceback(tmp_path: Path, encoding: str, said: str) -> None:
    data = f'<?xml version="1.0" encoding="{encoding}"?>\n<quiz></quiz>\n'.encode("ascii")
    run = run_import(tmp_path, "bank.xml", data)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert said in run.stderr.splitlines()[0] and run.stderr.startswith(str(tmp_path / "bank.xml") + ":1: error: ")


def test_a_korean_or_japanese_encoding_the_declaration_names_is_read() -> None:
    body = (
        '<?xml version="1.0" encoding="EUC-KR"?>\n<quiz><question type="truefalse"><name><text>q</text></name>'
        "<questiontext><text>서울은 수도인가?</text></questiontext>"
        f'{TRUE_FALSE}</question></quiz>'
    )
    (question,) = parse_moodle_xml(body.encode("euc-kr")).questions
    assert question["prompt"] == "서울은 수도인가?"


@pytest.mark.parametrize(("name", "data"), [("empty.gift", b""), ("blank.gift", b"\n\n// only a comment\n"), ("none.xml", b"<quiz><x><x/></x></quiz>")])
def test_a_bank_with_no_questions_says_so_at_a_line(tmp_path: Path, name: str, data: bytes) -> None:
    run = run_import(tmp_path, name, data)
    assert run.returncode == 1
    assert f"{tmp_path / name}:1: error: no questions in the file: " in run.stdout + run.stderr


def test_a_blank_moodle_xml_answer_is_skipped_with_a_line() -> None:
    result = parse_moodle_xml(
        xml_bank(
            '<question type="multichoice"><name><text>b</text></name><questiontext><text>Pick</text></questiontext>'
            '<answer fraction="100"><text>Yes</text></answer><answer fraction="0"><text></text></answer>'
            '<answer fraction="0"><text>No</text></answer></question>'
        )
    )
    (question,) = result.questions
    assert [c["text"] for c in question["choices"]] == ["Yes", "No"]
    assert "1 blank answer skipped, as Moodle skips them" in messages(result)


def test_category_parts_that_change_are_reported_in_gift_and_xml() -> None:
    result = gift("$CATEGORY: $course$/top/Geo graphy/Europe/日本\n\nQ {=a ~b}")
    assert result.questions[0]["tags"] == ["geo-graphy", "europe"]
    report = messages(result, "approximated")
    assert report.startswith("1: approximated: category: the tag 'Geo graphy' written as 'geo-graphy'")
    assert "the tag '日本' dropped" in report and "'Europe'" not in report
    xml = parse_moodle_xml(
        xml_bank(
            '<question type="category"><category><text>$course$/top/Cold War</text></category></question>\n'
            '<question type="truefalse"><name><text>q</text></name><questiontext><text>Q?</text></questiontext>'
            f'{TRUE_FALSE}</question>'
        )
    )
    assert xml.questions[0]["tags"] == ["cold-war"]
    assert "category: the tag 'Cold War' written as 'cold-war'" in messages(xml, "approximated")


def test_a_reference_html_reads_as_a_replacement_character_is_said_so() -> None:
    result = gift("[html]Odd &#0; and &#xD800; here {=yes ~no}")
    assert result.questions[0]["prompt"] == "Odd \ufffd and \ufffd here"
    report = messages(result, "approximated")
    assert "&#0; (not a character HTML allows) in the prompt read as U+FFFD" in report
    assert "&#xD800; (not a character HTML allows) in the prompt read as U+FFFD" in report


def test_xml_elements_inside_text_are_reported() -> None:
    result = parse_moodle_xml(
        xml_bank(
            '<question type="truefalse"><name><text>q</text></name><questiontext format="plain_text"><text>Q<b>x</b>y</text></questiontext>'
            f'{TRUE_FALSE}</question>'
        )
    )
    assert result.questions[0]["prompt"] == "Qxy"
    assert "XML elements inside the prompt's <text> (<b>) read as plain text" in messages(result, "approximated")


@pytest.mark.parametrize(
    ("block", "kind", "value"),
    [
        ("{true}", "short_answer", ["true"]),  # Moodle's T/F check is case-sensitive
        ("{t}", "short_answer", ["t"]),
        ("{TRUE}", "true_false", True),
        ("{One =Two}", "short_answer", ["One", "Two"]),  # Moodle splits at every '='
    ],
)
def test_true_false_and_short_answers_read_as_moodle_reads_them(block: str, kind: str, value: object) -> None:
    (question,) = gift(f"Question {block}").questions
    assert question["type"] == kind
    assert question.get("accept", question.get("answer")) == value


def test_a_weight_after_equals_in_a_choice_block_is_text_as_in_moodle() -> None:
    result = gift("Pick {=%50%x ~y ~z}")
    (question,) = result.questions
    assert question["choices"][0] == {"text": "%50%x", "correct": True}
    assert "after '=' Moodle reads no weight" in messages(result, "approximated")


def test_blank_lines_are_what_moodle_calls_blank() -> None:
    assert [q["id"] for q in gift("Q1 {=a ~b}\n0\nQ2 {=c ~d}").questions] == ["q1", "q2"]  # PHP: empty("0")
    nbsp = gift("Q1 {=a ~b}\n\u00a0\nQ2 {=c ~d}")  # PHP's trim keeps a no-break space: one block
    assert not nbsp.questions and nbsp.report[0].kind == "error"
    glued = gift("$CATEGORY: maps\nQ {=a ~b}")
    assert "no blank line after the $CATEGORY: line above" in messages(glued, "approximated")


def test_moodle_xml_export_keeps_every_digit_and_reports_ranges_and_trimmed_spaces(tmp_path: Path) -> None:
    pack = pack_of(
        tmp_path,
        [
            {"id": "pi", "type": "numeric", "prompt": "Pi?", "section": "imported", "answer": 3.14159265358979, "tolerance": 1e-9},
            {"id": "range", "type": "numeric", "prompt": "Range?", "section": "imported", "min": 1, "max": 2},
            {"id": "spaced", "type": "single", "prompt": "  Spaced  ", "section": "imported",
             "choices": [{"text": "  a  ", "correct": True}, {"text": "b"}]},
        ],
    )
    exported = export_moodle_xml(pack)
    assert "<text>3.14159265358979</text>" in exported.text and "<tolerance>1e-09</tolerance>" in exported.text
    back = {q["id"]: q for q in parse_moodle_xml(exported.text.encode()).questions}
    assert back["pi"]["answer"] == 3.14159265358979 and back["pi"]["tolerance"] == 1e-9
    report = {e.message.split(" ")[1]: e for e in exported.report}
    assert "the range 1..2 written as 1.5 ± 0.5 (Moodle XML has no ranges)" in report["'range'"].message
    assert "the spaces around the prompt, \"  a  \" dropped (Moodle XML trims them)" in report["'spaced'"].message
    assert "the spaces around the prompt" in next(e.message for e in export_gift(pack).report if "'spaced'" in e.message)


# ------------------------------------------------------------------ language (issue 13)


@pytest.mark.parametrize(("language", "fmt", "name"), [("ko", "gift", "bank.gift"), ("uk", "moodle-xml", "bank.xml")])
def test_export_then_import_keeps_the_language(tmp_path: Path, language: str, fmt: str, name: str) -> None:
    import subprocess
    import sys

    from explainer.pack import bundled_pack_path

    bank = tmp_path / name
    subprocess.run(
        [sys.executable, "-m", "explainer", "export", str(bundled_pack_path() / "translations" / language), "--format", fmt, "-o", str(bank)],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert f"language: {language}" in bank.read_text(encoding="utf-8")[:400]
    subprocess.run([sys.executable, "-m", "explainer", "import", str(bank), "-o", str(tmp_path / "back")], capture_output=True, timeout=120)
    assert load_pack(tmp_path / "back").meta.language == language


def test_import_language_option_wins_and_is_checked(tmp_path: Path) -> None:
    import subprocess
    import sys

    bank = tmp_path / "bank.gift"
    bank.write_text("서울은 한국의 수도입니까? {T}\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "explainer", "import", str(bank), "-o", str(tmp_path / "p"), "--language", "ko"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0 and load_pack(tmp_path / "p").meta.language == "ko"
    bad = subprocess.run([sys.executable, "-m", "explainer", "import", str(bank), "-o", str(tmp_path / "q"), "--language", "x y"], capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "is not a BCP 47 tag" in bad.stderr
    plain = subprocess.run([sys.executable, "-m", "explainer", "import", str(bank), "-o", str(tmp_path / "r")], capture_output=True, text=True, timeout=120)
    assert plain.returncode == 0 and load_pack(tmp_path / "r").meta.language == "en"  # a bank does not say


def test_a_language_comment_that_is_not_a_tag_is_said(tmp_path: Path) -> None:
    run = run_import(tmp_path, "bank.gift", "// language: korean\nQ? {T}\n".encode())
    assert run.returncode == 0
    assert "the bank's language comment 'korean' is not a BCP 47 tag" in run.stderr
    assert load_pack(tmp_path / "out").meta.language == "en"

"""Moodle as the oracle: our GIFT import reads each question the way Moodle's own
format.php reads it (question/format/gift/format.php and giftformat_test.php, read with
the library's search tool), or says in a report line what it changed.

tests/fixtures/interop/moodle-questions.gift has the constructs of Moodle's fixture
questions.gift.txt, in the same order, with our own words. For each question this file
holds Moodle's reading (type, answers, fractions, feedback, general feedback,
tolerance) and checks ours against it: same right answers, same texts with the format
markers gone, and a report line for everything explainer cannot keep.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer.interop.common import decode_bank
from explainer.interop.gift import parse_gift

FIXTURES = Path(__file__).parent / "fixtures" / "interop"


def parse(text: str):
    """Parse GIFT text (lines split as a file would be)."""
    return parse_gift(text.split("\n"))


@pytest.fixture(scope="module")
def moodle():
    result = parse_gift(decode_bank((FIXTURES / "moodle-questions.gift").read_bytes()))
    return result, {q["id"]: q for q in result.questions}


def line_of(needle: str) -> int:
    """The line of the fixture where ``needle`` first occurs."""
    lines = (FIXTURES / "moodle-questions.gift").read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


def entry(result, line: int):
    """The report entry at ``line``."""
    return next(e for e in result.report if e.line == line)


# Moodle's reading of each question of the fixture (qtype, answers with fractions).
MOODLE_READS = {
    "E1": "essay",
    "Tools": "match",
    "M1": "multichoice (single)",
    "primes": "multichoice (multiple)",
    "N1": "numerical",
    "Shortanswer": "shortanswer",
    "T1": "truefalse",
    "2-08 TF": "truefalse",
}


def test_every_question_moodle_reads_is_imported_or_skipped_with_its_line(moodle) -> None:
    result, by_id = moodle
    assert result.errors == []
    assert len(result.questions) == 8  # all but the essay
    skipped = [e for e in result.report if e.kind == "skipped"]
    assert [e.line for e in skipped] == [line_of("::E1::")] and "essay" in skipped[0].message


def test_match_sides_lose_their_format_markers_and_html(moodle) -> None:
    _, by_id = moodle
    q = by_id["tools"]
    assert q["type"] == "match" and q["prompt"] == "Match the tool to what it does."
    assert q["pairs"] == [
        {"left": "A tool for driving in nails.", "right": "Hammer"},
        {"left": "A tool for cutting wood.", "right": "Saw"},
        {"left": "A tool for turning screws.", "right": "Screwdriver"},
        {"left": "A tool for measuring length.", "right": "Ruler"},
    ]
    assert q["distractors"] == ["Wrench"]  # "= -> Wrench": an answer with no question


def test_single_choice_with_feedback_in_formats(moodle) -> None:
    _, by_id = moodle
    q = by_id["m1"]
    assert q["type"] == "single"  # Moodle: single = 1, there is an '='
    assert q["choices"] == [
        {"text": "Mercury", "correct": True, "feedback": "right; well done!"},
        {"text": "Venus", "feedback": "wrong, it's Mercury"},
        {"text": "Mars", "feedback": "wrong, it's Mercury"},
    ]


def test_weights_without_equals_are_a_multiple_response_question(moodle) -> None:
    result, by_id = moodle
    q = by_id["primes"]
    assert q["type"] == "multiple" and q["scoring"] == "partial"  # Moodle: single = 0
    assert [(c["text"], c.get("correct", False)) for c in q["choices"]] == [
        ("two", True), ("four", False), ("three", True), ("six", False)
    ]
    report = entry(result, line_of("::primes::"))
    assert report.kind == "approximated" and "-1/2" in report.message  # Moodle takes -100% off


def test_a_range_with_a_catch_all_wrong_answer(moodle) -> None:
    result, by_id = moodle
    q = by_id["n1"]
    assert (q["type"], q["answer"], q["tolerance"]) == ("numeric", 15, 5)  # Moodle: 15 ± 5
    assert "explanation" not in q  # "~#..." is never taken for the explanation
    report = entry(result, line_of("::N1::"))
    assert report.kind == "approximated" and '"Not in the range at all"' in report.message


def test_short_answer_keeps_full_credit_answers_and_reports_the_rest(moodle) -> None:
    result, by_id = moodle
    q = by_id["shortanswer"]
    assert q["type"] == "short_answer" and q["accept"] == ["Mercury"]
    assert q["explanation"] == "Good!"
    message = entry(result, line_of("::Shortanswer::")).message
    assert '"Quicksilver" (50%)' in message and "'*'" in message
    assert 'the feedback of the answer "Mercury" became the explanation' in message


def test_true_false_general_feedback_is_the_explanation_and_the_report_says_so(moodle) -> None:
    result, by_id = moodle
    q = by_id["t1"]
    assert q["type"] == "true_false" and q["answer"] is True
    assert q["explanation"] == "It is larger than all the land on Earth put together."
    message = entry(result, line_of("::T1::")).message
    assert "the general feedback (####) is the explanation" in message
    assert "the first feedback became the explanation" not in message
    assert '"You gave the right answer."' in message and '"It is the largest one."' in message


def test_same_names_get_distinct_ids(moodle) -> None:
    _, by_id = moodle
    assert by_id["2-08-tf"]["answer"] is True and by_id["2-08-tf-2"]["answer"] is True


# ------------------------------------------------------------- what Moodle accepts


@pytest.mark.parametrize(
    ("text", "kind", "check"),
    [
        ("Q?{One}", "short_answer", lambda q: q["accept"] == ["One"]),
        ("Q?{=The moon -> tides ~The sun}", "single", lambda q: q["choices"][0]["text"] == "The moon -> tides"),
        ("Q?{~a -> b ~%100%c}", "multiple", lambda q: q["choices"][0]["text"] == "a -> b"),
        ("Odd \\ spacing?{=a\\ b ~c}", "single", lambda q: q["prompt"] == "Odd \\ spacing?" and q["choices"][0]["text"] == "a\\ b"),
        ("Q?{~%100%a ~%-50%b ~%-50%c}", "multiple", lambda q: [c.get("correct", False) for c in q["choices"]] == [True, False, False]),
    ],
)
def test_what_moodle_accepts_is_imported_as_moodle_reads_it(text, kind, check) -> None:
    result = parse(text)
    assert result.errors == [] and len(result.questions) == 1, result.report
    assert result.questions[0]["type"] == kind and check(result.questions[0])


def test_id_and_tag_comments_become_the_id_and_tags_with_a_report_line() -> None:
    result = parse("// [id:geo-7] [tag:maps] [tag:Europe]\n::Capital::What is the capital of Spain?{=Madrid ~Porto}")
    (q,) = result.questions
    assert q["id"] == "geo-7" and q["tags"] == ["maps", "europe"]
    (report,) = [e for e in result.report if e.kind == "converted"]
    assert "[id:geo-7]" in report.message and "[tag:maps] [tag:Europe]" in report.message


def test_text_in_a_markdown_field_is_escaped_to_show_as_written() -> None:
    (q,) = parse("Q?{=a ~b ####2*3*4 = 24, and _x_ [y]}").questions
    from markdown_it import MarkdownIt

    assert MarkdownIt().render(q["explanation"]).strip() == "<p>2*3*4 = 24, and _x_ [y]</p>"
    (md,) = parse("Q?{=a ~b ####[markdown]2 *times* 3}").questions
    assert md["explanation"] == "2 *times* 3"  # Markdown already: kept as Markdown


def test_pre_keeps_its_indentation_and_media_stay_as_text() -> None:
    result = parse("[html]<p>Listen to this greeting: <a href=\"greeting.mp3\">play</a></p><pre>if x:\n    y()</pre>{T}")
    (q,) = result.questions
    assert "[audio: greeting.mp3]" in q["prompt"] and "if x:\n    y()" in q["prompt"]
    (report,) = [e for e in result.report if e.kind == "approximated"]
    assert "kept as text: [audio: greeting.mp3]" in report.message


# ------------------------------------------------------------------------- Aiken


def test_aiken_reads_what_moodle_reads_and_reports_the_rest_by_line() -> None:
    """tests/fixtures/interop/moodle-errors.aiken has the cases of Moodle's
    question/format/aiken/tests/fixtures/aiken_errors.txt (our words), and Moodle's
    aikenformat_test.php is the oracle: three questions, errors at the others."""
    from explainer.interop.aiken import parse_aiken

    result = parse_aiken(decode_bank((FIXTURES / "moodle-errors.aiken").read_bytes()))
    prompts = [q["prompt"] for q in result.questions]
    assert prompts == [
        "A good question",
        "A second good question",
        "A third good question with the characters > < &",
    ]
    no_space = result.questions[1]
    assert [(c["text"], c.get("correct", False)) for c in no_space["choices"]] == [
        ("Wrong (no space)", False), ("Right (no space)", True)
    ]
    assert [c["text"] for c in result.questions[2]["choices"]] == ["Right (< > &)", "Wrong (< > &)"]
    errors = {e.line: e.message for e in result.errors}
    assert sorted(errors) == [1, 5, 7, 14]
    assert "at least two options" in errors[1]
    assert "no question line above it" in errors[5]
    assert "'ANSWER:' with no question before it" in errors[7]  # never merged into the next prompt
    assert "no 'ANSWER:' line" in errors[14]


def test_questions_in_a_category_with_a_sound_link() -> None:
    """The cases of Moodle's questions_in_category.gift.txt: a category, a match, a
    choice question whose prompt is a link to an mp3, a short answer with an empty
    feedback, a true/false with inline HTML."""
    result = parse_gift(decode_bank((FIXTURES / "moodle-in-category.gift").read_bytes()))
    assert result.errors == []
    by_id = {q["id"]: q for q in result.questions}
    assert list(by_id) == ["capitals", "greeting", "reader", "acronym"]
    assert all(q["tags"] == ["default-for-languages"] for q in by_id.values())
    assert len(by_id["capitals"]["pairs"]) == 4 and by_id["capitals"]["distractors"] == ["Oslo"]
    greeting = by_id["greeting"]
    assert greeting["prompt"] == "Listen to this greeting: [audio: http://example.org/media/hola.mp3]\nWhich language is spoken?"
    assert [c.get("correct", False) for c in greeting["choices"]] == [False, True, False, False]
    report = next(e for e in result.report if e.line == 17)
    assert report.kind == "approximated" and "[audio: http://example.org/media/hola.mp3]" in report.message
    assert by_id["reader"]["accept"] == ["reader"] and "explanation" not in by_id["reader"]
    assert by_id["acronym"]["prompt"] == "NATO is an acronym for North Atlantic Treaty Organization."
    assert by_id["acronym"]["answer"] is True


def test_aiken_questions_keep_markup_as_plain_text() -> None:
    """The cases of Moodle's questions.aiken.txt: Moodle escapes the text (s()), so
    markup shows as written; so does explainer, which shows it as plain text."""
    from explainer.interop.aiken import parse_aiken

    result = parse_aiken(decode_bank((FIXTURES / "moodle-questions.aiken").read_bytes()))
    assert result.errors == [] and len(result.questions) == 2
    first, second = result.questions
    assert [c.get("correct", False) for c in first["choices"]] == [False, True, False, False]
    assert second["prompt"] == 'Web pages can hold markup such as <html class="cool"> & images:'


# Moodle's type for each question of examples.txt, by format.php's rules, in order.
EXAMPLES_MOODLE_TYPES = (
    "single single true_false short_answer numeric single single single single short_answer short_answer"
    " true_false true_false match match numeric numeric numeric numeric numeric short_answer single single"
    " short_answer short_answer true_false single single short_answer multiple multiple single single single"
    " single true_false short_answer numeric match single single short_answer numeric"
).split()


def test_the_43_examples_of_moodles_examples_txt_read_as_moodle_reads_them() -> None:
    """tests/fixtures/interop/moodle-examples.gift: the constructs of Moodle's
    question/format/gift/examples.txt in the same order (our words)."""
    result = parse_gift(decode_bank((FIXTURES / "moodle-examples.gift").read_bytes()))
    assert result.errors == [] and not [e for e in result.report if e.kind == "skipped"]
    assert len(EXAMPLES_MOODLE_TYPES) == 43
    assert [q["type"] for q in result.questions] == EXAMPLES_MOODLE_TYPES
    by_prompt = {}
    for q in result.questions:
        by_prompt.setdefault(q["prompt"], q)
    # the missing-word form
    assert by_prompt["The Eiffel Tower is _____ of iron."]["choices"][1] == {"text": "built", "correct": True}
    # escaped '=' in answers of a choice question
    sevens = by_prompt["Which answer equals 7?"]["choices"]
    assert [(c["text"], c.get("correct", False)) for c in sevens] == [("= 3 + 3", False), ("= 3 + 4", True), ("= 3 + 5", False)]
    # a feedback over several lines, and an escaped backslash as the right answer
    control = next(q for q in result.questions if q["id"] == "gift-control-characters")
    right = next(c for c in control["choices"] if c.get("correct"))
    assert right["text"] == "\\" and right["feedback"].startswith("Correct! \\ (backslash) is not a control character. BUT,")
    assert "(as shown in this example)." in right["feedback"]
    # several numeric answers: the full-credit one is kept, the rest reported
    numeric = next(q for q in result.questions if q["id"] == "numerical-example")
    assert (numeric["answer"], numeric.get("tolerance", 0)) == (1889, 0)
    # a [markdown] prompt is kept as written and reported (the prompt is plain text)
    markdown = next(e for e in result.report if "Markdown in the prompt kept as written" in e.message)
    assert markdown.kind == "approximated"

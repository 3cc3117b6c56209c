"""The loader: a valid pack loads; each rule of DESIGN.md gives an error at the right line."""

from __future__ import annotations

from pathlib import Path

import pytest
from packs import EXPLAINER_TOML, PACK_TOML, QUIZ_TOML, line_of, write_pack

from explainer.pack import (
    ContentError,
    MultipleChoiceQuestion,
    PackError,
    PackNotFound,
    SingleChoiceQuestion,
    TrueFalseQuestion,
    bundled_pack_path,
    load_pack,
)
from explainer.pack.errors import ERROR_CODES


def errors_of(folder: Path) -> list[str]:
    """Load ``folder`` expecting failure; return the errors as ``name:line:col: msg; fix: hint``."""
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    return [f"{e.file.name}:{e.line}:{e.column}: {_text(e)}" for e in caught.value.errors]


def _text(error: ContentError) -> str:
    """The message and the hint as ``str(error)`` shows them, without the position."""
    assert error.hint, f"{error.code} error without a hint: {error.message}"
    assert error.code in ERROR_CODES and error.severity == "error", error
    return f"{error.message}; fix: {error.hint}"


def only_error(folder: Path) -> tuple[str, int, str]:
    """Load ``folder`` expecting exactly one error; return (file name, line, message; fix: hint)."""
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    assert len(caught.value.errors) == 1, caught.value.errors
    error = caught.value.errors[0]
    return error.file.name, error.line, _text(error)


def test_valid_mini_pack_loads(tmp_path: Path) -> None:
    pack = load_pack(write_pack(tmp_path))
    assert pack.id == "mini"
    assert [s.id for s in pack.sections] == ["intro", "law"]
    assert [type(q) for q in pack.questions] == [SingleChoiceQuestion, MultipleChoiceQuestion, TrueFalseQuestion]
    assert pack.quiz.pass_mark == 0.5
    assert pack.timeline[1].date == "2024-10"
    assert pack.section("law").title == "The law"


def test_bundled_pack_loads_and_meets_the_content_brief() -> None:
    pack = load_pack(bundled_pack_path())
    assert pack.id == "nk-pows"
    assert len(pack.sections) >= 7
    for section in pack.sections:
        words = len(section.body.split())
        assert 120 <= words <= 350, (section.id, words)
        assert 2 <= len(section.key_points) <= 4, section.id
        assert section.sources, section.id
    assert len(pack.glossary) >= 10
    assert len(pack.timeline) >= 10
    assert len(pack.questions) >= 18
    assert {q.type for q in pack.questions} >= {"single", "multiple", "true_false"}
    for section in pack.sections:
        assert sum(q.section == section.id for q in pack.questions) >= 2, section.id
    for question in pack.questions:
        assert question.explanation, question.id
        for choice in getattr(question, "choices", ()):
            assert choice.correct or choice.feedback, (question.id, choice.text)
    cited = {s for section in pack.sections for s in section.sources}
    cited |= {s for event in pack.timeline for s in event.sources}
    assert cited == {source.id for source in pack.meta.sources}


def test_missing_folder_is_not_a_content_error(tmp_path: Path) -> None:
    with pytest.raises(PackNotFound):
        load_pack(tmp_path / "nowhere")


def test_missing_file(tmp_path: Path) -> None:
    name, line, message = only_error(write_pack(tmp_path, quiz=None))
    assert (name, line) == ("quiz.toml", 1)
    assert "file is missing" in message


def test_toml_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    quiz = QUIZ_TOML.replace('prompt = "Which one?"', 'prompt = "Which one?')
    name, line, message = only_error(write_pack(tmp_path, quiz=quiz))
    assert (name, line) == ("quiz.toml", line_of(quiz, 'prompt = "Which one?'))
    assert message.startswith("TOML syntax error:")


def test_not_utf8(tmp_path: Path) -> None:
    folder = write_pack(tmp_path)
    (folder / "pack.toml").write_bytes(PACK_TOML.encode() + b'\nx = "\xff"\n')
    name, line, message = only_error(folder)
    assert name == "pack.toml" and "UTF-8" in message
    assert line == PACK_TOML.count("\n") + 2


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    folder = write_pack(tmp_path)
    (folder / "pack.toml").write_bytes(b"\xef\xbb\xbf" + PACK_TOML.encode())
    assert load_pack(folder).id == "mini"


def test_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    quiz = QUIZ_TOML.replace('explanation = "It does."', 'explanaton = "It does."')
    name, line, message = only_error(write_pack(tmp_path, quiz=quiz))
    assert (name, line) == ("quiz.toml", line_of(quiz, "explanaton"))
    assert message.startswith("question 'statement': unknown key 'explanaton': did you mean 'explanation'?")


def test_unknown_key_in_a_choice(tmp_path: Path) -> None:
    quiz = QUIZ_TOML.replace('feedback = "No."', 'feedbak = "No."', 1)
    name, line, message = only_error(write_pack(tmp_path, quiz=quiz))
    assert line == line_of(quiz, "feedbak")
    assert message.startswith("question 'pick-one': choice 2: unknown key 'feedbak'")


def test_unknown_top_level_key_in_pack(tmp_path: Path) -> None:
    pack = PACK_TOML.replace('language = "en"', 'language = "en"\nlicence = "CC"')
    name, line, message = only_error(write_pack(tmp_path, pack=pack))
    assert (name, line) == ("pack.toml", line_of(pack, "licence"))
    assert "unknown key 'licence'" in message


def test_missing_required_key_points_at_its_table(tmp_path: Path) -> None:
    quiz = QUIZ_TOML.replace('prompt = "Which ones?"\n', "")
    name, line, message = only_error(write_pack(tmp_path, quiz=quiz))
    assert line == line_of(quiz, "[[questions]]", occurrence=2)
    assert message.startswith("question 'pick-some': missing required key 'prompt'; fix: add `prompt = ...`")


def test_missing_required_top_level_key(tmp_path: Path) -> None:
    pack = PACK_TOML.replace('summary = "A pack for tests."\n', "")
    name, line, message = only_error(write_pack(tmp_path, pack=pack))
    assert name == "pack.toml" and line == 1
    assert message.startswith("missing required key 'summary'; fix: add `summary = ...`")


@pytest.mark.parametrize(
    ("array", "old", "new", "label"),
    [
        ("explainer", 'id = "law"\ntitle', 'id = "intro"\ntitle', "duplicate section id 'intro'"),
        ("quiz", 'id = "statement"', 'id = "pick-one"', "duplicate question id 'pick-one'"),
        ("pack", 'id = "law"', 'id = "report"', "duplicate source id 'report'"),
        ("explainer", 'term = "Asylum"', 'term = "Repatriation"', "duplicate glossary term 'Repatriation'"),
    ],
)
def test_duplicate_ids(tmp_path: Path, array: str, old: str, new: str, label: str) -> None:
    text = {"pack": PACK_TOML, "explainer": EXPLAINER_TOML, "quiz": QUIZ_TOML}[array].replace(old, new)
    errors = errors_of(write_pack(tmp_path, **{array: text}))
    matching = [e for e in errors if label in e]
    assert matching, errors
    first_line = line_of(text, new.splitlines()[0])
    second_line = line_of(text, new.splitlines()[0], occurrence=2)
    assert matching[0].split(":")[1] == str(second_line)
    assert f"first used on line {first_line}" in matching[0]


def test_section_reference_that_names_nothing(tmp_path: Path) -> None:
    quiz = QUIZ_TOML.replace('section = "law"\nanswer = true', 'section = "laws"\nanswer = true')
    name, line, message = only_error(write_pack(tmp_path, quiz=quiz))
    assert line == line_of(quiz, 'section = "laws"')
    assert message == (
        "question 'statement': 'section' names 'laws', which is not a section in explainer.toml;"
        " fix: did you mean 'law'?"
    )


def test_sources_reference_that_names_nothing(tmp_path: Path) -> None:
    explainer = EXPLAINER_TOML.replace('sources = ["law", "report"]', 'sources = ["law", "interview"]')
    name, line, message = only_error(write_pack(tmp_path, explainer=explainer))
    assert (name, line) == ("explainer.toml", line_of(explainer, '"interview"'))
    assert message.startswith("section 'law': 'sources' names 'interview', which is not a source in pack.toml")


def test_see_also_that_names_nothing(tmp_path: Path) -> None:
    explainer = EXPLAINER_TOML.replace('see_also = ["Asylum"]', 'see_also = ["Refugee"]')
    name, line, message = only_error(write_pack(tmp_path, explainer=explainer))
    assert line == line_of(explainer, "see_also")
    assert "'see_also' names 'Refugee', which is not a glossary term" in message


def test_timeline_section_that_names_nothing(tmp_path: Path) -> None:
    explainer = EXPLAINER_TOML.replace('section = "intro"', 'section = "kursk"')
    name, line, message = only_error(write_pack(tmp_path, explainer=explainer))
    assert line == line_of(explainer, 'section = "kursk"')
    assert message.startswith("timeline event 1: 'section' names 'kursk'")


@pytest.mark.parametrize("found", [0, 2])
def test_single_needs_exactly_one_correct_choice(tmp_path: Path, found: int) -> None:
    if found == 0:
        quiz = QUIZ_TOML.replace('text = "Right"\n  correct = true', 'text = "Right"', 1)
    else:
        quiz = QUIZ_TOML.replace('text = "Wrong"\n  feedback = "No."', 'text = "Wrong"\n  correct = true', 1)
    name, line, message = only_error(write_pack(tmp_path, quiz=quiz))
    assert line == line_of(quiz, "[[questions]]")
    assert message.startswith(
        f"question 'pick-one': a single-choice question needs exactly one correct choice (found {found})"
    )


def test_multiple_needs_at_least_one_correct_choice(tmp_path: Path) -> None:
    quiz = QUIZ_TOML.replace('text = "A"\n  correct = true', 'text = "A"').replace(
        'text = "B"\n  correct = true', 'text = "B"'
    )
    name, line, message = only_error(write_pack(tmp_path, quiz=quiz))
    assert line == line_of(quiz, "[[questions]]", occurrence=2)
    assert "a multiple-choice question needs at least one correct choice (found 0)" in message


def test_fewer_than_two_choices(tmp_path: Path) -> None:
    quiz = QUIZ_TOML.replace('\n  [[questions.choices]]\n  text = "Wrong"\n  feedback = "No."\n', "", 1)
    name, line, message = only_error(write_pack(tmp_path, quiz=quiz))
    assert line == line_of(quiz, "[[questions]]")
    assert "needs at least two choices (found 1)" in message


def test_unknown_type_lists_the_known_ones(tmp_path: Path) -> None:
    quiz = QUIZ_TOML.replace('type = "true_false"', 'type = "essay"')
    name, line, message = only_error(write_pack(tmp_path, quiz=quiz))
    assert line == line_of(quiz, 'type = "essay"')
    assert message == 'question \'statement\': unknown question type "essay"; fix: use one of: single, multiple, true_false, short_answer, numeric, order, match'


@pytest.mark.parametrize("value", ["1.5", "-0.1", "70"])
def test_pass_mark_outside_zero_to_one(tmp_path: Path, value: str) -> None:
    quiz = QUIZ_TOML.replace("pass_mark = 0.5", f"pass_mark = {value}")
    name, line, message = only_error(write_pack(tmp_path, quiz=quiz))
    assert line == line_of(quiz, "pass_mark")
    assert message.startswith("[quiz]: 'pass_mark' must be between 0 and 1")


@pytest.mark.parametrize("value", ["2", '"2"', "0", "true"])
def test_unknown_schema_is_refused(tmp_path: Path, value: str) -> None:
    pack = PACK_TOML.replace("schema = 1", f"schema = {value}")
    # Even with other problems, an unknown schema is the one thing reported.
    quiz = QUIZ_TOML.replace('type = "true_false"', 'type = "essay"')
    name, line, message = only_error(write_pack(tmp_path, pack=pack, quiz=quiz))
    assert (name, line) == ("pack.toml", 1)
    assert message.startswith("unknown schema") and "reads schema 1" in message


def test_wrong_value_types_are_named_in_toml_words(tmp_path: Path) -> None:
    quiz = QUIZ_TOML.replace("answer = true", 'answer = "yes"').replace("points = 2", 'points = "2"')
    errors = errors_of(write_pack(tmp_path, quiz=quiz))
    assert any("question 'statement': 'answer' must be true or false, not text" in e for e in errors)
    assert any("question 'pick-some': 'points' must be a whole number, not text" in e for e in errors)


def test_bad_id_and_date(tmp_path: Path) -> None:
    explainer = EXPLAINER_TOML.replace('id = "intro"', 'id = "The Intro"').replace('"2024-10"', '"Oct 2024"')
    errors = errors_of(write_pack(tmp_path, explainer=explainer))
    assert any("must be a lower-case id" in e and e.startswith(f"explainer.toml:{line_of(explainer, 'The Intro')}:") for e in errors)
    assert any("'date' must be a real date" in e for e in errors)


def test_every_error_is_reported_in_one_run(tmp_path: Path) -> None:
    pack = PACK_TOML.replace('title = "Mini pack"', 'titel = "Mini pack"')
    explainer = EXPLAINER_TOML.replace('see_also = ["Asylum"]', 'see_also = ["Refugee"]')
    quiz = (
        QUIZ_TOML.replace("pass_mark = 0.5", "pass_mark = 2")
        .replace('type = "true_false"', 'type = "essay"')
        .replace('section = "intro"\nexplanation', 'section = "nowhere"\nexplanation')
    )
    errors = errors_of(write_pack(tmp_path, pack=pack, explainer=explainer, quiz=quiz))
    joined = "\n".join(errors)
    for expected in ("unknown key 'titel'", "missing required key 'title'", "'Refugee'", "pass_mark", '"essay"', "'nowhere'"):
        assert expected in joined
    # Sorted by file (pack, explainer, quiz), then line.
    files = [e.split(":")[0] for e in errors]
    assert len(errors) == 6
    assert files == sorted(files, key=["pack.toml", "explainer.toml", "quiz.toml"].index)


def test_error_string_is_file_line_column_message(tmp_path: Path) -> None:
    quiz = QUIZ_TOML.replace('type = "true_false"', 'type = "essay"')
    folder = write_pack(tmp_path, quiz=quiz)
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    text = str(caught.value.errors[0])
    assert text.startswith(f"{folder / 'quiz.toml'}:{line_of(quiz, 'essay')}:1: question 'statement'")


def test_models_are_frozen(tmp_path: Path) -> None:
    pack = load_pack(write_pack(tmp_path))
    with pytest.raises(Exception):
        pack.sections[0].title = "changed"  # type: ignore[misc]


def test_author_text_is_kept_verbatim(tmp_path: Path) -> None:
    odd = r"[sic] [/x] [@click=app.quit] C:\path\n 북한 군인 🙂"
    quiz = QUIZ_TOML.replace('prompt = "Which one?"', f"prompt = '''{odd}'''")
    pack = load_pack(write_pack(tmp_path, quiz=quiz))
    assert pack.questions[0].prompt == odd


def test_schema_in_quotes_says_how_to_write_it(tmp_path: Path) -> None:
    pack = PACK_TOML.replace("schema = 1", 'schema = "1"')
    name, line, message = only_error(write_pack(tmp_path, pack=pack))
    assert message == "'schema' must be a number without quotes; fix: write schema = 1"


def test_missing_schema_does_not_hide_other_errors(tmp_path: Path) -> None:
    pack = PACK_TOML.replace("schema = 1\n", "")
    quiz = QUIZ_TOML.replace("pass_mark = 0.5", "pass_mark = 7")
    errors = errors_of(write_pack(tmp_path, pack=pack, quiz=quiz))
    assert errors[0] == "pack.toml:1:1: missing required key 'schema'; fix: add `schema = 1` at the top"
    assert any("pass_mark" in e for e in errors)


@pytest.mark.parametrize("header", ["sections", "glossary"])
def test_single_brackets_for_an_array_of_tables(tmp_path: Path, header: str) -> None:
    explainer = EXPLAINER_TOML.replace(f"[[{header}]]", f"[{header}]", 1).replace(f"[[{header}]]", "[[other]]")
    errors = errors_of(write_pack(tmp_path, explainer=explainer))
    expected = f"write each of the {header} as a [[{header}]] table (double brackets), not [{header}]"
    assert any(expected in e for e in errors), errors
    # No knock-on errors about references on lines that are right.
    assert not any("which is not a section" in e for e in errors)


def test_choices_in_single_brackets(tmp_path: Path) -> None:
    quiz = QUIZ_TOML.replace("[[questions.choices]]", "[questions.choices]")
    name, line, message = only_error(write_pack(tmp_path, quiz=quiz))
    assert line == line_of(quiz, "[questions.choices]", occurrence=2)
    assert message.startswith("[questions.choices] is written with single brackets, so it is one table, not one of a list")


@pytest.mark.parametrize(
    ("old", "header"),
    [("  [[questions.choices]]", "questions.choices"), ("[[questions]]", "questions")],
)
def test_one_single_bracket_header_among_double_ones_is_pointed_at(tmp_path: Path, old: str, header: str) -> None:
    quiz = QUIZ_TOML.replace(old, old.replace("[[", "[").replace("]]", "]"), 1)
    folder = write_pack(tmp_path, quiz=quiz)
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    (error,) = caught.value.errors
    assert error.line == line_of(quiz, f"[{header}]")
    assert error.hint.startswith(f"write [[{header}]] (double brackets)")


def test_unknown_type_does_not_hide_typos_in_other_keys(tmp_path: Path) -> None:
    quiz = QUIZ_TOML.replace('type = "true_false"', 'type = "true-false"').replace(
        'prompt = "The law says so."', 'promt = "The law says so."'
    )
    errors = errors_of(write_pack(tmp_path, quiz=quiz))
    assert any("unknown question type" in e for e in errors)
    assert any(e.startswith(f"quiz.toml:{line_of(quiz, 'promt')}:") and "unknown key 'promt'" in e for e in errors)


def test_quoted_schema_does_not_hide_other_errors(tmp_path: Path) -> None:
    pack = PACK_TOML.replace("schema = 1", 'schema = "1"').replace("updated = 2025-02-01", 'updated = "2025-02-01"')
    errors = errors_of(write_pack(tmp_path, pack=pack))
    assert len(errors) == 2
    assert "'schema' must be a number without quotes" in errors[0] and "'updated'" in errors[1]


def test_bad_date_message_repeats_the_value(tmp_path: Path) -> None:
    explainer = EXPLAINER_TOML.replace('"2024-10"', '"January 2026"')
    name, line, message = only_error(write_pack(tmp_path, explainer=explainer))
    assert "not \"January 2026\"" in message


@pytest.mark.parametrize("tag", ["english", "English", "123", "en_US"])
def test_language_must_look_like_bcp47(tmp_path: Path, tag: str) -> None:
    pack = PACK_TOML.replace('language = "en"', f'language = "{tag}"')
    name, line, message = only_error(write_pack(tmp_path, pack=pack))
    assert "BCP 47" in message


@pytest.mark.parametrize("tag", ["en", "ko-KR", "zh-Hant-TW", "x-klingon", "en-US-u-ca-gregory"])
def test_real_language_tags_are_accepted(tmp_path: Path, tag: str) -> None:
    pack = PACK_TOML.replace('language = "en"', f'language = "{tag}"')
    assert load_pack(write_pack(tmp_path, pack=pack)).meta.language == tag


def test_no_far_fetched_suggestions(tmp_path: Path) -> None:
    quiz = QUIZ_TOML.replace('section = "intro"\nexplanation', 'section = "the-files"\nexplanation')
    name, line, message = only_error(write_pack(tmp_path, quiz=quiz))
    assert "did you mean" not in message


def test_inline_table_choices_are_placed_on_their_own_lines(tmp_path: Path) -> None:
    quiz = QUIZ_TOML.split("[[questions]]")[0] + (
        '[[questions]]\nid = "inline"\ntype = "single"\nprompt = "?"\nsection = "intro"\n'
        'choices = [\n    { text = "A", correct = true },\n    { text = "B", corect = true },\n]\n'
    )
    name, line, message = only_error(write_pack(tmp_path, quiz=quiz))
    assert line == line_of(quiz, "corect")
    assert "choice 2: unknown key 'corect'" in message


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('title = "Intro"', 'title = "   "', "section 'intro': 'title' must not be empty or only spaces"),
        ('key_points = ["One.", "Two."]', 'key_points = ["One.", " "]', "'key_points' item 2 must not be empty"),
        ('key_points = ["One.", "Two."]', 'key_points = ["One.", 2]', "'key_points' item 2 must be text in quotes, not the number 2"),
        ('"2024-10"', '"2024-00"', "'date' must be a real date"),
        ('"2024-10"', '"0000"', "'date' must be a real date"),
        ('"2024-10"', '"２０２４"', "'date' must be a real date"),
    ],
)
def test_blank_text_and_impossible_dates(tmp_path: Path, old: str, new: str, expected: str) -> None:
    explainer = EXPLAINER_TOML.replace(old, new, 1)
    name, line, message = only_error(write_pack(tmp_path, explainer=explainer))
    assert expected in message
    assert line == line_of(explainer, new.split(" = ")[-1] if " = " in new else new)


@pytest.mark.parametrize("value", ["0", '"2025-02-01"', "2025-02-01T10:30:00"])
def test_updated_must_be_a_toml_date(tmp_path: Path, value: str) -> None:
    pack = PACK_TOML.replace("updated = 2025-02-01", f"updated = {value}")
    name, line, message = only_error(write_pack(tmp_path, pack=pack))
    assert line == line_of(pack, "updated")
    assert message.startswith("'updated' must be a TOML date without quotes, such as 2025-02-01")


@pytest.mark.parametrize("url", ["https:///", "https://x\\n", "http://a b", "ftp://example.org"])
def test_bad_urls(tmp_path: Path, url: str) -> None:
    pack = PACK_TOML.replace("https://example.org/report", url)
    name, line, message = only_error(write_pack(tmp_path, pack=pack))
    assert "'url' must be a web address" in message


def test_huge_numbers_and_deep_nesting_are_content_errors(tmp_path: Path) -> None:
    quiz = QUIZ_TOML.replace("points = 2", "points = 0x" + "f" * 4000)
    name, line, message = only_error(write_pack(tmp_path / "hex", quiz=quiz))
    assert message == "question 'pick-some': 'points' must be at most 100, not a very large number; fix: write a number at most 100"
    quiz = QUIZ_TOML + "\nx = " + "9" * 4400 + "\n"
    name, line, message = only_error(write_pack(tmp_path / "digits", quiz=quiz))
    assert "a number too long to read" in message
    quiz = QUIZ_TOML.replace("[quiz]", "deep = " + "[" * 600 + "]" * 600 + "\n[quiz]")
    name, line, message = only_error(write_pack(tmp_path / "deep", quiz=quiz))
    assert "nested too deeply" in message


def test_syntax_error_at_end_without_newline(tmp_path: Path) -> None:
    quiz = QUIZ_TOML + "z ="
    name, line, message = only_error(write_pack(tmp_path, quiz=quiz))
    assert line == quiz.count("\n") + 1
    assert message.startswith("TOML syntax error")


def test_syntax_error_names_keys_in_toml_words_and_gives_a_fix(tmp_path: Path) -> None:
    quiz = QUIZ_TOML + "\n[quiz]\ntitle = \"again\"\n"
    name, line, message = only_error(write_pack(tmp_path, quiz=quiz))
    assert "Cannot declare [quiz] twice" in message and "merge the two" in message
    assert "('quiz'" not in message


def test_control_characters_never_reach_the_terminal(tmp_path: Path) -> None:
    quiz = QUIZ_TOML.replace('type = "true_false"', 'type = "\\u001b[2Jessay"')
    name, line, message = only_error(write_pack(tmp_path, quiz=quiz))
    assert "\x1b" not in message and "U+001B ESCAPE" in message


def test_a_fifo_is_refused_not_read(tmp_path: Path) -> None:
    import os

    folder = write_pack(tmp_path, quiz=None)
    os.mkfifo(folder / "quiz.toml")
    name, line, message = only_error(folder)
    assert message.startswith("not a regular file")


def test_multiline_string_with_brackets_inside_an_array_keeps_lines_right(tmp_path: Path) -> None:
    explainer = EXPLAINER_TOML.replace(
        'key_points = ["One.", "Two."]', 'key_points = ["""Point one [see\nthe law""", "Two."]'
    ).replace('sources = ["law", "report"]', 'sourcs = ["law", "report"]')
    name, line, message = only_error(write_pack(tmp_path, explainer=explainer))
    assert line == line_of(explainer, "sourcs")


# ---------------------------------------------------------------- authoring messages (issue 11)


def test_a_number_in_quotes_is_one_error_that_says_number(every_type_pack, tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "p"
    shutil.copytree(every_type_pack.path, folder)
    quiz = (folder / "quiz.toml").read_text(encoding="utf-8").replace("answer = 18\n", 'answer = "100"\n')
    (folder / "quiz.toml").write_text(quiz, encoding="utf-8")
    name, line, message = only_error(folder)
    assert (name, line) == ("quiz.toml", line_of(quiz, 'answer = "100"'))
    assert "'answer' must be a number, not text \"100\"" in message
    assert "int" not in message.replace("into", "") and "float" not in message


@pytest.mark.parametrize(
    ("value", "words"),
    [("2025-02-30", "is not a real date"), ("01/03/2025", "is not written as a TOML date"), ("2025-3-1", "two digits")],
)
def test_a_bad_date_gets_the_bad_date_code_and_says_how_to_write_one(tmp_path: Path, value: str, words: str) -> None:
    pack = PACK_TOML.replace("updated = 2025-02-01", f"updated = {value}")
    assert pack != PACK_TOML
    folder = write_pack(tmp_path, pack=pack)
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    (error,) = caught.value.errors
    assert error.code == "bad-date" and error.line == line_of(pack, f"updated = {value}")
    assert words in error.message and "YYYY-MM-DD" in error.hint


def test_an_invisible_character_is_named(tmp_path: Path) -> None:
    quiz = QUIZ_TOML.replace('prompt = "Which one?"', 'prompt = "Which\u000bone?"')
    folder = write_pack(tmp_path, quiz=quiz)
    with pytest.raises(PackError) as caught:
        load_pack(folder)
    (error,) = caught.value.errors
    assert error.code == "control-character" and "U+000B LINE TABULATION" in error.message
    assert error.line == line_of(quiz, "prompt = \"Which")


def test_ids_may_hold_underscores_and_suggestions_are_valid_ids(tmp_path: Path) -> None:
    pack = PACK_TOML.replace('id = "mini"', 'id = "mini_pack"').replace('id = "law"', 'id = "the_law"')
    explainer = EXPLAINER_TOML.replace('sources = ["law", "report"]', 'sources = ["the_law", "report"]')
    load_pack(write_pack(tmp_path / "ok", pack=pack, explainer=explainer))  # no error
    bad = PACK_TOML.replace('id = "law"', 'id = "Law!"')
    explainer = EXPLAINER_TOML.replace('sources = ["law", "report"]', 'sources = ["law", "report"]')
    with pytest.raises(PackError) as caught:
        load_pack(write_pack(tmp_path / "bad", pack=bad))
    assert all("did you mean 'Law!'" not in str(e) and "Law!'?" not in e.hint for e in caught.value.errors)

"""Lint warnings: each finding has its code, file, line and a fix; clean packs have none."""

from __future__ import annotations

from pathlib import Path

import pytest
from packs import EXPLAINER_TOML, PACK_TOML, QUIZ_TOML, line_of, write_pack

from explainer.pack import bundled_pack_path, load_pack
from explainer.pack.lint import WARNING_CODES, is_all_or_none, lint_pack
from explainer.pack.scaffold import write_scaffold


def warnings_of(folder: Path) -> list[tuple[str, str, int]]:
    """Lint ``folder``; return (code, file name, line) of each warning."""
    found = lint_pack(load_pack(folder))
    for warning in found:
        assert warning.severity == "warning" and warning.code in WARNING_CODES
        assert warning.message and warning.hint and "\n" not in warning.message
        assert str(warning).startswith(f"{warning.file}:{warning.line}:{warning.column}: warning: ")
    return [(w.code, w.file.name, w.line) for w in found]


def test_mini_pack_bundled_pack_and_scaffold_are_clean(tmp_path: Path) -> None:
    assert warnings_of(write_pack(tmp_path / "mini")) == []
    assert warnings_of(bundled_pack_path()) == []
    assert warnings_of(write_scaffold(tmp_path / "new")) == []


def test_wrong_choice_without_feedback(tmp_path: Path) -> None:
    quiz = QUIZ_TOML.replace('  text = "Wrong"\n  feedback = "No."\n', '  text = "Wrong"\n')
    found = warnings_of(write_pack(tmp_path, quiz=quiz))
    assert found == [("choice-without-feedback", "quiz.toml", line_of(quiz, "[[questions.choices]]", 2))]


def test_question_without_explanation(tmp_path: Path) -> None:
    quiz = QUIZ_TOML.replace('explanation = "It does."\n', "")
    found = warnings_of(write_pack(tmp_path, quiz=quiz))
    assert found == [("question-without-explanation", "quiz.toml", line_of(quiz, "[[questions]]", 3))]


def test_duplicate_choice_text_ignores_case_and_spaces(tmp_path: Path) -> None:
    quiz = QUIZ_TOML.replace('text = "B"', 'text = "  a "')
    found = warnings_of(write_pack(tmp_path, quiz=quiz))
    assert found == [("duplicate-choice-text", "quiz.toml", line_of(quiz, 'text = "  a "'))]


ALL_OR_NONE = '  [[questions.choices]]\n  text = "{text}"\n  feedback = "No."\n{pin}\n[[questions]]\nid = "statement"'


@pytest.mark.parametrize(
    "text", ["None of the above", "all of the above", "All of these", "Both of the above", "NEITHER OF THESE."]
)
def test_all_or_none_of_the_above_must_be_pinned_when_shuffled(tmp_path: Path, text: str) -> None:
    quiz = QUIZ_TOML.replace('\n[[questions]]\nid = "statement"', "\n" + ALL_OR_NONE.format(text=text, pin=""))
    found = warnings_of(write_pack(tmp_path / "a", quiz=quiz))
    assert found == [("unpinned-all-or-none", "quiz.toml", line_of(quiz, f'text = "{text}"'))]
    pinned = QUIZ_TOML.replace('\n[[questions]]\nid = "statement"', "\n" + ALL_OR_NONE.format(text=text, pin="  pin = true"))
    assert warnings_of(write_pack(tmp_path / "b", quiz=pinned)) == []
    unshuffled = quiz.replace("shuffle_choices = true", "shuffle_choices = false")
    assert warnings_of(write_pack(tmp_path / "c", quiz=unshuffled)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("None of the above", True),
        ("(All of the above)", True),
        ("Any of the above answers", True),
        ("All of the above are correct", True),
        ("Both had already been transferred", False),
        ("None of the figures has been verified", False),
        ("All of these men were wounded", False),
        ("Above all, the law", False),
    ],
)
def test_what_counts_as_all_or_none(text: str, expected: bool) -> None:
    assert is_all_or_none(text) is expected


def test_section_no_question_tests(tmp_path: Path) -> None:
    quiz = QUIZ_TOML.replace('section = "intro"', 'section = "law"')
    found = warnings_of(write_pack(tmp_path, quiz=quiz))
    assert found == [("untested-section", "explainer.toml", line_of(EXPLAINER_TOML, 'id = "intro"'))]


def test_source_nothing_cites(tmp_path: Path) -> None:
    explainer = EXPLAINER_TOML.replace('sources = ["law", "report"]', 'sources = ["report"]')
    found = warnings_of(write_pack(tmp_path, explainer=explainer))
    assert found == [("uncited-source", "pack.toml", line_of(PACK_TOML, 'id = "law"'))]


def test_a_timeline_event_counts_as_a_citation(tmp_path: Path) -> None:
    explainer = EXPLAINER_TOML.replace('sources = ["law", "report"]', 'sources = ["report"]')
    explainer = explainer.replace('event = "Something else."', 'event = "Something else."\nsources = ["law"]')
    assert warnings_of(write_pack(tmp_path, explainer=explainer)) == []


def test_warnings_are_sorted_by_file_and_line(tmp_path: Path) -> None:
    quiz = QUIZ_TOML.replace('section = "intro"', 'section = "law"').replace('explanation = "It does."\n', "")
    quiz = quiz.replace('  text = "Wrong"\n  feedback = "No."\n', '  text = "Wrong"\n')
    found = warnings_of(write_pack(tmp_path, quiz=quiz))
    assert [code for code, _, _ in found] == [
        "untested-section", "choice-without-feedback", "question-without-explanation"
    ]


GIVEAWAY_QUIZ = '''\
[quiz]
title = "Check"
pass_mark = 0.5
shuffle_questions = false

[[questions]]
id = "first"
type = "single"
prompt = "Which one?"
section = "intro"
explanation = "Because the **Kursk region** is where they were held."

  [[questions.choices]]
  text = "Right"
  correct = true

  [[questions.choices]]
  text = "Wrong"
  feedback = "No: the centre is called Hanawon."

[[questions]]
id = "where"
type = "single"
prompt = "Where were they captured?"
section = "law"
explanation = "In Kursk."

  [[questions.choices]]
  text = "The Kursk region"
  correct = true

  [[questions.choices]]
  text = "Crimea"
  feedback = "No."

[[questions]]
id = "centre"
type = "short_answer"
prompt = "Name the centre."
section = "law"
accept = ["Hanawon"]
explanation = "It is Hanawon."

[[questions]]
id = "pairs"
type = "match"
prompt = "Match them."
section = "intro"
explanation = "See the law."

  [[questions.pairs]]
  left = "Article 118"
  right = "Release without delay"

  [[questions.pairs]]
  left = "Article 12"
  right = "Transfer to another power"
'''


def test_an_answer_written_in_an_earlier_question_is_a_giveaway(tmp_path: Path) -> None:
    found = warnings_of(write_pack(tmp_path, quiz=GIVEAWAY_QUIZ))
    assert found == [
        ("answer-shown-earlier", "quiz.toml", line_of(GIVEAWAY_QUIZ, "explanation = \"Because the **Kursk")),
        ("answer-shown-earlier", "quiz.toml", line_of(GIVEAWAY_QUIZ, "the centre is called Hanawon")),
    ]
    warning = next(w for w in lint_pack(load_pack(tmp_path)) if "Hanawon" in w.message)
    assert "'first'" in warning.message and "'centre'" in warning.message and "later question" in warning.message


def test_a_later_question_may_repeat_an_earlier_answer_unless_questions_are_shuffled(tmp_path: Path) -> None:
    quiz = GIVEAWAY_QUIZ.replace("Because the **Kursk region** is where they were held.", "Because.")
    quiz = quiz.replace("No: the centre is called Hanawon.", "No.")
    quiz = quiz.replace('explanation = "See the law."', 'explanation = "The answer to where was the Kursk region."')
    assert warnings_of(write_pack(tmp_path / "a", quiz=quiz)) == []  # 'pairs' comes after 'where'
    shuffled = quiz.replace("shuffle_questions = false", "shuffle_questions = true")
    assert warnings_of(write_pack(tmp_path / "b", quiz=shuffled)) == [
        ("answer-shown-earlier", "quiz.toml", line_of(shuffled, "The answer to where was the Kursk region."))
    ]


def test_a_match_pair_is_given_away_only_by_both_sides_together(tmp_path: Path) -> None:
    one_side = GIVEAWAY_QUIZ.replace('explanation = "In Kursk."', 'explanation = "Article 118 says so."')
    found = warnings_of(write_pack(tmp_path / "a", quiz=one_side))
    assert ("answer-shown-earlier", "quiz.toml", line_of(one_side, "Article 118 says so.")) not in found
    both = GIVEAWAY_QUIZ.replace('explanation = "In Kursk."', 'explanation = "Article 118 means *release without delay*."')
    found = warnings_of(write_pack(tmp_path / "b", quiz=both))
    assert ("answer-shown-earlier", "quiz.toml", line_of(both, "Article 118 means")) in found


def test_short_answers_and_parts_of_words_are_not_giveaways(tmp_path: Path) -> None:
    quiz = GIVEAWAY_QUIZ.replace('accept = ["Hanawon"]', 'accept = ["Kur"]').replace(
        '"No: the centre is called Hanawon."', '"No: Kursky is not Kur."'
    ).replace('explanation = "Because the **Kursk region** is where they were held."', 'explanation = "The Kursk regions."')
    assert warnings_of(write_pack(tmp_path, quiz=quiz)) == []

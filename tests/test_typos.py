"""Near misses in typed answers (``typos`` on a short_answer question, or under [quiz]):
scoring, the 5-letter rule, the quiz-wide default, the words before and after answering
(app and plain mode), the strict lint warning, validation, and packs without it."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, SEED, screen_text
from packs import QUIZ_TOML, line_of, write_pack
from plain_lines import answers, right_line

from explainer.app import ExplainerApp
from explainer.kinds import TextResponse, kind_of
from explainer.pack import PackError, bundled_pack_path, load_pack
from explainer.pack.lint import lint_pack
from explainer.pack.model import QuizFile, ShortAnswerQuestion
from explainer.plain import run_plain
from explainer.storage import current_hashes

ROOT = Path(__file__).resolve().parent.parent
COMMON = {"prompt": "Where?", "section": "s"}


def short(accept: list[str], **fields) -> ShortAnswerQuestion:
    """A validated short-answer question accepting ``accept``."""
    return ShortAnswerQuestion.model_validate({"id": "q", "type": "short_answer", "accept": accept, **COMMON, **fields})


def right(question: ShortAnswerQuestion, typed: str) -> bool:
    """Whether ``typed`` scores as right for ``question``."""
    return kind_of(question).score(question, TextResponse(typed)).correct


def every_type_with(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of tests/fixtures/every-type with ``old`` replaced by ``new`` in quiz.toml."""
    folder = tmp_path / "every-type"
    shutil.copytree(FIXTURES / "every-type", folder)
    quiz = folder / "quiz.toml"
    text = quiz.read_text(encoding="utf-8")
    assert old in text
    quiz.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


TOWN_TYPOS = ('accept = ["Harbourtown", "Harbour town"]\n', 'accept = ["Harbourtown", "Harbour town"]\ntypos = 1\n')


# ------------------------------------------------------------------ scoring


def test_without_typos_only_exact_answers_count() -> None:
    question = short(["Hanawon"])
    assert question.typo_limit == 0
    assert right(question, "  HANAWON ")
    assert not right(question, "Hanawan")
    assert not right(question, "Hanwon")


@pytest.mark.parametrize("typed", ["Hanawan", "hanwon", "Hannawon", "HANAWOM", " hanawoN "])
def test_one_typo_is_accepted_with_typos_1(typed: str) -> None:
    assert right(short(["Hanawon"], typos=1), typed)


@pytest.mark.parametrize("typed", ["Hanawen x", "Hanwan", "Honawan", "Hana", ""])
def test_more_typos_than_allowed_are_wrong(typed: str) -> None:
    assert not right(short(["Hanawon"], typos=1), typed)


def test_typos_2_accepts_two_edits_and_no_more() -> None:
    question = short(["Hanawon"], typos=2)
    assert right(question, "Hanwan") and right(question, "Honawan")
    assert not right(question, "Honwan x")


def test_case_sensitive_counts_a_capital_as_a_typo() -> None:
    question = short(["Hanawon"], typos=1, case_sensitive=True)
    assert right(question, "hanawon")
    assert not right(question, "hanawan")


def test_answers_under_five_letters_must_match_exactly() -> None:
    question = short(["Hanawon", "NIS", "Kursk", "1718", "Art 3"], typos=3)
    assert right(question, "NIS") and right(question, "Kursk") and right(question, "1718")
    assert not right(question, "NIX")  # 3 letters: exact only
    assert not right(question, "1717")  # digits are not letters
    assert not right(question, "Art 4")  # 3 letters
    assert right(question, "Kurks")  # exactly 5 letters: the rule applies


def test_the_nearest_accepted_answer_is_named() -> None:
    question = short(["Hanawon", "Hanawan centre"], typos=2)
    kind = kind_of(question)
    assert kind.accepted_match(question, "hanawon") == ("Hanawon", 0)
    assert kind.accepted_match(question, "Hanawan") == ("Hanawon", 1)
    assert kind.accepted_match(question, "Hanawan centr") == ("Hanawan centre", 1)
    assert kind.accepted_match(question, "nothing") is None


# ------------------------------------------------------------------ quiz-wide typos


def quiz_file(quiz_typos: int | None, *questions: dict) -> QuizFile:
    """A validated quiz with ``typos`` under [quiz] (None: not written)."""
    quiz = {} if quiz_typos is None else {"typos": quiz_typos}
    return QuizFile.model_validate({"quiz": quiz, "questions": list(questions)})


def question(id_: str, **fields) -> dict:
    """A short-answer question table accepting "Hanawon"."""
    return {"id": id_, "type": "short_answer", "accept": ["Hanawon"], **COMMON, **fields}


def test_quiz_wide_typos_apply_where_a_question_sets_none() -> None:
    quiz = quiz_file(2, question("inherits"), question("off", typos=0), question("own", typos=1))
    inherits, off, own = quiz.questions
    assert (inherits.typo_limit, off.typo_limit, own.typo_limit) == (2, 0, 1)
    assert right(inherits, "Hanwan")
    assert not right(off, "Hanawan")
    assert right(own, "Hanawan") and not right(own, "Hanwan")


def test_quiz_wide_typos_default_to_off() -> None:
    quiz = quiz_file(None, question("plain"))
    assert quiz.quiz.typos == 0 and quiz.questions[0].typo_limit == 0
    assert not right(quiz.questions[0], "Hanawan")


def test_quiz_wide_typos_leave_other_question_types_alone() -> None:
    statement = {"id": "statement", "type": "true_false", "answer": True, **COMMON}
    quiz = quiz_file(1, statement, question("typed"))
    assert "typos" not in type(quiz.questions[0]).model_fields
    assert quiz.questions[1].typo_limit == 1


# ------------------------------------------------------------------ words


def test_the_rule_is_said_before_answering() -> None:
    kind = kind_of(short(["Hanawon"]))
    assert kind.rules(short(["Hanawon"])) == "Capital letters do not matter."
    assert kind.rules(short(["Hanawon"], typos=1)) == "Capital letters do not matter. Small typos are accepted (1 letter)."
    assert kind.instruction(short(["Hanawon"], typos=2)).endswith("Small typos are accepted (up to 2 letters).")
    assert "typos" not in kind.rules(short(["NIS", "ROK"], typos=2))  # no answer is long enough


def test_the_feedback_note_names_what_was_accepted() -> None:
    question = short(["Hanawon"], typos=1)
    kind = kind_of(question)
    assert kind.accepted_note(question, TextResponse("Hanawan")) == "accepted: Hanawon — you typed Hanawan"
    assert kind.accepted_note(question, TextResponse("hanawon")) == ""  # exact: nothing to say
    assert kind.accepted_note(question, TextResponse("wrong")) == ""
    assert kind.accepted_note(question, None) == ""


async def test_app_says_the_rule_and_what_was_accepted(tmp_path: Path) -> None:
    from test_app_types import open_question

    pack = load_pack(every_type_with(tmp_path, *TOWN_TYPOS))
    app = ExplainerApp(pack, seed=SEED)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_question(pilot, app, "town-name")
        flat = " ".join(screen_text(app).split())
        assert "Capital letters do not matter. Small typos are accepted (1 letter)." in flat
        await pilot.press(*"Harbortown", "enter")
        await pilot.pause()
        assert screen.answered and app.session.results()[3].correct
        flat = " ".join(screen_text(app).split())
        assert "✓ Correct" in flat
        assert "Your answer: Harbortown" in flat
        assert "accepted: Harbourtown — you typed Harbortown" in flat


async def test_app_says_nothing_more_after_an_exact_answer(tmp_path: Path) -> None:
    from test_app_types import open_question

    pack = load_pack(every_type_with(tmp_path, *TOWN_TYPOS))
    app = ExplainerApp(pack, seed=SEED)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_question(pilot, app, "town-name")
        await pilot.press(*"harbourtown", "enter")
        await pilot.pause()
        assert screen.answered and not screen.query("#accepted-note")
        assert "you typed" not in screen_text(app)


def test_plain_mode_says_the_rule_and_what_was_accepted(tmp_path: Path) -> None:
    pack = load_pack(every_type_with(tmp_path, *TOWN_TYPOS))

    def pick(session, q):
        return "Harbortown" if q.id == "town-name" else right_line(session, q)

    _, stdin = answers(pack, pick)
    out = io.StringIO()
    code = run_plain(pack, data_dir=tmp_path / "data", seed=SEED, quiz_only=True,
                     stdin=io.StringIO(stdin), stdout=out, stderr=io.StringIO())
    text = out.getvalue()
    assert code == 0
    assert "Type your answer, then press enter. Capital letters do not matter. Small typos are accepted (1 letter)." in text
    block = text[text.index("Type your answer"):]
    assert block.index("Correct.") < block.index("Your answer: Harbortown")
    assert "Your answer: Harbortown\naccepted: Harbourtown — you typed Harbortown\nThe right answer: Harbourtown" in block
    assert "You answered every question correctly." in text


# ------------------------------------------------------------------ lint


NEAR_CHOICE = QUIZ_TOML.replace('text = "Wrong"', 'text = "Hanawan"') + """
[[questions]]
id = "centre"
type = "short_answer"
prompt = "Which centre?"
section = "law"
accept = ["Hanawon", "NIS"]
typos = 1
explanation = "Hanawon."
"""


def warnings_of(folder: Path) -> list[tuple[str, str, int, str]]:
    """(code, file name, line, message) of each lint warning of ``folder``."""
    return [(w.code, w.file.name, w.line, w.message) for w in lint_pack(load_pack(folder))]


def test_strict_warns_about_a_wrong_choice_within_typos(tmp_path: Path) -> None:
    found = warnings_of(write_pack(tmp_path, quiz=NEAR_CHOICE))
    line = line_of(NEAR_CHOICE, 'text = "Hanawan"')
    assert found == [(
        "typo-near-other-answer", "quiz.toml", line,
        "question 'pick-one': wrong choice 2 (\"Hanawan\") is 1 letter from \"Hanawon\", which question"
        " 'centre' accepts with typos = 1, so typed there it would count as right",
    )]


def test_strict_warns_about_another_questions_accepted_answer(tmp_path: Path) -> None:
    quiz = NEAR_CHOICE.replace('text = "Hanawan"', 'text = "Wrong"') + """
[[questions]]
id = "other"
type = "short_answer"
prompt = "Another?"
section = "law"
accept = ["Hanawen"]
explanation = "Another."
"""
    found = warnings_of(write_pack(tmp_path, quiz=quiz))
    assert [(code, name, line) for code, name, line, _ in found] == [
        ("typo-near-other-answer", "quiz.toml", line_of(quiz, 'accept = ["Hanawen"]'))
    ]
    assert "question 'other': accepted answer 1 (\"Hanawen\")" in found[0][3]


def test_no_warning_without_typos_for_identical_or_far_texts(tmp_path: Path) -> None:
    off = NEAR_CHOICE.replace("typos = 1\n", "")
    assert warnings_of(write_pack(tmp_path / "off", quiz=off)) == []
    short_only = NEAR_CHOICE.replace('text = "Hanawan"', 'text = "NIX"')  # NIS is under 5 letters
    assert warnings_of(write_pack(tmp_path / "short", quiz=short_only)) == []
    same = NEAR_CHOICE.replace('text = "Hanawan"', 'text = "hanawon"')  # right or wrong without the rule
    found = warnings_of(write_pack(tmp_path / "same", quiz=same))
    assert [w for w in found if w[0] == "typo-near-other-answer"] == []
    assert [w[0] for w in found] == ["answer-shown-earlier"]  # shown earlier, it gives the answer away


def test_strict_validate_prints_the_warning_with_file_and_line(tmp_path: Path) -> None:
    folder = write_pack(tmp_path / "pack", quiz=NEAR_CHOICE)
    result = subprocess.run(
        [sys.executable, "-m", "explainer", "validate", "--strict", str(folder)],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )
    assert result.returncode == 1
    line = line_of(NEAR_CHOICE, 'text = "Hanawan"')
    assert f"{folder / 'quiz.toml'}:{line}:3: warning: question 'pick-one': wrong choice 2" in result.stderr


# ------------------------------------------------------------------ validation


@pytest.mark.parametrize(("where", "old", "new"), [
    ("question", "typos = 1\n", "typos = 9\n"),
    ("quiz", "shuffle_choices = true\n", "shuffle_choices = true\ntypos = 9\n"),
    ("negative", "typos = 1\n", "typos = -1\n"),
    ("text", "typos = 1\n", 'typos = "1"\n'),
])
def test_typos_must_be_a_whole_number_from_0_to_3(tmp_path: Path, where: str, old: str, new: str) -> None:
    quiz = NEAR_CHOICE.replace(old, new)
    with pytest.raises(PackError) as caught:
        load_pack(write_pack(tmp_path, quiz=quiz))
    [error] = caught.value.errors
    assert error.file.name == "quiz.toml" and error.line == line_of(quiz, "typos = ")
    assert "'typos'" in error.message
    if where != "text":
        assert error.code == "out-of-range"
        assert "must be a whole number from 0 to 3" in error.message
        assert error.message.startswith("[quiz]: " if where == "quiz" else "question 'centre': ")
    else:
        assert error.code == "wrong-type"


# ------------------------------------------------------------------ existing packs


def test_packs_without_typos_are_unchanged() -> None:
    """No typo rule, and the same content hashes as before the field existed (so saved
    progress still matches)."""
    pack = load_pack(FIXTURES / "every-type")
    assert pack.quiz.typos == 0
    town = pack.question("town-name")
    assert town.typos is None and town.typo_limit == 0
    assert not right(town, "Harbortown")
    assert kind_of(town).rules(town) == "Capital letters do not matter."
    assert current_hashes(pack) == {
        "closure": "47d053ea6b3534a5", "ferry-facts": "30bcb780033f9cf3",
        "repair-months": "3e430b6e16bed009", "story-order": "8ed34c441cb97aa4",
        "town-name": "b0960506f7a40094", "vote-date": "fb72b4735e113c7f", "who-what": "29adb2f853c46bd4",
    }


def test_the_bundled_pack_accepts_a_typo_in_hanawon() -> None:
    pack = load_pack(bundled_pack_path())
    centre = pack.question("resettlement-centre")
    assert centre.typo_limit == 1 and right(centre, "Hanawan")
    assert lint_pack(pack) == []


def test_gift_export_reports_typos_as_lost() -> None:
    question = short(["Hanawon"], typos=1)

    class Gift:
        @staticmethod
        def text(value: str) -> str:
            return value

    lines, losses = kind_of(question).gift_answers(question, Gift())
    assert lines == ["=Hanawon"]
    assert any("typos" in loss for loss in losses)

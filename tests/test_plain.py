"""Plain mode (explainer/plain.py): the lesson and quiz as lines, answers on stdin.

Most tests run plain mode in a fresh interpreter with answers piped into stdin, as a
reader with a screen reader or a script would (``python -m explainer.plain``). The right
answers are computed from the pack and from the display order of a QuizSession with the
same seed, never written down here, so the tests keep working as the packs grow.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from explainer.pack import (
    MatchQuestion,
    MultipleChoiceQuestion,
    NumericQuestion,
    OrderQuestion,
    Pack,
    ShortAnswerQuestion,
    SingleChoiceQuestion,
    TrueFalseQuestion,
    bundled_pack_path,
    load_pack,
)
from explainer.flow import QuizFlow
from explainer.plain import main_plain, markdown_to_text, plain_wanted, run_plain
from explainer.session import QuizSession
from explainer.storage import ProgressStore, progress_path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"


# ------------------------------------------------------------------ helpers


from plain_lines import SEED, _letter, answers, first_attempt, right_line, wrong_line  # noqa: E402


def run_piped(
    data_dir: Path, stdin: str, *args: str, pack: Path | None = None, env: dict | None = None
) -> subprocess.CompletedProcess:
    """Run ``python -m explainer.plain [PACK] ARGS`` with ``stdin`` piped in."""
    command = [sys.executable, "-m", "explainer.plain"]
    if pack is not None:
        command.append(str(pack))
    command += ["--data-dir", str(data_dir), *args]
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run(
        command, input=stdin, capture_output=True, text=True, encoding="utf-8",
        cwd=ROOT, env=environment, timeout=60,
    )


@pytest.fixture(scope="module")
def bundled() -> Pack:
    """The bundled pack, as it is now (its quiz grows; answers are computed)."""
    return load_pack(bundled_pack_path())


@pytest.fixture(scope="module")
def every_type() -> Pack:
    """The fixture pack with one question of every type."""
    return load_pack(FIXTURES / "every-type")


def run_in_process(pack: Pack, data_dir: Path, stdin: str, **options) -> tuple[int, str, str]:
    """Run plain mode in this process with string streams; return (code, out, err)."""
    out, err = io.StringIO(), io.StringIO()
    options.setdefault("seed", SEED)
    code = run_plain(pack, data_dir=data_dir, stdin=io.StringIO(stdin), stdout=out, stderr=err, **options)
    return code, out.getvalue(), err.getvalue()


# ------------------------------------------------------------------ the bundled quiz by pipe


def test_right_answers_through_a_pipe_score_100(bundled: Pack, tmp_path: Path) -> None:
    session, stdin = answers(bundled, right_line)
    result = run_piped(tmp_path, stdin, "--quiz-only", "--seed", str(SEED))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    total = len(bundled.questions)
    points = sum(q.points for q in bundled.questions)
    assert f"Score: {points} of {points} points (100%) — passed (pass mark 70%)" in result.stdout
    assert result.stdout.count("Correct.") == total
    assert "Not quite." not in result.stdout
    assert "You answered every question correctly." in result.stdout
    for number in range(1, total + 1):
        assert f"Question {number} of {total}\n" in result.stdout
    # The progress file holds the attempt, every answer right.
    progress = ProgressStore(bundled.id, tmp_path).load()
    assert progress.quiz is None
    (attempt,) = progress.attempts
    assert attempt.passed and attempt.score == attempt.max_points == points
    assert [a.question for a in attempt.answers] == [q.id for q in session.questions]
    assert all(a.correct and a.response is not None for a in attempt.answers)


def test_every_instruction_is_in_words(every_type: Pack, tmp_path: Path) -> None:
    _, stdin = answers(every_type, right_line)
    result = run_piped(tmp_path, stdin, "--quiz-only", "--seed", str(SEED), pack=FIXTURES / "every-type")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for instruction in (
        "Type the number of your answer.",
        "Type the numbers of every right answer, separated by spaces or commas.",
        "Partial credit: +1/2 point for each right pick, −1/2 for each wrong one (never below 0).",  # as in the app
        "Scores 1 point only if every line is matched right.",
        "Scores 1 point only if the whole order is right.",
        "Type t for true or f for false.",
        "Type your answer, then press enter. Capital letters do not matter.",
        "Type a number, then press enter (10000, 10,000 and 1e4 all work).",
        "Type the numbers in the right order, e.g. 3 1 2.",
        "Type a letter for each, in order, e.g. b a.",
    ):
        assert instruction in out
    assert "  1. True\n  2. False\n" in out
    assert "Score: 7 of 7 points (100%) — passed" in out
    # Plain: no escape sequences (colour, cursor) and no box drawing.
    assert "\x1b" not in out
    assert not any("\u2500" <= ch <= "\u259f" for ch in out)


def test_order_and_match_are_shown_in_the_session_order(every_type: Pack, tmp_path: Path) -> None:
    session, stdin = answers(every_type, right_line)
    code, out, _ = run_in_process(every_type, tmp_path, stdin, quiz_only=True)
    assert code == 0
    order_q = every_type.question("story-order")
    shown = "".join(
        f"  {n}. {order_q.items[i]}\n" for n, i in enumerate(session.display_order("story-order"), start=1)
    )
    assert shown in out
    match_q = every_type.question("who-what")
    lefts = "".join(f"  {n}. {p.left}\n" for n, p in enumerate(match_q.pairs, start=1))
    options = "".join(
        f"  {_letter(k)}. {match_q.right_options[i]}\n"
        for k, i in enumerate(session.display_order("who-what"))
    )
    assert lefts + "Options:\n" + options in out
    # The right answers of order and match, one part a line.
    assert "The right answer, first to last:\n" + "".join(
        f"  {n}. {item}\n" for n, item in enumerate(order_q.items, start=1)
    ) in out
    assert "The right answer:\n" + "".join(f"  {p.left}: {p.right}\n" for p in match_q.pairs) in out


def test_wrong_answers_say_so_with_the_right_answer_and_feedback(bundled: Pack, tmp_path: Path) -> None:
    session, stdin = answers(bundled, wrong_line)
    result = run_piped(tmp_path, stdin, "--quiz-only", "--seed", str(SEED))
    assert result.returncode == 0, result.stderr  # a failed quiz still exits 0
    out = result.stdout
    total = len(session.questions)
    assert out.count("Not quite.") == total
    assert "Correct." not in out
    first = session.questions[0]
    assert isinstance(first, SingleChoiceQuestion)
    picked = next(c for c in first.choices if not c.correct)
    right = next(c for c in first.choices if c.correct)
    assert f"Your answer: {picked.text}\nThe right answer: {right.text}\n" in out
    if picked.feedback:
        assert f"About your answer: {picked.feedback}\n" in out
    assert "Explanation: " in out
    points = sum(q.points for q in bundled.questions)
    assert f"Score: 0 of {points} points (0%) — not passed (pass mark 70%)" in out
    assert f"Questions to look at again ({total}):" in out
    assert "Sections to read again:" in out
    for section_id in session.missed_sections():
        index = bundled.section_index(section_id)
        assert f"- Section {index + 1}: {bundled.sections[index].title}\n" in out


def test_partial_credit_is_said_in_words(every_type: Pack, tmp_path: Path) -> None:
    session = first_attempt(every_type)
    ferry = every_type.question("ferry-facts")
    order = session.display_order("ferry-facts")
    one_right = str(order.index(next(i for i, c in enumerate(ferry.choices) if c.correct)) + 1)
    stdin = "".join((one_right if q.id == "ferry-facts" else right_line(session, q)) + "\n" for q in session.questions)
    code, out, _ = run_in_process(every_type, tmp_path, stdin, quiz_only=True)
    assert code == 0
    assert "Partly right: 0.5 of 1 point." in out
    assert "Score: 6.5 of 7 points (92%) — passed" in out
    assert "- Question 2, partly right: " in out


# ------------------------------------------------------------------ invalid input, EOF


def test_invalid_input_gets_a_message_and_the_question_again(every_type: Pack, tmp_path: Path) -> None:
    session = first_attempt(every_type)
    bad = {
        "vote-date": ["9", "one", "1 2", ""],
        "ferry-facts": ["0", "x", ""],
        "closure": ["maybe", ""],
        "town-name": ["", "   "],
        "repair-months": ["ten", "10,00"],
        "story-order": ["1 2", "1 1 2", "a b c"],
        "who-what": ["z z", "a", "1 2"],
    }
    lines = []
    for q in session.questions:
        lines += bad[q.id] + [right_line(session, q)]
    result = run_piped(
        tmp_path, "\n".join(lines) + "\n", "--quiz-only", "--seed", str(SEED), pack=FIXTURES / "every-type"
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.count("Type one number from 1 to 4.") == 4
    assert out.count("Type one or more numbers from 1 to 3, separated by spaces or commas, e.g. 1 3.") == 3
    assert out.count("Type t for true or f for false.") == 3  # the instruction, then twice
    assert out.count("Type your answer, then press Enter.") == 2
    assert "“ten” is not a number." in out and "“10,00” is not a number." in out
    assert out.count("Type each number from 1 to 3 once, in the right order, e.g. 3 1 2.") == 3
    assert out.count("Type 2 letters from a to c, one for each numbered item, e.g. b a.") == 3
    # Every question was still answered right in the end: nothing was scored 0 on the way.
    assert "Score: 7 of 7 points (100%) — passed" in out
    for number in range(1, 8):
        assert out.count(f"Question {number} of 7\n") == 1


def test_numeric_ten_then_twelve(every_type: Pack, tmp_path: Path) -> None:
    session = first_attempt(every_type)
    lines = []
    for q in session.questions:
        lines += ["ten", "12"] if q.id == "repair-months" else [right_line(session, q)]
    code, out, _ = run_in_process(every_type, tmp_path, "\n".join(lines) + "\n", quiz_only=True)
    assert code == 0
    block = out.split("About how many months would repairs close the bridge for?\n", 1)[1]
    assert block.startswith(
        "Scores 1 point if right.\n"
        "Type a number, then press enter (10000, 10,000 and 1e4 all work).\n"
        "“ten” is not a number. Use digits, for example 10000, 10,000, 1e4 or -5.\n"
        "Not quite.\n"
        "Scores 1 point if right.\n"
        "Your answer: 12\n"
        "The right answer: 18 (± 1)\n"
    )
    progress = ProgressStore(every_type.id, tmp_path).load()
    answer = next(a for a in progress.attempts[0].answers if a.question == "repair-months")
    assert answer.response.value == 12.0 and not answer.correct


def test_end_of_input_mid_quiz_saves_the_quiz_and_records_no_attempt(bundled: Pack, tmp_path: Path) -> None:
    """Input that ends early (the README's own short pipe) keeps the quiz to continue:
    no finished attempt of 0 points lands in an educator's CSV, the reader is told how
    many questions are left, and the exit code says the input ended (66)."""
    session, stdin = answers(bundled, right_line)
    two = "".join(stdin.splitlines(keepends=True)[:2])
    result = run_piped(tmp_path, two, "--quiz-only", "--seed", str(SEED))
    assert result.returncode == 66, result.stderr
    assert "Traceback" not in result.stderr
    total = len(session.questions)
    out = result.stdout
    assert out.count("Correct.") == 2
    # The question the input ended at is printed whole: prompt and numbered choices.
    third = session.questions[2]
    assert f"Question 3 of {total}\n{third.prompt}\nScores 1 point if right.\n  1. " in out
    assert "Score:" not in out
    assert result.stderr.strip() == (
        f"The input ended before the quiz did: {total - 2} questions left."
        " Your answers so far are saved; start plain mode again to continue the quiz."
    )
    progress = ProgressStore(bundled.id, tmp_path).load()
    assert progress.attempts == ()
    assert progress.quiz is not None and progress.quiz.position == 2
    assert [q.response is not None for q in progress.quiz.questions][:3] == [True, True, False]
    # Continuing asks question 3 and finishes with the whole score.
    rest = "".join(stdin.splitlines(keepends=True)[2:])
    result = run_piped(tmp_path, "y\n" + rest, "--quiz-only", "--seed", str(SEED))
    assert result.returncode == 0, result.stderr
    points = sum(q.points for q in bundled.questions)
    assert f"Score: {points} of {points} points (100%)" in result.stdout
    assert len(ProgressStore(bundled.id, tmp_path).load().attempts) == 1


def test_empty_stdin_saves_the_quiz_at_question_one(every_type: Pack, tmp_path: Path) -> None:
    code, out, err = run_in_process(every_type, tmp_path, "")  # with the sections
    assert code == 66
    assert "Section 1 of 3: The vote" in out and "Section 3 of 3" in out
    assert "Question 1 of 7\n" in out and "Score:" not in out
    assert "7 questions left" in err
    progress = ProgressStore(every_type.id, tmp_path).load()
    assert progress.attempts == () and progress.quiz is not None and progress.quiz.position == 0


def test_output_to_a_file_still_prints_every_question(bundled: Pack, tmp_path: Path) -> None:
    """With stdout a file (not a terminal), the questions are printed all the same."""
    session, stdin = answers(bundled, right_line)
    out_file = tmp_path / "out.txt"
    with out_file.open("w", encoding="utf-8") as out, open(os.devnull, encoding="utf-8") as devnull:
        result = subprocess.run(
            [sys.executable, "-m", "explainer.plain", "--data-dir", str(tmp_path / "data"), "--seed", str(SEED)],
            stdin=devnull, stdout=out, stderr=subprocess.PIPE, text=True, cwd=ROOT,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"}, timeout=60,
        )
    assert result.returncode == 66
    text = out_file.read_text(encoding="utf-8")
    first = session.questions[0]
    assert f"Question 1 of {len(session.questions)}\n{first.prompt}\n" in text


def test_a_quiz_saved_right_after_a_check_continues_at_the_next_question(every_type: Pack, tmp_path: Path) -> None:
    """Saved just after the reader checked question 2 (as the app saves), the quiz
    continues at question 3 in plain mode, as it does in the app."""
    flow = QuizFlow(every_type, seed=SEED, data_dir=tmp_path)
    session = flow.start()
    for _ in range(2):
        question = session.current
        flow.answer(kinds_right(session, question))
        if session.position == 0:
            flow.move_on()
    assert ProgressStore(every_type.id, tmp_path).load().quiz.position == 1  # checked, not moved on
    code, out, _ = run_in_process(every_type, tmp_path, "y\nq\n", quiz_only=True)
    assert "Continue the quiz where you stopped (question 3 of 7)? [Y/n]" in out
    assert "Question 3 of 7\n" in out and "Question 2 of 7\n" not in out


def kinds_right(session: QuizSession, question):
    """The right response to ``question``, parsed from :func:`right_line` by its kind."""
    from explainer.kinds import kind_of

    return kind_of(question).parse_plain(question, session.display_order(question.id), right_line(session, question))


# ------------------------------------------------------------------ progress


def test_hints_are_shown_and_recorded(every_type: Pack, tmp_path: Path) -> None:
    session = first_attempt(every_type)
    lines = []
    for q in session.questions:
        lines += (["h", "hint"] if q.id in ("vote-date", "closure") else []) + [right_line(session, q)]
    code, out, _ = run_in_process(every_type, tmp_path, "\n".join(lines) + "\n", quiz_only=True)
    assert code == 0
    hint = every_type.question("vote-date").hint
    assert out.count(f"Hint: {hint}\n") == 2
    assert "Type the number of your answer. Type h for a hint.\n" in out
    assert "This question has no hint." in out  # closure has none
    (attempt,) = ProgressStore(every_type.id, tmp_path).load().attempts
    used = {a.question for a in attempt.answers if a.hint_used}
    assert used == {"vote-date"}


def test_a_short_answer_h_is_an_answer_when_accepted(tmp_path: Path) -> None:
    pack_dir = tmp_path / "pack"
    pack_dir.mkdir()
    (pack_dir / "pack.toml").write_text(
        'schema = 1\nid = "letters"\ntitle = "Letters"\nsummary = "S."\nupdated = 2025-02-01\n', encoding="utf-8"
    )
    (pack_dir / "explainer.toml").write_text(
        '[[sections]]\nid = "one"\ntitle = "One"\nbody = "Body."\n', encoding="utf-8"
    )
    (pack_dir / "quiz.toml").write_text(
        '[[questions]]\nid = "letter"\ntype = "short_answer"\nprompt = "Which letter?"\n'
        'section = "one"\naccept = ["H"]\nhint = "It follows G."\n',
        encoding="utf-8",
    )
    pack = load_pack(pack_dir)
    code, out, _ = run_in_process(pack, tmp_path / "data", "h\n", quiz_only=True)
    assert code == 0 and "Correct." in out and "Hint:" not in out


def test_progress_is_saved_after_every_answer_and_resumed(bundled: Pack, tmp_path: Path) -> None:
    session, stdin = answers(bundled, right_line)
    lines = stdin.splitlines()
    total = len(lines)
    # Answer two questions, then stop with q: the quiz waits in the progress file.
    first = run_piped(tmp_path, "\n".join(lines[:2] + ["q"]) + "\n", "--quiz-only", "--seed", str(SEED))
    assert first.returncode == 0, first.stderr
    assert "Stopped. Your answers so far are saved" in first.stdout
    assert "Score:" not in first.stdout
    saved = ProgressStore(bundled.id, tmp_path).load().quiz
    assert saved is not None and saved.position == 2
    assert [s.response is not None for s in saved.questions][:3] == [True, True, False]
    assert saved.questions[0].order == session.display_order(session.questions[0].id)
    # Start again (another seed: the saved orders must win) and say yes with Enter.
    second = run_piped(tmp_path, "\n" + "\n".join(lines[2:]) + "\n", "--quiz-only", "--seed", "99")
    assert second.returncode == 0, second.stderr
    out = second.stdout
    assert f"Continue the quiz where you stopped (question 3 of {total})? [Y/n]\n" in out
    assert "Question 1 of" not in out and f"Question 3 of {total}\n" in out
    points = sum(q.points for q in bundled.questions)
    assert f"Score: {points} of {points} points (100%) — passed" in out
    progress = ProgressStore(bundled.id, tmp_path).load()
    assert progress.quiz is None
    (attempt,) = progress.attempts
    assert attempt.started == saved.started and all(a.correct for a in attempt.answers)


def test_resume_defaults_to_yes_at_end_of_input_and_no_starts_afresh(every_type: Pack, tmp_path: Path) -> None:
    session, stdin = answers(every_type, right_line)
    lines = stdin.splitlines()
    run_in_process(every_type, tmp_path, "\n".join(lines[:3] + ["q"]) + "\n", quiz_only=True)
    # "n": a new quiz from question 1.
    code, out, _ = run_in_process(every_type, tmp_path, "n\n" + "\n".join(lines[:1] + ["q"]) + "\n", quiz_only=True)
    assert code == 0
    assert "Continue the quiz where you stopped (question 4 of 7)? [Y/n]" in out
    assert "Question 1 of 7\n" in out
    assert ProgressStore(every_type.id, tmp_path).load().quiz.position == 1
    # End of input at the prompt: yes, then question 2 is asked and the quiz kept.
    code, out, _ = run_in_process(every_type, tmp_path, "", quiz_only=True)
    assert code == 66
    assert "Continue the quiz where you stopped (question 2 of 7)? [Y/n]" in out
    assert "Question 1 of 7" not in out and "Question 2 of 7\n" in out
    assert ProgressStore(every_type.id, tmp_path).load().quiz.position == 1
    # An unclear answer is asked again.
    run_in_process(every_type, tmp_path, "\n".join(lines[:1] + ["q"]) + "\n", quiz_only=True)
    code, out, _ = run_in_process(every_type, tmp_path, "perhaps\nyes\nq\n", quiz_only=True)
    assert "Type y for yes or n for no." in out and "Question 2 of 7\n" in out


def test_sections_read_are_saved_and_q_stops(every_type: Pack, tmp_path: Path) -> None:
    code, out, _ = run_in_process(every_type, tmp_path, "\nq\n")
    assert code == 0
    assert "Press Enter for the next section, or type q to quit." in out
    assert "Section 2 of 3" in out and "Section 3 of 3" not in out
    assert "Stopped. What you have read is saved." in out
    progress = ProgressStore(every_type.id, tmp_path).load()
    assert progress.sections_read == ("the-vote", "the-bridge")
    # Next time: continue reading at section 2; z goes straight to the quiz.
    code, out, _ = run_in_process(every_type, tmp_path, "\nz\nq\n")
    assert "Continue reading where you stopped (section 2 of 3, The state of the bridge)? [Y/n]" in out
    assert "Section 1 of 3" not in out and "Section 2 of 3: The state of the bridge" in out
    assert "Question 1 of 7" in out


def test_a_section_as_plain_text(every_type: Pack, tmp_path: Path) -> None:
    code, out, _ = run_in_process(every_type, tmp_path, "q\n")
    assert code == 0
    section = every_type.sections[0]
    assert out.startswith(
        f"{every_type.title}\n{every_type.meta.summary}\n\n"
        "At each pause between sections, type g for the glossary or t for the timeline.\n\n"
        f"Section 1 of 3: {section.title}\n\n"
    )
    assert "On 1 March 2025 the people of Harbourtown vote on the future of their harbour bridge." in out
    assert "**" not in out and "*rebuild*" not in out
    assert "minutes (https://example.org/council/2025-02-12)" in out
    assert "Key points:\n" + "".join(f"- {p}\n" for p in section.key_points) in out
    assert "Sources:\n- " in out


def test_a_corrupt_progress_file_is_set_aside_with_one_line_on_stderr(every_type: Pack, tmp_path: Path) -> None:
    path = progress_path(every_type.id, tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text("this is = = not toml", encoding="utf-8")
    _, stdin = answers(every_type, right_line)
    result = run_piped(tmp_path, stdin, "--quiz-only", "--seed", str(SEED), pack=FIXTURES / "every-type")
    assert result.returncode == 0
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "was unreadable" in lines[0] and ".bak-" in lines[0]
    assert "Score: 7 of 7 points (100%)" in result.stdout
    assert list(path.parent.glob("every-type.toml.bak-*"))
    assert len(ProgressStore(every_type.id, tmp_path).load().attempts) == 1


def test_data_dir_from_the_environment(every_type: Pack, tmp_path: Path) -> None:
    _, stdin = answers(every_type, right_line)
    command = [sys.executable, "-c",
               "import sys; from explainer.pack import load_pack; from explainer.plain import run_plain;"
               f" sys.exit(run_plain(load_pack({str(FIXTURES / 'every-type')!r}), quiz_only=True, seed={SEED}))"]
    env = {**os.environ, "EXPLAINER_DATA_DIR": str(tmp_path), "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(command, input=stdin, capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "(100%)" in result.stdout
    assert progress_path(every_type.id, tmp_path).is_file()


# ------------------------------------------------------------------ verbatim, imports


def test_author_text_is_printed_verbatim(tmp_path: Path) -> None:
    pack = load_pack(FIXTURES / "verbatim")
    session = first_attempt(pack)
    question = pack.questions[0]
    wrong = wrong_line(session, question)
    result = run_piped(tmp_path, f"\n\n{wrong}\n", "--seed", str(SEED), pack=FIXTURES / "verbatim")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    section = pack.sections[0]
    for text in (
        pack.title,
        pack.meta.summary,
        section.title,
        *section.key_points,
        pack.source("src").title,
        pack.source("src").publisher,
        question.prompt,
        *(c.text for c in question.choices),
        next(c.feedback for c in question.choices if not c.correct),
    ):
        assert text in out, text
    assert "[sic] [/x] 북한 군인 🎖️" in out and "C:\\path\\n" in out and "[@click=app.quit]click me[/]" in out


def test_control_characters_in_author_text_cannot_drive_the_terminal() -> None:
    assert markdown_to_text("red \x1b[31mtext\x07") == "red \\x1b[31mtext\\x07"


def test_bidi_overrides_in_author_text_cannot_reorder_a_line() -> None:
    assert markdown_to_text("pay \u202eevil\u202c now \u2066x\u2069") == "pay \\u202eevil\\u202c now \\u2066x\\u2069"


def test_plain_mode_never_imports_textual(tmp_path: Path) -> None:
    code = (
        "import io, sys\n"
        "from explainer.pack import load_pack, bundled_pack_path\n"
        "from explainer.plain import run_plain\n"
        "out = io.StringIO()\n"
        f"rc = run_plain(load_pack(bundled_pack_path()), data_dir={str(tmp_path)!r}, seed=1,"
        " stdin=io.StringIO(''), stdout=out, stderr=io.StringIO())\n"
        "assert rc == 66 and 'Question 1 of' in out.getvalue()\n"
        "print('textual' in sys.modules, any(m.startswith('textual') for m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "False False"


# ------------------------------------------------------------------ pieces


def test_markdown_to_text() -> None:
    source = (
        "# A heading\n\nSome *emphasis*, **strong** and `code`,\na soft break"
        " and a [link](https://example.org).\n\n- one\n- two\n  - nested\n\n3. three\n4. four\n\n"
        "> quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nEscaped \\*stars\\* and C:\\path [sic]"
    )
    assert markdown_to_text(source) == (
        "A heading\n\n"
        "Some emphasis, strong and code, a soft break and a link (https://example.org).\n\n"
        "- one\n- two\n  - nested\n\n"
        "3. three\n4. four\n\n"
        "  quoted\n\n"
        "- a: 1; b: 2\n\n"
        "Escaped *stars* and C:\\path [sic]"
    )


def test_plain_wanted() -> None:
    class Tty(io.StringIO):
        """A stream that says it is a terminal."""

        def isatty(self) -> bool:
            """Yes, a terminal."""
            return True

    assert plain_wanted(io.StringIO(), {}) is True
    assert plain_wanted(Tty(), {"TERM": "xterm"}) is False
    assert plain_wanted(Tty(), {"TERM": "dumb"}) is True


def test_main_plain_exit_codes(tmp_path: Path, capsys) -> None:
    assert main_plain([str(tmp_path / "missing")]) == 2
    broken = tmp_path / "broken"
    broken.mkdir()
    for name in ("pack.toml", "explainer.toml", "quiz.toml"):
        (broken / name).write_text("not = = toml\n", encoding="utf-8")
    assert main_plain([str(broken)]) == 1
    assert "pack.toml" in capsys.readouterr().err
    assert main_plain(["--no-such-option"]) == 2


def test_a_quiz_saved_without_a_seed_resumes_in_its_saved_orders(every_type: Pack, tmp_path: Path) -> None:
    from explainer.storage import QuestionState, QuizInProgress, utc_now

    vote = every_type.question("vote-date")
    story = every_type.question("story-order")
    saved = QuizInProgress(
        started=utc_now(),
        seed=None,
        questions=(
            QuestionState.of(story, (2, 1, 0)),
            QuestionState.of(vote, (3, 2, 1, 0), hint_used=True),
        ),
    )
    ProgressStore(every_type.id, tmp_path).save_quiz(saved)
    code, out, _ = run_in_process(every_type, tmp_path, "\n1 2 3\n4\n", quiz_only=True)
    assert code == 0
    assert "(question 1 of 2)" in out
    items = "".join(f"  {n}. {story.items[i]}\n" for n, i in enumerate((2, 1, 0), start=1))
    choices = "".join(f"  {n}. {vote.choices[i].text}\n" for n, i in enumerate((3, 2, 1, 0), start=1))
    assert items in out and choices in out
    # "1 2 3" in the shown order (2, 1, 0) is wrong; "4" in (3, 2, 1, 0) is choice 0, right.
    assert "Score: 1 of 2 points (50%) — not passed" in out
    (attempt,) = ProgressStore(every_type.id, tmp_path).load().attempts
    assert [(a.question, a.correct, a.hint_used) for a in attempt.answers] == [
        ("story-order", False, False),
        ("vote-date", True, True),
    ]


def test_ctrl_c_exits_130_and_keeps_what_was_answered(every_type: Pack, tmp_path: Path) -> None:
    session, stdin = answers(every_type, right_line)

    class Interrupted(io.StringIO):
        """Stdin that gives ``lines``, then ctrl+C."""

        def __init__(self, lines: list[str]) -> None:
            super().__init__()
            self.lines = lines

        def readline(self, *args) -> str:
            """The next line, or KeyboardInterrupt when there is none."""
            if not self.lines:
                raise KeyboardInterrupt
            return self.lines.pop(0) + "\n"

    out, err = io.StringIO(), io.StringIO()
    code = run_plain(every_type, quiz_only=True, seed=SEED, data_dir=tmp_path,
                     stdin=Interrupted(stdin.splitlines()[:2]), stdout=out, stderr=err)
    assert code == 130
    assert "Stopped." in err.getvalue()
    saved = ProgressStore(every_type.id, tmp_path).load().quiz
    assert saved is not None and saved.position == 2 and len(saved.answers) == 2


def test_glossary_and_timeline_at_a_pause(tmp_path: Path) -> None:
    pack = load_pack(FIXTURES / "verbatim")
    code, out, _ = run_in_process(pack, tmp_path, "g\nt\nx\nq\n")
    assert code == 0
    assert "At each pause between sections, type g for the glossary or t for the timeline." in out
    entry, event = pack.glossary[0], pack.timeline[0]
    assert f"Glossary, 1 term:\n- {entry.term}: {entry.definition}\nEnd of the glossary." in out
    assert f"Timeline, 1 event:\n- {event.date}: {event.event} (section 1, {pack.sections[0].title})\n" in out
    assert "Press Enter to go on, type z for the quiz, or q to quit." in out  # "x" is not a command


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), PermissionError(13, "Permission denied")])
def test_a_full_disk_or_read_only_folder_is_one_line_and_the_quiz_goes_on(
    every_type: Pack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError
) -> None:
    import tempfile

    def refuse(*args, **kwargs):
        raise error

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", refuse)
    _, stdin = answers(every_type, right_line)
    code, out, err = run_in_process(every_type, tmp_path, stdin, quiz_only=True)
    assert code == 0
    assert "Score: 7 of 7 points (100%)" in out
    lines = err.splitlines()
    assert len(lines) == 1 and "could not be saved" in lines[0] and error.strerror in lines[0]
    monkeypatch.undo()
    assert not progress_path(every_type.id, tmp_path).exists()


def test_q_at_the_continue_question_stops_keeping_everything(bundled: Pack, tmp_path: Path) -> None:
    code, _out, _err = run_in_process(bundled, tmp_path, "1\nq\n", quiz_only=True)
    assert code == 0
    code, out, _err = run_in_process(bundled, tmp_path, "q\n", quiz_only=True)
    assert code == 0 and out.rstrip().endswith("Stopped. Your answers so far are saved.")
    code, out, _err = run_in_process(bundled, tmp_path, "y\nq\n", quiz_only=True)
    assert "Question 2 of 32" in out  # the answer was kept

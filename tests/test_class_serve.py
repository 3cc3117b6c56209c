"""A class: `explainer serve` (loopback by default, a class code off it), the sign-in
screen, progress per student, and `explainer results --class` with the item analysis."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import SEED, right_keys, screen_text, wrong_keys

from explainer import class_report
from explainer.app import ExplainerApp
from explainer.pack import load_pack
from explainer.serve import is_loopback, plan

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures"


# --------------------------------------------------------------------------- serve


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_loopback_needs_no_class_code(host: str, tmp_path: Path) -> None:
    decided = plan(tmp_path / "pack", tmp_path / "class", host, 8000, None)
    assert is_loopback(host) and decided.warning == "" and decided.class_code is None


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "example.org"])
def test_any_other_host_warns_and_needs_a_code(host: str, tmp_path: Path) -> None:
    decided = plan(tmp_path / "pack", tmp_path / "class", host, 8000, None)
    assert "warning" in decided.warning and "class code" in decided.warning and "TLS" in decided.warning
    assert decided.class_code is not None and decided.class_code.isdigit() and len(decided.class_code) == 6
    assert plan(tmp_path / "p", tmp_path / "c", host, 80, "tiger").class_code == "tiger"


def test_the_app_command_carries_no_code(tmp_path: Path) -> None:
    decided = plan(tmp_path / "my pack", tmp_path / "class dir", "0.0.0.0", 8000, "secret-123")
    assert "secret-123" not in decided.command and "'" in decided.command  # spaces quoted
    assert "--class-dir" in decided.command and decided.url == "http://0.0.0.0:8000"


def test_serve_answers_on_loopback_and_prints_the_address(tmp_path: Path) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "explainer", "serve", str(FIXTURES / "mini"), "--class-dir", str(tmp_path / "class"), "--port", str(port)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        page = ""
        for _ in range(150):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1) as response:
                    page = response.read().decode("utf-8")
                break
            except OSError:
                time.sleep(0.2)
        assert f"ws://127.0.0.1:{port}/ws" in page
    finally:
        server.terminate()
        output = server.communicate(timeout=10)[0]
    assert f"Open http://127.0.0.1:{port} in a browser" in output and "Class code" not in output
    assert (tmp_path / "class").is_dir()


def test_serve_refuses_a_bad_pack_before_listening(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    run = subprocess.run(
        [sys.executable, "-m", "explainer", "serve", str(bad), "--class-dir", str(tmp_path / "c")],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert run.returncode in (1, 2) and "Traceback" not in run.stderr


# ------------------------------------------------------------------------- sign in


async def sign_in(pilot, name: str, pin: str, code: str | None = None) -> None:
    """Type the name, the PIN (and the code), pressing enter after each."""
    await pilot.press(*name, "enter", *pin, "enter")
    if code is not None:
        await pilot.press(*code, "enter")
    await pilot.pause()
    await pilot.pause()


async def take_quiz(pilot, app, right) -> None:
    """Answer every question (``right(i)``: right or wrong), then see the results."""
    await pilot.press("z")
    await pilot.pause()
    i = 0
    while app.session.current is not None:
        keys = right_keys(app.session, app.session.current) if right(i) else wrong_keys(app.session, app.session.current)
        await pilot.press(*keys, "enter", "n")
        await pilot.pause()
        i += 1


async def enroll(pack, class_dir: Path, students) -> None:
    """Each ``(name, pin, right)`` signs in to the class and takes the whole quiz."""
    for name, pin, right in students:
        app = ExplainerApp(pack, seed=SEED, class_dir=class_dir)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await sign_in(pilot, name, pin)
            await take_quiz(pilot, app, right)


async def test_a_student_signs_in_and_gets_their_own_progress(mini_pack, tmp_path: Path) -> None:
    app = ExplainerApp(mini_pack, seed=SEED, class_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Sign in to the class" in screen_text(app)
        await sign_in(pilot, "Olena", "2468")
        assert app.student is not None and app.student.name == "Olena"
        assert app.data_dir == app.student.progress_dir
        assert "Welcome" in screen_text(app)
        await take_quiz(pilot, app, lambda i: True)
    members = class_report.students(mini_pack, tmp_path)
    assert [(m.name, len(m.attempts)) for m in members] == [("Olena", 1)]


async def test_a_wrong_pin_is_refused_with_a_message(mini_pack, tmp_path: Path) -> None:
    from explainer.classroom import sign_in as register

    register(tmp_path, "Olena", "2468")
    app = ExplainerApp(mini_pack, seed=SEED, class_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await sign_in(pilot, "Olena", "1111")
        assert app.student is None and "not the one this name was first used with" in screen_text(app)
        await pilot.press(*"2468", "enter")
        await pilot.pause()
        await pilot.pause()
        assert app.student is not None


async def test_the_class_code_is_asked_and_checked(mini_pack, tmp_path: Path) -> None:
    app = ExplainerApp(mini_pack, seed=SEED, class_dir=tmp_path, class_code="731905")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "class code" in screen_text(app)
        await sign_in(pilot, "Ana", "1234", code="000000")
        assert app.student is None and "not this class's" in screen_text(app)
        assert not (tmp_path / "students").exists()  # nothing written before the code is right
        app.screen.query_one("#code").value = "731905"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert app.student is not None


async def test_students_never_share_progress(mini_pack, tmp_path: Path) -> None:
    await enroll(mini_pack, tmp_path, (("Ana", "1234", lambda i: True), ("민준", "5678", lambda i: False)))
    folders = sorted(p.name for p in (tmp_path / "students").iterdir())
    assert len(folders) == 2 and any(f.startswith("민준-") for f in folders)
    app = ExplainerApp(mini_pack, seed=SEED, class_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:  # Ana again sees only her own history
        await pilot.pause()
        await sign_in(pilot, "ana", "1234")
        await pilot.pause()
        assert [a.score for a in app.progress.attempts] == [app.progress.attempts[0].max_points]


# ----------------------------------------------------------------- results --class


async def test_results_for_a_class_in_three_formats_with_the_item_analysis(mini_pack, tmp_path: Path) -> None:
    plans = (("Ana", "1234", lambda i: True), ("Bo", "2345", lambda i: i % 2 == 0), ("Cy", "3456", lambda i: False))
    await enroll(mini_pack, tmp_path, plans)

    def results(fmt: str) -> str:
        run = subprocess.run(
            [sys.executable, "-m", "explainer", "results", str(FIXTURES / "mini"), "--class", str(tmp_path), "--format", fmt],
            cwd=ROOT, capture_output=True, text=True, timeout=60,
        )
        assert run.returncode == 0, run.stderr
        return run.stdout

    rows = list(csv.DictReader(io.StringIO(results("csv"))))
    assert list(rows[0]) == list(class_report.CLASS_COLUMNS)
    assert [(r["student"], r["correct"], r["passed"]) for r in rows] == [("Ana", "4", "yes"), ("Bo", "2", "no"), ("Cy", "0", "no")]
    data = json.loads(results("json"))
    items = {item["question"]: item for item in data["items"]}
    # question 1 (asked first): right for Ana and Bo -> facility 2/3; rest-of-quiz scores 3/3, 1/3, 0/3
    first = mini_pack.questions[0].id
    assert items[first]["facility"] == pytest.approx(66.67, abs=0.01)
    assert items[first]["discrimination"] == pytest.approx(75.59, abs=0.01)
    table = results("table")
    assert "Most missed" in table and "Ana" in table.splitlines()[1]


def test_discrimination_is_undefined_when_everyone_scores_the_same(mini_pack) -> None:
    assert class_report._pearson([1, 1, 1], [0.5, 0.2, 0.1]) is None
    assert class_report._pearson([1.0], [1.0]) is None
    assert class_report._pearson([1, 0], [1, 0]) == pytest.approx(1.0)


def test_results_for_a_missing_class_folder_is_a_usage_error(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "explainer", "results", "--class", str(tmp_path / "nope")],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert run.returncode == 2 and "no such class folder" in run.stderr


async def test_the_class_view_shows_attempts_and_the_most_missed_questions(mini_pack, tmp_path: Path) -> None:
    from explainer.class_view import ClassViewApp

    await enroll(mini_pack, tmp_path, (("Ana", "1234", lambda i: True), ("[b]Bo[/b]", "2345", lambda i: False)))
    before = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()}
    view = ClassViewApp(mini_pack, tmp_path)
    async with view.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        text = screen_text(view)
        assert "2 students, 2 finished attempts" in text
        assert "[b]Bo[/b]" in text  # a name is shown as typed, never as markup
        assert "Questions, most missed first" in text and "The vote" in text
        students = view.query_one("#students")
        assert students.row_count == 2
        await pilot.press("f5")
        await pilot.pause()
        assert view.query_one("#students").row_count == 2
    assert before == {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()}  # read-only


def test_class_command_needs_an_existing_folder(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "explainer", "class", str(tmp_path / "nope")],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert run.returncode == 2 and "no such class folder" in run.stderr


async def test_a_student_who_switches_language_stays_signed_in(tmp_path: Path) -> None:
    """``l`` on the welcome screen exits with SwitchLanguage carrying the student; the
    app opened in the other language (explainer.launch.run_lessons) skips the sign-in."""
    from explainer.launch import SwitchLanguage, open_lesson
    from explainer.pack import bundled_pack_path

    lesson = open_lesson(bundled_pack_path(), "en", environ={})
    app = ExplainerApp(lesson.pack, seed=SEED, class_dir=tmp_path, languages=lesson.languages)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await sign_in(pilot, "Olena", "2468")
        await pilot.press("l", "down", "enter")
        await pilot.pause()
    assert isinstance(app.return_value, SwitchLanguage)
    switched, student = app.return_value.language, app.return_value.student
    assert switched == "ko" and student.name == "Olena"
    korean = open_lesson(bundled_pack_path(), switched, environ={})
    again = ExplainerApp(korean.pack, seed=SEED, class_dir=tmp_path, languages=korean.languages, student=student)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        from explainer.screens.signin import SignInScreen
        from explainer.screens.welcome import WelcomeScreen

        assert again.student is not None and again.student.name == "Olena"
        assert isinstance(again.screen, WelcomeScreen) and not isinstance(again.screen, SignInScreen)
        assert again.data_dir == student.progress_dir


async def test_the_class_view_speaks_the_teacher_s_language(tmp_path: Path) -> None:
    from explainer import i18n
    from explainer.class_view import ClassViewApp
    from explainer.launch import open_lesson
    from explainer.pack import bundled_pack_path

    lesson = open_lesson(bundled_pack_path(), "uk", environ={})
    app = ClassViewApp(lesson.pack, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        heading = i18n._("Questions, most missed first (facility and discrimination indexes: docs/classroom.md)")
        assert heading.startswith("Запитання") and heading.split()[0] in screen_text(app)
    run = subprocess.run([sys.executable, "-m", "explainer", "class", str(tmp_path), "--lang", "xx"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert run.returncode == 2 and "choose en, ko or uk" in run.stderr

"""The reader's language (issue 13): choosing it, the gettext catalogs that Babel
builds, numbers and dates through Babel, and progress that carries over between a
pack's languages."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from explainer import i18n, wording
from explainer.launch import open_lesson
from explainer.pack import bundled_pack_path
from explainer.storage import read_progress
from explainer.storage.models import valid_in_progress

sys.path.insert(0, str(Path(__file__).parent))
from plain_lines import SEED, first_attempt, right_line  # noqa: E402


@pytest.fixture(autouse=True)
def english_after():
    yield
    i18n.use("en")


@pytest.mark.parametrize(
    ("option", "environ", "expected"),
    [
        ("ko", {"LANG": "uk_UA.UTF-8"}, "ko"),  # --lang wins
        (None, {"LANG": "uk_UA.UTF-8"}, "uk"),  # then the environment
        (None, {"LANGUAGE": "ko:en", "LANG": "uk_UA.UTF-8"}, "ko"),  # LANGUAGE first, as gettext reads it
        (None, {"LC_ALL": "ko_KR.UTF-8", "LANG": "uk_UA.UTF-8"}, "ko"),
        (None, {"LANG": "C.UTF-8"}, "en"),  # C says nothing: the pack's language
        (None, {"LANG": "fr_FR.UTF-8"}, "en"),  # a language neither explainer nor the pack has
        (None, {}, "en"),
    ],
)
def test_the_language_is_the_option_then_the_environment_then_the_pack_s(option, environ, expected) -> None:
    assert i18n.choose(option, "en", ["ko", "uk"], environ) == expected


def test_a_pack_in_another_language_sets_the_interface_unless_told_otherwise() -> None:
    assert i18n.choose(None, "ko-KR", [], {"LANG": "C"}) == "ko"
    assert i18n.choose(None, "ko-KR", [], {"LANG": "en_GB.UTF-8"}) == "en"


def test_the_lesson_opens_in_the_chosen_language_and_the_interface_follows() -> None:
    lesson = open_lesson(bundled_pack_path(), "uk", environ={})
    assert (lesson.language, lesson.lesson_language, lesson.languages) == ("uk", "uk", ["en", "ko", "uk"])
    assert lesson.pack.title.startswith("Північнокорейські полонені")
    assert i18n._("Language of the lesson") != "Language of the lesson"
    lesson = open_lesson(bundled_pack_path(), None, environ={"LANG": "ko_KR.UTF-8"})
    assert lesson.lesson_language == "ko" and i18n.language() == "ko"


def test_opening_a_translation_s_folder_opens_the_lesson_in_its_language() -> None:
    lesson = open_lesson(bundled_pack_path() / "translations" / "ko", None, environ={"LANG": "C"})
    assert (lesson.lesson_language, lesson.folder) == ("ko", bundled_pack_path())


def test_ukrainian_has_three_plural_forms_and_korean_one() -> None:
    i18n.use("uk")
    assert [wording.plural(n, "point") for n in (1, 2, 5, 21, 22, 25, 11)] == [
        "1 бал", "2 бали", "5 балів", "21 бал", "22 бали", "25 балів", "11 балів",
    ]
    i18n.use("ko")
    assert [wording.plural(n, "point") for n in (1, 2, 5)] == ["1점", "2점", "5점"]
    i18n.use("en")
    assert [wording.plural(n, "point") for n in (1, 2, 0.5)] == ["1 point", "2 points", "0.5 points"]


def test_numbers_and_dates_are_written_as_the_language_writes_them() -> None:
    moment = dt.datetime(2026, 12, 3, 10, 15, tzinfo=dt.timezone.utc)
    assert wording.points(17.5) == "17.5" and wording.figure_number(4000) == "4,000"
    assert wording.day(dt.date(2025, 4, 28)) == "2025-04-28"
    i18n.use("uk")
    assert wording.points(17.5) == "17,5"
    assert wording.figure_number(4000) == "4\xa0000"
    assert "2025" in wording.day(dt.date(2025, 4, 28)) and "квіт" in wording.day(dt.date(2025, 4, 28))
    i18n.use("ko")
    assert wording.day(dt.date(2025, 4, 28)) == "2025. 4. 28."
    assert wording.when(moment).startswith("26. 12. 3.") or "12" in wording.when(moment)


def test_json_and_csv_stay_english_in_every_language() -> None:
    i18n.use("uk")
    with i18n.english():
        assert wording.passed_word(True) == "passed" and wording.points(0.5) == "0.5"
    assert wording.passed_word(True) != "passed"


def test_an_answer_given_in_english_counts_in_korean(tmp_path: Path) -> None:
    from explainer.plain import run_plain
    import io

    english = open_lesson(bundled_pack_path(), "en", environ={})
    session = first_attempt(english.pack)
    first = session.current
    out = io.StringIO()
    code = run_plain(english.pack, quiz_only=True, data_dir=tmp_path, seed=SEED, stdin=io.StringIO(right_line(session, first) + "\nq\n"), stdout=out, stderr=io.StringIO())  # noqa: E501
    assert code == 0
    korean = open_lesson(bundled_pack_path(), "ko", environ={})
    progress = read_progress(korean.pack.id, tmp_path)
    kept = valid_in_progress(korean.pack, progress)
    assert kept is not None and kept.questions[0].id == first.id and kept.questions[0].response is not None


def test_the_shipped_catalogs_are_complete() -> None:
    """Every message the code marks is in every catalog, translated (every plural form),
    not fuzzy, with the same {fields}, and compiled: what `python -m explainer.catalogs
    check` says in CI."""
    from explainer.catalogs import problems

    assert problems() == []


@pytest.mark.parametrize("language", ["ko", "uk"])
def test_plain_mode_speaks_the_language(language: str, tmp_path: Path) -> None:
    import os
    import subprocess

    run = subprocess.run(
        [sys.executable, "-m", "explainer", "--plain", "--quiz-only", "--seed", "7", "--lang", language],
        input="1\nq\n", capture_output=True, text=True, timeout=120,
        env={**os.environ, "EXPLAINER_DATA_DIR": str(tmp_path), "LANG": "C.UTF-8", "LANGUAGE": ""},
    )
    assert run.returncode == 0, run.stderr
    lesson = open_lesson(bundled_pack_path(), language, environ={})
    assert lesson.pack.quiz.title in run.stdout  # the lesson, translated
    assert i18n._("Question {number} of {total}").format(number=1, total=32) in run.stdout  # the interface
    assert i18n._("Question {number} of {total}") != "Question {number} of {total}"
    assert "Question 1 of 32" not in run.stdout


def test_the_results_table_speaks_the_language_and_csv_does_not(tmp_path: Path) -> None:
    import os
    import subprocess

    env = {**os.environ, "EXPLAINER_DATA_DIR": str(tmp_path), "LANG": "C.UTF-8", "LANGUAGE": ""}
    from plain_lines import answers as plain_answers

    ukrainian = open_lesson(bundled_pack_path(), "uk", environ={})
    _session, answers = plain_answers(ukrainian.pack, right_line)
    i18n.use("en")
    subprocess.run([sys.executable, "-m", "explainer", "--plain", "--quiz-only", "--seed", "7", "--lang", "uk"],
                   input=answers, capture_output=True, text=True, timeout=120, env=env)
    table = subprocess.run([sys.executable, "-m", "explainer", "results", "--lang", "uk"], capture_output=True, text=True, timeout=60, env=env)
    csv = subprocess.run([sys.executable, "-m", "explainer", "results", "--lang", "uk", "--format", "csv"], capture_output=True, text=True, timeout=60, env=env)
    i18n.use("uk")
    assert i18n._("score") in table.stdout.splitlines()[0] and "score" not in table.stdout.splitlines()[0]
    assert csv.stdout.splitlines()[0].startswith("attempt,") and (",passed," in csv.stdout or ",not passed," in csv.stdout)


def test_an_unknown_language_is_one_line_and_exit_2(tmp_path: Path) -> None:
    import os
    import subprocess

    env = {**os.environ, "EXPLAINER_DATA_DIR": str(tmp_path)}
    for command in (["--lang", "xx", "--plain"], ["results", "--lang", ""]):
        run = subprocess.run([sys.executable, "-m", "explainer", *command], input="", capture_output=True, text=True, timeout=60, env=env)
        assert run.returncode == 2 and run.stderr.count("\n") == 1 and "choose en, ko or uk" in run.stderr


def test_language_lists_are_read_as_gettext_reads_them() -> None:
    assert i18n.choose(None, "en", ["ko", "uk"], {"LANGUAGE": "fr:ko", "LANG": "en_US.UTF-8"}) == "ko"


def test_numbers_are_read_as_the_reader_s_language_writes_them() -> None:
    from explainer.kinds.base import parse_number

    i18n.use("uk")
    assert [parse_number(t) for t in ("1,3", "1,300", "10 000", "0.5", "1e4")] == [1.3, 1.3, 10000, 0.5, 10000]
    i18n.use("en")
    assert [parse_number(t) for t in ("1,300", "10,000", "0.5")] == [1300, 10000, 0.5]


def test_a_typed_answer_right_in_korean_stays_right_in_english() -> None:
    english = open_lesson(bundled_pack_path(), "en", environ={})
    from explainer.kinds import kind_of
    from explainer.kinds.short_answer import TextResponse

    question = next(q for q in english.pack.questions if "Hanawon" in getattr(q, "accept", ()))
    assert kind_of(question).is_correct(question, TextResponse("하나원"))
    assert kind_of(question).is_correct(question, TextResponse("Ханавон"))

"""A pack's translations (issue 13): the bundled lesson in Korean and Ukrainian, and
`explainer validate` reporting at FILE:LINE any drift of a translation from its
original beyond words."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from explainer.pack import bundled_pack_path, load_pack
from explainer.pack.translations import drift, folder_for_language, languages, translation_folders

ROOT = Path(__file__).resolve().parent.parent


def validate(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "explainer", "validate", *map(str, paths)], capture_output=True, text=True, timeout=120, cwd=ROOT
    )


def test_the_bundled_lesson_is_in_korean_and_ukrainian_without_drift() -> None:
    folder = bundled_pack_path()
    assert set(translation_folders(folder)) == {"ko", "uk"}
    original = load_pack(folder)
    assert languages(folder, original.meta.language) == ["en", "ko", "uk"]
    for language in ("ko", "uk"):
        translation = load_pack(folder_for_language(folder, language))
        assert translation.meta.language == language and translation.meta.translation_of == original.id
        assert translation.id == original.id  # progress is kept under the same id
        assert [q.id for q in translation.questions] == [q.id for q in original.questions]
        assert drift(original, translation, language) == []
        assert translation.sections[0].title != original.sections[0].title  # words, translated


def test_validate_checks_a_pack_s_translations_too() -> None:
    run = validate(bundled_pack_path())
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        "ok: nk-pows: 10 sections, 32 questions",
        "ok: nk-pows (ko): 10 sections, 32 questions",
        "ok: nk-pows (uk): 10 sections, 32 questions",
    ]


@pytest.fixture
def drifted(tmp_path: Path) -> Path:
    """A copy of the bundled pack whose Korean translation drifts in three ways."""
    folder = tmp_path / "pack"
    shutil.copytree(bundled_pack_path(), folder)
    quiz = folder / "translations" / "ko" / "quiz.toml"
    text = quiz.read_text(encoding="utf-8")
    text = text.replace('  text = "러시아에 억류된 우크라이나 포로와 맞교환하기"\n  correct = true\n', '  text = "러시아에 억류된 우크라이나 포로와 맞교환하기"\n', 1)
    text = text.replace('  text = "곧바로 북한으로 돌려보내기"\n', '  text = "곧바로 북한으로 돌려보내기"\n  correct = true\n', 1)
    quiz.write_text(text, encoding="utf-8")
    explainer = folder / "translations" / "ko" / "explainer.toml"
    text = explainer.read_text(encoding="utf-8")
    explainer.write_text(text.replace("[[timeline]]", '[[timeline]]\ndate = 2020-01-01\nevent = "추가"\nsection = "in-brief"\n\n[[timeline]]', 1), encoding="utf-8")
    pack = folder / "translations" / "ko" / "pack.toml"
    pack.write_text(pack.read_text(encoding="utf-8").replace('language = "ko"', 'language = "ko-KR"'), encoding="utf-8")
    return folder


def test_drift_is_reported_at_the_translation_s_file_and_line(drifted: Path) -> None:
    run = validate(drifted)
    assert run.returncode == 1
    ko = drifted / "translations" / "ko"
    quiz_lines = (ko / "quiz.toml").read_text(encoding="utf-8").splitlines()
    moved_from = quiz_lines.index('  text = "러시아에 억류된 우크라이나 포로와 맞교환하기"')  # its [[questions.choices]] line
    moved_to = quiz_lines.index('  text = "곧바로 북한으로 돌려보내기"') + 2  # the correct = true line
    timeline_line = next(i for i, line in enumerate((ko / "explainer.toml").read_text(encoding="utf-8").splitlines(), 1) if line == "[[timeline]]")
    errors = [line for line in run.stderr.splitlines() if "warning:" not in line]
    assert f"{ko / 'quiz.toml'}:{moved_from}:3: question 'why-kyiv', choice 1: 'correct' is missing (the original has correct = true); fix: make it as the original has it: a translation changes only words" in errors
    assert f"{ko / 'quiz.toml'}:{moved_to}:3: question 'why-kyiv', choice 3: 'correct' is not in the original; fix: make it as the original has it: a translation changes only words" in errors
    assert any(line.startswith(f"{ko / 'explainer.toml'}:{timeline_line}:1: 'timeline' has 25 entries; the original has 24") for line in errors)
    assert any(f"{ko / 'pack.toml'}:" in line and "language is 'ko-KR', but the translation's folder is 'ko'" in line for line in errors)
    assert f"invalid: {ko}: 4 errors" in errors
    assert "ok: nk-pows: 10 sections" in run.stdout  # the original itself is fine


def test_validating_a_translation_alone_compares_it_with_its_original(drifted: Path) -> None:
    run = validate(drifted / "translations" / "ko")
    assert run.returncode == 1 and "'timeline' has 25 entries" in run.stderr


def test_a_translation_outside_its_original_s_folder_is_an_error(tmp_path: Path) -> None:
    stray = tmp_path / "stray"
    shutil.copytree(bundled_pack_path() / "translations" / "uk", stray)
    run = validate(stray)
    assert run.returncode == 1
    assert f"{stray / 'pack.toml'}:1:1: a translation must be in its original's translations/<language>/ folder" in run.stderr


def test_short_answers_are_accepted_in_each_language() -> None:
    folder = bundled_pack_path()
    accepted = {
        language: next(q for q in load_pack(folder_for_language(folder, language)).questions if q.type == "short_answer").accept
        for language in ("en", "ko", "uk")
    }
    assert "Hanawon" in accepted["en"] and "하나원" in accepted["ko"] and "Ханавон" in accepted["uk"]


def test_a_drifted_translation_is_not_served_and_the_reader_is_told(drifted: Path) -> None:
    from explainer.launch import open_lesson

    lesson = open_lesson(drifted, "ko", environ={})
    assert lesson.lesson_language == "en"  # the original, not the drifted Korean
    (note,) = lesson.notes
    assert note.startswith("explainer: the ko translation differs from the original (") and "explainer validate" in note


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "pack"
    shutil.copytree(bundled_pack_path(), folder)
    return folder


def test_a_folder_in_translations_without_translation_of_is_still_checked(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    pack = folder / "translations" / "uk" / "pack.toml"
    pack.write_text(pack.read_text(encoding="utf-8").replace('translation_of = "nk-pows"\n', ""), encoding="utf-8")
    quiz = folder / "translations" / "uk" / "quiz.toml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("answer = 1300", "answer = 9999", 1), encoding="utf-8")
    run = validate(folder)
    assert run.returncode == 1
    assert "a translation must say which pack it translates" in run.stderr and "9999" in run.stderr


def test_see_also_must_name_the_same_entries(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    explainer = folder / "translations" / "ko" / "explainer.toml"
    text = explainer.read_text(encoding="utf-8")
    start = text.index("see_also = [")
    end = text.index("]", start)
    explainer.write_text(text[:start] + "see_also = []" + text[end + 1:], encoding="utf-8")
    run = validate(folder)
    assert run.returncode == 1 and "see_also should name" in run.stderr


def test_a_translation_of_a_translation_and_a_folder_not_named_after_a_language(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    shutil.copytree(folder / "translations" / "uk", folder / "translations" / "ko" / "translations" / "uk")
    shutil.move(str(folder / "translations" / "uk"), str(folder / "translations" / "ukrainian"))
    run = validate(folder)
    assert run.returncode == 1
    assert "a translation cannot have translations of its own" in run.stderr
    assert "the translation's folder 'ukrainian' is not named after a language" in run.stderr


def test_a_dropped_question_is_named(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    quiz = folder / "translations" / "ko" / "quiz.toml"
    text = quiz.read_text(encoding="utf-8")
    second = text.index("[[questions]]", text.index("[[questions]]") + 10)
    third = text.index("[[questions]]", second + 10)
    quiz.write_text(text[:second] + text[third:], encoding="utf-8")
    run = validate(folder)
    assert "'questions' has 31 entries; the original has 32; missing: 'thin-sources'" in run.stderr


def test_true_and_false_in_the_reader_s_words_in_plain_mode() -> None:
    from explainer import i18n
    from explainer.kinds import kind_of

    question = next(q for q in load_pack(folder_for_language(bundled_pack_path(), "uk")).questions if q.type == "true_false")
    i18n.use("uk")
    try:
        assert kind_of(question).parse_plain(question, (), "правда").value is True
        assert kind_of(question).parse_plain(question, (), "Неправда").value is False
    finally:
        i18n.use("en")

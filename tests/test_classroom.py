"""Students of a class (explainer.classroom): names to safe folders, PINs kept only as
salted scrypt hashes, wrong PINs refused and slowed, an optional roster."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explainer import classroom
from explainer.classroom import SignInRefused, folder_name, sign_in, wait_after


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_first_sign_in_creates_the_student_and_the_pin_is_never_stored_in_plain_text(tmp_path: Path) -> None:
    student = sign_in(tmp_path, "  Min-jun Kim ", "482913")
    assert student.name == "Min-jun Kim"
    assert student.folder.parent == tmp_path / "students"
    text = (student.folder / "student.toml").read_text(encoding="utf-8")
    assert "482913" not in text and "hash" in text and "salt" in text
    again = sign_in(tmp_path, "Min-jun Kim", "482913")
    assert again.folder == student.folder


def test_the_same_name_needs_the_same_pin_and_wrong_tries_are_slowed(tmp_path: Path) -> None:
    clock = Clock()
    sign_in(tmp_path, "Olena", "1234", clock=clock)
    for _ in range(classroom.FREE_TRIES - 1):
        with pytest.raises(SignInRefused) as caught:
            sign_in(tmp_path, "Olena", "9999", clock=clock)
        assert caught.value.wait == 0 and "not the one" in caught.value.message
    with pytest.raises(SignInRefused) as caught:
        sign_in(tmp_path, "Olena", "9999", clock=clock)
    assert caught.value.wait == 2.0
    with pytest.raises(SignInRefused) as caught:  # even the right PIN must wait now
        sign_in(tmp_path, "Olena", "1234", clock=clock)
    assert "try again in 2 seconds" in caught.value.message
    clock.now += 2.5
    assert sign_in(tmp_path, "Olena", "1234", clock=clock).name == "Olena"
    assert "failures = 0" in (tmp_path / "students" / folder_name("Olena") / "student.toml").read_text()


def test_waits_double_and_stop_growing() -> None:
    assert [wait_after(n) for n in range(7)] == [0, 0, 0, 2, 4, 8, 16]
    assert wait_after(100) == classroom.LONGEST_WAIT


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "", "١٢٣٤", " 1234"])
def test_a_pin_is_4_to_8_ascii_digits(tmp_path: Path, pin: str) -> None:
    with pytest.raises(SignInRefused, match="4 to 8 digits"):
        sign_in(tmp_path, "Ana", pin)


@pytest.mark.parametrize("name", ["", "   ", "x" * 41, "a\x1bb", "evil\u202egnp"])
def test_bad_names_are_refused_with_a_message(tmp_path: Path, name: str) -> None:
    with pytest.raises(SignInRefused):
        sign_in(tmp_path, name, "1234")
    assert not (tmp_path / "students").exists() or not any((tmp_path / "students").iterdir())


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=40))
def test_every_name_gets_one_safe_folder_of_its_own(name: str) -> None:
    folder = folder_name(name)
    assert "/" not in folder and "\\" not in folder and not folder.startswith(".") and ".." not in folder
    assert ":" not in folder and folder == folder.strip() and len(folder) <= 35
    assert folder_name(name.upper()) == folder_name(name.lower()) or name.upper().casefold() != name.lower().casefold()


def test_unicode_and_path_tricks() -> None:
    assert folder_name("민준").startswith("민준-")
    assert folder_name("Олена").startswith("олена-")
    for trick in ("..", "../../etc", "C:\\Windows", "con", "a/b"):
        assert Path(folder_name(trick)).name == folder_name(trick) and ".." not in folder_name(trick)
    assert folder_name("a/b") != folder_name("a b")  # distinct names never share a folder


def test_a_roster_limits_who_may_sign_in(tmp_path: Path) -> None:
    (tmp_path / "roster.toml").write_text('[[students]]\nname = "Ana"\n\n[[students]]\nname = "민준"\n', encoding="utf-8")
    assert sign_in(tmp_path, "ana", "1234").name == "ana"
    assert sign_in(tmp_path, "민준", "5678").name == "민준"
    with pytest.raises(SignInRefused, match="not on this class's list"):
        sign_in(tmp_path, "Mallory", "1234")

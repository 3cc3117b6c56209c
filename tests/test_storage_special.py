"""Progress and settings files that are not what they should be never stall, crash or
run the app out of memory (issue 7: found by a hostile tester)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from explainer.settings import load_settings
from explainer.storage import ProgressStore


def _store(tmp_path: Path) -> ProgressStore:
    return ProgressStore("nk-pows", tmp_path)


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_special_file_in_place_of_the_progress_file_is_set_aside_unread(tmp_path, kind):
    store = _store(tmp_path)
    store.path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "fifo":
        os.mkfifo(store.path)
    else:
        store.path.symlink_to("/dev/zero")
    progress = store.load()
    assert progress.attempts == ()
    notice = store.take_notice()
    assert notice and "not a regular file" in notice
    assert not store.path.exists() or store.path.is_file()


@pytest.mark.parametrize(
    "started",
    ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"],
)
def test_a_date_out_of_range_sets_the_file_aside(tmp_path, started):
    store = _store(tmp_path)
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text(
        f'format = 1\npack = "nk-pows"\n\n[[attempts]]\nstarted = {started}\nfinished = 2025-01-01T00:00:00Z\n'
        "score = 0.0\nmax_points = 1.0\npassed = false\nanswers = []\n",
        encoding="utf-8",
    )
    assert store.load().attempts == ()
    assert "date out of range" in (store.take_notice() or "")


def test_a_summary_with_a_huge_csv_field_sets_the_file_aside(tmp_path):
    store = _store(tmp_path)
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text(
        'format = 2\npack = "nk-pows"\n\n[summary]\nattempts = """\n' + "x" * 200_000 + '\n"""\n', encoding="utf-8"
    )
    assert store.load().attempts == ()
    assert "was unreadable" in (store.take_notice() or "")


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "huge"])
def test_a_settings_file_that_is_not_a_small_file_is_ignored(tmp_path, kind):
    path = tmp_path / "settings.toml"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    else:
        path.write_text('theme = "x"\n' + "#" * 100_000, encoding="utf-8")
    settings, notice = load_settings(tmp_path)
    assert settings == {} and notice

"""`explainer new`: the scaffold loads, passes the linter, has every question type,
a comment on every field, and the taplo #:schema directive on each file."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path

import pytest

from explainer.pack import QUESTION_TYPES, load_pack
from explainer.pack.lint import lint_pack
from explainer.pack.locate import KeyLocator
from explainer.pack.scaffold import TEMPLATES, ScaffoldError, render, slug_for, write_scaffold
from explainer.pack.schema import all_schemas


def test_scaffold_loads_with_every_question_type_and_no_warnings(tmp_path: Path) -> None:
    pack = load_pack(write_scaffold(tmp_path / "lesson"))
    assert [q.type for q in pack.questions] == list(QUESTION_TYPES)
    assert pack.id == "lesson" and pack.title == "Lesson"
    assert lint_pack(pack) == []
    assert pack.meta.updated == dt.date.today()


def test_title_and_language_are_written_as_given(tmp_path: Path) -> None:
    title = 'Une "leçon" [b]\\n 한국어 🎓'
    pack = load_pack(write_scaffold(tmp_path / "Ma Leçon 2", title=title, language="fr-CA"))
    assert pack.title == title and pack.meta.language == "fr-CA"
    assert pack.id == "ma-le-on-2"


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("My Lesson", "my-lesson"),
        ("--x--", "x"),
        ("한국", "my-pack"),
        ("a" * 300, "a" * 64),  # ids are at most 64 characters
        ("word " * 20, "-".join(["word"] * 13)),  # cut between words: 13 words are 64 characters
        ("b" * 64 + " c", "b" * 64),
        ("c " + "d" * 70, "c"),  # a word that does not fit is left out
    ],
)
def test_slug_for(name: str, slug: str) -> None:
    assert slug_for(name) == slug


def test_each_file_starts_with_the_schema_directive_and_the_schema_is_there(tmp_path: Path) -> None:
    folder = write_scaffold(tmp_path / "lesson")
    schemas = all_schemas()
    for name in TEMPLATES:
        first = (folder / name).read_text(encoding="utf-8").splitlines()[0]
        schema_name = name.replace(".toml", ".schema.json")
        assert first == f"#:schema ./.schema/{schema_name}"
        target = folder / first.removeprefix("#:schema ")
        assert json.loads(target.read_text(encoding="utf-8")) == schemas[schema_name]


def test_every_key_has_a_comment_above_it_the_first_time_it_appears() -> None:
    """Each key and table header is preceded by a comment line where it is first used."""
    for name, template in TEMPLATES.items():
        lines = template.splitlines()
        seen: set[tuple[str, ...]] = set()
        positions = KeyLocator.from_text(template).positions
        for path, position in sorted(positions.items(), key=lambda item: item[1].line):
            kind = tuple(part for part in path if isinstance(part, str))
            if kind in seen:
                continue
            seen.add(kind)
            above = lines[position.line - 2].strip()
            assert above.startswith("#"), f"{name}:{position.line}: no comment above {'.'.join(kind)}"
        assert len(seen) >= 5


def test_templates_are_valid_toml() -> None:
    for name, text in render("x", "X", "en").items():
        tomllib.loads(text)


def test_refuses_a_folder_that_is_not_empty_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    with pytest.raises(ScaffoldError, match="not empty"):
        write_scaffold(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


def test_an_empty_folder_is_fine(tmp_path: Path) -> None:
    load_pack(write_scaffold(tmp_path))


def test_refuses_a_file(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("")
    with pytest.raises(ScaffoldError, match="is a file"):
        write_scaffold(tmp_path / "f")


@pytest.mark.parametrize("language", ["", "en_GB", "not a tag"])
def test_refuses_a_bad_language(tmp_path: Path, language: str) -> None:
    with pytest.raises(ScaffoldError, match="BCP 47"):
        write_scaffold(tmp_path / "x", language=language)
    assert not (tmp_path / "x").exists()

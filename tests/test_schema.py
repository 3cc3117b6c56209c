"""`explainer schema`: JSON Schema 2020-12 from the models; real packs validate, broken ones do not."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from packs import FILES, QUIZ_TOML, write_pack

from explainer.pack import bundled_pack_path
from explainer.pack.schema import DRAFT, SCHEMA_FOR_FILE, all_schemas, write_schemas
from explainer.pack.scaffold import write_scaffold

SCHEMAS = all_schemas()


def as_json(value: Any) -> Any:
    """Parsed TOML as JSON sees it: dates and times become ISO strings (as taplo does)."""
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return value


def problems(file_name: str, text: str) -> list[str]:
    """Validate TOML ``text`` of ``file_name`` against its schema; return the messages."""
    schema = SCHEMAS[SCHEMA_FOR_FILE[file_name]]
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    return [error.message for error in validator.iter_errors(as_json(tomllib.loads(text)))]


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_each_schema_is_a_valid_draft_2020_12_schema_with_a_title(name: str) -> None:
    schema = SCHEMAS[name]
    assert schema["$schema"] == DRAFT == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"].startswith("explainer ") and schema["description"]
    Draft202012Validator.check_schema(schema)


def _properties(node: Any, where: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every (path, property schema) under ``properties`` anywhere in ``node``."""
    found = []
    if isinstance(node, dict):
        for key, prop in (node.get("properties") or {}).items():
            found.append((f"{where}/{key}", prop))
        for key, value in node.items():
            found += _properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for value in node:
            found += _properties(value, where)
    return found


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_every_property_has_a_description(name: str) -> None:
    props = _properties(SCHEMAS[name])
    assert props
    missing = [path for path, prop in props if not prop.get("description")]
    assert missing == []
    assert not any("``" in prop["description"] for _, prop in props)


def test_keys_are_written_as_authors_write_them() -> None:
    pack = SCHEMAS["pack.schema.json"]
    assert "schema" in pack["properties"] and "schema_" not in pack["properties"]
    assert pack["properties"]["schema"]["enum"] == [1]
    assert pack["additionalProperties"] is False
    assert "null" not in str(SCHEMAS)  # TOML has no null: optional keys are left out


@pytest.mark.parametrize("file_name", list(SCHEMA_FOR_FILE))
def test_the_bundled_pack_validates(file_name: str) -> None:
    assert problems(file_name, (bundled_pack_path() / file_name).read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("file_name", list(SCHEMA_FOR_FILE))
def test_the_mini_pack_and_the_scaffold_validate(tmp_path: Path, file_name: str) -> None:
    assert problems(file_name, FILES[file_name]) == []
    folder = write_scaffold(tmp_path / "new")
    assert problems(file_name, (folder / file_name).read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("file_name", "old", "new"),
    [
        ("quiz.toml", 'explanation = "It does."', 'explanaton = "It does."'),  # unknown key
        ("quiz.toml", 'type = "true_false"', 'type = "essay"'),  # unknown type
        ("quiz.toml", "answer = true", 'answer = "yes"'),  # wrong kind of value
        ("quiz.toml", "pass_mark = 0.5", "pass_mark = 7"),  # out of range
        ("quiz.toml", 'id = "pick-one"', 'id = "Pick One"'),  # not a slug
        ("quiz.toml", 'prompt = "Which one?"', 'prompt = ""'),  # empty text
        ("pack.toml", "schema = 1", "schema = 2"),  # unknown format version
        ("pack.toml", "updated = 2025-02-01", 'updated = "yesterday"'),  # not a date
        ("pack.toml", 'summary = "A pack for tests."\n', ""),  # missing required key
        ("explainer.toml", 'date = "2024-10"', 'date = "October"'),  # not an ISO date
    ],
)
def test_a_broken_file_fails(file_name: str, old: str, new: str) -> None:
    text = FILES[file_name]
    assert old in text
    assert problems(file_name, text.replace(old, new, 1))


def test_a_single_question_with_one_choice_fails() -> None:
    quiz = QUIZ_TOML.replace('  [[questions.choices]]\n  text = "Wrong"\n  feedback = "No."\n', "", 1)
    assert problems("quiz.toml", quiz)


def test_write_schemas(tmp_path: Path) -> None:
    written = write_schemas(tmp_path / "a" / "b")
    assert [p.name for p in written] == list(SCHEMAS)
    assert all(p.read_text(encoding="utf-8").endswith("}\n") for p in written)


def test_the_schema_and_the_loader_agree_on_a_valid_pack(tmp_path: Path) -> None:
    """What the loader accepts, the schema accepts (here: every question type)."""
    from explainer.pack import load_pack

    folder = write_scaffold(tmp_path / "every-type")
    load_pack(folder)
    for file_name in SCHEMA_FOR_FILE:
        assert problems(file_name, (folder / file_name).read_text(encoding="utf-8")) == []
    write_pack(tmp_path / "mini")


# ---------------------------------------------------------------- the schema agrees with validate (issue 11)


@pytest.mark.parametrize(
    ("file_name", "old", "new", "words"),
    [
        # an unknown key in a single question is named, not "not valid under any of the given schemas"
        ("quiz.toml", 'prompt = "Which one?"\n', 'prompt = "Which one?"\ncolour = "red"\n', "'colour' was unexpected"),
        ("quiz.toml", 'prompt = "Which one?"', 'prompt = "   "', "does not match"),  # blank text
        ("quiz.toml", "pass_mark = 0.5", "pass_mark = -1", "is less than the minimum"),
        ("quiz.toml", 'type = "single"', 'type = "singel"', "is not one of"),
        ("pack.toml", 'url = "https://example.org/report"', 'url = "example.org/report"', "does not match"),
        ("explainer.toml", 'title = "Intro"', 'title = ""', "should be non-empty"),
    ],
)
def test_the_schema_names_the_same_problem_validate_does(file_name: str, old: str, new: str, words: str) -> None:
    text = FILES[file_name]
    assert old in text
    found = problems(file_name, text.replace(old, new, 1))
    assert any(words in message for message in found), found
    assert not any("is not valid under any of the given schemas" in message for message in found)


def test_a_negative_tolerance_fails_with_minimum() -> None:
    from explainer.pack.schema import file_schema

    schema = file_schema("quiz.schema.json")
    tolerance = schema["$defs"]["NumericQuestion"]["properties"]["tolerance"]
    assert tolerance["minimum"] == 0 and "ge" not in tolerance


def test_dates_are_strings_with_format_date_and_a_pattern() -> None:
    from explainer.pack.schema import file_schema

    updated = file_schema("pack.schema.json")["properties"]["updated"]
    assert updated["format"] == "date" and updated["pattern"] == r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
    assert problems("pack.toml", FILES["pack.toml"].replace("updated = 2025-02-01", 'updated = "01/02/2025"'))

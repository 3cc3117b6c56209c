"""JSON Schema (draft 2020-12) of the three pack files, generated from the pydantic models.

Editors that understand JSON Schema for TOML (taplo, and VS Code's Even Better TOML which
uses it) complete keys, show each field's description and flag wrong values as you type.
``explainer schema`` writes the schemas; ``explainer new`` puts them beside a new pack in
``.schema/`` and points each file at its schema with a ``#:schema`` directive.

The schema describes the shape of each file. Rules that span several values (exactly one
correct choice, ids that must exist in another file, ...) are checked by ``explainer
validate`` only.

No Textual imports here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from explainer.pack.model import ExplainerFile, PackFile, QuizFile

DRAFT = "https://json-schema.org/draft/2020-12/schema"

#: Schema file name -> (model, title, description), in the order of the pack's files.
SCHEMA_FILES: dict[str, tuple[type[BaseModel], str, str]] = {
    "pack.schema.json": (
        PackFile,
        "explainer pack.toml",
        "What the pack is, who wrote it, and the sources it cites (pack.toml of an explainer pack).",
    ),
    "explainer.schema.json": (
        ExplainerFile,
        "explainer explainer.toml",
        "The sections, glossary and timeline the reader reads (explainer.toml of an explainer pack).",
    ),
    "quiz.schema.json": (
        QuizFile,
        "explainer quiz.toml",
        "Quiz settings and questions (quiz.toml of an explainer pack).",
    ),
}

#: The pack file each schema describes.
SCHEMA_FOR_FILE: dict[str, str] = {
    "pack.toml": "pack.schema.json",
    "explainer.toml": "explainer.schema.json",
    "quiz.toml": "quiz.schema.json",
}


class _TomlJsonSchema(GenerateJsonSchema):
    """Pydantic's generator, adjusted for TOML: TOML has no null, so an optional field
    is just a field you may leave out (no ``null`` alternative, no ``"default": null``)."""

    def nullable_schema(self, schema: core_schema.NullableSchema) -> JsonSchemaValue:
        """Describe ``X | None`` as ``X``: in TOML an absent key is how to say "none"."""
        return self.generate_inner(schema["schema"])

    def default_schema(self, schema: core_schema.WithDefaultSchema) -> JsonSchemaValue:
        """Drop ``"default": null`` (meaningless in TOML); keep every other default."""
        result = super().default_schema(schema)
        if result.get("default", ...) is None:
            del result["default"]
        return result


def file_schema(name: str) -> dict[str, Any]:
    """Return the JSON Schema for one file, by schema file name (``"quiz.schema.json"``).

    Pydantic's schema is made to agree with ``explainer validate`` wherever JSON Schema
    can say the rule (:func:`_agree`): number bounds as ``minimum``/``maximum``, dates as
    strings with ``format: date`` and a pattern, and questions chosen by the ``const``
    of their ``type`` with ``if``/``then``, so an editor says which key is wrong in which
    kind of question instead of "not valid under any of the given schemas".
    """
    model, title, description = SCHEMA_FILES[name]
    generated = model.model_json_schema(by_alias=True, mode="validation", schema_generator=_TomlJsonSchema)
    generated.pop("title", None)
    generated.pop("description", None)
    return _plain(_agree({"$schema": DRAFT, "title": title, "description": description, **generated}))


_BOUNDS = {"ge": "minimum", "le": "maximum", "gt": "exclusiveMinimum", "lt": "exclusiveMaximum"}
"""Pydantic's names for number bounds left on a union, and JSON Schema's."""

_DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def _agree(node: Any) -> Any:
    """The schema ``node`` with the adjustments :func:`file_schema` lists."""
    if isinstance(node, list):
        return [_agree(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {(_BOUNDS.get(key, key) if key in _BOUNDS and "anyOf" in node else key): _agree(value) for key, value in node.items()}
    if node.get("format") == "date" and node.get("type") == "string":
        node.setdefault("pattern", _DATE_PATTERN)
    discriminator = node.get("discriminator")
    if isinstance(discriminator, dict) and "oneOf" in node:
        field = discriminator["propertyName"]
        mapping = discriminator["mapping"]
        node = {key: value for key, value in node.items() if key not in ("discriminator", "oneOf")}
        node.update({
            "type": "object",
            "required": [field],
            "properties": {field: {"enum": list(mapping), "description": "The question type: " + ", ".join(mapping) + "."}},
            "allOf": [
                {
                    "if": {"properties": {field: {"const": value, "description": f"A {value} question."}}, "required": [field]},
                    "then": {"$ref": ref},
                }
                for value, ref in mapping.items()
            ],
        })
    return node


def _plain(node: Any) -> Any:
    """Turn the docstrings' ``double backticks`` into Markdown `code` in descriptions."""
    if isinstance(node, dict):
        return {
            key: value.replace("``", "`") if key == "description" and isinstance(value, str) else _plain(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_plain(item) for item in node]
    return node


def all_schemas() -> dict[str, dict[str, Any]]:
    """Return the three schemas, keyed by file name (``pack.schema.json``, ...)."""
    return {name: file_schema(name) for name in SCHEMA_FILES}


def dumps(schema: dict[str, Any]) -> str:
    """Serialise a schema as the files are written: indented, UTF-8, newline at the end."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(folder: str | Path) -> list[Path]:
    """Write the three schema files into ``folder`` (created if missing); return their paths."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in all_schemas().items():
        path = target / name
        path.write_text(dumps(schema), encoding="utf-8")
        written.append(path)
    return written

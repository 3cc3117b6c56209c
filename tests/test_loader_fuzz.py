"""Property tests: whatever is in the three files, the loader raises only PackError.

Arbitrary text, arbitrary TOML documents, and the valid mini pack with arbitrary values
put in at arbitrary places must all end in a loaded Pack or a PackError whose errors
each name a file and a line inside it, never in any other exception.
"""

from __future__ import annotations

import copy
import os
import datetime as dt
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from packs import FILES, write_pack

from explainer.pack import PackError, load_pack
from explainer.pack.errors import ERROR_CODES
from explainer.pack.text import has_forbidden

FILE_NAMES = list(FILES)
BASE = {name: tomllib.loads(text) for name, text in FILES.items()}

#: Characters a pack may not hold (controls, bidi overrides), and some it may, to mix in.
FORBIDDEN_SAMPLE = ["\x00", "\x07", "\x08", "\r", "\x1b", "\x7f", "\x85", "\x9b", "\u202a", "\u202e", "\u2066", "\u2069"]
risky_text = st.text(alphabet=st.sampled_from(FORBIDDEN_SAMPLE + ["a", " ", "\t", "\n", "한", "🎓", "س"]), max_size=12)

scalars = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    risky_text,
    st.sampled_from(["single", "multiple", "true_false", "intro", "law", "report", "", "Asylum"]),
    st.dates(),
    st.datetimes(min_value=dt.datetime(1, 1, 1, 0, 0, 1)),
    st.times(),
)
keys = st.one_of(
    st.sampled_from(["id", "type", "choices", "correct", "section", "sources", "see_also", "schema", "questions"]),
    st.text(min_size=1, max_size=12),
)
toml_values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=4),
    max_leaves=12,
)
# Random examples on a developer's machine; the same examples on every CI run, so CI
# is never red by chance (a failure found locally is replayed from .hypothesis/).
# Examples per test come from the profile tests/conftest.py loads (50 by default,
# EXPLAINER_HYPOTHESIS_PROFILE=long for 2,000).
settings.register_profile(
    "loader",
    parent=settings.default,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=bool(os.environ.get("CI")),
)


def _check(files: dict[str, str | bytes]) -> None:
    """Write ``files`` as a pack and load it: a Pack or a well-formed PackError only."""
    with tempfile.TemporaryDirectory() as folder:
        root = write_pack(Path(folder))
        for name, content in files.items():
            data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
            (root / name).write_bytes(data)
        try:
            pack = load_pack(root)
        except PackError as exc:
            assert exc.errors
            for error in exc.errors:
                assert error.file.name in FILE_NAMES
                text = (root / error.file.name).read_bytes() if (root / error.file.name).exists() else b""
                assert 1 <= error.line <= max(1, text.count(b"\n") + 1)
                assert error.message and "\n" not in error.message
                assert error.hint and "\n" not in error.hint, error  # every error names a fix
                assert error.code in ERROR_CODES and error.severity == "error", error
                assert not has_forbidden(str(error)), error  # safe to print
        else:  # a pack that loads holds no forbidden character in any string
            assert not [text for text in _strings(pack.model_dump(mode="python")) if has_forbidden(text)]


def _strings(data: Any) -> list[str]:
    """Every string in nested dicts, lists and tuples (keys included)."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for key, value in data.items() for s in _strings(key) + _strings(value)]
    if isinstance(data, (list, tuple)):
        return [s for value in data for s in _strings(value)]
    return []


@settings(settings.get_profile("loader"))
@given(name=st.sampled_from(FILE_NAMES), text=st.text(max_size=200))
def test_arbitrary_text(name: str, text: str) -> None:
    _check({name: text})


@settings(settings.get_profile("loader"))
@given(name=st.sampled_from(FILE_NAMES), blob=st.binary(max_size=200))
def test_arbitrary_bytes(name: str, blob: bytes) -> None:
    _check({name: blob})


@settings(settings.get_profile("loader"))
@given(documents=st.dictionaries(st.sampled_from(FILE_NAMES), st.dictionaries(keys, toml_values, max_size=5), max_size=3))
def test_arbitrary_toml_documents(documents: dict[str, dict[str, Any]]) -> None:
    _check({name: tomli_w.dumps(doc) for name, doc in documents.items()})


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path in a parsed TOML document."""
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, prefix + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, prefix + (index,))
    return found


@settings(settings.get_profile("loader"))
@given(data=st.data())
def test_valid_pack_with_arbitrary_values_put_in(data: st.DataObject) -> None:
    files: dict[str, str | bytes] = {}
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        name = data.draw(st.sampled_from(FILE_NAMES))
        document = copy.deepcopy(BASE[name]) if name not in files else tomllib.loads(str(files[name]))
        paths = _paths(document)
        if not paths:  # everything was deleted already
            files[name] = tomli_w.dumps(document)
            continue
        path = data.draw(st.sampled_from(paths))
        parent = document
        for part in path[:-1]:
            parent = parent[part]
        action = data.draw(st.sampled_from(["replace", "delete", "add-key"]))
        if action == "replace":
            parent[path[-1]] = data.draw(toml_values)
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent[path[-1]], dict):
            parent[path[-1]][data.draw(keys)] = data.draw(toml_values)
        files[name] = tomli_w.dumps(document)
    _check(files)


def _field_name(path: tuple[Any, ...]) -> str:
    """The loader's name for a place: ``sections[2].title`` (items counted from 1)."""
    name = ""
    for part in path:
        name += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if name else part)
    return name


@settings(settings.get_profile("loader"))
@given(data=st.data())
def test_a_forbidden_character_in_any_string_of_a_valid_pack_is_refused_there(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(FILE_NAMES))
    document = copy.deepcopy(BASE[name])
    paths = [path for path in _paths(document) if isinstance(_at(document, path), str)]
    path = data.draw(st.sampled_from(paths))
    text = _at(document, path)
    position = data.draw(st.integers(min_value=0, max_value=len(text)))
    char = data.draw(st.sampled_from(FORBIDDEN_SAMPLE))
    parent = _at(document, path[:-1])
    parent[path[-1]] = text[:position] + char + text[position:]
    with tempfile.TemporaryDirectory() as folder:
        root = write_pack(Path(folder))
        (root / name).write_text(tomli_w.dumps(document), encoding="utf-8")
        try:
            load_pack(root)
        except PackError as exc:
            found = [e for e in exc.errors if e.code == "control-character"]
            assert len(found) == 1 and found[0].file.name == name, exc.errors
            assert found[0].message.startswith(f"{_field_name(path)} holds U+{ord(char):04X} "), found[0]
        else:
            raise AssertionError(f"{char!r} put into {path} of {name} was not refused")


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data

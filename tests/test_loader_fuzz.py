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

FILE_NAMES = list(FILES)
BASE = {name: tomllib.loads(text) for name, text in FILES.items()}

scalars = st.one_of(
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
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
settings.register_profile(
    "loader",
    max_examples=150,
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
            load_pack(root)
        except PackError as exc:
            assert exc.errors
            for error in exc.errors:
                assert error.file.name in FILE_NAMES
                text = (root / error.file.name).read_bytes() if (root / error.file.name).exists() else b""
                assert 1 <= error.line <= max(1, text.count(b"\n") + 1)
                assert error.message and "\n" not in error.message
                assert error.hint and "\n" not in error.hint, error  # every error names a fix
                assert error.code in ERROR_CODES and error.severity == "error", error


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

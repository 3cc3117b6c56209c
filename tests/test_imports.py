"""Import hygiene: the content model and the authoring commands never import Textual.

As harlequin does, each check runs in a fresh interpreter and looks at sys.modules, so
the validator stays fast to start and the model stays usable without the UI.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize(
    "module",
    [
        "explainer.pack",
        "explainer.pack.loader",
        "explainer.pack.lint",
        "explainer.pack.schema",
        "explainer.pack.scaffold",
        "explainer.cli",
        "explainer.history",
        "explainer.storage",
        "explainer.storage.paths",
        "explainer.storage.responses",
        "explainer.storage.hashes",
        "explainer.storage.models",
        "explainer.storage.format",
        "explainer.storage.atomic",
        "explainer.storage.store",
        "explainer.settings",
        "explainer.plain",
        "explainer.kinds",
        "explainer.flow",
        "explainer.wording",
    ],
)
def test_module_does_not_import_textual(module: str) -> None:
    code = f"import sys, {module}; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def _run_without_textual(args: list[str]) -> None:
    """Run ``explainer ARGS`` in-process in a fresh interpreter; assert exit 0, no Textual."""
    code = (
        "import sys\n"
        "from explainer.cli import main\n"
        "try:\n"
        f"    main({args!r})\n"
        "except SystemExit as exit:\n"
        "    assert exit.code in (0, None), exit.code\n"
        "print('textual' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stderr.strip().splitlines()[-1] == "False"


def test_validate_command_does_not_import_textual() -> None:
    _run_without_textual(["validate"])


def test_strict_json_validate_does_not_import_textual() -> None:
    _run_without_textual(["validate", "--strict", "--format", "json"])


def test_new_and_schema_do_not_import_textual(tmp_path: Path) -> None:
    _run_without_textual(["new", str(tmp_path / "pack")])
    _run_without_textual(["schema", "--output", str(tmp_path / "schemas")])

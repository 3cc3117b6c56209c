"""Import hygiene: the content model and `explainer validate` never import Textual.

As harlequin does, each check runs in a fresh interpreter and looks at sys.modules, so
the validator stays fast to start and the model stays usable without the UI.
"""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["explainer.pack", "explainer.pack.loader", "explainer.cli"])
def test_module_does_not_import_textual(module: str) -> None:
    code = f"import sys, {module}; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_validate_command_does_not_import_textual() -> None:
    code = (
        "import sys\n"
        "from explainer.cli import main\n"
        "try:\n"
        "    main(['validate'])\n"
        "except SystemExit as exit:\n"
        "    assert exit.code == 0, exit.code\n"
        "print('textual' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stderr.strip().splitlines()[-1] == "False"

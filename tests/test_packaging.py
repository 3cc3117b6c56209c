"""The built wheel works on its own: installed in a fresh virtual environment, run from
a directory that is not the repository, it ships the bundled pack and the app's styles.

The wheel is built and installed once per module (the ``installed`` fixture): building
needs ``build`` (the test extra). The fresh venv is made without pip and the wheel is
installed into it by the test venv's pip (``pip --python``) with ``--no-deps``; the
dependencies come from the test venv's site-packages, which a ``.pth`` file appends to
the fresh venv's path (after its own site-packages, so ``explainer`` is the wheel's,
and without running the test venv's own ``.pth`` files, so the editable install of the
checkout stays out). ``pip check`` then proves the wheel's declared dependencies are
met. That takes about 2 seconds instead of 10 (creating a venv with pip and installing
every dependency into it again).
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
BUNDLED_PACK = "nk-pows"
PACK_FILES = ("pack.toml", "explainer.toml", "quiz.toml")
TIMEOUT = 300  # seconds for one build or install step; a cold pip cache is slow


@dataclass(frozen=True)
class Installed:
    """A wheel of this repository, installed in a fresh virtual environment."""

    wheel: Path
    names: frozenset[str] = field(repr=False)  # every path inside the wheel
    bin: Path  # the venv's bin directory
    workdir: Path  # an empty directory outside the repository to run commands from
    env: dict[str, str] = field(repr=False)

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run a program of the venv (``explainer``, ``python``) from ``workdir``."""
        program, *rest = args
        return subprocess.run(
            [str(self.bin / program), *rest],
            cwd=self.workdir,
            env=self.env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
        )


def _clean_env() -> dict[str, str]:
    """The current environment without anything that would make Python find the repo
    or the test venv's packages instead of the wheel's."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV", "PYTHONSAFEPATH"}
    }
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env["PIP_NO_INPUT"] = "1"
    env["PYTHONNOUSERSITE"] = "1"
    return env


def _check(step: str, result: subprocess.CompletedProcess[str]) -> None:
    if result.returncode != 0:
        pytest.fail(
            f"{step} failed with exit code {result.returncode}\n"
            f"--- stdout\n{result.stdout[-4000:]}\n--- stderr\n{result.stderr[-4000:]}",
            pytrace=False,
        )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """Build the wheel, create a fresh venv, install the wheel (and its dependencies)."""
    root = tmp_path_factory.mktemp("packaging")
    env = _clean_env()
    dist = root / "dist"

    def run(step: str, *command: str | Path) -> None:
        result = subprocess.run(
            [str(part) for part in command],
            cwd=root,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
        _check(step, result)

    run("building the wheel", sys.executable, "-m", "build", "--wheel", "--outdir", dist, REPO)
    wheels = sorted(dist.glob("explainer-*.whl"))
    assert len(wheels) == 1, f"expected one wheel in {dist}, found {[w.name for w in wheels]}"
    wheel = wheels[0]

    venv = root / "venv"
    run("creating a venv", sys.executable, "-m", "venv", "--without-pip", venv)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / "python"
    # The dependencies: the test venv's site-packages, after the fresh venv's own.
    site_packages = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        env=env, capture_output=True, text=True, check=True, timeout=TIMEOUT,
    ).stdout.strip()
    (Path(site_packages) / "test-venv-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    pip = (sys.executable, "-m", "pip", "--python", python)
    run("installing the wheel", *pip, "install", "--no-deps", wheel)
    run("checking the wheel's dependencies are met", *pip, "check")

    workdir = root / "elsewhere"
    workdir.mkdir()
    with zipfile.ZipFile(wheel) as archive:
        names = frozenset(archive.namelist())
    return Installed(wheel=wheel, names=names, bin=bin_dir, workdir=workdir, env=env)


def test_the_installed_package_is_the_wheel_not_the_checkout(installed: Installed) -> None:
    result = installed.run("python", "-c", "import explainer; print(explainer.__file__)")
    _check("importing explainer", result)
    location = Path(result.stdout.strip()).resolve()
    assert installed.bin.parent.resolve() in location.parents, location
    assert REPO not in location.parents, location


def test_explainer_version(installed: Installed) -> None:
    result = installed.run("explainer", "--version")
    _check("explainer --version", result)
    version = installed.wheel.name.split("-")[1]
    assert result.stdout.strip() == f"explainer {version}"
    assert result.stderr == ""


def test_python_m_explainer_version(installed: Installed) -> None:
    result = installed.run("python", "-m", "explainer", "--version")
    _check("python -m explainer --version", result)
    assert result.stdout.startswith("explainer ")


def test_validate_checks_the_bundled_pack(installed: Installed) -> None:
    result = installed.run("explainer", "validate")
    _check("explainer validate", result)
    assert result.stdout.startswith(f"ok: {BUNDLED_PACK}:"), result.stdout
    assert result.stderr == ""


def test_validate_of_a_missing_folder_is_a_usage_error(installed: Installed) -> None:
    result = installed.run("explainer", "validate", "/nonexistent")
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "/nonexistent" in lines[0]
    assert "Traceback" not in result.stderr


def test_the_bundled_pack_is_inside_the_wheel(installed: Installed) -> None:
    for name in PACK_FILES:
        assert f"explainer/_content/{BUNDLED_PACK}/{name}" in installed.names
    # Every file of every pack under content/ ships, at the same relative path.
    for path in sorted((REPO / "content").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            relative = path.relative_to(REPO / "content").as_posix()
            assert f"explainer/_content/{relative}" in installed.names, relative


def test_the_app_styles_are_inside_the_wheel(installed: Installed) -> None:
    styles = sorted(path.relative_to(REPO).as_posix() for path in (REPO / "explainer").rglob("*.tcss"))
    assert styles, "the app has no .tcss files in explainer/"
    missing = [name for name in styles if name not in installed.names]
    assert not missing, f"not in the wheel: {missing}"


def test_the_compiled_catalogs_are_inside_the_wheel_and_speak(installed: Installed) -> None:
    catalogs = sorted(path.relative_to(REPO).as_posix() for path in (REPO / "explainer" / "locale").rglob("*.mo"))
    assert {name.split("/")[2] for name in catalogs} == {"en", "ko", "uk"}
    missing = [name for name in catalogs if name not in installed.names]
    assert not missing, f"not in the wheel: {missing}"
    result = installed.run("explainer", "results", "--lang", "ko")
    _check("explainer results --lang ko", result)
    assert "아직" in result.stdout  # "No finished attempts yet", from the installed Korean catalog


def test_the_wheel_holds_only_the_package(installed: Installed) -> None:
    tops = {name.split("/", 1)[0] for name in installed.names}
    extra = {top for top in tops if top != "explainer" and not top.endswith(".dist-info")}
    assert not extra, f"unexpected top-level entries in the wheel: {sorted(extra)}"

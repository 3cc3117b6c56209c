"""A class in a real browser: Chromium from Debian's packages, driven by Playwright
through ``executable_path`` (Playwright's own browser download cannot work here).

The test starts ``explainer serve`` on 127.0.0.1, opens the page, signs a student in,
reads a section, answers one question right and one wrong, finishes the quiz, and then
finds the attempt with ``explainer results --class``. It saves a PNG of the page.

.ci/run installs Chromium (``apt-get install chromium``) and sets
``EXPLAINER_REQUIRE_BROWSER=1``, so there the test never skips; elsewhere it skips when
Chromium or Playwright is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
REQUIRED = os.environ.get("EXPLAINER_REQUIRE_BROWSER") == "1"

if not REQUIRED:
    pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)", allow_module_level=True)


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def class_pack(folder: Path) -> Path:
    """The mini pack with its choices in file order, so the test knows which key is
    which answer without seeing the screen (the page draws the terminal on a canvas)."""
    shutil.copytree(FIXTURES / "mini", folder)
    quiz = folder / "quiz.toml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("shuffle_choices = true", "shuffle_choices = false"), encoding="utf-8")
    return folder


def wait_until(condition, seconds: float, what: str) -> None:
    """Poll ``condition`` every 0.2 s until it is true; fail after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def served(tmp_path: Path):
    """``explainer serve`` of the class pack on a free loopback port; yields (url,
    class folder, pack folder) and stops the server after the test."""
    pack = class_pack(tmp_path / "pack")
    class_dir = tmp_path / "class"
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "explainer", "serve", str(pack), "--class-dir", str(class_dir), "--port", str(port)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    url = f"http://127.0.0.1:{port}/"

    def up() -> bool:
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                return response.status == 200
        except OSError:
            return False

    try:
        wait_until(up, 30, "explainer serve to answer")
        yield url, class_dir, pack
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:  # pragma: no cover - a stuck server
            server.kill()


def test_a_student_takes_the_quiz_in_chromium_and_the_teacher_sees_the_attempt(served, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    url, class_dir, pack = served
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 720})
            page.goto(url)
            page.wait_for_selector("canvas", timeout=20_000)
            time.sleep(2)  # the app process starts and draws the sign-in screen
            page.mouse.click(550, 360)

            def keys(*names: str, pause: float = 0.5) -> None:
                for name in names:
                    if len(name) == 1:
                        page.keyboard.type(name)
                    else:
                        page.keyboard.press(name)
                    time.sleep(pause)

            keys(*"Ana", "Enter", *"4821", "Enter")
            wait_until(lambda: any((class_dir / "students").glob("ana-*/student.toml")), 20, "the sign-in")
            student = next((class_dir / "students").glob("ana-*"))
            keys("r", pause=1.0)  # start reading: section 1
            wait_until(lambda: (student / "progress").exists() and any((student / "progress").iterdir()), 20, "the section to be read")
            page.screenshot(path=str(tmp_path / "section.png"))
            keys("z", pause=1.0)  # the quiz
            keys("1", "Enter", "n", pause=0.8)  # vote-date: choice 1 is right
            keys("2", "Enter", "n", pause=0.8)  # piers: choice 2 is wrong
            keys("1", "2", "Enter", "n", pause=0.8)  # ferry-facts: both right ones
            keys("1", "Enter", pause=0.8)  # closure: true
            keys("n", pause=1.5)  # see the results: the attempt is recorded
            page.screenshot(path=str(tmp_path / "results.png"))
            assert (tmp_path / "results.png").stat().st_size > 5_000  # a page was drawn
        finally:
            browser.close()

    def recorded() -> bool:
        run = subprocess.run(
            [sys.executable, "-m", "explainer", "results", str(pack), "--class", str(class_dir), "--format", "json"],
            cwd=ROOT, capture_output=True, text=True, timeout=60,
        )
        data = json.loads(run.stdout)
        return bool(data["students"] and data["students"][0]["attempts"])

    wait_until(recorded, 20, "the attempt in explainer results --class")
    run = subprocess.run(
        [sys.executable, "-m", "explainer", "results", str(pack), "--class", str(class_dir), "--format", "json"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    data = json.loads(run.stdout)
    (ana,) = data["students"]
    (attempt,) = ana["attempts"]
    assert ana["name"] == "Ana" and attempt["questions"] == 4 and attempt["correct"] == 3
    items = {item["question"]: item for item in data["items"]}
    assert items["vote-date"]["facility"] == 100 and items["piers"]["facility"] == 0
    assert items["piers"]["distractors"][0] == {"text": "That the bridge is safe for another fifty years", "picked": 1, "share": 1.0}
